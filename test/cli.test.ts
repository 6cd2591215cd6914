// CLI scenarios through the real bin/cellctl (built by `npm test`'s pretest): stdout, stderr and exit codes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, edit, runCli, writeTree } from './helpers.js';


/** Run the real binary with a clean colour environment. */
const cellctl = runCli;

/** A cell folder with the baseline profile, a clean year plan-free record set, checked as of March. */
function cleanCell(extra: Record<string, string> = {}): string {
  return writeTree({
    'cell.yaml': edit(BASE_CELL, (d) => d.set('recordsFrom', '2026-03')),
    'meetings/2026-03.yaml': BASE_MEETING,
    ...extra,
  });
}

const AS_OF = ['--as-of', '2026-03-31'];

describe('cellctl validate', () => {
  it('exits 0 and says so on a clean cell', async () => {
    const dir = cleanCell();
    const r = await cellctl(['validate', dir, ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Không có vấn đề nào');
  });

  it('prints the JSON contract: one object with results, counts, positions', async () => {
    const dir = cleanCell({ 'meetings/2026-03.yaml': edit(BASE_MEETING, (d) => d.set('end', '15:00')) });
    const r = await cellctl(['validate', dir, ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      results: { file: string; problems: Record<string, unknown>[] }[];
      errorCount: number;
      warningCount: number;
    };
    expect(Object.keys(out).sort()).toEqual(['errorCount', 'results', 'warningCount']);
    const meeting = out.results.find((x) => x.file.endsWith('2026-03.yaml'))!;
    expect(meeting.file).toBe(join(dir, 'meetings', '2026-03.yaml'));
    expect(meeting.problems).toEqual([
      expect.objectContaining({ ruleId: 'duration-min', severity: 'error', line: 6, column: 6, path: '/end' }),
    ]);
    expect(out.errorCount).toBe(1);
  });

  it('names files as the user gave them (relative paths stay relative)', async () => {
    const dir = cleanCell({ 'meetings/2026-03.yaml': edit(BASE_MEETING, (d) => d.set('end', '15:00')) });
    const r = await cellctl(['validate', '.', ...AS_OF, '--format', 'json'], { cwd: dir });
    const files = (JSON.parse(r.stdout) as { results: { file: string }[] }).results.map((x) => x.file);
    expect(files).toEqual(['cell.yaml', 'meetings/2026-03.yaml']);
  });

  it('speaks English with --lang en and Vietnamese by default', async () => {
    const dir = cleanCell({ 'meetings/2026-03.yaml': edit(BASE_MEETING, (d) => d.set('end', '15:00')) });
    const vi = await cellctl(['validate', dir, ...AS_OF]);
    const en = await cellctl(['validate', dir, ...AS_OF, '--lang', 'en']);
    expect(vi.stdout).toContain('1 lỗi');
    expect(en.stdout).toContain('1 error');
    expect(en.stdout).toMatch(/\b6:6\s+error\b/);
  });

  it('colours only when forced (or in a terminal), never with NO_COLOR or in a pipe', async () => {
    const dir = cleanCell({ 'meetings/2026-03.yaml': edit(BASE_MEETING, (d) => d.set('end', '15:00')) });
    const piped = await cellctl(['validate', dir, ...AS_OF]);
    const forced = await cellctl(['validate', dir, ...AS_OF], { env: { FORCE_COLOR: '1' } });
    const noColor = await cellctl(['validate', dir, ...AS_OF], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(piped.stdout).not.toContain('\u001b[');
    expect(forced.stdout).toContain('\u001b[31m');
    // The user's explicit NO_COLOR wins over an inherited FORCE_COLOR.
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('--quiet hides warnings; --max-warnings turns too many into exit 1', async () => {
    // The probationary member does not vote, so the absence is a warning only (attendance quality).
    const warn = edit(BASE_MEETING, (d) => d.setIn(['attendance', 7], d.createNode({ member: 'Bùi Thị Nga', status: 'unexcused' })));
    const dir = cleanCell({ 'meetings/2026-03.yaml': warn });
    const plain = await cellctl(['validate', dir, ...AS_OF, '--format', 'json']);
    const counts = JSON.parse(plain.stdout) as { errorCount: number; warningCount: number };
    expect(counts.warningCount).toBeGreaterThan(0);
    const quiet = await cellctl(['validate', dir, ...AS_OF, '--format', 'json', '--quiet']);
    const q = JSON.parse(quiet.stdout) as { results: { problems: { severity: string }[] }[]; warningCount: number };
    expect(q.warningCount).toBe(0);
    expect(q.results.flatMap((x) => x.problems).every((p) => p.severity === 'error')).toBe(true);
    expect(counts.errorCount).toBe(0);
    expect(plain.code).toBe(0);
    expect((await cellctl(['validate', dir, ...AS_OF, '--max-warnings', '0'])).code).toBe(1);
    expect((await cellctl(['validate', dir, ...AS_OF, '--max-warnings', String(counts.warningCount)])).code).toBe(0);
  });

  it('prints SARIF 2.1.0 with rule ids and regions', async () => {
    const dir = cleanCell({ 'meetings/2026-03.yaml': edit(BASE_MEETING, (d) => d.set('end', '15:00')) });
    const r = await cellctl(['validate', dir, ...AS_OF, '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as { version: string; runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results[0]).toMatchObject({
      ruleId: 'duration-min',
      level: 'error',
      locations: [{ physicalLocation: { region: { startLine: 6, startColumn: 6 } } }],
    });
  });

  it('applies a superior committee rules file given with --rules', async () => {
    const dir = cleanCell({
      'meetings/2026-03.yaml': edit(BASE_MEETING, (d) => d.set('end', '15:00')),
      '../committee-rules.yaml': 'duration-min:\n  options:\n    regular: 60\n',
    });
    const r = await cellctl(['validate', dir, ...AS_OF, '--rules', join(dir, '..', 'committee-rules.yaml')]);
    expect(r.code).toBe(0);
  });

  it('refuses a broken rules file with its file, line and column (exit 2)', async () => {
    const dir = cleanCell();
    const rules = join(dir, 'rules.yaml');
    writeFileSync(rules, 'duration-min:\n  options:\n    regular: 60\nduraton-max:\n  severity: off\n');
    const r = await cellctl(['validate', join(dir, 'meetings'), ...AS_OF, '--rules', rules, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${rules}:4:1:`);
    expect(r.stderr).toContain('duration-min');
    expect(r.stdout).toBe('');
  });
});

describe('usage errors exit 2 with a message, never a stack trace', () => {
  it.each([
    [['validate']],
    [['validate', '.', '--format', 'xml']],
    [['validate', '.', '--as-of', '2026-02-30']],
    [['validate', '.', '--max-warnings', '-1']],
    [['frobnicate']],
  ])('%j', async (args) => {
    const r = await cellctl(args);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.length).toBeGreaterThan(0);
  });

  it('--version and --help exit 0', async () => {
    const v = await cellctl(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = await cellctl(['validate', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--max-warnings');
  });

  it('cellctl schema prints a schema and rejects an unknown one', async () => {
    const ok = await cellctl(['schema', 'meeting']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ title: expect.stringContaining('buổi sinh hoạt') });
    expect((await cellctl(['schema', 'nope'])).code).toBe(2);
  });
});

describe('bad input: a clear problem with its position, and the run carries on', () => {
  async function problemsFor(name: string, content: string | Buffer) {
    const dir = cleanCell();
    writeFileSync(join(dir, 'meetings', name), content);
    const r = await cellctl(['validate', dir, ...AS_OF, '--format', 'json', '--lang', 'en']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { results: { file: string; problems: { ruleId: string; messageId: string; line: number; column: number; message: string }[] }[] };
    // The good record beside the bad one is still checked and still clean.
    expect(out.results.find((x) => x.file.endsWith('2026-03.yaml'))!.problems).toEqual([]);
    return { code: r.code, problems: out.results.find((x) => x.file.endsWith(name))!.problems };
  }

  it('malformed YAML', async () => {
    const { code, problems } = await problemsFor('bad.yaml', 'kind: regular\ndate: [2026-03-05\n');
    expect(code).toBe(1);
    expect(problems[0]).toMatchObject({ ruleId: 'yaml-syntax', line: expect.any(Number), column: expect.any(Number) });
  });

  it('a YAML alias bomb', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    const { code, problems } = await problemsFor('bomb.yaml', `${bomb.join('\n')}\n`);
    expect(code).toBe(1);
    expect(problems[0]).toMatchObject({ ruleId: 'yaml-syntax', messageId: 'aliasBomb' });
  });

  it('a 50 MB file', async () => {
    const { code, problems } = await problemsFor('huge.yaml', Buffer.alloc(50 * 1024 * 1024, 'a'));
    expect(code).toBe(1);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'file-too-large', line: 1, column: 1 })]);
  });

  it('invalid UTF-8, at the line and column of the bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('kind: regular\nplace: Nh'), Buffer.from([0xe0, 0x28]), Buffer.from('\n')]);
    const { problems } = await problemsFor('latin.yaml', bytes);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'encoding', messageId: 'invalidUtf8', line: 2, column: 10 })]);
  });

  it('a UTF-16 file from Notepad', async () => {
    const { problems } = await problemsFor('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: regular\n', 'utf16le')]));
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'encoding', messageId: 'utf16' })]);
  });

  it('a BOM and CRLF line ends are accepted, positions still right', async () => {
    const text = `\uFEFF${edit(BASE_MEETING, (d) => d.set('date', '2026-02-30')).replace(/\n/g, '\r\n')}`;
    const { problems } = await problemsFor('2026-03-bom.yaml', text);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'schema', messageId: 'date', line: 4, column: 7 })]);
  });

  it('tabs used for indentation', async () => {
    const { code, problems } = await problemsFor('tabs.yaml', 'kind: regular\nvote:\n\tfor: 7\n');
    expect(code).toBe(1);
    expect(problems[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 3 });
  });

  it('an unknown key, with a suggestion', async () => {
    const text = BASE_MEETING.replace('secretary:', 'secretery:');
    const { problems } = await problemsFor('2026-03-typo.yaml', text);
    expect(problems).toContainEqual(expect.objectContaining({ ruleId: 'schema', messageId: 'unknownKeySuggest', line: 9, column: 1 }));
    expect(problems).toContainEqual(expect.objectContaining({ ruleId: 'schema', messageId: 'required' }));
  });

  it('a wrong type', async () => {
    const text = edit(BASE_MEETING, (d) => d.setIn(['vote', 'for'], 'bảy'));
    const { problems } = await problemsFor('2026-03-type.yaml', text);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'schema', messageId: 'type' })]);
  });

  it('a date that does not exist: 2026-02-30', async () => {
    const text = edit(BASE_MEETING, (d) => d.set('date', '2026-02-30'));
    const { problems } = await problemsFor('2026-02.yaml', text);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'schema', messageId: 'date', line: 4, column: 7 })]);
  });

  it('duplicate keys', async () => {
    const { problems } = await problemsFor('dup.yaml', 'kind: regular\nkind: thematic\n');
    expect(problems[0]).toMatchObject({ ruleId: 'yaml-syntax', messageId: 'duplicateKey', line: 2, column: 1 });
  });

  it('a directory named like a record is walked, not read', async () => {
    const dir = cleanCell();
    mkdirSync(join(dir, 'meetings', '2026-04.yaml'));
    const r = await cellctl(['validate', dir, ...AS_OF]);
    expect(r.code).toBe(0);
  });

  it('a directory given where a file is expected is walked too; a missing path exits 2 and the rest is still checked', async () => {
    const dir = cleanCell({ 'meetings/2026-03.yaml': edit(BASE_MEETING, (d) => d.set('end', '15:00')) });
    const r = await cellctl(['validate', join(dir, 'missing.yaml'), dir, ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { results: { file: string; problems: { ruleId: string; messageId: string }[] }[] };
    expect(out.results.find((x) => x.file.endsWith('missing.yaml'))!.problems).toEqual([
      expect.objectContaining({ ruleId: 'read-error', messageId: 'notFound' }),
    ]);
    expect(out.results.find((x) => x.file.endsWith('2026-03.yaml'))!.problems).toEqual([
      expect.objectContaining({ ruleId: 'duration-min' }),
    ]);
  });

  it('an empty file and a file that is only a list', async () => {
    const empty = await problemsFor('empty.yaml', '');
    expect(empty.problems[0]).toMatchObject({ ruleId: 'schema', messageId: 'type', line: 1, column: 1 });
    const list = await problemsFor('list.yaml', '- a\n- b\n');
    expect(list.problems[0]).toMatchObject({ ruleId: 'schema', messageId: 'type' });
  });
});

describe('suggestions for typos', () => {
  it('names a roster member one tone mark away, and the step id one letter away', async () => {
    const meeting = BASE_MEETING.replace('chair: Nguyễn Văn An', 'chair: Nguyen Văn An').replace('step: news-briefing', 'step: news-briefng');
    const dir = cleanCell({ 'meetings/2026-03.yaml': meeting, 'meetings/2026-04.yaml': edit(BASE_MEETING, (d) => { d.set('date', '2026-04-06'); d.set('chair', 'Nguyễn Văn Ân'); }) });
    const r = await cellctl(['validate', dir, '--as-of', '2026-03-31', '--format', 'json']);
    const problems = (JSON.parse(r.stdout) as { results: { problems: { ruleId: string; message: string }[] }[] }).results.flatMap((x) => x.problems);
    expect(problems.find((p) => p.ruleId === 'schema')!.message).toMatch(/có phải là “news-briefing”\?/i);
    expect(problems.find((p) => p.ruleId === 'chair-secretary')!.message).toContain('Có phải là “Nguyễn Văn An”?');
  });
});
