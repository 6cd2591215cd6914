import { describe, it, expect } from 'vitest';
import { lint, only } from '../helpers.js';
import { at, cellWithOverrides, fullPlan, meetingFile, meetingYaml, planYaml, tree, yearOfMeetings, type PlanEntry } from './year-fixtures.js';

const RULE = 'thematic-max';
const SIX = [1, 3, 5, 7, 9, 11];
const SEVEN = [1, 3, 5, 7, 9, 11, 12];

async function run(files: Record<string, string>, options = {}) {
  return only(await lint(files, options), RULE);
}

describe('thematic-max', () => {
  it('accepts 6 thematic sittings, recorded and planned', async () => {
    expect(await run(tree(yearOfMeetings(2026, { combined: SIX }), { plans: { 2026: planYaml(2026, fullPlan(2026, SIX)) } }))).toEqual([]);
  });

  it('warns at the 7th thematic record, at its kind', async () => {
    const sittings = yearOfMeetings(2026, { combined: SEVEN });
    const problems = await run(tree(sittings));
    expect(problems).toHaveLength(1);
    const seventh = sittings[11]!;
    expect(problems[0]).toMatchObject({
      rel: meetingFile(seventh),
      ruleId: RULE,
      messageId: 'tooMany',
      severity: 'warning',
      path: '/kind',
      data: { count: 7, max: 6, year: 2026, nth: 7 },
      ...at(meetingYaml(seventh), 'kind: combined', 'combined'),
    });
  });

  it('warns as soon as the 7th is held, before the year ends', async () => {
    const sittings = yearOfMeetings(2026, { months: [1, 2, 3, 4, 5, 6, 7], combined: [1, 2, 3, 4, 5, 6, 7] });
    const problems = await run(tree(sittings), { asOf: '2026-07-15' });
    expect(problems.map((p) => [p.rel, p.data?.count])).toEqual([['meetings/2026-07-10.yaml', 7]]);
  });

  it('warns about a plan with 7, at the first sitting over the limit by date', async () => {
    // Listed out of order: the December sitting comes first in the file.
    const entries: PlanEntry[] = fullPlan(2027, SEVEN);
    entries.unshift(entries.pop()!);
    const plan = planYaml(2027, entries);
    const problems = await run(tree([], { plans: { 2027: plan } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: 'plan-2027.yaml',
      messageId: 'planTooMany',
      severity: 'warning',
      path: '/meetings/0/kind',
      data: { count: 7, max: 6, year: 2027, nth: 7 },
      ...at(plan, '2027-12-10', 'combined'),
    });
  });

  it('takes the maximum from validate options and the cell overrides', async () => {
    const files = tree(yearOfMeetings(2026, { combined: SEVEN }));
    expect(await run(files, { rules: { [RULE]: { options: { max: 8 } } } })).toEqual([]);
    const cell = cellWithOverrides({ [RULE]: { options: { max: 4 } } });
    const problems = await run(tree(yearOfMeetings(2026), { cell }), {});
    expect(problems).toEqual([]);
    const five = await run(tree(yearOfMeetings(2026, { combined: [1, 3, 5, 7, 9] }), { cell }));
    expect(five.map((p) => [p.rel, p.data])).toEqual([['meetings/2026-09-10.yaml', { count: 5, max: 4, year: 2026, nth: 5 }]]);
  });

  it('is raised to an error by severity', async () => {
    const problems = await run(tree(yearOfMeetings(2026, { combined: SEVEN })), { rules: { [RULE]: { severity: 'error' } } });
    expect(problems.map((p) => p.severity)).toEqual(['error']);
  });
});
