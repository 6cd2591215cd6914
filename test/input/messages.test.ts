// Messages that say what to write instead, in Vietnamese only, through the real binary.
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, positionOf, runCli, writeTree } from '../helpers.js';

interface JsonProblem { ruleId: string; messageId: string; message: string; line: number; column: number }

async function problems(files: Record<string, string>, file: string): Promise<JsonProblem[]> {
  const dir = writeTree(files);
  const r = await runCli(['validate', dir, '--as-of', '2026-03-31', '--format', 'json']);
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { results: { file: string; problems: JsonProblem[] }[] };
  return out.results.find((x) => x.file.endsWith(file))!.problems;
}

// Words commander prints on its own; none may reach a Vietnamese run.
const COMMANDER_ENGLISH = /Usage|Options|Commands|Arguments|\[options\]|\[command\]|display help|output the version|default:|choices:|error:|unknown|missing|required|argument|too many|Did you mean|Expected|invalid/;

describe('dates, times and enum values typed the Vietnamese way (issue 7)', () => {
  it('15/01/2027 and 2027-1-5 → "viết 2027-01-15"; 19h30 and 21g15 → "19:30"', async () => {
    const meeting = BASE_MEETING.replace('date: 2026-03-05', 'date: 05/03/2026')
      .replace('start: "14:00"', 'start: 14h00').replace('end: "16:00"', 'end: 16g15')
      .replace('deadline: 2026-03-31', 'deadline: 2026-3-31');
    const found = await problems({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': meeting }, '2026-03.yaml');
    const at = (needle: string) => found.find((p) => p.line === positionOf(meeting, needle).line)!;
    expect(at('date: 05').message).toBe('Ngày phải viết theo dạng năm-tháng-ngày: hãy viết 2026-03-05 thay cho “05/03/2026”.');
    expect(at('deadline:').message).toContain('hãy viết 2026-03-31');
    expect(at('start:').message).toContain('hãy viết "14:00"');
    expect(at('end:').message).toContain('hãy viết "16:15"');
    for (const p of found) expect(p.message).not.toContain('có thật');
  });

  it('a date that does not exist still says so', async () => {
    const meeting = BASE_MEETING.replace('date: 2026-03-05', 'date: 30/02/2026');
    const found = await problems({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': meeting }, '2026-03.yaml');
    expect(found).toContainEqual(expect.objectContaining({ messageId: 'date' }));
  });

  it('phó bí thư, chính thức, có mặt, vắng có lý do → the code to write', async () => {
    const cell = BASE_CELL.replace('role: deputy-secretary', 'role: phó bí thư').replace('status: probationary', 'status: Chính thức');
    const meeting = BASE_MEETING.replace('{ member: Trần Thị Bình, status: present }', '{ member: Trần Thị Bình, status: có mặt }')
      .replace('status: excused', 'status: vắng có lý do');
    const inCell = await problems({ 'cell.yaml': cell, 'meetings/2026-03.yaml': BASE_MEETING }, 'cell.yaml');
    expect(inCell.map((p) => p.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Hãy viết mã “deputy-secretary” thay cho “phó bí thư”/),
      expect.stringMatching(/^Hãy viết mã “official” thay cho “Chính thức”/),
    ]));
    const inMeeting = await problems({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': meeting }, '2026-03.yaml');
    expect(inMeeting.map((p) => p.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Hãy viết mã “present” thay cho “có mặt”/),
      expect.stringMatching(/^Hãy viết mã “excused” thay cho “vắng có lý do”/),
    ]));
  });

  it('the roster left as init wrote it → "bỏ dấu # ở các dòng mẫu"', async () => {
    const dir = writeTree({});
    const init = await runCli(['init', `${dir}/chi-bo`, '--name', 'Chi bộ Khu dân cư số 3', '--parent', 'Đảng bộ phường Hoàng Liệt', '--place', 'Hoàng Liệt']);
    expect(init.code).toBe(0);
    const r = await runCli(['validate', `${dir}/chi-bo`, '--as-of', '2026-03-31']);
    expect(r.stdout).toContain('bỏ dấu # ở các dòng mẫu');
  });
});

describe('commander in Vietnamese (issue 7)', () => {
  it('cellctl --help and cellctl validate --help have no English commander words', async () => {
    for (const args of [['--help'], ['validate', '--help'], ['render', '--help'], ['help', 'plan']]) {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Cách dùng:');
      expect(r.stdout).toContain('[tùy-chọn]');
      expect(r.stdout).not.toMatch(COMMANDER_ENGLISH);
    }
  });

  it('unknown option, missing argument, too many arguments, bad choice: Vietnamese, exit 2', async () => {
    const cases: [string[], string][] = [
      [['validate', '--bogus', 'x'], "lỗi: không có tùy chọn '--bogus'"],
      [['validate'], "lỗi: thiếu tham số bắt buộc 'đường-dẫn'"],
      [['schema', 'cell', 'plan'], "lỗi: lệnh 'schema' nhận tối đa 1 tham số nhưng được đưa 2"],
      [['validate', '--format', 'xml', 'x'], "lỗi: giá trị 'xml' của tùy chọn '-f, --format <định-dạng>' không hợp lệ; chỉ được chọn: stylish, json, sarif."],
      [['validate', '--jobs', 'abc', 'x'], 'phải là số nguyên không âm.'],
      [['frob'], "lỗi: không có lệnh 'frob'"],
    ];
    for (const [args, expected] of cases) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(expected);
      expect(r.stderr).not.toMatch(COMMANDER_ENGLISH);
    }
  });

  it('--lang en keeps commander English', async () => {
    const r = await runCli(['validate', '--bogus', 'x', '--lang', 'en']);
    expect(r.stderr).toContain("error: unknown option '--bogus'");
  });
});
