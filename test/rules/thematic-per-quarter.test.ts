import { describe, it, expect } from 'vitest';
import { lint, only, BASE_CELL } from '../helpers.js';
import { at, cellFrom, fullPlan, planYaml, tree, yearOfMeetings, type Sitting } from './year-fixtures.js';

const RULE = 'thematic-per-quarter';

async function run(files: Record<string, string>, options = {}) {
  return only(await lint(files, options), RULE);
}

describe('thematic-per-quarter', () => {
  it('accepts a combined sitting in every quarter, recorded and planned', async () => {
    expect(await run(tree(yearOfMeetings(2026), { plans: { 2026: planYaml(2026, fullPlan(2026)) } }))).toEqual([]);
  });

  it('reports a quarter without a thematic session on the cell profile', async () => {
    const problems = await run(tree(yearOfMeetings(2026, { combined: [1, 7, 10] })));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: 'cell.yaml',
      ruleId: RULE,
      messageId: 'missingQuarter',
      severity: 'error',
      path: '',
      data: { quarter: 2, year: 2026 },
      ...at(BASE_CELL, 'name: Chi bộ', 'name'),
    });
  });

  it('counts a separate thematic session', async () => {
    const sittings: Sitting[] = [...yearOfMeetings(2026, { combined: [1, 7, 10] }), { date: '2026-06-20', kind: 'thematic' }];
    expect(await run(tree(sittings))).toEqual([]);
  });

  it('waits for the quarter to end', async () => {
    const sittings = yearOfMeetings(2026, { months: [1, 2, 3, 4, 5, 6], combined: [2] });
    expect(await run(tree(sittings), { asOf: '2026-06-29' })).toEqual([]);
    expect((await run(tree(sittings), { asOf: '2026-06-30' })).map((p) => p.data)).toEqual([{ quarter: 2, year: 2026 }]);
  });

  it('reports on the plan, or the first record, without a cell profile', async () => {
    const sittings = yearOfMeetings(2026, { combined: [4, 7, 10] });
    const plan = planYaml(2026, fullPlan(2026));
    const onPlan = await run(tree(sittings, { cell: null, plans: { 2026: plan } }));
    expect(onPlan.map((p) => [p.rel, p.line, p.column, p.data])).toEqual([['plan-2026.yaml', 1, 1, { quarter: 1, year: 2026 }]]);
    const onRecord = await run(tree(sittings, { cell: null }));
    expect(onRecord.map((p) => [p.rel, p.data])).toEqual([['meetings/2026-01-10.yaml', { quarter: 1, year: 2026 }]]);
  });

  it('only checks quarters wholly kept since recordsFrom', async () => {
    const sittings = yearOfMeetings(2026, { months: [5, 6, 7, 8, 9, 10, 11, 12], combined: [9, 12] });
    expect(await run(tree(sittings, { cell: cellFrom('2026-05') }))).toEqual([]);
    const fromApril = tree(yearOfMeetings(2026, { months: [4, 5, 6, 7, 8, 9, 10, 11, 12], combined: [9, 12] }), {
      cell: cellFrom('2026-04'),
    });
    expect((await run(fromApril)).map((p) => p.data)).toEqual([{ quarter: 2, year: 2026 }]);
  });

  it('reports a planned quarter without a thematic session, at the meetings key', async () => {
    const plan = planYaml(2026, fullPlan(2026, [3, 6, 9]));
    const problems = await run(tree(yearOfMeetings(2026), { plans: { 2026: plan } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: 'plan-2026.yaml',
      messageId: 'missingPlannedQuarter',
      path: '/meetings',
      data: { quarter: 4, year: 2026 },
      ...at(plan, 'meetings:', 'meetings'),
    });
  });

  it('checks all four quarters of a plan for a year not yet started', async () => {
    const problems = await run(tree([], { plans: { 2027: planYaml(2027, fullPlan(2027, [])) } }));
    expect(problems.map((p) => p.data?.quarter)).toEqual([1, 2, 3, 4]);
  });
});
