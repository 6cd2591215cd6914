// Facts are plain JSON that cross worker threads: the report is the same on one thread and on several.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { generateProvince } from '../../bench/generate.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cellctl-facts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('facts across worker threads', () => {
  it('gives the same report with --jobs 1 and --jobs 2 (900 files: the second thread is a worker)', async () => {
    // 50 cells × 18 files: more than 2 × 400 files, so runGroups starts a worker (src/lint/pool.ts).
    const { files } = generateProvince(join(dir, 'province'), 50) as { files: number };
    expect(files).toBe(900);
    const args = ['report', 'province', '--period', '2026', '--as-of', '2026-12-31', '--format', 'json'];
    const one = await runCli([...args, '--jobs', '1'], { cwd: dir });
    const two = await runCli([...args, '--jobs', '2'], { cwd: dir });
    expect(one.stderr).toBe('');
    const a = JSON.parse(one.stdout);
    const b = JSON.parse(two.stdout);
    expect(a.cells).toHaveLength(50);
    expect(b).toEqual(a);
    // Real figures came through, not empty rows.
    expect(a.totals.attendanceRate).toBeGreaterThan(0);
    expect(a.cells.filter((c: { regular: { held: number } }) => c.regular.held > 0).length).toBeGreaterThan(40);
  }, 120_000);
});
