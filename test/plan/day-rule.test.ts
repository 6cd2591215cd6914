// The meeting day of a month under each kind of day custom, around weekends, 1/1, Tết, 30/4 and 2/9.
import { describe, expect, it } from 'vitest';
import { describeDayRule, meetingDayOf, nthWeekday } from '../../src/plan/day-rule.js';

const MON_FRI = {};

describe('meetingDayOf', () => {
  it('takes the first Tuesday, moved to the next working day when it is a holiday', () => {
    const rule = { kind: 'nth-weekday', n: 1, weekday: 'tuesday' } as const;
    expect(meetingDayOf(rule, 2027, 6, MON_FRI)).toBe('2027-06-01');
    expect(meetingDayOf(rule, 2027, 3, MON_FRI)).toBe('2027-03-02');
    // 1/9/2026 is the day next to Quốc khánh, 2/9 the holiday, 3/9 the other adjacent day.
    expect(meetingDayOf(rule, 2026, 9, MON_FRI)).toBe('2026-09-04');
  });

  it('moves the 1st forward over 1/1 and the weekend', () => {
    const rule = { kind: 'day-of-month', day: 1 } as const;
    // 01/01/2027 is a Friday (Tết Dương lịch), then Saturday and Sunday.
    expect(meetingDayOf(rule, 2027, 1, MON_FRI)).toBe('2027-01-04');
    // 01/01/2028 is a Saturday.
    expect(meetingDayOf(rule, 2028, 1, MON_FRI)).toBe('2028-01-03');
    expect(meetingDayOf(rule, 2027, 3, MON_FRI)).toBe('2027-03-01');
  });

  it('moves back with ifDayOff: previous, but never out of the month', () => {
    expect(meetingDayOf({ kind: 'day-of-month', day: 5, ifDayOff: 'previous' }, 2027, 6, MON_FRI)).toBe('2027-06-04');
    // 01/5/2027 is a Saturday and a holiday: nothing earlier in May, so the next working day.
    expect(meetingDayOf({ kind: 'day-of-month', day: 1, ifDayOff: 'previous' }, 2027, 5, MON_FRI)).toBe('2027-05-03');
  });

  it('takes the last working day before the 10th, over Tết', () => {
    const rule = { kind: 'last-working-day-before', day: 10 } as const;
    // 10/5/2027 is a Monday: the Friday before.
    expect(meetingDayOf(rule, 2027, 5, MON_FRI)).toBe('2027-05-07');
    // Tết 2027: giao thừa 05/02 to mùng 4 09/02.
    expect(meetingDayOf(rule, 2027, 2, MON_FRI)).toBe('2027-02-04');
  });

  it('takes the last Friday, moved back when 30/4 is that Friday', () => {
    const rule = { kind: 'nth-weekday', n: -1, weekday: 'friday' } as const;
    expect(meetingDayOf(rule, 2026, 4, MON_FRI)).toBe('2026-04-24');
    expect(meetingDayOf(rule, 2027, 4, MON_FRI)).toBe('2027-04-29');
  });

  it('honours the cell’s working days and blackout dates', () => {
    const rule = { kind: 'day-of-month', day: 5 } as const;
    // 05/6/2027 is a Saturday: a cell that meets on Saturdays keeps it, unless it is a blackout date.
    expect(meetingDayOf(rule, 2027, 6, { workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] })).toBe('2027-06-05');
    expect(meetingDayOf(rule, 2027, 6, {})).toBe('2027-06-07');
    expect(meetingDayOf(rule, 2027, 6, { blackout: ['2027-06-07'] })).toBe('2027-06-08');
    expect(meetingDayOf(rule, 2027, 6, { blackout: new Set(['2027-06-07', '2027-06-08']) })).toBe('2027-06-09');
  });

  it('returns undefined for a month without a working day', () => {
    expect(meetingDayOf({ kind: 'day-of-month', day: 5 }, 2027, 6, { workingDays: ['sunday'], blackout: ['2027-06-06', '2027-06-13', '2027-06-20', '2027-06-27'] })).toBeUndefined();
  });
});

describe('nthWeekday and describeDayRule', () => {
  it('finds the n-th weekday', () => {
    expect(nthWeekday(2027, 6, 2, 'monday')).toBe('2027-06-14');
    expect(nthWeekday(2027, 6, -1, 'wednesday')).toBe('2027-06-30');
  });

  it('describes the custom in Vietnamese', () => {
    expect(describeDayRule({ kind: 'day-of-month', day: 5 })).toBe('ngày 05 hằng tháng; trùng ngày nghỉ thì lùi sang ngày làm việc kế tiếp');
    expect(describeDayRule({ kind: 'nth-weekday', n: 1, weekday: 'tuesday' })).toBe('thứ Ba đầu tiên của tháng; trùng ngày nghỉ thì lùi sang ngày làm việc kế tiếp');
    expect(describeDayRule({ kind: 'nth-weekday', n: 2, weekday: 'monday' })).toMatch(/^thứ Hai tuần thứ hai của tháng/);
    expect(describeDayRule({ kind: 'last-working-day-before', day: 10 })).toBe('ngày làm việc cuối cùng trước ngày 10 hằng tháng');
  });
});
