// --as-of is inclusive: a month, quarter or year whose last day is the as-of date is due (issue 7).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, runCli } from './helpers.js';

interface JsonOut {
  results: { file: string; problems: { ruleId: string; messageId: string; message: string }[] }[];
}

async function problemsOf(dir: string, asOf: string) {
  const r = await runCli(['validate', dir, '--as-of', asOf, '--format', 'json']);
  return { code: r.code, problems: (JSON.parse(r.stdout) as JsonOut).results.flatMap((f) => f.problems) };
}

describe('--as-of is inclusive', () => {
  it('on 31/12 December is due: its missing regular meeting is an error', async () => {
    const cell = copyExample();
    rmSync(join(cell, 'meetings', '2026-12.yaml'));
    const onLastDay = await problemsOf(cell, '2026-12-31');
    expect(onLastDay.code).toBe(1);
    expect(onLastDay.problems.filter((p) => p.ruleId === 'monthly-regular').map((p) => p.message)).toEqual([
      expect.stringContaining('tháng 12/2026'),
    ]);
    // The day before, December has not ended yet.
    const before = await problemsOf(cell, '2026-12-30');
    expect(before.problems.filter((p) => p.ruleId === 'monthly-regular')).toEqual([]);
  });

  it('on 31/12 quarter IV and the year count are due: a missing Q4 thematic session is reported', async () => {
    const cell = copyExample();
    rmSync(join(cell, 'meetings', '2026-11-chuyen-de.yaml'));
    const onLastDay = await problemsOf(cell, '2026-12-31');
    expect(onLastDay.problems.map((p) => p.ruleId)).toContain('thematic-per-quarter');
    const before = await problemsOf(cell, '2026-12-30');
    expect(before.problems.map((p) => p.ruleId)).not.toContain('thematic-per-quarter');
  });
});
