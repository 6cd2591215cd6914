// An exemption with dates (miễn công tác và sinh hoạt đảng) holds between them only: attendance counts the member outside.
import { describe, expect, it } from 'vitest';
import { statusOn } from '../../src/rules/roster.js';
import { BASE_CELL, BASE_MEETING, lint } from '../helpers.js';

describe('statusOn with an exemption', () => {
  const member = { name: 'Trần Văn Bảy', status: 'exempted' as const, exemption: { reason: 'Tuổi cao, sức yếu', from: '2026-03-01', until: '2026-08-31' } };

  it('is exempted from the first day to the last, official before and after', () => {
    expect(statusOn(member, '2026-02-28')).toBe('official');
    expect(statusOn(member, '2026-03-01')).toBe('exempted');
    expect(statusOn(member, '2026-08-31')).toBe('exempted');
    expect(statusOn(member, '2026-09-01')).toBe('official');
  });

  it('is exempted for good without dates, as before the field existed', () => {
    expect(statusOn({ name: 'A', status: 'exempted', exemption: { reason: 'Ốm dài ngày' } }, '2030-01-01')).toBe('exempted');
    expect(statusOn({ name: 'A', status: 'exempted' }, '2030-01-01')).toBe('exempted');
  });
});

describe('the exemption field in cell.yaml', () => {
  it('is accepted by the schema, and a date that does not exist is reported at its place', async () => {
    const cell = BASE_CELL.replace(/members:\n/, 'members:\n  - name: Trần Văn Bảy\n    status: exempted\n    exemption:\n      reason: Tuổi cao, sức yếu\n      from: 2026-02-30\n');
    const problems = (await lint({ 'cell.yaml': cell, 'meetings/2026-03.yaml': BASE_MEETING })).filter((p) => p.rel === 'cell.yaml');
    expect(problems.map((p) => [p.ruleId, p.line])).toEqual([['schema', expect.any(Number)]]);
    expect(problems[0]!.message).toMatch(/2026-02-30|ngày/);
  });
});
