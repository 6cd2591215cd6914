import { describe, it, expect } from 'vitest';
import { lint, only } from '../helpers.js';
import { at, fullPlan, meetingYaml, planYaml, tree, yearOfMeetings } from './year-fixtures.js';

const RULE = 'date-in-year';

async function run(files: Record<string, string>, options = {}) {
  return only(await lint(files, options), RULE);
}

describe('date-in-year', () => {
  it('accepts a year of records and its plan', async () => {
    expect(await run(tree(yearOfMeetings(2026), { plans: { 2026: planYaml(2026, fullPlan(2026)) } }))).toEqual([]);
  });

  it('reports a planned sitting outside the plan year, at its date', async () => {
    const entries = [...fullPlan(2026), { date: '2027-01-08', kind: 'regular' as const }];
    const plan = planYaml(2026, entries);
    const problems = await run(tree([], { plans: { 2026: plan } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: 'plan-2026.yaml',
      ruleId: RULE,
      messageId: 'outsideYear',
      severity: 'error',
      path: '/meetings/12/date',
      data: { date: '2027-01-08', year: 2026 },
      ...at(plan, '2027-01-08'),
    });
  });

  it('reports an event outside the plan year', async () => {
    const plan = planYaml(2026, fullPlan(2026), [
      { date: '2026-12-20', kind: 'year-end-review' },
      { date: '2025-12-28', kind: 'committee-prep' },
    ]);
    const problems = await run(tree([], { plans: { 2026: plan } }));
    expect(problems.map((p) => [p.path, p.data])).toEqual([['/events/1/date', { date: '2025-12-28', year: 2026 }]]);
    expect(problems[0]).toMatchObject(at(plan, '2025-12-28'));
  });

  it('reports each problem once when records of the next year are present', async () => {
    const plan = planYaml(2026, [...fullPlan(2026), { date: '2027-01-08', kind: 'regular' }]);
    const files = tree([...yearOfMeetings(2026), ...yearOfMeetings(2027, { firstNumber: 13 })], { plans: { 2026: plan } });
    expect((await run(files)).map((p) => p.messageId)).toEqual(['outsideYear']);
  });

  it('warns when plan-YYYY.yaml holds another year, at the year', async () => {
    const plan = planYaml(2027, fullPlan(2027));
    const problems = await run({ 'plan-2026.yaml': plan });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: 'plan-2026.yaml',
      messageId: 'fileNameYear',
      severity: 'warning',
      path: '/year',
      data: { fileYear: 2026, year: 2027 },
      line: 1,
      column: 7,
    });
  });

  it('does not read a year from other plan file names', async () => {
    expect(await run({ 'plan-nam-2026.yaml': planYaml(2027, fullPlan(2027)) })).toEqual([]);
  });

  it('warns when a record file named YYYY-MM holds another month, at the date', async () => {
    const text = meetingYaml({ date: '2026-03-31' });
    const problems = await run({ 'meetings/2026-04.yaml': text, 'meetings/2026-04-28.yaml': meetingYaml({ date: '2026-04-28' }) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: 'meetings/2026-04.yaml',
      messageId: 'fileNameMonth',
      severity: 'warning',
      path: '/date',
      data: { fileMonth: '2026-04', date: '2026-03-31' },
      ...at(text, 'date: 2026-03-31', '2026-03-31'),
    });
  });

  it('compares the year too', async () => {
    const problems = await run({ 'meetings/2025-03-chuyen-de.yaml': meetingYaml({ date: '2026-03-10' }) });
    expect(problems.map((p) => p.data)).toEqual([
      { fileMonth: '2025-03', date: '2026-03-10', fileName: '2025-03-chuyen-de.yaml', rename: '2026-03-chuyen-de.yaml' },
    ]);
    // The message gives the exact new name.
    expect(problems[0]!.message).toBe(
      'Tên tệp 2025-03-chuyen-de.yaml bắt đầu bằng 2025-03 nhưng buổi sinh hoạt họp ngày 10/3/2026: đổi tên tệp thành 2026-03-chuyen-de.yaml (hoặc sửa lại ngày họp).',
    );
  });

  it('ignores record file names that do not start with a month', async () => {
    const files = {
      'meetings/thang-3.yaml': meetingYaml({ date: '2026-03-10' }),
      'meetings/2026-13-bo-sung.yaml': meetingYaml({ date: '2026-04-10' }),
      'meetings/202604.yaml': meetingYaml({ date: '2026-05-10' }),
    };
    expect(await run(files)).toEqual([]);
  });

  it('is lowered to warnings or switched off by severity', async () => {
    const plan = planYaml(2026, [...fullPlan(2026), { date: '2027-01-08', kind: 'regular' }]);
    const warned = await run(tree([], { plans: { 2026: plan } }), { rules: { [RULE]: { severity: 'warning' } } });
    expect(warned.map((p) => p.severity)).toEqual(['warning']);
    expect(await run(tree([], { plans: { 2026: plan } }), { rules: { [RULE]: { severity: 'off' } } })).toEqual([]);
  });
});
