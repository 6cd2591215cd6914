// `cellctl new` on the example cell, through the real binary: the record written, what it holds, and that it
// validates only once its blanks are filled.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, parse, parseDocument, visit, type Document } from 'yaml';
import type { CellProfile, MeetingRecord } from '../../src/model.js';
import { copyExample, runCli } from '../helpers.js';

const CELL = 'chi-bo-khu-dan-cu-12';

/** The example cell copied to a temporary folder; returns [parent folder, cell folder]. */
function example(): [string, string] {
  const cellDir = copyExample(CELL);
  return [join(cellDir, '..'), cellDir];
}

function read(path: string): MeetingRecord {
  return parse(readFileSync(path, 'utf8')) as MeetingRecord;
}

/** Members of the example cell on a date, in roster order (since ≤ date < until). */
function activeMembers(cellDir: string, date: string): CellProfile['members'] {
  const cell = parse(readFileSync(join(cellDir, 'cell.yaml'), 'utf8')) as CellProfile;
  return cell.members.filter((m) => (m.since === undefined || m.since <= date) && (m.until === undefined || m.until > date));
}

/** Problems cellctl validate reports on one file of the cell (json format), and the run's exit code. */
async function problemsIn(cwd: string, rel: string, asOf: string): Promise<{ code: number; problems: { ruleId: string; line: number; message: string }[] }> {
  // One thread: the whole cell is small, and the machine is shared.
  const run = await runCli(['validate', CELL, '--format', 'json', '--as-of', asOf, '--jobs', '1'], { cwd });
  const out = JSON.parse(run.stdout) as { results: { file: string; problems: { ruleId: string; line: number; message: string }[] }[] };
  return { code: run.code, problems: out.results.find((r) => r.file === join(CELL, rel))?.problems ?? [] };
}

/** The number in a text (a comment) such as " số đồng chí đã nộp (chi bộ có 24 đồng chí)" or " tối đa 5 điểm". */
function numberIn(comment: string | null | undefined, pattern: RegExp): number {
  const m = pattern.exec(comment ?? '');
  if (!m) throw new Error(`no number matching ${pattern} in comment "${comment}"`);
  return Number(m[1]);
}

/**
 * Fill every blank of a new record as a secretary would, through the yaml Document API (comments kept):
 * texts, task results, the vote from the eligible count in its comment, dues, and the score from the maxima
 * in the criteria's comments.
 */
function fillBlanks(doc: Document, chair: string, leave: readonly string[] = []): void {
  const date = String(doc.get('date'));
  // The number of eligible voters is in the comment above `vote:` (a thematic record has no vote).
  const text = doc.toString();
  const eligible = text.includes('\nvote:') ? numberIn(text, /(\d+) đồng chí có quyền biểu quyết/) : 0;
  const texts: Record<string, string> = {
    content: 'Nội dung đã ghi đầy đủ theo diễn biến buổi sinh hoạt.',
    speaker: chair,
    opinion: 'Nhất trí với dự thảo; đề nghị phân công cụ thể từng tổ đảng.',
    result: 'Đã thực hiện theo kế hoạch.',
    strengths: 'Đảng viên thực hiện nghiêm nghị quyết tháng trước.',
    shortcomings: 'Một số việc còn chậm so với thời hạn.',
    task: 'Thu đảng phí tháng này',
    owner: chair,
  };
  let sum = 0;
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) return;
      const key = String(pair.key.value);
      const value = pair.value;
      if (leave.includes(key)) return;
      if (value.value === '' && texts[key] !== undefined) value.value = texts[key];
      if (value.value !== null) return;
      if (key === 'done') value.value = true;
      else if (key === 'deadline') value.value = `${date.slice(0, 8)}28`;
      else if (key === 'for') value.value = eligible;
      else if (key === 'against') value.value = 0;
      else if (key === 'paid') value.value = numberIn(value.comment, /chi bộ có (\d+) đồng chí/);
      else if (key === 'amount') value.value = 1195000;
      else if (key === 'total') value.value = sum;
      else if (key === 'rating') value.value = 'good';
      else if (/tối đa (\d+) điểm/.test(value.comment ?? '') && key !== 'total') {
        value.value = numberIn(value.comment, /tối đa (\d+) điểm/);
        sum += Number(value.value);
      }
    },
  });
}

