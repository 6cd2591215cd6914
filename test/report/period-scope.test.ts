// A report counts only what happened in its period: a month, a quarter, the year, a mid-month as-of, a cell that sent nothing (figures by hand).
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, writeTree } from '../helpers.js';

/*
 * Chi bộ Khu dân cư số 12 of the example, 2026, changed so that its year has known faults:
 * - sittings on the 5th–7th of every month; thematic ones on 19/3 (Q1), 16/7 and 17/9 (Q3);
 * - May's combined sitting made regular: Q2 has no thematic sitting (thematic-per-quarter, an error on
 *   cell.yaml naming quarter II) and May's record keeps 4 thematic steps (meeting-steps, 4 warnings on 2026-05);
 * - November's thematic record removed: Q4 has none (an error naming quarter IV), and the year has 3 thematic
 *   sittings, fewer than 4 (thematic-min, an error naming only the year).
 * A second listed cell, cb-im-lang, has no folder at all.
 */
const COMMITTEE = `name: Đảng ủy phường Thử Nghiệm
kind: ward
place: Thử Nghiệm
parent: Đảng bộ thành phố Hà Nội
cells:
  - { folder: cb, name: Chi bộ Khu dân cư số 12 }
  - { folder: cb-im-lang, name: Chi bộ Im Lặng }
numbering: { code: BC/ĐU, next: 1 }
`;

let dir: string;

