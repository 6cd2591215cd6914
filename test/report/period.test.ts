// Report periods: the four written forms, their days, months and the Party's label; anything else refused; which problems belong to one.
import { describe, expect, it } from 'vitest';
import { parsePeriod, UsageError } from '../../src/index.js';
import { problemInPeriod, yearAnchor } from '../../src/report/period.js';

describe('parsePeriod', () => {
  it('reads a year, a quarter, a month and a range of months', () => {
    expect(parsePeriod('2026')).toMatchObject({ from: '2026-01-01', to: '2026-12-31', label: 'năm 2026' });
    expect(parsePeriod('2026-Q4')).toEqual({
      from: '2026-10-01', to: '2026-12-31', label: 'quý IV năm 2026', months: ['2026-10', '2026-11', '2026-12'],
    });
    expect(parsePeriod('2028-02')).toMatchObject({ from: '2028-02-01', to: '2028-02-29', label: 'tháng 2 năm 2028' });
    expect(parsePeriod('2026-01..2026-06')).toMatchObject({ to: '2026-06-30', label: 'từ tháng 1 đến tháng 6 năm 2026' });
  });

  it('lets a range cross the year, as a cell kept since 2025 needs', () => {
    const p = parsePeriod('2025-07..2026-06');
    expect(p.months).toHaveLength(12);
    expect(p.months[0]).toBe('2025-07');
    expect(p.months.at(-1)).toBe('2026-06');
    expect(p.label).toBe('từ tháng 7 năm 2025 đến tháng 6 năm 2026');
    expect(parsePeriod('2026-Q4', 'en').label).toBe('quarter IV of 2026');
  });

  it('refuses what it cannot read, naming the accepted forms', () => {
    for (const bad of ['2026-13', '2026-Q5', '2026-06..2026-01', '26', 'quý 4']) {
      expect(() => parsePeriod(bad)).toThrow(UsageError);
      expect(() => parsePeriod(bad)).toThrow(/2026-Q4/);
    }
  });
});

describe('problemInPeriod', () => {
  const june = parsePeriod('2026-06');
  const q2 = parsePeriod('2026-Q2');
  const h2 = parsePeriod('2026-07..2026-12');
  const quarterII = { file: 'cb/cell.yaml', data: { year: 2026, quarter: 2 } };
  const year = { file: 'cb/cell.yaml', data: { year: 2026, count: 3, min: 4 } };

  it('keeps a quarter finding to periods holding the whole quarter', () => {
    expect(problemInPeriod(quarterII, undefined, june, '2026-12-31')).toBe(false);
    expect(problemInPeriod(quarterII, undefined, q2, '2026-12-31')).toBe(true);
    expect(problemInPeriod(quarterII, undefined, parsePeriod('2026-01..2026-06'), '2026-12-31')).toBe(true);
  });

  it("puts a year finding in the period holding the year's end, or the as-of day while the year runs", () => {
    expect(yearAnchor(2026, '2026-12-31')).toBe('2026-12');
    expect(yearAnchor(2026, '2027-01-05')).toBe('2026-12');
    expect(yearAnchor(2026, '2026-06-15')).toBe('2026-06');
    expect(problemInPeriod(year, undefined, parsePeriod('2026-Q1'), '2026-12-31')).toBe(false);
    expect(problemInPeriod(year, undefined, h2, '2026-12-31')).toBe(true);
    expect(problemInPeriod(year, undefined, june, '2026-06-15')).toBe(true);
    expect(problemInPeriod({ file: 'cb/plan-2026.yaml' }, undefined, parsePeriod('2026-Q1'), '2027-01-05')).toBe(false);
  });

  it("keeps a record's problem to its date, and a month it names over the record's date; a profile problem is everywhere", () => {
    expect(problemInPeriod({ file: 'cb/meetings/2026-05.yaml' }, '2026-05-05', june, '2026-12-31')).toBe(false);
    expect(problemInPeriod({ file: 'cb/meetings/2026-06.yaml' }, '2026-06-05', june, '2026-12-31')).toBe(true);
    expect(problemInPeriod({ file: 'cb/meetings/2026-06.yaml', data: { year: 2026, month: 5 } }, '2026-06-05', june, '2026-12-31')).toBe(false);
    expect(problemInPeriod({ file: 'cb/cell.yaml', data: { member: 'An' } }, undefined, june, '2026-12-31')).toBe(true);
  });
});
