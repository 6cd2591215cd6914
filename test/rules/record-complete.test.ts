// A record is complete: required steps carry real content, and stubs are errors only once their day has passed.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, copyExample, edit, lintMeeting, runCli, writeTree } from '../helpers.js';
import { at } from './year-fixtures.js';

interface JsonProblem {
  ruleId: string;
  messageId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  path: string;
}
interface JsonRun {
  results: { file: string; problems: JsonProblem[] }[];
  errorCount: number;
}

/** Validate with the real binary, JSON output. */
async function validateJson(args: string[]): Promise<{ code: number; json: JsonRun; stderr: string }> {
  const r = await runCli(['validate', ...args, '--format', 'json']);
  return { code: r.code, json: JSON.parse(r.stdout) as JsonRun, stderr: r.stderr };
}

describe('required steps need real content', () => {
  it('reports an empty content of a required step at its content, naming what belongs there', async () => {
    const text = edit(BASE_MEETING, (d) => d.setIn(['steps', 6, 'content'], ''));
    expect(text).toContain("content: \"\"");
    const problems = (await lintMeeting('meeting-steps', text)).filter((p) => p.messageId === 'emptyContent');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: '/steps/6/content',
        ...at(text, 'content: ""', '""'),
        data: expect.objectContaining({ step: 'review', title: 'Đánh giá kết quả thực hiện nhiệm vụ tháng trước' }),
      }),
    ]);
    expect(problems[0]!.message).toBe(
      'Bước "Đánh giá kết quả thực hiện nhiệm vụ tháng trước" còn để trống: ghi vào content kết quả thực hiện từng nhiệm vụ của nghị quyết tháng trước.',
    );
  });

  it('takes white space for empty, and leaves a step with real content alone', async () => {
    const blank = edit(BASE_MEETING, (d) => d.setIn(['steps', 0, 'content'], '   \n  '));
    expect((await lintMeeting('meeting-steps', blank)).map((p) => [p.messageId, p.path])).toEqual([['emptyContent', '/steps/0/content']]);
    expect(await lintMeeting('meeting-steps', BASE_MEETING)).toEqual([]);
  });

  it('an empty recommended step is a warning, not an error', async () => {
    const text = edit(BASE_MEETING, (d) => d.setIn(['steps', 3, 'content'], ''));
    const problems = await lintMeeting('meeting-steps', text);
    expect(problems.map((p) => [p.messageId, p.severity, p.path])).toEqual([['emptyContent', 'warning', '/steps/3/content']]);
  });

  it('a record whose contents are all empty is not ✔: validate exits 1 and render refuses it (real binary)', async () => {
    // Every step keeps its id but says nothing, as a stub whose "stub: true" line was deleted.
    const empty = edit(BASE_MEETING, (d) => {
      const steps = d.get('steps') as { items: { set(k: string, v: string): void }[] };
      for (const step of steps.items) step.set('content', '');
    });
    const dir = writeTree({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': empty });
    const file = join(dir, 'meetings', '2026-03.yaml');
    const { code, json } = await validateJson([file, '--as-of', '2026-03-31']);
    expect(code).toBe(1);
    const problems = json.results.flatMap((r) => r.problems);
    expect(problems.every((p) => p.messageId === 'emptyContent')).toBe(true);
    expect(problems.filter((p) => p.severity === 'error').length).toBeGreaterThanOrEqual(10);
    expect(problems.map((p) => p.message)).toContain(
      'Bước "Thông qua nội dung, chương trình sinh hoạt" còn để trống: ghi vào content nội dung, chương trình sinh hoạt đã được thông qua.',
    );
    const rendered = await runCli(['render', file, '--out', join(dir, 'out')]);
    expect(rendered.code).toBe(1);
    expect(rendered.stderr).toContain('còn để trống');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a stub with its stub line deleted is reported step by step (real binary)', async () => {
    const cell = copyExample();
    const planned = await runCli(['plan', cell, '--year', '2027', '--with-meetings']);
    expect(planned.code, planned.stderr).toBe(0);
    const file = join(cell, 'meetings', '2027-01.yaml');
    const stub = readFileSync(file, 'utf8');
    expect(stub).toMatch(/^stub: true$/m);
    writeFileSync(file, stub.replace(/^stub: true\n/m, ''));
    const { code, json } = await validateJson([file, '--as-of', '2027-01-31']);
    expect(code).toBe(1);
    const empty = json.results.flatMap((r) => r.problems).filter((p) => p.messageId === 'emptyContent');
    expect(empty.length).toBeGreaterThan(5);
    expect(empty.every((p) => /^\/steps\/\d+\/content$/.test(p.path))).toBe(true);
  });
});

describe('stubs of sittings still to come are not problems', () => {
  it('plan --with-meetings then validate at the end of the year before: exit 0 (real binary)', async () => {
    const cell = copyExample();
    expect((await runCli(['plan', cell, '--year', '2027', '--with-meetings'])).code).toBe(0);
    expect(readdirSync(join(cell, 'meetings')).filter((f) => f.startsWith('2027-')).length).toBeGreaterThanOrEqual(12);
    const { code, json } = await validateJson([cell, '--as-of', '2026-12-31']);
    expect(json.results.flatMap((r) => r.problems)).toEqual([]);
    expect(code).toBe(0);
  });

  it('mid-year: stubs dated after --as-of are silent, a past one still a stub is an error (real binary)', async () => {
    const cell = copyExample();
    const meetings = join(cell, 'meetings');
    // The cell has kept its records up to June; the rest of the year is planned as stubs.
    for (const f of readdirSync(meetings)) if (f >= '2026-07') rmSync(join(meetings, f));
    const planned = await runCli(['plan', cell, '--year', '2026', '--with-meetings', '--out', join(cell, '..', 'plan-new.yaml')]);
    expect(planned.code, planned.stderr).toBe(0);
    const stubs = readdirSync(meetings).filter((f) => /^stub: true$/m.test(readFileSync(join(meetings, f), 'utf8')));
    const dateOf = (f: string) => /^date: (\S+)$/m.exec(readFileSync(join(meetings, f), 'utf8'))![1]!;
    const past = stubs.filter((f) => dateOf(f) <= '2026-06-30');
    const future = stubs.filter((f) => dateOf(f) > '2026-06-30');
    expect(future.length).toBeGreaterThanOrEqual(6);

    const first = await validateJson([cell, '--as-of', '2026-06-30']);
    const withProblems = first.json.results.filter((r) => r.problems.length > 0);
    // Only the past stubs (the planner's thematic months the cell held on other days) are reported, once each.
    expect(withProblems.map((r) => r.file.split('/').pop()).sort()).toEqual([...past].sort());
    for (const r of withProblems) expect(r.problems.map((p) => [p.ruleId, p.severity])).toEqual([['record-complete', 'error']]);

    for (const f of past) rmSync(join(meetings, f));
    const second = await validateJson([cell, '--as-of', '2026-06-30']);
    expect(second.json.results.flatMap((r) => r.problems)).toEqual([]);
    expect(second.code).toBe(0);

    // A month later July's stub is a past sitting still unwritten: red again, on that file.
    const later = await validateJson([cell, '--as-of', '2026-07-31']);
    expect(later.code).toBe(1);
    const july = later.json.results.find((r) => r.file.endsWith('2026-07.yaml'))!;
    expect(july.problems.map((p) => p.ruleId)).toContain('record-complete');
  });
});