/** The JSON report of the committee for a period, as of a day. */
async function reportOf(period: string, asOf: string) {
  const run = await runCli(['report', '.', '--period', period, '--as-of', asOf, '--format', 'json'], { cwd: dir });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

const cellOf = (r: { cells: { folder: string }[] }, folder: string) => r.cells.find((c) => c.folder === folder) as any;

beforeAll(() => {
  dir = writeTree({ 'committee.yaml': COMMITTEE });
  cpSync(join(ROOT, 'examples', 'dang-uy-phuong-hoang-liet', 'chi-bo-khu-dan-cu-12'), join(dir, 'cb'), { recursive: true });
  const may = join(dir, 'cb', 'meetings', '2026-05.yaml');
  writeFileSync(may, readFileSync(may, 'utf8').replace(/^kind: combined$/m, 'kind: regular'));
  rmSync(join(dir, 'cb', 'meetings', '2026-11-chuyen-de.yaml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report: a period counts only the problems inside it', () => {
  it('June: Q2 is not wholly in it, so neither its thematic sitting nor its finding is due; June is flawless', async () => {
    const cb = cellOf(await reportOf('2026-06', '2026-12-31'), 'cb');
    expect(cb.regular).toEqual({ held: 1, due: 1, missingMonths: [] });
    expect(cb.thematic).toMatchObject({ held: 0, due: 0, missingQuarters: [] });
    expect([cb.errorCount, cb.warningCount]).toEqual([0, 0]);
    expect(cb.compliant).toBe(true);
  }, 60_000);

  it("May: only May's own record counts (its 4 warnings), not quarter II's error nor the year's", async () => {
    const r = await reportOf('2026-05', '2026-12-31');
    const cb = cellOf(r, 'cb');
    expect(cb.thematic).toMatchObject({ held: 0, due: 0, missingQuarters: [] });
    expect(cb.byRule).toEqual({ 'meeting-steps': { errors: 0, warnings: 4 } });
    expect(cb.errorCount).toBe(0);
    expect(cb.compliant).toBe(true);
    expect(r.attention.map((a: { folder: string }) => a.folder)).toEqual(['cb-im-lang']);
  }, 60_000);

  it('Q1 is flawless though the year is not: no quarter or year finding of later months reaches it', async () => {
    const cb = cellOf(await reportOf('2026-Q1', '2026-12-31'), 'cb');
    expect(cb.regular).toEqual({ held: 3, due: 3, missingMonths: [] });
    expect(cb.thematic).toMatchObject({ held: 1, due: 1, missingQuarters: [] });
    expect([cb.errorCount, cb.warningCount, cb.compliant]).toEqual([0, 0, true]);
  }, 60_000);

  it("Q2: its missing thematic sitting and May's warnings, nothing of the year", async () => {
    const cb = cellOf(await reportOf('2026-Q2', '2026-12-31'), 'cb');
    expect(cb.thematic).toMatchObject({ held: 0, due: 1, missingQuarters: [2] });
    expect(cb.byRule).toEqual({ 'thematic-per-quarter': { errors: 1, warnings: 0 }, 'meeting-steps': { errors: 0, warnings: 4 } });
    expect(cb.compliant).toBe(false);
  }, 60_000);

  it("Q4 holds the year's end: quarter IV's error and the year's too few thematic sittings", async () => {
    const cb = cellOf(await reportOf('2026-Q4', '2026-12-31'), 'cb');
    expect(cb.thematic).toMatchObject({ held: 0, due: 1, missingQuarters: [4] });
    expect(cb.byRule).toEqual({ 'thematic-per-quarter': { errors: 1, warnings: 0 }, 'thematic-min': { errors: 1, warnings: 0 } });
  }, 60_000);

  it('the year: 12 of 12 months; 3 thematic sittings of 4 due, quarters II and IV missing; 3 errors, 4 warnings', async () => {
    const cb = cellOf(await reportOf('2026', '2026-12-31'), 'cb');
    expect(cb.regular).toEqual({ held: 12, due: 12, missingMonths: [] });
    expect(cb.thematic).toMatchObject({ held: 3, due: 4, missingQuarters: [2, 4], perYear: [{ year: 2026, held: 3, min: 4, max: 6 }] });
    expect([cb.errorCount, cb.warningCount]).toEqual([3, 4]);
    expect(cb.byRule['thematic-min']).toEqual({ errors: 1, warnings: 0 });
  }, 60_000);
});

describe('report: the as-of day falls mid-month', () => {
  it("June's sitting of 5/6, held by 15/6, counts as due: 6 held of 6, never 6 of 5; Q2 not over, only Q1's thematic due", async () => {
    const cb = cellOf(await reportOf('2026', '2026-06-15'), 'cb');
    expect(cb.regular).toEqual({ held: 6, due: 6, missingMonths: [] });
    expect(cb.months.find((m: { month: string }) => m.month === '2026-06')).toMatchObject({ due: true, regular: true });
    expect(cb.months.find((m: { month: string }) => m.month === '2026-07')).toMatchObject({ due: false, regular: false });
    expect(cb.thematic).toMatchObject({ held: 1, due: 1, missingQuarters: [] });
  }, 60_000);

  it('a month not yet over and not yet held is not due: as of 4/6, May ended, June not held yet → 5 of 5', async () => {
    const cb = cellOf(await reportOf('2026', '2026-06-04'), 'cb');
    expect(cb.regular).toEqual({ held: 5, due: 5, missingMonths: [] });
  }, 60_000);
});

describe('report: a cell that sent nothing', () => {
  it('has no absences to count: null in json, an empty csv field, – in the table', async () => {
    const silent = cellOf(await reportOf('2026-Q4', '2026-12-31'), 'cb-im-lang');
    expect(silent.status).toBe('missing');
    expect(silent.attendance).toMatchObject({ rate: null, lowest: null, unexcused: null, belowMinimum: null });

    const csv = await runCli(['report', '.', '--period', '2026-Q4', '--as-of', '2026-12-31', '--format', 'csv', '--lang', 'en'], { cwd: dir });
    const rows = parseCsv(csv.stdout.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.Folder === 'cb-im-lang')!['Unexcused absences']).toBe('');
    expect(rows.find((r) => r.Folder === 'cb')!['Unexcused absences']).toBe('0');

    const table = await runCli(['report', '.', '--period', '2026-Q4', '--as-of', '2026-12-31'], { cwd: dir });
    // The last five columns: VKL (unexcused), Điểm, CU dự, Lỗi, Đạt.
    const vkl = (name: string) => table.stdout.split('\n').find((l) => l.startsWith(name))!.trim().split(/\s+/).at(-5);
    expect(vkl('Chi bộ Im Lặng')).toBe('–');
    expect(vkl('Chi bộ Khu dân cư số 12')).toBe('0');
  }, 60_000);
});
