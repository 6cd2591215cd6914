// A short seeded fuzz run in every `npm test`: mutated example files never crash validate or render.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript script (also run by `npm run fuzz`), typed by use
import { fuzz } from '../../scripts/fuzz.js';

interface FuzzResult {
  iterations: number;
  crashes: { iteration: number; file: string; failures: string[]; saved: string }[];
  slowest: { file: string; ms: number; iteration: number };
}

describe('fuzzer (seed 1, 200 iterations)', () => {
  it('finds no crash, internal error, stack trace, malformed .docx part or file over a second of CPU', async () => {
    const crashDir = mkdtempSync(join(tmpdir(), 'cellctl-fuzz-crashes-'));
    const result = (await fuzz({ seed: 1, iterations: 200, seconds: 60, renderEvery: 8, crashDir })) as FuzzResult;
    expect(result.iterations).toBeGreaterThanOrEqual(100);
    const report = result.crashes.map((c) => `iteration ${c.iteration} (${c.file}), saved in ${c.saved}:\n${c.failures.join('\n')}`);
    expect(report).toEqual([]);
  }, 120_000);
});
