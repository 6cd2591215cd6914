// `cellctl plan` and `cellctl init` through the real bin/cellctl (built by `npm test`'s pretest).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exampleCellWithoutCustoms, runCli, writeTree } from '../helpers.js';

const cellctl = (args: string[], cwd: string) => runCli(args, { cwd });

/** A temporary folder holding `cb/cell.yaml`, a copy of the example cell's profile. */
function exampleCell(): string {
  return writeTree({ 'cb/cell.yaml': exampleCellWithoutCustoms() });
}

describe('cellctl plan', () => {
  it('writes plan-YYYY.yaml that validates, refuses to overwrite it, shows a diff, overwrites with --force', async () => {
    const root = exampleCell();
    const file = join(root, 'cb', 'plan-2027.yaml');

    const first = await cellctl(['plan', 'cb', '--year', '2027'], root);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('Đã ghi cb/plan-2027.yaml: 12 kỳ sinh hoạt thường kỳ, 4 chuyên đề, 29 mốc công việc.\n');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=.cellctl/schemas/0.1.0/plan.schema.json');
    expect((parse(text) as { meetings: unknown[] }).meetings).toHaveLength(16);
    const valid = await cellctl(['validate', 'cb'], root);
    expect(valid.stdout).toContain('Không có vấn đề nào');
    expect(valid.code).toBe(0);

    const again = await cellctl(['plan', 'cb', '--year', '2027'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');

    // An edited plan: --dry-run shows what planning again would change and writes nothing.
    const edited = text.replace('2027-03-05', '2027-03-04');
    writeFileSync(file, edited);
    const dry = await cellctl(['plan', 'cb', '--year', '2027', '--dry-run'], root);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^={3,}\nIndex|^--- cb\/plan-2027\.yaml|^Index: /m);
    expect(dry.stdout).toContain('-  - { date: 2027-03-04');
    expect(dry.stdout).toContain('+  - { date: 2027-03-05');
    expect(readFileSync(file, 'utf8')).toBe(edited);

    const forced = await cellctl(['plan', 'cb', '--year', '2027', '--force'], root);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
    const same = await cellctl(['plan', 'cb', '--year', '2027', '--dry-run'], root);
    expect(same.stdout).toBe('Không có thay đổi: cb/plan-2027.yaml (no changes)\n');
  });

  it('writes to --out, and a dry run of a new file diffs against nothing', async () => {
    const root = exampleCell();
    const dry = await cellctl(['plan', 'cb', '--year', '2028', '--out', 'ke-hoach.yaml', '--dry-run'], root);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('--- /dev/null');
    expect(dry.stdout).toContain('+year: 2028');
    expect(existsSync(join(root, 'ke-hoach.yaml'))).toBe(false);
    const run = await cellctl(['plan', 'cb', '--year', '2028', '--out', 'ke-hoach.yaml'], root);
    expect(run.code).toBe(0);
    expect(existsSync(join(root, 'ke-hoach.yaml'))).toBe(true);
  });

  it('warns on stderr about more than 6 thematic sessions', async () => {
    const root = exampleCell();
    writeFileSync(join(root, 'cb', 'cell.yaml'), `${exampleCellWithoutCustoms()}customs:\n  thematic: { count: 8 }\n`);
    const run = await cellctl(['plan', 'cb', '--year', '2027'], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('cảnh báo: 8 chuyên đề trong năm');
  });

  it('refuses a bad year, a folder without cell.yaml and an invalid profile', async () => {
    const root = exampleCell();
    expect((await cellctl(['plan', 'cb', '--year', '27'], root)).code).toBe(2);
    expect((await cellctl(['plan', 'cb'], root)).code).toBe(2);
    const missing = await cellctl(['plan', '.', '--year', '2027'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('không có cell.yaml');
    writeFileSync(join(root, 'cb', 'cell.yaml'), `${exampleCellWithoutCustoms()}customs:\n  meetingDay: { kind: day-of-month, day: 31 }\n`);
    const invalid = await cellctl(['plan', 'cb', '--year', '2027'], root);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/cb\/cell\.yaml:\d+:\d+: /);
  });

  it('--ics, --docx and --with-meetings write the calendar, the plan document and one stub per sitting', async () => {
    const root = exampleCell();
    const run = await cellctl(['plan', 'cb', '--year', '2027', '--ics', 'lich-2027.ics', '--docx', '--with-meetings'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const plan = parse(readFileSync(join(root, 'cb', 'plan-2027.yaml'), 'utf8')) as { meetings: { date: string; kind: string }[]; events: unknown[] };

    // The calendar, read back by an independent parser: one event per sitting and per dated task.
    const ICAL = (await import('ical.js')).default;
    const vcal = new ICAL.Component(ICAL.parse(readFileSync(join(root, 'lich-2027.ics'), 'utf8')));
    expect(vcal.getAllSubcomponents('vevent')).toHaveLength(plan.meetings.length + plan.events.length);

    // The thematic plan as a Party document.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(join(root, 'cb', 'ke-hoach-chuyen-de-2027.docx')));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('KẾ HOẠCH');
    expect(xml).toContain('sinh hoạt chuyên đề năm 2027');

    // One stub per sitting; sittings still to come are no problem for the validator, nothing else is wrong.
    const stubs = readdirSync(join(root, 'cb', 'meetings'));
    expect(stubs).toHaveLength(plan.meetings.length);
    const check = await cellctl(['validate', 'cb', '--as-of', '2027-01-02', '--format', 'json'], root);
    const problems = (JSON.parse(check.stdout) as { results: { problems: { ruleId: string }[] }[] }).results.flatMap((r) => r.problems);
    expect(problems.map((p) => p.ruleId)).toEqual([]);

    // Once its day has passed, render refuses a stub, and renders it as a draft with --draft.
    const first = join('cb', 'meetings', stubs[0]!);
    expect((await cellctl(['render', first, '--as-of', '2027-12-31'], root)).code).toBe(1);
    expect((await cellctl(['render', first, '--as-of', '2027-12-31', '--draft'], root)).code).toBe(0);
  });

  it('keeps every existing file without --force, and never replaces a filled-in record even with it', async () => {
    const root = exampleCell();
    expect((await cellctl(['plan', 'cb', '--year', '2027', '--with-meetings'], root)).code).toBe(0);
    const record = join(root, 'cb', 'meetings', readdirSync(join(root, 'cb', 'meetings'))[0]!);
    writeFileSync(record, 'kind: regular # đã ghi biên bản\n');
    // The plan exists: it is kept and the stubs come from it (test/plan/plan-companions.test.ts); planning anew needs --force.
    const again = await cellctl(['plan', 'cb', '--year', '2027'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    const forced = await cellctl(['plan', 'cb', '--year', '2027', '--with-meetings', '--force'], root);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('Giữ nguyên hồ sơ đã có');
    expect(readFileSync(record, 'utf8')).toBe('kind: regular # đã ghi biên bản\n');
  });
});

describe('cellctl init', () => {
  it('writes a cell folder that validates once three official members are uncommented', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cellctl-init-'));
    const run = await cellctl(
      ['init', 'chi-bo-khu-dan-cu-12/', '--name', 'Chi bộ Khu dân cư số 12', '--parent', 'Đảng bộ phường Hoàng Liệt', '--place', 'Hoàng Liệt'],
      root,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('chi-bo-khu-dan-cu-12/cell.yaml\n');
    const file = join(root, 'chi-bo-khu-dan-cu-12', 'cell.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=.cellctl/schemas/0.1.0/cell.schema.json');
    expect(text).toContain('#customs:');
    expect(existsSync(join(root, 'chi-bo-khu-dan-cu-12', 'meetings'))).toBe(true);
    expect(parse(text)).toMatchObject({ name: 'Chi bộ Khu dân cư số 12', parent: { name: 'Đảng bộ phường Hoàng Liệt', kind: 'ward' }, type: 'residential', members: null });

    // The roster is still to be filled in: not valid yet.
    expect((await cellctl(['validate', 'chi-bo-khu-dan-cu-12'], root)).code).toBe(1);
    // Uncomment the first three examples (all official, one bí thư).
    const lines = text.split('\n');
    const start = lines.indexOf('#  - id: an');
    const end = lines.indexOf('#  - id: dung');
    for (let i = start; i < end; i++) lines[i] = lines[i]!.slice(1);
    writeFileSync(file, lines.join('\n'));
    // The profile is valid; a cell with nothing but cell.yaml is still not "no problems" (issue 7).
    const valid = await cellctl(['validate', 'chi-bo-khu-dan-cu-12', '--format', 'json'], root);
    expect(JSON.parse(valid.stdout).results.flatMap((r: { problems: { messageId: string }[] }) => r.problems.map((p) => p.messageId))).toEqual(['noRecords']);
    expect(valid.code).toBe(1);

    // The customs block, uncommented whole, is valid too and drives the plan.
    writeFileSync(file, lines.map((l) => (/^#(customs:| {2}\S| {4}\S| {6}\S| {8}\S)/.test(l) ? l.slice(1) : l)).join('\n'));
    expect(parse(readFileSync(file, 'utf8')).customs).toMatchObject({ time: '19:30', thematic: { count: 4 } });
    const customs = await cellctl(['validate', 'chi-bo-khu-dan-cu-12', '--format', 'json'], root);
    expect(JSON.parse(customs.stdout).results.flatMap((r: { problems: { messageId: string }[] }) => r.problems.map((p) => p.messageId))).toEqual(['noRecords']);
    const plan = await cellctl(['plan', 'chi-bo-khu-dan-cu-12', '--year', '2027'], root);
    expect(plan.code).toBe(0);
    expect((await cellctl(['validate', 'chi-bo-khu-dan-cu-12'], root)).code).toBe(0);

    const again = await cellctl(['init', 'chi-bo-khu-dan-cu-12', '--name', 'X', '--parent', 'Y', '--place', 'Z'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    const forced = await cellctl(['init', 'chi-bo-khu-dan-cu-12', '--name', 'X', '--parent', 'Y', '--place', 'Z', '--type', 'administrative', '--force'], root);
    expect(forced.code).toBe(0);
    expect(parse(readFileSync(file, 'utf8'))).toMatchObject({ name: 'X', parent: { name: 'Y' }, type: 'administrative' });
  });
});
