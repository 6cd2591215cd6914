import { describe, it, expect } from 'vitest';
import { lint, only, BASE_CELL } from '../helpers.js';
import { at, cellFrom, cellWithOverrides, fullPlan, planYaml, tree, yearOfMeetings } from './year-fixtures.js';

const RULE = 'thematic-min';
/** The day after 2026 ends: the year's records are complete. */
const AFTER = { asOf: '2027-01-01' };

async function run(files: Record<string, string>, options = {}) {
  return only(await lint(files, options), RULE);
}

describe('thematic-min', () => {
  it('accepts exactly 4 thematic sittings, recorded and planned', async () => {
    expect(await run(tree(yearOfMeetings(2026), { plans: { 2026: planYaml(2026, fullPlan(2026)) } }), AFTER)).toEqual([]);
  });

  it('reports 3 thematic sittings in a year that has ended, on the cell profile', async () => {
    const problems = await run(tree(yearOfMeetings(2026, { combined: [3, 6, 9] })), AFTER);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: 'cell.yaml',
      ruleId: RULE,
      messageId: 'tooFew',
      severity: 'error',
      path: '',
      data: { count: 3, min: 4, year: 2026 },
      ...at(BASE_CELL, 'name: Chi bộ', 'name'),
    });
  });

  it('waits for the year to end', async () => {
    const files = tree(yearOfMeetings(2026, { combined: [3] }));
    expect(await run(files, { asOf: '2026-12-30' })).toEqual([]);
    // --as-of is inclusive: on 31/12 the year has ended.
    expect((await run(files, { asOf: '2026-12-31' })).map((p) => p.data)).toEqual([{ count: 1, min: 4, year: 2026 }]);
  });

  it('counts thematic and combined sittings alike', async () => {
    const sittings = [
      ...yearOfMeetings(2026, { combined: [3, 6] }),
      { date: '2026-09-20', kind: 'thematic' as const },
      { date: '2026-12-20', kind: 'thematic' as const },
    ];
    expect(await run(tree(sittings), AFTER)).toEqual([]);
  });

  it('reports a plan with 3 thematic sittings at the meetings key, before the year starts', async () => {
    const plan = planYaml(2027, fullPlan(2027, [3, 6, 9]));
    const problems = await run(tree([], { plans: { 2027: plan } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: 'plan-2027.yaml',
      messageId: 'planTooFew',
      path: '/meetings',
      data: { count: 3, min: 4, year: 2027 },
      ...at(plan, 'meetings:', 'meetings'),
    });
  });

  it('does not count a planned date of another year', async () => {
    const plan = planYaml(2026, [...fullPlan(2026, [3, 6, 9]), { date: '2027-01-15', kind: 'thematic' }]);
    expect((await run(tree([], { plans: { 2026: plan } }), { asOf: '2026-12-30' })).map((p) => p.data)).toEqual([{ count: 3, min: 4, year: 2026 }]);
  });

  it('takes the minimum from validate options', async () => {
    const files = tree(yearOfMeetings(2026, { combined: [3, 6, 9] }));
    expect(await run(files, { ...AFTER, rules: { [RULE]: { options: { min: 3 } } } })).toEqual([]);
    expect(await run(files, { ...AFTER, rules: { [RULE]: { options: { min: 0 } } } })).toEqual([]);
  });

  it('takes the minimum from the cell overrides', async () => {
    const cell = cellWithOverrides({ [RULE]: { options: { min: 6 } } });
    const problems = await run(tree(yearOfMeetings(2026), { cell }), AFTER);
    expect(problems.map((p) => p.data)).toEqual([{ count: 4, min: 6, year: 2026 }]);
  });

  it('skips a year whose records start after January', async () => {
    const sittings = yearOfMeetings(2026, { months: [7, 8, 9, 10, 11, 12], combined: [9] });
    const plan = planYaml(2026, fullPlan(2026, [9]));
    expect(await run(tree(sittings, { cell: cellFrom('2026-07'), plans: { 2026: plan } }), AFTER)).toEqual([]);
    const fromJanuary = await run(tree(sittings, { cell: cellFrom('2026-01') }), AFTER);
    expect(fromJanuary.map((p) => p.data)).toEqual([{ count: 1, min: 4, year: 2026 }]);
  });
});
