// The example committee (examples/dang-uy-phuong-hoang-liet) stays valid: problems only where its story puts them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report, validate } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const COMMITTEE = join(ROOT, 'examples', 'dang-uy-phuong-hoang-liet');
const cellDir = (n: number) => join(COMMITTEE, `chi-bo-khu-dan-cu-${n}`);

async function problems(n: number) {
  const result = await validate([cellDir(n)], { asOf: '2026-12-31' });
  return result.results.flatMap((r) => r.problems.map((p) => `${p.ruleId}/${p.messageId}`));
}

describe('examples/dang-uy-phuong-hoang-liet', () => {
  it('the exemplary cell and the cell kept since 2025 have no problem at all; the silent cell only that it sent nothing', async () => {
    for (const n of [12, 16]) expect(await problems(n)).toEqual([]);
    // A cell that sent only cell.yaml is never clean (issue 7).
    expect(await problems(15)).toEqual(['input/noRecords']);
  });

  it('the cell that skipped months has exactly those two months reported', async () => {
    expect(await problems(13)).toEqual(['monthly-regular/missingMonth', 'monthly-regular/missingMonth']);
  });

  it('the cell with weak attendance has only attendance warnings', async () => {
    const found = await problems(14);
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found)).toEqual(new Set(['attendance-quality/lowAttendance', 'attendance-quality/unexcused']));
  });

  it('cell 16 reports over a period spanning 2025–2026 (its records before 28/10/2025 validate under the 2018 rules)', async () => {
    const r = await report([COMMITTEE], { cwd: ROOT, period: '2025-07..2026-12', asOf: '2026-12-31' });
    const c16 = r.cells.find((c) => c.folder === 'chi-bo-khu-dan-cu-16')!;
    expect(c16.regular).toEqual({ held: 18, due: 18, missingMonths: [] });
    expect(c16.thematic.perYear.map((y) => y.year)).toEqual([2025, 2026]);
    // The other cells keep records from January 2026: the months of 2025 are not due for them.
    expect(r.cells.find((c) => c.folder === 'chi-bo-khu-dan-cu-12')!.regular.due).toBe(12);
  });

  it('reports each cell in the state its story says', async () => {
    const r = await report([COMMITTEE], { cwd: ROOT, period: '2026', asOf: '2026-12-31' });
    const by = Object.fromEntries(r.cells.map((c) => [c.folder.slice(-2), c]));
    expect(by['12']).toMatchObject({ status: 'ok', compliant: true });
    expect(by['13']!.regular.missingMonths).toEqual(['2026-04', '2026-08']);
    expect(by['14']!.attendance.belowMinimum).toBeGreaterThan(0);
    // A report figure and validate's verdict come from the same facts: they cannot disagree.
    const verdicts = (id: string) => by['14']!.problems.filter((p) => p.ruleId === 'attendance-quality' && p.message.includes(id)).length;
    expect(by['14']!.attendance.belowMinimum).toBe(verdicts('chưa đạt trên'));
    expect(by['14']!.attendance.unexcused).toBe(verdicts('vắng không lý do'));
    expect(by['14']!.visits.assignments.every((a) => !a.kept)).toBe(true);
    expect(by['15']).toMatchObject({ status: 'missing' });
    expect(r.attention[0]!.folder).toBe('chi-bo-khu-dan-cu-15');
    // Figures in the reasons are written the Vietnamese way (84,3%), in English the English way.
    const november = await report([COMMITTEE], { cwd: ROOT, period: '2026', asOf: '2026-11-30' });
    expect(november.attention.flatMap((a) => a.reasons).join('; ')).toContain('tỷ lệ dự 84,3% (cần trên 85%)');
    const english = await report([COMMITTEE], { cwd: ROOT, period: '2026', asOf: '2026-11-30', lang: 'en' });
    expect(english.attention.flatMap((a) => a.reasons).join('; ')).toContain('attendance 84.3 %');
    expect(r.cells.every((c) => c.problems.every((p) => !['read-error', 'yaml-syntax', 'schema', 'cell-context'].includes(p.ruleId)))).toBe(true);
  });

  it('counts a year finding only in the period its month names (April and August are not in quarter IV)', async () => {
    const year = await report([cellDir(13)], { cwd: ROOT, period: '2026', asOf: '2026-12-31' });
    expect(year.cells[0]!.byRule['monthly-regular']).toEqual({ errors: 2, warnings: 0 });
    const q4 = await report([cellDir(13)], { cwd: ROOT, period: '2026-Q4', asOf: '2026-12-31' });
    expect(q4.cells[0]).toMatchObject({ errorCount: 0, compliant: true });
  });
});
