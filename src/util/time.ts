// Clock-time and calendar helpers on ISO strings (no Date objects, no time zones).

/** Minutes since midnight of an `H:MM` / `HH:MM` time. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** `YYYY-MM-DD` → { year, month (1–12), day }. */
export function ymd(date: string): { year: number; month: number; day: number } {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** Quarter (1–4) of a month (1–12). */
export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** `YYYY-MM-DD` of a day of a month. */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Last day of a month as `YYYY-MM-DD`. */
export function lastDayOfMonth(year: number, month: number): string {
  return isoDay(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** `HH:MM` of minutes since midnight (the inverse of minutesOf). */
export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Whether a period whose last day is `lastDay` has ended by `asOf` (both YYYY-MM-DD). Inclusive: a month,
 * quarter or year is due once its last day is on or before the as-of date, so `--as-of 2026-12-31` checks
 * December, quarter IV and the whole year.
 */
export function periodEnded(lastDay: string, asOf: string): boolean {
  return lastDay <= asOf;
}
