import { describe, it, expect } from 'vitest';
import { lint, lineOf, only, BASE_CELL, BASE_MEETING } from '../helpers.js';
import { at, cellFrom, fullPlan, planYaml, tree, yearOfMeetings, type Sitting } from './year-fixtures.js';

const RULE = 'monthly-regular';
const PLAN = planYaml(2026, fullPlan(2026));

async function run(files: Record<string, string>, options = {}) {
  return only(await lint(files, options), RULE);
}

/** A year of records without the given months. */
function without(year: number, ...months: number[]): Sitting[] {
  return yearOfMeetings(year, { months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => !months.includes(m)) });
}

describe('monthly-regular', () => {
  it('accepts a full year of records and a full plan', async () => {
    expect(await run(tree(yearOfMeetings(2026), { plans: { 2026: PLAN } }))).toEqual([]);
  });

  it('reports a month without a record on the cell profile', async () => {
    const problems = await run(tree(without(2026, 5), { plans: { 2026: PLAN } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: 'cell.yaml',
      ruleId: RULE,
      messageId: 'missingMonth',
      severity: 'error',
      path: '',
      data: { month: 5, year: 2026 },
      ...at(BASE_CELL, 'name: Chi bộ', 'name'),
    });
  });

  it('reports on the plan when there is no cell profile, else on the first record', async () => {
    const onPlan = await run(tree(without(2026, 5), { cell: null, plans: { 2026: PLAN } }));
    expect(onPlan.map((p) => [p.rel, p.line, p.column, p.data])).toEqual([['plan-2026.yaml', 1, 1, { month: 5, year: 2026 }]]);
    const onRecord = await run(tree(without(2026, 1, 5), { cell: null }));
    const first = lineOf(BASE_MEETING, 'kind:');
    expect(onRecord.map((p) => [p.rel, p.line, p.column, p.data])).toEqual([
      ['meetings/2026-02-10.yaml', first, 1, { month: 1, year: 2026 }],
      ['meetings/2026-02-10.yaml', first, 1, { month: 5, year: 2026 }],
    ]);
  });

  it('checks only months that ended on or before asOf (inclusive)', async () => {
    const sittings = yearOfMeetings(2026, { months: [1, 2, 3, 4] });
    expect(await run(tree(sittings), { asOf: '2026-05-30' })).toEqual([]);
    const problems = await run(tree(sittings), { asOf: '2026-05-31' });
    expect(problems.map((p) => p.data)).toEqual([{ month: 5, year: 2026 }]);
  });

  it('knows that February 2028 ends on the 29th', async () => {
    const sittings = yearOfMeetings(2028, { months: [1] });
    expect(await run(tree(sittings), { asOf: '2028-02-28' })).toEqual([]);
    expect((await run(tree(sittings), { asOf: '2028-02-29' })).map((p) => p.data)).toEqual([{ month: 2, year: 2028 }]);
  });

  it('reports every missing month of a past year', async () => {
    const problems = await run(tree([{ date: '2025-12-10' }]), { asOf: '2026-12-31' });
    expect(problems.map((p) => p.data?.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('does not expect records before recordsFrom', async () => {
    const sittings = yearOfMeetings(2026, { months: [4, 5, 6, 7, 8, 9, 10, 11, 12] });
    expect(await run(tree(sittings, { cell: cellFrom('2026-04') }))).toEqual([]);
    expect((await run(tree(sittings, { cell: cellFrom('2026-03') }))).map((p) => p.data)).toEqual([{ month: 3, year: 2026 }]);
    expect(await run(tree([{ date: '2026-12-10' }], { cell: cellFrom('2027-01') }))).toEqual([]);
  });

  it('counts a combined sitting as the regular meeting', async () => {
    const sittings = yearOfMeetings(2026, { combined: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
    expect(await run(tree(sittings))).toEqual([]);
  });

  it('leaves a month with only a thematic record to thematic-not-regular', async () => {
    const sittings: Sitting[] = [...without(2026, 5), { date: '2026-05-10', kind: 'thematic' }];
    const problems = await lint(tree(sittings));
    expect(only(problems, RULE)).toEqual([]);
    expect(only(problems, 'thematic-not-regular').map((p) => p.data)).toEqual([{ month: 5, year: 2026 }]);
  });

  it('reports a plan month without a sitting at the meetings key', async () => {
    const plan = planYaml(2026, fullPlan(2026).filter((e) => !e.date.startsWith('2026-08')));
    const problems = await run(tree(yearOfMeetings(2026), { plans: { 2026: plan } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: 'plan-2026.yaml',
      messageId: 'missingPlannedMonth',
      path: '/meetings',
      data: { month: 8, year: 2026 },
      ...at(plan, 'meetings:', 'meetings'),
    });
  });

  it('reports all twelve months of an empty plan, even for a future year', async () => {
    const problems = await run(tree([], { plans: { 2027: planYaml(2027, []) } }));
    expect(problems.map((p) => [p.messageId, p.data?.month])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => ['missingPlannedMonth', m]),
    );
  });

  it('does not count a planned date of another year', async () => {
    const entries = fullPlan(2026).filter((e) => e.date !== '2026-01-10');
    const plan = planYaml(2026, [...entries, { date: '2027-01-10', kind: 'regular' }]);
    const problems = (await run(tree([], { plans: { 2026: plan } }))).filter((p) => p.messageId === 'missingPlannedMonth');
    expect(problems.map((p) => p.data)).toEqual([{ month: 1, year: 2026 }]);
  });

  it('leaves a plan month with only a thematic sitting to thematic-not-regular', async () => {
    const entries = fullPlan(2026);
    entries[4] = { date: '2026-05-10', kind: 'thematic' };
    const problems = await lint(tree(yearOfMeetings(2026), { plans: { 2026: planYaml(2026, entries) } }));
    expect(only(problems, RULE)).toEqual([]);
    expect(only(problems, 'thematic-not-regular').map((p) => p.messageId)).toEqual(['planThematicOnly']);
  });
});
