// committee.yaml is checked as a committee file wherever it is named, not as a meeting record.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/lint/collect.js';
import { runCli } from '../helpers.js';

describe('committee.yaml by name', () => {
  it('is classified as a committee file, whatever folder holds it', () => {
    expect(classify('/x/dang-uy/committee.yaml')).toBe('committee');
    expect(classify('C:\\ho-so\\Committee.yml'.replaceAll('\\', '/'))).toBe('committee');
    expect(classify('/x/committee-2026.yaml')).toBe('meeting');
  });

  it('the example committee passes `cellctl validate`, with no note asking for a cell.yaml', async () => {
    const run = await runCli(['validate', 'examples/dang-uy-phuong-hoang-liet/committee.yaml', '--format', 'json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { results: { problems: unknown[] }[] };
    expect(out.results.flatMap((r) => r.problems)).toEqual([]);
  });

  it('a wrong committee.yaml gets the committee schema\'s messages, one per mistake', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cellctl-committee-kind-'));
    writeFileSync(join(dir, 'committee.yaml'), 'name: Đảng ủy phường X\nkind: ward\nplace: X\ncells: []\nnumbering: { next: 0 }\nbogus: 1\n');
    const run = await runCli(['validate', 'committee.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { results: { problems: { line: number; ruleId: string; message: string }[] }[] };
    const problems = out.results.flatMap((r) => r.problems);
    expect(problems.map((p) => [p.line, p.ruleId])).toEqual([[5, 'schema'], [6, 'schema']]);
    expect(problems[1]!.message).toContain('numbering');
  });
});
