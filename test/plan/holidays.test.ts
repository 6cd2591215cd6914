// The shared holiday module: Tết dates against known ones and date-holidays, days off of a year, working days.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type HolidaysType from 'date-holidays';
import { dayOff, daysOffOfYear, isWorkingDay, tetDate } from '../../src/util/holidays.js';

const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysType;
const lib = new Holidays('VN');

/** Mùng 1 Tết (Tết Nguyên Đán), published by the Government for each year. */
const KNOWN_TET: Record<number, string> = {
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
};

describe('Tết Nguyên Đán', () => {
  for (const [year, date] of Object.entries(KNOWN_TET)) {
    it(`falls on ${date} in ${year}, as date-holidays says`, () => {
      expect(tetDate(Number(year))).toBe(date);
      const fromLib = lib.getHolidays(Number(year)).filter((h) => h.type === 'public' && h.name === 'Tết Nguyên Đán').map((h) => h.date.slice(0, 10));
      expect(fromLib).toEqual([date]);
    });
  }

  it('makes giao thừa to mùng 4 days off by default, configurable', () => {
    expect(dayOff('2028-01-25')?.vi).toBe('Giao thừa Tết Nguyên Đán');
    expect(dayOff('2028-01-29')?.vi).toBe('Mùng 4 Tết Nguyên Đán');
    expect(dayOff('2028-01-30')).toBeUndefined();
    expect(dayOff('2028-01-30', { tetBefore: 1, tetAfter: 4, nationalDayAdjacent: true })?.vi).toBe('Mùng 5 Tết Nguyên Đán');
  });
});

describe('daysOffOfYear', () => {
  it('lists the days off of 2027 with names in both languages', () => {
    const days = daysOffOfYear(2027, { tetBefore: 1, tetAfter: 3, nationalDayAdjacent: true, extraDates: [{ date: '2027-11-18', name: 'Ngày hội Đại đoàn kết' }] });
    expect(days.map((d) => d.date)).toEqual([
      '2027-01-01',
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09',
      '2027-04-16', '2027-04-30', '2027-05-01',
      '2027-09-01', '2027-09-02', '2027-09-03',
      '2027-11-18',
    ]);
    expect(days.find((d) => d.date === '2027-04-16')).toMatchObject({ vi: 'Giỗ tổ Hùng Vương', en: expect.any(String) });
    expect(days.at(-1)).toMatchObject({ vi: 'Ngày hội Đại đoàn kết', en: 'Ngày hội Đại đoàn kết' });
  });
});

describe('isWorkingDay', () => {
  it('is false on weekends, holidays and blackout dates', () => {
    expect(isWorkingDay('2027-06-07')).toBe(true);
    expect(isWorkingDay('2027-06-05')).toBe(false);
    expect(isWorkingDay('2027-06-05', { workingDays: ['saturday'] })).toBe(true);
    expect(isWorkingDay('2027-04-16')).toBe(false);
    expect(isWorkingDay('2027-06-07', { blackout: ['2027-06-07'] })).toBe(false);
    expect(isWorkingDay('2027-09-03', { holidays: { tetBefore: 1, tetAfter: 3, nationalDayAdjacent: false } })).toBe(true);
  });
});
