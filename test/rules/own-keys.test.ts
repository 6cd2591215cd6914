// Keys typed by users (criteria, rule ids, option names) are looked up as own keys only, never on a prototype.
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, lint, runCli, writeTree } from '../helpers.js';
import { join } from 'node:path';

/** BASE_CELL with an `overrides:` block written as raw YAML (so "__proto__" is a real key). */
function cellWith(overrides: string): string {
  return `${BASE_CELL.trimEnd()}\noverrides:\n${overrides}`;
}

describe('user keys that name Object properties', () => {
  it('an option named "__proto__" is an unknown option, reported, not a new prototype', async () => {
    const cell = cellWith('  duration-min:\n    options:\n      __proto__: { regular: 10 }\n');
    const problems = await lint({ 'cell.yaml': cell }, { asOf: '2026-03-31' });
    const bad = problems.filter((p) => p.ruleId === 'overrides');
    expect(bad.map((p) => [p.messageId, p.data?.rule])).toEqual([['badOption', 'duration-min']]);
  });

  it('a rule id "constructor" is an unknown rule, and the national rules still apply', async () => {
    const cell = cellWith('  constructor: { severity: "off" }\n');
    const short = BASE_MEETING.replace('end: "16:00"', 'end: "14:30"');
    const problems = await lint({ 'cell.yaml': cell, 'meetings/2026-03.yaml': short }, { asOf: '2026-03-31' });
    expect(problems.filter((p) => p.ruleId === 'overrides').map((p) => [p.messageId, p.data?.rule])).toEqual([
      ['unknownRule', 'constructor'],
    ]);
    expect(problems.filter((p) => p.ruleId === 'duration-min').map((p) => p.messageId)).toEqual(['tooShort']);
  });

  it('criteria "constructor" and "toString" do not slip past the scoring sheet (real binary)', async () => {
    const meeting = BASE_MEETING.replace('    closing: 5\n', '    closing: 5\n    constructor: 3\n    toString: 4\n').replace('total: 92', 'total: 99');
    const dir = writeTree({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': meeting });
    const r = await runCli(['validate', join(dir, 'meetings', '2026-03.yaml'), '--as-of', '2026-03-31', '--format', 'json']);
    const problems = (JSON.parse(r.stdout) as { results: { problems: { ruleId: string; messageId: string; message: string }[] }[] }).results.flatMap((x) => x.problems);
    expect(problems.filter((p) => p.messageId === 'unknownCriterion').map((p) => p.message)).toEqual([
      expect.stringContaining('"constructor"'),
      expect.stringContaining('"toString"'),
    ]);
  });
});