/** Fill the record at `path` (all but the keys in `leave`) and write it back. */
function fillFile(path: string, leave: readonly string[] = []): void {
  const doc = parseDocument(readFileSync(path, 'utf8'));
  fillBlanks(doc, String(doc.get('chair')), leave);
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
}

/** Every scalar left blank ("" or empty) in a parsed record, as JSON-pointer-like paths. */
function blanks(path: string): string[] {
  const out: string[] = [];
  const walk = (node: unknown, at: string): void => {
    if (isMap(node)) for (const p of node.items) walk(p.value, `${at}/${isScalar(p.key) ? String(p.key.value) : '?'}`);
    else if (isSeq(node)) node.items.forEach((n, i) => walk(n, `${at}/${i}`));
    else if (isScalar(node) && (node.value === '' || node.value === null)) out.push(at);
  };
  walk(parseDocument(readFileSync(path, 'utf8')).contents, '');
  return out;
}

const REGULAR_STEPS = [
  'opening', 'appoint-secretary', 'attendance-report', 'dues-report', 'agenda', 'news-briefing', 'review', 'next-tasks',
  'discussion', 'chair-conclusion', 'vote-resolution', 'quality-assessment', 'adopt-minutes',
];
const THEMATIC_STEPS = ['appoint-secretary', 'attendance-report', 'thematic-purpose', 'thematic-presentation', 'thematic-discussion', 'thematic-conclusion', 'adopt-minutes'];
const COMBINED_STEPS = [
  'opening', 'appoint-secretary', 'attendance-report', 'dues-report', 'agenda', 'news-briefing', 'review', 'next-tasks',
  'discussion', 'chair-conclusion', 'vote-resolution', 'thematic-purpose', 'thematic-presentation', 'thematic-discussion',
  'thematic-conclusion', 'quality-assessment', 'adopt-minutes',
];

