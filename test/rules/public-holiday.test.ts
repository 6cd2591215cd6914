import { describe, it, expect } from 'vitest';
import { lint, only } from '../helpers.js';
import { at, cellWithOverrides, fullPlan, meetingYaml, planYaml, tree, yearOfMeetings, type PlanEntry } from './year-fixtures.js';

const RULE = 'public-holiday';

async function run(files: Record<string, string>, options = {}) {
  return only(await lint(files, options), RULE);
}

/** Problems for a single record held on `date`. */
async function onDate(date: string, options = {}, cell?: string) {
  return run(tree([{ date }], cell ? { cell } : {}), options);
}

/** The holiday names reported for each date, in order ('' for none). */
async function names(dates: string[], options = {}): Promise<string[]> {
  const problems = await run(tree(dates.map((date) => ({ date }))), options);
  return dates.map((date) => problems.find((p) => p.data?.date === date)?.data?.name as string ?? '');
}

describe('public-holiday', () => {
  it('accepts a year of records and its plan on ordinary days', async () => {
    expect(await run(tree(yearOfMeetings(2026), { plans: { 2026: planYaml(2026, fullPlan(2026)) } }))).toEqual([]);
  });

  it('warns about a record held on a public holiday, at its date', async () => {
    const text = meetingYaml({ date: '2026-04-30' });
    const problems = await run({ 'meetings/2026-04.yaml': text });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'holiday',
      severity: 'warning',
      path: '/date',
      data: { date: '2026-04-30', name: 'Ngày Giải phóng miền Nam' },
      ...at(text, 'date: 2026-04-30', '2026-04-30'),
    });
    expect(problems[0]!.data!.nameEn).toEqual(expect.any(String));
  });

  it('knows the fixed and lunar public holidays of 2026', async () => {
    expect(await names(['2026-01-01', '2026-04-26', '2026-05-01', '2026-09-02'])).toEqual([
      'Tết Dương lịch',
      'Giỗ tổ Hùng Vương',
      'Quốc tế Lao động',
      'Quốc khánh',
    ]);
  });

  it('ignores observances (Party founding day, Women’s Day)', async () => {
    expect(await names(['2026-02-03', '2026-03-08', '2026-05-19'])).toEqual(['', '', '']);
  });

  it('marks Tết 2026 from giao thừa to mùng 4 (mùng 1 = 2026-02-17)', async () => {
    expect(
      await names(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-20', '2026-02-21']),
    ).toEqual([
      '',
      'Giao thừa Tết Nguyên Đán',
      'Tết Nguyên Đán (mùng 1)',
      'Mùng 2 Tết Nguyên Đán',
      'Mùng 4 Tết Nguyên Đán',
      '',
    ]);
  });

  it('marks Tết 2027 from giao thừa to mùng 4 (mùng 1 = 2027-02-06)', async () => {
    expect(await names(['2027-02-04', '2027-02-05', '2027-02-06', '2027-02-09', '2027-02-10'])).toEqual([
      '',
      'Giao thừa Tết Nguyên Đán',
      'Tết Nguyên Đán (mùng 1)',
      'Mùng 4 Tết Nguyên Đán',
      '',
    ]);
  });

  it('takes the Tết window from options', async () => {
    const options = { rules: { [RULE]: { options: { tetBefore: 0, tetAfter: 5 } } } };
    expect(await names(['2026-02-16', '2026-02-17', '2026-02-22', '2026-02-23'], options)).toEqual([
      '',
      'Tết Nguyên Đán (mùng 1)',
      'Mùng 6 Tết Nguyên Đán',
      '',
    ]);
  });

  it('reaches back into December for a long window before Tết (mùng 1 2028 = 2028-01-26)', async () => {
    const options = { rules: { [RULE]: { options: { tetBefore: 30 } } } };
    expect(await names(['2027-12-26', '2027-12-27'], options)).toEqual(['', 'Nghỉ Tết Nguyên Đán (trước Tết)']);
  });

  it('treats 1/9 and 3/9 as the day next to National Day unless switched off', async () => {
    expect(await names(['2026-08-31', '2026-09-01', '2026-09-03', '2026-09-04'])).toEqual([
      '',
      'Nghỉ lễ Quốc khánh (ngày liền kề)',
      'Nghỉ lễ Quốc khánh (ngày liền kề)',
      '',
    ]);
    const options = { rules: { [RULE]: { options: { nationalDayAdjacent: false } } } };
    expect(await names(['2026-09-01', '2026-09-02', '2026-09-03'], options)).toEqual(['', 'Quốc khánh', '']);
  });

  it('takes the cell’s blackout dates from its overrides', async () => {
    const cell = cellWithOverrides({
      [RULE]: { options: { extraDates: ['2026-06-15', { date: '2026-11-18', name: 'Ngày hội Đại đoàn kết toàn dân tộc' }] } },
    });
    expect((await onDate('2026-06-15', {}, cell)).map((p) => p.data)).toEqual([
      { date: '2026-06-15', name: 'ngày chi bộ quy định không sinh hoạt', nameEn: 'a blackout date of the cell' },
    ]);
    expect((await onDate('2026-11-18', {}, cell)).map((p) => p.data?.name)).toEqual(['Ngày hội Đại đoàn kết toàn dân tộc']);
    expect(await onDate('2026-06-16', {}, cell)).toEqual([]);
  });

  it('warns about a planned sitting on a holiday, at its date in the plan', async () => {
    const entries: PlanEntry[] = fullPlan(2027);
    entries[1] = { date: '2027-02-08', kind: 'regular' };
    const plan = planYaml(2027, entries);
    const problems = await run(tree([], { plans: { 2027: plan } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: 'plan-2027.yaml',
      path: '/meetings/1/date',
      data: { date: '2027-02-08', name: 'Mùng 3 Tết Nguyên Đán' },
      ...at(plan, '2027-02-08'),
    });
  });

  it('is raised to an error or switched off by severity', async () => {
    const raised = await onDate('2026-01-01', { rules: { [RULE]: { severity: 'error' } } });
    expect(raised.map((p) => p.severity)).toEqual(['error']);
    expect(await onDate('2026-01-01', { rules: { [RULE]: { severity: 'off' } } })).toEqual([]);
  });
});
