// Vietnamese public holidays (Bộ luật Lao động 2019 Điều 112) from date-holidays, shared by the rules and the planner.
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { HolidaysTypes } from 'date-holidays';
import type { Weekday } from '../model.js';

/** A day off with its names in both languages. */
export interface DayOff {
  vi: string;
  en: string;
}

/** A blackout date of the cell, with an optional reason. */
export type ExtraDate = string | { date: string; name?: string };

/** Which days around the fixed holidays count as days off. */
export interface HolidayOptions {
  /** Days off before mùng 1 Tết (1 = giao thừa). */
  tetBefore: number;
  /** Days off after mùng 1 Tết (3 = up to mùng 4). */
  tetAfter: number;
  /** Treat both 1/9 and 3/9 as the day off next to Quốc khánh (the Government picks one each year). */
  nationalDayAdjacent: boolean;
  /** The cell's own blackout dates (YYYY-MM-DD). */
  extraDates?: ExtraDate[];
}

/** The window the Labour Code gives in practice: giao thừa to mùng 4, both days next to 2/9. */
export const DEFAULT_HOLIDAY_OPTIONS: Readonly<HolidayOptions> = { tetBefore: 1, tetAfter: 3, nationalDayAdjacent: true };

/** The fixed part of one year, as date-holidays computes it. */
interface YearHolidays {
  /** Public holidays other than Tết, by ISO date. */
  days: Map<string, DayOff>;
  /** Mùng 1 Tết Nguyên Đán (lunar new year's day), if found. */
  tet?: string;
}

const TET_NAME = 'Tết Nguyên Đán';
const DAY_MS = 86_400_000;
const BLACKOUT: DayOff = { vi: 'ngày chi bộ quy định không sinh hoạt', en: 'a blackout date of the cell' };

// Loading date-holidays parses every country's rules (~0.2 s) and each year costs ~50 ms to compute:
// the library is required on first use rather than when the registry loads, and each year is cached.
// A plain require() where there is one (the single-file program is a CommonJS bundle, and esbuild bundles
// the module it sees required, still loaded on first call); the ESM build makes its own.
const loadHolidays = (): typeof Holidays =>
  (typeof require === 'function' ? require('date-holidays') : createRequire(import.meta.url)('date-holidays')) as typeof Holidays;
let holidays: Holidays | undefined;
const byYear = new Map<number, YearHolidays>();

/** Days since 1970-01-01 of an ISO date (UTC, so no time zone can shift it). */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/** ISO date of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO date `days` calendar days after (or before, if negative) `iso`. */
export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The weekday of an ISO date. */
export function weekdayOf(iso: string): Weekday {
  return WEEKDAYS[new Date(dayNumber(iso) * DAY_MS).getUTCDay()]!;
}

function yearHolidays(year: number): YearHolidays {
  const cached = byYear.get(year);
  if (cached) return cached;
  holidays ??= new (loadHolidays())('VN', { languages: ['vi'] });
  const lib = holidays;
  const result: YearHolidays = { days: new Map() };
  for (const h of lib.getHolidays(year, 'vi')) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    if (h.name === TET_NAME) {
      result.tet = date;
      continue;
    }
    // The library's own Tết block (giao thừa + 4 days) is replaced by the configurable window.
    if (h.name.includes(TET_NAME)) continue;
    // The rule carries the name in every language; asking for the year again in English would double
    // the cost. (The typings declare the HolidayRule class; getRule() returns the plain rule object.)
    const names = (lib.getRule(h.rule) as unknown as HolidaysTypes.HolidayRule | undefined)?.name;
    const name = { vi: h.name, en: (typeof names === 'object' ? names.en : undefined) ?? h.name };
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    const first = dayNumber(date);
    for (let d = first; d < first + length; d++) result.days.set(isoOfDay(d), name);
  }
  byYear.set(year, result);
  return result;
}

/** Mùng 1 Tết Nguyên Đán of a solar year (YYYY-MM-DD), as date-holidays computes it. */
export function tetDate(year: number): string | undefined {
  return yearHolidays(year).tet;
}