// Each test runs the binary four to six times, validation of a whole year included: minutes on a busy machine.
describe('cellctl new', { timeout: 120_000 }, () => {
  it('writes the next regular record after planning the year: roster, steps, last month\'s tasks, skeletons', async () => {
    const [cwd, cellDir] = example();
    expect((await runCli(['plan', CELL, '--year', '2027'], { cwd })).code).toBe(0);
    const run = await runCli(['new', CELL], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const path = join(cellDir, 'meetings', '2027-01.yaml');
    expect(run.stdout).toBe(
      `Đã ghi ${join(CELL, 'meetings', '2027-01.yaml')}\n` +
        'Còn phải điền: nội dung 12 bước, ý kiến thảo luận, ưu điểm, hạn chế, kết quả 6 nhiệm vụ tháng trước, nhiệm vụ tháng tới, biểu quyết, đảng phí, chấm điểm.\n',
    );

    const text = readFileSync(path, 'utf8');
    expect(parseDocument(text).errors).toEqual([]);
    // The same $schema line as the cell's other records.
    expect(text.split('\n')[0]).toBe(readFileSync(join(cellDir, 'meetings', '2026-12.yaml'), 'utf8').split('\n')[0]);
    const record = read(path);
    const plan = parse(readFileSync(join(cellDir, 'plan-2027.yaml'), 'utf8')) as { meetings: { date: string; kind: string; start: string; end: string; place: string }[] };
    const planned = plan.meetings[0]!;
    expect(record).toMatchObject({ kind: 'regular', status: 'draft', date: planned.date, start: planned.start, end: planned.end, place: planned.place });
    expect(record.chair).toBe('Nguyễn Văn Hùng');
    expect(record.secretary).toBe('Phạm Thị Hoa');

    // Every member active on the date, in roster order; exempted members as in December's record.
    const december = read(join(cellDir, 'meetings', '2026-12.yaml'));
    expect(record.attendance.map((a) => a.member)).toEqual(activeMembers(cellDir, record.date).map((m) => m.name));
    for (const a of record.attendance) {
      const member = activeMembers(cellDir, record.date).find((m) => m.name === a.member)!;
      const last = december.attendance.find((d) => d.member === a.member)!;
      if (member.status === 'exempted') expect(a).toEqual(last);
      else expect(a).toEqual({ member: a.member, status: 'present' });
    }

    // The profile's required steps in order, each with its comment and an empty content (or speakers).
    expect(record.steps.map((s) => s.step)).toEqual(REGULAR_STEPS);
    const lines = text.split('\n');
    for (const step of REGULAR_STEPS) {
      const above = lines[lines.indexOf(`  - step: ${step}`) - 1]!;
      expect(above).toMatch(/^ {2}# \S.{20,}/u);
    }
    for (const s of record.steps) {
      if (s.step === 'discussion') expect(s.speakers).toEqual([{ speaker: '', opinion: '' }]);
      else expect(s.content).toBe('');
    }

    // December's resolution tasks copied one by one, results to fill; next month's tasks as a skeleton.
    expect(record.resolution?.number).toBe((december.resolution?.number ?? 0) + 1);
    expect(record.resolution?.review?.tasks?.map((t) => t.task)).toEqual(december.resolution?.tasks?.map((t) => t.task));
    for (const t of record.resolution?.review?.tasks ?? []) expect(t).toEqual({ task: t.task, result: '', done: null });
    expect(record.resolution?.tasks).toEqual([{ task: '', owner: '', deadline: null }]);
    expect(record.vote).toEqual({ for: null, against: null });
    expect(record.dues).toMatchObject({ paid: null, amount: null, note: 'Đảng phí tháng 12/2026' });
    // The scoring sheet's criteria with their maxima in comments (hd42-2025).
    expect(Object.keys(record.score?.criteria ?? {})).toEqual(['duration', 'attendance', 'preparation', 'conduct', 'principles', 'results', 'closing']);
    expect(text).toMatch(/conduct: # tối đa 40 điểm/);
    // 19 official members active in January 2027, all present by default (validate's count).
    expect(text).toMatch(/# Biểu quyết: 19 đồng chí có quyền biểu quyết/);

    // Unfilled, it does not validate; filled in through the yaml Document API, it does, with no problem.
    const before = await problemsIn(cwd, 'meetings/2027-01.yaml', '2027-01-31');
    expect(before.code).toBe(1);
    expect(before.problems.length).toBeGreaterThan(0);
    fillFile(path);
    expect(blanks(path)).toEqual([]);
    const after = await problemsIn(cwd, 'meetings/2027-01.yaml', '2027-01-31');
    expect(after.problems).toEqual([]);
    expect(after.code).toBe(0);
  });

  it('writes a thematic session on --date, with the plan\'s topic and presenter, and no resolution', async () => {
    const [cwd, cellDir] = example();
    const path = join(cellDir, 'meetings', '2026-09-chuyen-de.yaml');
    rmSync(path);
    const run = await runCli(['new', CELL, '--date', '2026-09-17'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Đã ghi ${join(CELL, 'meetings', '2026-09-chuyen-de.yaml')}\nCòn phải điền: nội dung 6 bước, ý kiến thảo luận.\n`);
    const record = read(path);
    expect(record).toMatchObject({
      kind: 'thematic',
      date: '2026-09-17',
      topic: {
        title: 'Chuyển đổi số ở khu dân cư - đảng viên đi đầu sử dụng VNeID, dịch vụ công trực tuyến, thanh toán không dùng tiền mặt và Sổ tay đảng viên điện tử',
        presenter: 'Lý Thu Trang',
      },
    });
    expect(record.steps.map((s) => s.step)).toEqual(THEMATIC_STEPS);
    expect(record.steps.find((s) => s.step === 'thematic-presentation')?.presenter).toBe('Lý Thu Trang');
    // Đinh Công Thịnh left on 2026-08-15; Vũ Thanh Hà joined on 2026-04-10.
    expect(record.attendance.map((a) => a.member)).toEqual(activeMembers(cellDir, '2026-09-17').map((m) => m.name));
    expect(record.attendance.map((a) => a.member)).not.toContain('Đinh Công Thịnh');
    expect(record.resolution).toBeUndefined();
    expect(record.vote).toBeUndefined();
    expect(record.score).toBeUndefined();

    expect((await problemsIn(cwd, 'meetings/2026-09-chuyen-de.yaml', '2026-12-31')).code).toBe(1);
    fillFile(path);
    const after = await problemsIn(cwd, 'meetings/2026-09-chuyen-de.yaml', '2026-12-31');
    expect(after.problems).toEqual([]);
    expect(after.code).toBe(0);

    // A topic the plan gives to a party group: the member who presents it for the group is to be named.
    const july = join(cellDir, 'meetings', '2026-07-chuyen-de.yaml');
    rmSync(july);
    const group = await runCli(['new', CELL, '--date', '2026-07-16'], { cwd });
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('Còn phải điền: người trình bày chuyên đề, nội dung 6 bước, ý kiến thảo luận.');
    expect(read(july).topic?.presenter).toBe('');
    expect(readFileSync(july, 'utf8')).toContain('presenter: "" # họ tên đồng chí thay mặt Tổ đảng số 3 trình bày (theo kế hoạch)');
  });

  it('writes a combined sitting, the first planned one without a record, numbered after the last resolution', async () => {
    const [cwd, cellDir] = example();
    const path = join(cellDir, 'meetings', '2026-05.yaml');
    const original = read(path);
    rmSync(path);
    const run = await runCli(['new', CELL], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Đã ghi ${join(CELL, 'meetings', '2026-05.yaml')}\n`);
    expect(run.stdout).toContain('Còn phải điền: nội dung 15 bước, ý kiến thảo luận, ưu điểm, hạn chế, kết quả 6 nhiệm vụ tháng trước');
    const record = read(path);
    expect(record).toMatchObject({ kind: 'combined', date: '2026-05-05', start: '19:30', end: '21:45', topic: { title: original.topic!.title, presenter: 'Trần Thị Thu' } });
    expect(record.steps.map((s) => s.step)).toEqual(COMBINED_STEPS);
    expect(record.resolution?.number).toBe(original.resolution?.number);
    const april = read(join(cellDir, 'meetings', '2026-04.yaml'));
    expect(record.resolution?.review?.tasks?.map((t) => t.task)).toEqual(april.resolution?.tasks?.map((t) => t.task));
    expect(record.attendance.map((a) => a.member)).toEqual(activeMembers(cellDir, '2026-05-05').map((m) => m.name));
    expect(record.score?.criteria).toBeDefined();

    expect((await problemsIn(cwd, 'meetings/2026-05.yaml', '2026-12-31')).code).toBe(1);
    // Everything filled but the steps' contents: each empty step is still reported, where it is (h-rules).
    const unfilled = readFileSync(path, 'utf8');
    fillFile(path, ['content']);
    const contentLines = readFileSync(path, 'utf8').split('\n').flatMap((l, i) => (l.trim() === 'content: ""' ? [i + 1] : []));
    expect(contentLines).toHaveLength(15);
    const onlyContent = await problemsIn(cwd, 'meetings/2026-05.yaml', '2026-12-31');
    expect(onlyContent.code).toBe(1);
    expect(onlyContent.problems.map((p) => [p.line, p.ruleId])).toEqual(contentLines.map((l) => [l, 'meeting-steps']));
    writeFileSync(path, unfilled);
    fillFile(path);
    const after = await problemsIn(cwd, 'meetings/2026-05.yaml', '2026-12-31');
    expect(after.problems).toEqual([]);
    expect(after.code).toBe(0);
  });

  it('never overwrites a record without --force, nor through a link even with it', async () => {
    const [cwd, cellDir] = example();
    const path = join(cellDir, 'meetings', '2026-05.yaml');
    const kept = readFileSync(path, 'utf8');
    const refused = await runCli(['new', CELL, '--date', '2026-05-05'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`cellctl: ${join(CELL, 'meetings', '2026-05.yaml')}: hồ sơ đã có; dùng --force để ghi đè\n`);
    expect(readFileSync(path, 'utf8')).toBe(kept);

    const forced = await runCli(['new', CELL, '--date', '2026-05-05', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(read(path).steps.every((s) => s.content === '' || s.speakers !== undefined)).toBe(true);

    // A dangling link is something there: kept without --force, and never replaced (nor followed) with it.
    rmSync(path);
    symlinkSync(join(cwd, 'elsewhere.yaml'), path);
    expect((await runCli(['new', CELL, '--date', '2026-05-05'], { cwd })).code).toBe(2);
    const viaLink = await runCli(['new', CELL, '--date', '2026-05-05', '--force'], { cwd });
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr).toContain('không phải tệp thường');
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(existsSync(join(cwd, 'elsewhere.yaml'))).toBe(false);
  });

  it('takes a stub from plan --with-meetings for a sitting without a record, and replaces it only with --force', async () => {
    const [cwd, cellDir] = example();
    expect((await runCli(['plan', CELL, '--year', '2027', '--with-meetings'], { cwd })).code).toBe(0);
    const path = join(cellDir, 'meetings', '2027-01.yaml');
    const stub = readFileSync(path, 'utf8');
    expect(stub).toContain('stub: true');
    const refused = await runCli(['new', CELL], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `cellctl: ${join(CELL, 'meetings', '2027-01.yaml')}: đang là bản khung do cellctl plan tạo; dùng --force để thay bằng hồ sơ điền sẵn này\n`,
    );
    expect(readFileSync(path, 'utf8')).toBe(stub);
    const replaced = await runCli(['new', CELL, '--force'], { cwd });
    expect(replaced.code).toBe(0);
    const record = read(path);
    expect(record.stub).toBeUndefined();
    expect(record.date).toBe('2027-01-05');
    expect(record.resolution?.review?.tasks?.length).toBe(6);
  });

  it('neither hangs on a FIFO among the records nor offers again a sitting whose record has problems', async () => {
    const [cwd, cellDir] = example();
    execFileSync('mkfifo', [join(cellDir, 'meetings', '2026-05-ban-nhap.yaml')]);
    // The September record is broken (no place, a bad time) but still says which sitting it is.
    const september = join(cellDir, 'meetings', '2026-09.yaml');
    writeFileSync(september, readFileSync(september, 'utf8').replace(/^place: .*\n/m, '').replace(/^end: .*$/m, 'end: 21h15'));
    rmSync(join(cellDir, 'meetings', '2026-10.yaml'));
    const run = await runCli(['new', CELL], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Đã ghi ${join(CELL, 'meetings', '2026-10.yaml')}`);
    // September's resolution cannot be read: August's tasks and number would be wrong, so none are copied.
    expect(run.stdout).toContain('nhiệm vụ tháng trước (hồ sơ kỳ trước còn lỗi)');
    const october = read(join(cellDir, 'meetings', '2026-10.yaml'));
    expect(october.resolution?.review?.tasks).toBeUndefined();
    expect(october.resolution?.number).toBeUndefined();
    expect(readFileSync(join(cellDir, 'meetings', '2026-10.yaml'), 'utf8')).toContain('hồ sơ ngày 07/9/2026 (2026-09.yaml) còn lỗi');
  });

  it('says how to go on when every planned sitting has a record, and when the cell has no plan', async () => {
    const [cwd, cellDir] = example();
    const done = await runCli(['new', CELL], { cwd });
    expect(done.code).toBe(2);
    expect(done.stderr).toContain(`lập kế hoạch năm 2027 (cellctl plan`);
    rmSync(join(cellDir, 'plan-2026.yaml'));
    const noPlan = await runCli(['new', CELL], { cwd });
    expect(noPlan.code).toBe(2);
    expect(noPlan.stderr).toContain('chưa có kế hoạch năm');
    expect(noPlan.stderr).not.toMatch(/\n\s+at /);
  });
});
