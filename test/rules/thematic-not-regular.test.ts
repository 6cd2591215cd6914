import { describe, it, expect } from 'vitest';
import { lint, only } from '../helpers.js';
import { at, cellFrom, fullPlan, meetingFile, meetingYaml, planYaml, tree, yearOfMeetings, type Sitting } from './year-fixtures.js';

const RULE = 'thematic-not-regular';

async function run(files: Record<string, string>, options = {}) {
  return only(await lint(files, options), RULE);
}

/** A year of records in which May has thematic sessions (on the given days) instead of its regular meeting. */
function mayThematicOnly(...days: string[]): Sitting[] {
  const year = yearOfMeetings(2026).filter((s) => !s.date.startsWith('2026-05'));
  return [...year, ...days.map((day): Sitting => ({ date: `2026-05-${day}`, kind: 'thematic' }))];
}

describe('thematic-not-regular', () => {
  it('accepts a year with thematic sessions beside the regular meetings', async () => {
    const sittings: Sitting[] = [...yearOfMeetings(2026), { date: '2026-05-20', kind: 'thematic' }];
    const entries = [...fullPlan(2026), { date: '2026-05-20', kind: 'thematic' as const }];
    expect(await run(tree(sittings, { plans: { 2026: planYaml(2026, entries) } }))).toEqual([]);
  });

  it('reports a month with only a thematic record, at its kind', async () => {
    const sittings = mayThematicOnly('12');
    const problems = await run(tree(sittings));
    expect(problems).toHaveLength(1);
    const thematic = sittings.at(-1)!;
    expect(problems[0]).toMatchObject({
      rel: meetingFile(thematic),
      ruleId: RULE,
      messageId: 'thematicOnly',
      severity: 'error',
      path: '/kind',
      data: { month: 5, year: 2026 },
      ...at(meetingYaml(thematic), 'kind: thematic', 'thematic'),
    });
  });

  it('reports the month once, on its first thematic record', async () => {
    const problems = await run(tree(mayThematicOnly('25', '12')));
    expect(problems.map((p) => p.rel)).toEqual(['meetings/2026-05-12-thematic.yaml']);
  });

  it('waits for the month to end', async () => {
    const sittings = mayThematicOnly('12').filter((s) => s.date < '2026-06');
    expect(await run(tree(sittings), { asOf: '2026-05-30' })).toEqual([]);
    expect((await run(tree(sittings), { asOf: '2026-05-31' })).map((p) => p.data)).toEqual([{ month: 5, year: 2026 }]);
  });

  it('accepts a combined sitting', async () => {
    const sittings = yearOfMeetings(2026, { combined: [5] }).concat([{ date: '2026-05-20', kind: 'thematic' }]);
    expect(await run(tree(sittings))).toEqual([]);
  });

  it('does not look at months before recordsFrom', async () => {
    const sittings: Sitting[] = [{ date: '2026-03-12', kind: 'thematic' }, ...yearOfMeetings(2026, { months: [4, 5, 6] })];
    expect(await run(tree(sittings, { cell: cellFrom('2026-04') }), { asOf: '2026-07-01' })).toEqual([]);
    expect((await run(tree(sittings, { cell: cellFrom('2026-03') }), { asOf: '2026-07-01' })).map((p) => p.data)).toEqual([
      { month: 3, year: 2026 },
    ]);
  });

  it('reports a plan month with only a thematic sitting, at its kind', async () => {
    const entries = fullPlan(2026);
    entries[4] = { date: '2026-05-10', kind: 'thematic' };
    const plan = planYaml(2026, entries);
    const problems = await run(tree(yearOfMeetings(2026), { plans: { 2026: plan } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: 'plan-2026.yaml',
      messageId: 'planThematicOnly',
      path: '/meetings/4/kind',
      data: { month: 5, year: 2026 },
      ...at(plan, '2026-05-10', 'thematic'),
    });
  });

  it('checks the plan of a year that has not started', async () => {
    const entries = fullPlan(2027);
    entries[0] = { date: '2027-01-10', kind: 'thematic' };
    const problems = await run(tree([], { plans: { 2027: planYaml(2027, entries) } }));
    expect(problems.map((p) => [p.messageId, p.data])).toEqual([['planThematicOnly', { month: 1, year: 2027 }]]);
  });
});
