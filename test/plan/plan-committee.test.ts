// plan finds the nearest committee.yaml above the cell and plans under its rule overrides, as validate judges (issue 9).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyExample, edit, runCli } from '../helpers.js';

function regularMinutes(planFile: string): number[] {
  const plan = parse(readFileSync(planFile, 'utf8')) as { meetings: { kind: string; start: string; end: string }[] };
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return plan.meetings.filter((m) => m.kind === 'regular').map((m) => minutes(m.end) - minutes(m.start));
}

describe('plan under a committee', () => {
  it("lengthens the sittings to the committee's own minimum duration, and keeps the cell's custom without one", async () => {
    const committee = copyExample('dang-uy-phuong-hoang-liet');
    const cell = join(committee, 'chi-bo-khu-dan-cu-12');
    // Without an override the cell's custom (110 minutes) holds.
    const plain = await runCli(['plan', cell, '--year', '2027', '--out', join(committee, 'plain-2027.yaml')]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(new Set(regularMinutes(join(committee, 'plain-2027.yaml')))).toEqual(new Set([110]));
    // The ward sets 150 minutes for every regular meeting of its cells.
    const file = join(committee, 'committee.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8'), (d) => d.setIn(['overrides', 'duration-min', 'options', 'regular'], 150)));
    const planned = await runCli(['plan', cell, '--year', '2027']);
    expect(planned.code, planned.stderr).toBe(0);
    expect(new Set(regularMinutes(join(cell, 'plan-2027.yaml')))).toEqual(new Set([150]));
    // validate, which reads the same committee.yaml, finds the plan and the cell in order.
    const checked = await runCli(['validate', join(cell, 'plan-2027.yaml'), '--as-of', '2026-12-31']);
    expect(checked.code, checked.stdout).toBe(0);
  }, 120_000);
});
