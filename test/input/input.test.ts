// Input through the real binary: what validate says about missing, misnamed, hostile or mistyped input.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, edit, positionOf, runCli, writeTree } from '../helpers.js';

interface JsonProblem { ruleId: string; messageId: string; severity: string; message: string; line: number; column: number }
interface JsonOut { results: { file: string; problems: JsonProblem[] }[]; errorCount: number; warningCount: number }

const AS_OF = ['--as-of', '2026-03-31'];

async function json(args: string[], cwd?: string) {
  const r = await runCli(['validate', ...args, ...AS_OF, '--format', 'json'], cwd ? { cwd } : {});
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as JsonOut;
  const of = (suffix: string) => out.results.find((x) => x.file.replaceAll('\\', '/').endsWith(suffix))?.problems ?? [];
  return { code: r.code, out, of };
}

function cell(files: Record<string, string> = {}): string {
  return writeTree({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': BASE_MEETING, ...files });
}

describe('numbers typed with a thousands separator (issue 7)', () => {
  it('amount: 560.000, paid: "1,200", for: 1.200 each get the number to write, at the value', async () => {
    const meeting = BASE_MEETING.replace('amount: 450000', 'amount: 560.000').replace('paid: 9', 'paid: "1,200"').replace('for: 7', 'for: 1.200');
    const dir = cell({ 'meetings/2026-03.yaml': meeting });
    const { code, of } = await json([dir]);
    expect(code).toBe(1);
    const problems = of('2026-03.yaml');
    expect(problems).toHaveLength(3);
    expect(problems).toContainEqual(expect.objectContaining({ messageId: 'thousands', ...positionOf(meeting, 'amount:', '560.000') }));
    expect(problems).toContainEqual(expect.objectContaining({ messageId: 'thousands', ...positionOf(meeting, 'for:', '1.200') }));
    expect(problems).toContainEqual(expect.objectContaining({ messageId: 'thousands', ...positionOf(meeting, 'paid:', '"1,200"') }));
    expect(problems.find((p) => p.line === positionOf(meeting, 'amount:').line)!.message).toMatch(/“560\.000”.*viết liền: 560000\.$/);
    expect(problems.find((p) => p.line === positionOf(meeting, 'paid:').line)!.message).toMatch(/“1,200”.*viết liền: 1200\.$/);
  });

  it('a text field holding 1.200 is not a number mistake', async () => {
    const meeting = BASE_MEETING.replace('place: Nhà văn hóa khu dân cư số 5', 'place: Hội trường 1.200');
    const { of } = await json([cell({ 'meetings/2026-03.yaml': meeting })]);
    expect(of('2026-03.yaml')).toEqual([]);
  });
});

describe('inputs that give nothing to check never end clean (issue 7)', () => {
  it('a folder with no .yaml file: exit 2 and a message naming the folder', async () => {
    const dir = writeTree({ 'ghi-chu.txt': 'x' });
    const r = await runCli(['validate', dir, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('Không có vấn đề nào');
    expect(r.stdout).toContain(dir);
    expect(r.stdout).toContain('không có tệp .yaml');
  });

  it('a cell that sent only cell.yaml: exit 1, an error on cell.yaml', async () => {
    const dir = writeTree({ 'cell.yaml': BASE_CELL });
    const { code, of } = await json([dir]);
    expect(code).toBe(1);
    expect(of('cell.yaml')).toContainEqual(expect.objectContaining({ ruleId: 'input', messageId: 'noRecords', severity: 'error' }));
  });

  it('a folder of records without cell.yaml: exit 1, an error that says to add it', async () => {
    const dir = writeTree({ 'meetings/2026-03.yaml': BASE_MEETING });
    const r = await runCli(['validate', dir, ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/lỗi\s+Không tìm thấy cell\.yaml.*cellctl init/);
  });

  it('a quoted pattern that matches nothing: exit 2, naming the pattern', async () => {
    const dir = cell();
    const r = await runCli(['validate', 'khong-co/*/meetings', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Không có tệp hoặc thư mục nào khớp với mẫu “khong-co/*/meetings”');
  });
});

describe('Notepad names and quoted globs (issue 7)', () => {
  it('2027-01.yaml.txt and .yml.txt get a warning saying what to rename them to; .YAML is read', async () => {
    const dir = cell({ 'meetings/2026-04.yaml.txt': BASE_MEETING, 'meetings/2026-05.yml.txt': BASE_MEETING, 'meetings/2026-06.YAML': '- a\n' });
    const { of } = await json([dir]);
    expect(of('2026-04.yaml.txt')).toEqual([expect.objectContaining({ ruleId: 'input', messageId: 'misnamed', severity: 'warning' })]);
    expect(of('2026-04.yaml.txt')[0]!.message).toContain('đổi tên thành “2026-04.yaml”');
    expect(of('2026-05.yml.txt')[0]!.message).toContain('“2026-05.yml”');
    expect(of('2026-06.YAML')).toContainEqual(expect.objectContaining({ ruleId: 'schema' }));
  });

  it('"cells/*/meetings" and "**/*.yaml" are expanded by cellctl itself', async () => {
    const bad = edit(BASE_MEETING, (d) => d.set('end', '15:00'));
    const root = writeTree({
      'cells/a/cell.yaml': BASE_CELL, 'cells/a/meetings/2026-03.yaml': bad,
      'cells/b/cell.yaml': BASE_CELL, 'cells/b/meetings/2026-03.yaml': bad,
    });
    const byDir = await json(['cells/*/meetings'], root);
    expect(byDir.of('a/meetings/2026-03.yaml')).toContainEqual(expect.objectContaining({ ruleId: 'duration-min' }));
    expect(byDir.of('b/meetings/2026-03.yaml')).toContainEqual(expect.objectContaining({ ruleId: 'duration-min' }));
    const byFile = await json(['**/*.yaml'], root);
    expect(byFile.out.results.map((r) => r.file.replaceAll('\\', '/')).sort()).toEqual([
      'cells/a/cell.yaml', 'cells/a/meetings/2026-03.yaml', 'cells/b/cell.yaml', 'cells/b/meetings/2026-03.yaml',
    ]);
  });
});

describe('hostile input is a positioned problem, the run carries on (issue 8)', () => {
  it('"- " 3,000 times then an indented line: a problem in that file, the other files still checked, also in render', async () => {
    const dir = cell({ 'meetings/2026-04.yaml': `${'- '.repeat(3000)}\n  x: 1\n` });
    const { code, of } = await json([dir]);
    expect(code).toBe(1);
    expect(of('2026-04.yaml')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', messageId: 'tooDeep', line: 1, column: 1 })]);
    expect(of('2026-03.yaml')).toEqual([]);
    const out = join(dir, 'out');
    const r = await runCli(['render', dir, '--out', out, ...AS_OF]);
    expect(r.stderr).not.toMatch(/internal error|lỗi nội bộ/);
    expect(r.stderr).toContain('2026-04.yaml');
    expect(r.stdout).toContain('2026-03-bien-ban.docx');
  });

  it('20,000 nested brackets: a positioned problem, not a crash', async () => {
    const dir = cell({ 'meetings/2026-04.yaml': `place: ${'['.repeat(20000)}${']'.repeat(20000)}\n` });
    const { code, of } = await json([dir]);
    expect(code).toBe(1);
    expect(of('2026-04.yaml')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', messageId: 'tooDeep', line: 1 })]);
  });

  it('50,000 unknown keys: the list is capped at 100 with a line counting the rest', { timeout: 120_000 }, async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `khoa${i}: x`).join('\n');
    const dir = cell({ 'meetings/2026-03.yaml': `${BASE_MEETING}${keys}\n` });
    const { code, out, of } = await json([dir]);
    expect(code).toBe(1);
    const problems = of('2026-03.yaml');
    expect(problems).toHaveLength(101);
    const summary = problems[100]!;
    expect(summary).toMatchObject({ ruleId: 'problem-limit', messageId: 'more', severity: 'error' });
    expect(summary.message).toContain('49 900 vấn đề khác');
    expect(out.errorCount).toBe(50_000);
  });

  it('one YAML error repeated on many lines is reported once, with the count', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `  - { member: A${i}, status: present`).join('\n');
    const dir = cell({ 'meetings/2026-04.yaml': `attendance:\n${lines}\n` });
    const { of } = await json([dir]);
    const problems = of('2026-04.yaml');
    expect(problems.length).toBeLessThan(10);
    expect(problems.some((p) => /lặp lại \d+ lần/.test(p.message))).toBe(true);
    // The parser's own reasons are English: a Vietnamese run says what to fix in Vietnamese.
    for (const p of problems) expect(p.message).not.toMatch(/\b(the|not|token|allowed|must|need|key|keys|line)\b/i);
  });

  it('an undefined alias has its own message, at the alias', async () => {
    const dir = cell({ 'meetings/2026-04.yaml': 'kind: regular\nplace: *noi-hop\n' });
    const { of } = await json([dir]);
    expect(of('2026-04.yaml')).toEqual([expect.objectContaining({ messageId: 'undefinedAlias', line: 2, column: 8 })]);
    expect(of('2026-04.yaml')[0]!.message).toContain('“&noi-hop”');
  });

  it('UTF-16 without a BOM says to save as UTF-8', async () => {
    const dir = cell();
    writeFileSync(join(dir, 'meetings', '2026-04.yaml'), Buffer.from('kind: regular\nplace: Nhà văn hóa\n', 'utf16le'));
    const { of } = await json([dir]);
    expect(of('2026-04.yaml')).toEqual([expect.objectContaining({ ruleId: 'encoding', messageId: 'utf16NoBom' })]);
    expect(of('2026-04.yaml')[0]!.message).toContain('UTF-8');
  });

  it('a key that is a list is a positioned problem, and no Node warning leaks to stderr', async () => {
    const dir = cell({ 'meetings/2026-04.yaml': 'kind: regular\n? [a, b]\n: 1\n', 'meetings/2026-05.yaml': 'kind: &k regular\n[a, b]: 1\n' });
    const { of } = await json([dir]);
    expect(of('2026-04.yaml')).toEqual([expect.objectContaining({ messageId: 'complexKey', line: 2, column: 3 })]);
    expect(of('2026-05.yaml')).toEqual([expect.objectContaining({ messageId: 'complexKey', line: 2, column: 1 })]);
  });

  it('a duplicate key names the key and the line it was first written on', async () => {
    const meeting = BASE_MEETING.replace('place: Nhà văn hóa', 'chair: Trần Thị Bình\nplace: Nhà văn hóa');
    const { of } = await json([cell({ 'meetings/2026-03.yaml': meeting })]);
    const dup = of('2026-03.yaml').find((p) => p.messageId === 'duplicateKey')!;
    expect(dup).toMatchObject({ line: positionOf(meeting, 'chair: Nguyễn').line, column: 1 });
    expect(dup.message).toContain('“chair”');
    expect(dup.message).toContain(`dòng ${positionOf(meeting, 'chair: Trần').line};`);
  });
});

describe('control characters (issue 8, defect 1)', () => {
  it('DEL and C0 inside names, in cell.yaml and the record, are reported at the character', async () => {
    const cellText = BASE_CELL.replace('name: Nguyễn Văn An', 'name: Nguyễn\u007fVăn An');
    const meeting = BASE_MEETING.replace('chair: Nguyễn Văn An', 'chair: Nguyễn\u0001Văn An').replace('place: Nhà văn hóa khu dân cư số 5', 'place: "Nh\\x00à văn hóa"');
    const dir = writeTree({ 'cell.yaml': cellText, 'meetings/2026-03.yaml': meeting });
    const { code, of } = await json([dir]);
    expect(code).toBe(1);
    expect(of('cell.yaml')).toContainEqual(expect.objectContaining({ ruleId: 'encoding', messageId: 'controlChar', ...positionOf(cellText, 'Nguyễn\u007f', '\u007f') }));
    expect(of('2026-03.yaml')).toContainEqual(expect.objectContaining({ ruleId: 'encoding', messageId: 'controlChar', ...positionOf(meeting, 'chair:', '\u0001') }));
    expect(of('2026-03.yaml')).toContainEqual(expect.objectContaining({ ruleId: 'encoding', messageId: 'controlEscape', ...positionOf(meeting, 'place:', '"') }));
    expect(of('cell.yaml').find((p) => p.messageId === 'controlChar')!.message).toContain('U+007F');
  });
});

describe('a folder that cannot be read (issue 8, defect 9)', () => {
  it('a symlink loop where a folder was is reported, and the run does not exit 0', async () => {
    const dir = cell();
    symlinkSync('vong-b', join(dir, 'meetings', 'vong-a'));
    symlinkSync('vong-a', join(dir, 'meetings', 'vong-b'));
    const { code, of } = await json([dir]);
    expect(code).toBe(2);
    expect(of('meetings/vong-a')).toEqual([expect.objectContaining({ ruleId: 'read-error', messageId: 'dirUnreadable' })]);
  });

  // Tests run as root, for whom chmod 000 denies nothing: run cellctl as `nobody` with setpriv when there is one.
  const canDrop = (() => {
    try {
      execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']);
      return process.getuid?.() === 0;
    } catch {
      return false;
    }
  })();
  it.skipIf(!canDrop)('chmod 000 on a folder of records, read as another user: a problem naming the folder, exit 2', () => {
    const dir = cell({ 'meetings/khoa/2026-04.yaml': BASE_MEETING });
    execFileSync('chmod', ['-R', 'a+rX', dir]);
    chmodSync(join(dir, 'meetings', 'khoa'), 0o000);
    let code = 0;
    let stdout = '';
    try {
      stdout = execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(__dirname, '..', '..', 'bin', 'cellctl'), 'validate', dir, ...AS_OF], { encoding: 'utf8' });
    } catch (e) {
      code = (e as { status: number }).status;
      stdout = (e as { stdout: string }).stdout;
    }
    chmodSync(join(dir, 'meetings', 'khoa'), 0o755);
    expect(code).toBe(2);
    expect(stdout).toMatch(/meetings\/khoa\n\s+1:1\s+lỗi\s+Không đọc được thư mục này \(EACCES\)/);
  });
});
