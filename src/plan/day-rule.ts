// The meeting day of a month from the cell's day custom (MeetingDayRule), its working days and the holidays.
import type { MeetingDayRule, Weekday } from '../model.js';
import { addDays, isWorkingDay, weekdayOf, type WorkingDayOptions } from '../util/holidays.js';
import { isoDay, lastDayOfMonth } from '../util/time.js';


/**
 * The nearest working day to `date` in direction `step` (+1 later, -1 earlier), `date` itself if it is one,
 * staying inside its month; when that direction runs out of the month, the nearest one the other way.
 * Undefined only for a month without a single working day.
 */
export function shiftToWorkingDay(date: string, step: 1 | -1, calendar: WorkingDayOptions): string | undefined {
  const month = date.slice(0, 7);
  for (const dir of [step, -step]) {
    for (let d = date; d.slice(0, 7) === month; d = addDays(d, dir)) {
      if (isWorkingDay(d, calendar)) return d;
    }
  }
  return undefined;
}

/** The n-th (1–4, or -1 for the last) given weekday of a month. */
export function nthWeekday(year: number, month: number, n: number, weekday: Weekday): string {
  if (n === -1) {
    let d = lastDayOfMonth(year, month);
    while (weekdayOf(d) !== weekday) d = addDays(d, -1);
    return d;
  }
  let d = isoDay(year, month, 1);
  while (weekdayOf(d) !== weekday) d = addDays(d, 1);
  return addDays(d, 7 * (n - 1));
}

/**
 * The regular meeting day of a month under a day custom:
 * - `day-of-month`: that day, or when it is not a working day the next one (`ifDayOff: previous`: the one
 *   before);
 * - `nth-weekday`: that weekday; on a holiday or blackout date, the next working day;
 * - `last-working-day-before`: the last working day before that day of the month (when there is none,
 *   e.g. Tết covers the whole stretch, the first working day from that day on).
 * The day never leaves its month. Undefined only for a month with no working day at all.
 */
export function meetingDayOf(rule: MeetingDayRule, year: number, month: number, calendar: WorkingDayOptions): string | undefined {
  switch (rule.kind) {
    case 'day-of-month':
      return shiftToWorkingDay(isoDay(year, month, rule.day), rule.ifDayOff === 'previous' ? -1 : 1, calendar);
    case 'nth-weekday':
      return shiftToWorkingDay(nthWeekday(year, month, rule.n, rule.weekday), 1, calendar);
    case 'last-working-day-before': {
      const before = addDays(isoDay(year, month, rule.day), -1);
      return shiftToWorkingDay(before, -1, calendar);
    }
  }
}

const WEEKDAY_VI: Record<Weekday, string> = {
  monday: 'thứ Hai',
  tuesday: 'thứ Ba',
  wednesday: 'thứ Tư',
  thursday: 'thứ Năm',
  friday: 'thứ Sáu',
  saturday: 'thứ Bảy',
  sunday: 'Chủ nhật',
};

const ORDINAL_VI: Record<number, string> = { 2: 'thứ hai', 3: 'thứ ba', 4: 'thứ tư' };

/** The day custom in Vietnamese, for the plan's header: "ngày 05 hằng tháng; …". */
export function describeDayRule(rule: MeetingDayRule): string {
  switch (rule.kind) {
    case 'day-of-month':
      return (
        `ngày ${String(rule.day).padStart(2, '0')} hằng tháng; trùng ngày nghỉ thì ` +
        (rule.ifDayOff === 'previous' ? 'đưa lên ngày làm việc liền trước' : 'lùi sang ngày làm việc kế tiếp')
      );
    case 'nth-weekday': {
      const which =
        rule.n === 1 ? 'đầu tiên của tháng' : rule.n === -1 ? 'cuối cùng của tháng' : `tuần ${ORDINAL_VI[rule.n]} của tháng`;
      return `${WEEKDAY_VI[rule.weekday]} ${which}; trùng ngày nghỉ thì lùi sang ngày làm việc kế tiếp`;
    }
    case 'last-working-day-before':
      return `ngày làm việc cuối cùng trước ngày ${String(rule.day).padStart(2, '0')} hằng tháng`;
  }
}
