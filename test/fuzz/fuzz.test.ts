// A short seeded fuzz run in every `npm test`: mutated example files never crash validate or render.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript script (also run by `npm run fuzz`), typed by use
import { fuzz, growName } from '../../scripts/fuzz.js';

interface FuzzResult {
  iterations: number;
  crashes: { iteration: number; file: string; failures: string[]; saved: string }[];
  slowest: { file: string; ms: number; iteration: number };
}

describe('fuzzer (seed 1, 200 iterations)', () => {
  it('finds no crash, internal error, stack trace, malformed .docx part or file over a second of CPU', async () => {
    const crashDir = mkdtempSync(join(tmpdir(), 'cellctl-fuzz-crashes-'));
    // Bounded by iterations; the time bound is only a backstop, so a busy machine runs slower, never fewer.
    const result = (await fuzz({ seed: 1, iterations: 200, seconds: 600, renderEvery: 8, crashDir })) as FuzzResult;
    expect(result.iterations).toBe(200);
    const report = result.crashes.map((c) => `iteration ${c.iteration} (${c.file}), saved in ${c.saved}:\n${c.failures.join('\n')}`);
    expect(report).toEqual([]);
  }, 700_000);

  it('grows names to hundreds of characters, and render lays them out in well under a second of CPU each', async () => {
    const name = (growName as (r: () => number, text: string) => string)(() => 0.999, 'name: Chi bộ\nplace: Hoàng Liệt\n');
    expect(name.split('\n').map((l) => (l.split(': ')[1] ?? '').split(' ').length)).toContain(100);
    const crashDir = mkdtempSync(join(tmpdir(), 'cellctl-fuzz-crashes-'));
    // Every iteration grows a name of cell.yaml (the superior body, the cell, a member, the place) and renders
    // June with it: the exhaustive line breaking took 23 s for 40 words, over the fuzzer's 1 s of CPU.
    const result = (await fuzz({ seed: 5, iterations: 12, seconds: 600, crashDir, only: { file: 'cell.yaml', mutate: growName } })) as FuzzResult;
    expect(result.iterations).toBe(12);
    expect(result.crashes.map((c) => c.failures.join('\n'))).toEqual([]);
  }, 600_000);

  it('reports a failure with its seed and iteration, and saves the cell that reproduces it', async () => {
    const crashDir = mkdtempSync(join(tmpdir(), 'cellctl-fuzz-crashes-'));
    // No file is checked in 0 ms of CPU: every iteration must be reported and saved.
    const result = (await fuzz({ seed: 3, from: 10, iterations: 2, slowMs: 0, crashDir })) as FuzzResult;
    expect(result.crashes.map((c) => c.iteration)).toEqual([10, 11]);
    for (const crash of result.crashes) {
      expect(crash.saved).toBe(join(crashDir, `seed-3-iteration-${crash.iteration}`));
      expect(existsSync(join(crash.saved, 'cell.yaml'))).toBe(true);
      expect(readFileSync(join(crash.saved, 'FUZZ-FAILURE.txt'), 'utf8')).toMatch(/^seed 3, iteration \d+, file .+\n\n.*took \d+ ms of CPU/);
    }
  }, 120_000);
});