/** The name of a day in the Tết window, from its distance to mùng 1. */
function tetDay(offset: number): DayOff {
  if (offset === 0) return { vi: 'Tết Nguyên Đán (mùng 1)', en: 'Lunar New Year (Tết), day 1' };
  if (offset === -1) return { vi: 'Giao thừa Tết Nguyên Đán', en: "Lunar New Year's Eve" };
  if (offset < 0) return { vi: 'Nghỉ Tết Nguyên Đán (trước Tết)', en: 'Lunar New Year holiday (before Tết)' };
  return { vi: `Mùng ${offset + 1} Tết Nguyên Đán`, en: `Lunar New Year (Tết), day ${offset + 1}` };
}

/** The cell's blackout dates by date, each with its reason or the generic one. */
export function extraDays(extraDates: readonly ExtraDate[] = []): Map<string, DayOff> {
  const extra = new Map<string, DayOff>();
  for (const e of extraDates) {
    if (typeof e === 'string') extra.set(e, BLACKOUT);
    else extra.set(e.date, e.name ? { vi: e.name, en: e.name } : BLACKOUT);
  }
  return extra;
}

/**
 * The day off on a date, if any: a blackout date of the cell (from `extra`, or else from
 * `options.extraDates`), a fixed or lunar public holiday, the day next to 2/9, or a day of the Tết window.
 */
export function dayOff(date: string, options: HolidayOptions = DEFAULT_HOLIDAY_OPTIONS, extra?: Map<string, DayOff>): DayOff | undefined {
  const own = (extra ?? (options.extraDates?.length ? extraDays(options.extraDates) : undefined))?.get(date);
  if (own) return own;
  const year = Number(date.slice(0, 4));
  const fixed = yearHolidays(year).days.get(date);
  if (fixed) return fixed;
  const md = date.slice(5);
  if (options.nationalDayAdjacent && (md === '09-01' || md === '09-03')) {
    return { vi: 'Nghỉ lễ Quốc khánh (ngày liền kề)', en: 'National Day holiday (adjacent day)' };
  }
  const day = dayNumber(date);
  // A long window before Tết can reach back into December of the previous solar year.
  for (const y of md >= '12-01' ? [year, year + 1] : [year]) {
    const tet = yearHolidays(y).tet;
    if (!tet) continue;
    const offset = day - dayNumber(tet);
    if (offset >= -options.tetBefore && offset <= options.tetAfter) return tetDay(offset);
  }
  return undefined;
}

/** One day off of a year, with its names. */
export interface DatedDayOff extends DayOff {
  date: string;
}

/** Every day off of a solar year under the options (blackout dates included), in date order. */
export function daysOffOfYear(year: number, options: HolidayOptions = DEFAULT_HOLIDAY_OPTIONS): DatedDayOff[] {
  const extra = extraDays(options.extraDates);
  const out: DatedDayOff[] = [];
  for (let d = dayNumber(`${year}-01-01`), last = dayNumber(`${year}-12-31`); d <= last; d++) {
    const date = isoOfDay(d);
    const off = dayOff(date, options, extra);
    if (off) out.push({ date, ...off });
  }
  return out;
}

/** What makes a day a working day for a cell. */
export interface WorkingDayOptions {
  /** Days of the week the cell meets on (default Monday to Friday). */
  workingDays?: readonly Weekday[];
  /** The cell's own blackout dates. */
  blackout?: ReadonlySet<string> | readonly string[];
  /** The holiday window (default DEFAULT_HOLIDAY_OPTIONS). */
  holidays?: HolidayOptions;
}

const MONDAY_TO_FRIDAY: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** Whether a date is one of the cell's working days and neither a public holiday nor a blackout date. */
export function isWorkingDay(date: string, options: WorkingDayOptions = {}): boolean {
  if (!(options.workingDays ?? MONDAY_TO_FRIDAY).includes(weekdayOf(date))) return false;
  const blackout = options.blackout;
  if (blackout && (Array.isArray(blackout) ? blackout.includes(date) : (blackout as ReadonlySet<string>).has(date))) {
    return false;
  }
  return dayOff(date, options.holidays ?? DEFAULT_HOLIDAY_OPTIONS) === undefined;
}
