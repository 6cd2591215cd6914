// Rule public-holiday: no sitting is held or planned on a Vietnamese public holiday (Bộ luật Lao động 2019 Điều 112).
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { HolidaysTypes } from 'date-holidays';
import type { CellYearRule } from './types.js';

/** A blackout date of the cell, with an optional reason. */
export type ExtraDate = string | { date: string; name?: string };

/** Options of public-holiday. */
export interface PublicHolidayOptions {
  /** Days off before mùng 1 Tết (1 = giao thừa). */
  tetBefore: number;
  /** Days off after mùng 1 Tết (3 = up to mùng 4). */
  tetAfter: number;
  /** Treat both 1/9 and 3/9 as the day off next to Quốc khánh (the Government picks one each year). */
  nationalDayAdjacent: boolean;
  /** The cell's own blackout dates (YYYY-MM-DD). */
  extraDates: ExtraDate[];
}

/** A day off with its names in both languages. */
interface DayOff {
  vi: string;
  en: string;
}

/** The fixed part of one year, as date-holidays computes it. */
interface YearHolidays {
  /** Public holidays other than Tết, by ISO date. */
  days: Map<string, DayOff>;
  /** Mùng 1 Tết Nguyên Đán (lunar new year's day), if found. */
  tet?: string;
}

const TET_NAME = 'Tết Nguyên Đán';
const ISO_DATE = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
const DAY_MS = 86_400_000;

// Loading date-holidays parses every country's rules (~0.2 s) and each year costs ~50 ms to compute:
// the library is required on first use rather than when the registry loads, and each year is cached.
const requireLazily = createRequire(import.meta.url);
let holidays: Holidays | undefined;
const byYear = new Map<number, YearHolidays>();

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function yearHolidays(year: number): YearHolidays {
  const cached = byYear.get(year);
  if (cached) return cached;
  holidays ??= new (requireLazily('date-holidays') as typeof Holidays)('VN', { languages: ['vi'] });
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

/** The name of a day in the Tết window, from its distance to mùng 1. */
function tetDay(offset: number): DayOff {
  if (offset === 0) return { vi: 'Tết Nguyên Đán (mùng 1)', en: 'Lunar New Year (Tết), day 1' };
  if (offset === -1) return { vi: 'Giao thừa Tết Nguyên Đán', en: "Lunar New Year's Eve" };
  if (offset < 0) return { vi: 'Nghỉ Tết Nguyên Đán (trước Tết)', en: 'Lunar New Year holiday (before Tết)' };
  return { vi: `Mùng ${offset + 1} Tết Nguyên Đán`, en: `Lunar New Year (Tết), day ${offset + 1}` };
}

/** The holiday on a date under the options, if any. */
function dayOff(date: string, options: PublicHolidayOptions, extra: Map<string, DayOff>): DayOff | undefined {
  const own = extra.get(date);
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

const rule: CellYearRule<PublicHolidayOptions> = {
  id: 'public-holiday',
  scope: 'year',
  description: {
    vi: 'Không tổ chức hoặc dự kiến sinh hoạt chi bộ vào ngày nghỉ lễ, Tết (1/1; Tết Nguyên Đán; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; 2/9 và một ngày liền kề) hoặc ngày chi bộ tự quy định không họp.',
    en: 'No sitting is held or planned on a public holiday (1 January; Tết; Hùng Kings 10/3 lunar; 30 April; 1 May; 2 September and an adjacent day) or on a blackout date of the cell.',
  },
  source: 'Bộ luật Lao động 2019 Điều 112',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      tetBefore: { type: 'integer', minimum: 0, maximum: 30 },
      tetAfter: { type: 'integer', minimum: 0, maximum: 30 },
      nationalDayAdjacent: { type: 'boolean' },
      extraDates: {
        type: 'array',
        items: {
          anyOf: [
            { type: 'string', pattern: ISO_DATE },
            {
              type: 'object',
              required: ['date'],
              additionalProperties: false,
              properties: { date: { type: 'string', pattern: ISO_DATE }, name: { type: 'string', minLength: 1 } },
            },
          ],
        },
      },
    },
  },
  defaultOptions: { tetBefore: 1, tetAfter: 3, nationalDayAdjacent: true, extraDates: [] },
  messages: {
    holiday: {
      vi: 'Ngày {date|date} là ngày nghỉ: {name}. Nên chọn ngày khác để sinh hoạt chi bộ.',
      en: '{date} is a day off: {nameEn}. Choose another day for the cell meeting.',
    },
  },
  check(ctx) {
    const extra = new Map<string, DayOff>();
    for (const e of ctx.options.extraDates ?? []) {
      const date = typeof e === 'string' ? e : e.date;
      const name = typeof e === 'string' ? undefined : e.name;
      extra.set(date, {
        vi: name ?? 'ngày chi bộ quy định không sinh hoạt',
        en: name ?? 'a blackout date of the cell',
      });
    }
    const check = (date: string, report: (data: Record<string, string>) => void): void => {
      const off = dayOff(date, ctx.options, extra);
      if (off) report({ date, name: off.vi, nameEn: off.en });
    };
    for (const meeting of ctx.meetings) {
      check(meeting.data.date, (data) => ctx.report(meeting, { path: '/date', messageId: 'holiday', data }));
    }
    for (const plan of ctx.plans) {
      // Checked in its own year only, so a plan listed under two years is not reported twice.
      if (plan.data.year !== ctx.year) continue;
      plan.data.meetings.forEach((m, i) => {
        check(m.date, (data) =>
          ctx.report(plan, { path: `/meetings/${i}/date`, messageId: 'holiday', data }),
        );
      });
    }
  },
};

export default rule;
