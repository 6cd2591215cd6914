// cellctl report on a small committee whose every figure is computed by hand, through the real binary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, edit, runCli, writeTree } from '../helpers.js';

/** The base record on another date, with its resolution number and a change. */
function record(date: string, number: number, change: (d: ReturnType<typeof import('yaml').parseDocument>) => void = () => {}): string {
  return edit(BASE_MEETING, (d) => {
    d.set('date', date);
    d.setIn(['resolution', 'number'], number);
    change(d);
  });
}

/** Attendance entry `i` of the base record (0 An … 4 Hải … 9 Quang, exempted). */
const setStatus = (i: number, status: string, reason?: string) => (d: ReturnType<typeof import('yaml').parseDocument>) => {
  d.setIn(['attendance', i, 'status'], status);
  if (reason) d.setIn(['attendance', i, 'reason'], reason);
};

const noGuest = (d: ReturnType<typeof import('yaml').parseDocument>) => {
  d.delete('guests');
  // Lê Thị Hồng spoke as a guest; without her the discussion keeps Lê Văn Cường only.
  d.deleteIn(['steps', 8, 'speakers', 1]);
};

const COMMITTEE = `# yaml-language-server: $schema=../../schemas/committee.schema.json
name: Đảng ủy phường Thử Nghiệm
kind: ward
place: Thử Nghiệm
parent: Đảng bộ thành phố Hà Nội
cells:
  - { folder: cb-a, name: Chi bộ Khu dân cư số 5 }
  - { folder: cb-b, name: Chi bộ B }
  - { folder: cb-c, name: Chi bộ C }
  - { folder: cb-f, name: Chi bộ F }
members:
  - { id: hong, name: Lê Thị Hồng, role: committee-member }
assignments:
  - { member: hong, cells: [cb-a, cb-b], visitsPerYear: 4 }
overrides:
  thematic-per-quarter: { severity: "off" }
`;

let dir: string;
let json: { code: number; report: any };

beforeAll(async () => {
  dir = writeTree({
    'committee.yaml': COMMITTEE,
    // A: every month held; Hải away with reason in January, without reason in February; a Khá score in February.
    'cb-a/cell.yaml': BASE_CELL,
    'cb-a/meetings/2026-01.yaml': record('2026-01-05', 1, (d) => {
      setStatus(4, 'excused', 'Đi công tác')(d);
      d.setIn(['vote', 'for'], 6);
    }),
    'cb-a/meetings/2026-02.yaml': record('2026-02-05', 2, (d) => {
      setStatus(4, 'unexcused')(d);
      d.setIn(['vote', 'for'], 6);
      d.setIn(['score', 'criteria', 'conduct'], 24);
      d.setIn(['score', 'total'], 80);
      d.setIn(['score', 'rating'], 'fair');
    }),
    'cb-a/meetings/2026-03.yaml': record('2026-03-05', 3),
    // B: February skipped; no committee member came.
    'cb-b/cell.yaml': edit(BASE_CELL, (d) => d.set('name', 'Chi bộ B')),
    'cb-b/meetings/2026-01.yaml': record('2026-01-05', 1, noGuest),
    'cb-b/meetings/2026-03.yaml': record('2026-03-05', 2, noGuest),
    // C is listed and has no folder. D is not listed. E claims A's name. F's only record is not YAML.
    'cb-d/cell.yaml': edit(BASE_CELL, (d) => d.set('name', 'Chi bộ D')),
    'cb-d/meetings/2026-01.yaml': record('2026-01-05', 1, noGuest),
    'cb-e/cell.yaml': BASE_CELL,
    'cb-e/meetings/2026-01.yaml': record('2026-01-05', 1, noGuest),
    'cb-f/cell.yaml': edit(BASE_CELL, (d) => d.set('name', 'Chi bộ F')),
    'cb-f/meetings/2026-01.yaml': 'kind: [regular\n',
  });
  const run = await runCli(['report', '.', '--period', '2026-Q1', '--as-of', '2026-03-31', '--format', 'json'], { cwd: dir });
  json = { code: run.code, report: JSON.parse(run.stdout) };
}, 60_000);

const cell = (folder: string) => json.report.cells.find((c: { folder: string }) => c.folder === folder);

describe('report: a small committee counted by hand', () => {
  it('names the committee, the period and the as-of date', () => {
    expect(json.report.committee).toBe('Đảng ủy phường Thử Nghiệm');
    expect(json.report.parent).toBe('Đảng bộ thành phố Hà Nội');
    expect(json.report.period).toMatchObject({ from: '2026-01-01', to: '2026-03-31', label: 'quý I năm 2026' });
    expect(json.report.asOf).toBe('2026-03-31');
    expect(json.report).toMatchObject({ kind: 'ward', numbering: { code: 'BC/ĐU' } });
  });

  it('counts cell A exactly as validate counts', () => {
    const a = cell('cb-a');
    expect(a.status).toBe('ok');
    // January, February, March each held and each ended by 31/3.
    expect(a.regular).toEqual({ held: 3, due: 3, missingMonths: [] });
    // thematic-per-quarter is off in committee.yaml: no quarter is due.
    expect(a.thematic).toMatchObject({ held: 0, due: 0, missingQuarters: [] });
    // Counted: 10 members − 1 exempted = 9 each time. Present 8 (Hải excused), 8 (Hải unexcused), 9.
    // Rate (8 + 8 + 9) / (9 + 9 + 9) = 25/27 = 0.92592… → 0.9259; lowest 8/9 = 0.8889 (first on 05/01).
    expect(a.attendance).toMatchObject({ rate: 0.9259, lowest: 0.8889, lowestDate: '2026-01-05', unexcused: 1, belowMinimum: 0 });
    // Scores 92, 80, 92 → 264 / 3 = 88.0; Tốt 2, Khá 1.
    expect(a.score).toEqual({ average: 88, ratings: { good: 2, fair: 1, average: 0, poor: 0 } });
    // Lê Thị Hồng came three times; 4 a year pro rata over 3 ended months: ⌊4 × 3 / 12⌋ = 1 due.
    expect(a.visits).toMatchObject({ held: 3, due: 1, assignments: [{ member: 'Lê Thị Hồng', due: 1, held: 3, kept: true }] });
    expect(a.resolutions).toEqual({ adopted: 3, meetings: 3 });
    // The only problem: Hải's unexcused absence, a warning.
    expect(a.errorCount).toBe(0);
    expect(a.warningCount).toBe(1);
    expect(a.byRule).toEqual({ 'attendance-quality': { errors: 0, warnings: 1 } });
    expect(a.compliant).toBe(true);
  });

  it('counts cell B: a month skipped, nobody from the committee', () => {
    const b = cell('cb-b');
    expect(b.status).toBe('ok');
    expect(b.regular).toEqual({ held: 2, due: 3, missingMonths: ['2026-02'] });
    // 9/9 twice: rate 1, lowest 1.
    expect(b.attendance).toMatchObject({ rate: 1, lowest: 1, unexcused: 0 });
    expect(b.score.average).toBe(92);
    expect(b.visits).toMatchObject({ held: 0, due: 1, assignments: [{ member: 'Lê Thị Hồng', due: 1, held: 0, kept: false }] });
    // monthly-regular reports February.
    expect(b.byRule['monthly-regular']).toEqual({ errors: 1, warnings: 0 });
    expect(b.compliant).toBe(false);
  });

  it('gives every bad case its own status, never silence', () => {
    expect(cell('cb-c')).toMatchObject({ status: 'missing', name: 'Chi bộ C' });
    expect(cell('cb-c').attendance.rate).toBeNull();
    expect(cell('cb-c').score.average).toBeNull();
    expect(cell('cb-d')).toMatchObject({ status: 'unlisted', name: 'Chi bộ D' });
    expect(cell('cb-e').status).toBe('duplicate');
    expect(cell('cb-e').statusNote).toContain('cb-a');
    expect(cell('cb-f').status).toBe('unreadable');
    expect(cell('cb-f').statusNote).toContain('2026-01.yaml');
    // The run says the picture is incomplete.
    expect(json.code).toBe(1);
  });

  it('totals the listed cells: pooled attendance and scores', () => {
    const t = json.report.totals;
    // Listed: A, B, C, F. Reporting (not missing): A, B, F. Compliant: A.
    expect(t).toMatchObject({ cells: 4, reporting: 3, compliant: 1 });
    // Monthly rhythm over the reporting cells with months due (A, B, F): only A kept it → 1/3.
    expect(t.monthlyRhythm).toBe(0.3333);
    // Attendance pooled over A and B: (25 + 18) / (27 + 18) = 43/45 = 0.95555… → 0.9556.
    expect(t.attendanceRate).toBe(0.9556);
    // Scores: A 92, 80, 92; B 92, 92 → 448 / 5 = 89.6; Tốt 4, Khá 1.
    expect(t.averageScore).toBe(89.6);
    expect(t.ratings).toEqual({ good: 4, fair: 1, average: 0, poor: 0 });
    // Assignments due: Hồng at A (kept) and at B (not kept).
    expect(t).toMatchObject({ assignmentsDue: 2, assignmentsKept: 1 });
  });

  it('ranks the missing cell first in the attention list', () => {
    expect(json.report.attention[0]).toMatchObject({ folder: 'cb-c' });
    expect(json.report.attention.map((a: { folder: string }) => a.folder)).toContain('cb-b');
    // A's one unexcused absence is its only reason, and the least serious of all.
    const last = json.report.attention.at(-1);
    expect(last).toMatchObject({ folder: 'cb-a', reasons: ['1 lượt vắng không lý do'] });
  });

  it('writes CSV that a real CSV parser reads back: BOM, one row per cell, the same figures', async () => {
    const run = await runCli(['report', '.', '--period', '2026-Q1', '--as-of', '2026-03-31', '--format', 'csv', '--out', 'bao-cao.csv'], { cwd: dir });
    expect(run.code).toBe(1);
    const bytes = readFileSync(join(dir, 'bao-cao.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.report.cells.length);
    const a = rows.find((r) => r['Thư mục'] === 'cb-a')!;
    expect(a['Chi bộ']).toBe('Chi bộ Khu dân cư số 5');
    expect(a['Tỷ lệ dự']).toBe('0.9259');
    expect(a['Điểm bình quân']).toBe('88');
    // Nothing to count is an empty field, never 0.
    expect(rows.find((r) => r['Thư mục'] === 'cb-c')!['Tỷ lệ dự']).toBe('');
    // --out never overwrites without --force.
    const again = await runCli(['report', '.', '--period', '2026-Q1', '--as-of', '2026-03-31', '--format', 'csv', '--out', 'bao-cao.csv'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });

  it('prints a Vietnamese table no wider than 100 columns', async () => {
    const run = await runCli(['report', '.', '--period', '2026-Q1', '--as-of', '2026-03-31'], { cwd: dir });
    expect(run.stdout).toContain('ĐẢNG ỦY PHƯỜNG THỬ NGHIỆM');
    expect(run.stdout).toContain('QUÝ I NĂM 2026');
    for (const line of run.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    // Piped: no colour codes.
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('colours the table as validate does when asked (--color), the missing cell in red', async () => {
    const run = await runCli(['report', '.', '--period', '2026-Q1', '--as-of', '2026-03-31', '--color'], { cwd: dir });
    const line = run.stdout.split('\n').find((l) => l.startsWith('Chi bộ C'))!;
    expect(line).toContain('\u001b[31mchưa gửi');
  });

  it('refuses a period it cannot read, with the accepted forms (exit 2)', async () => {
    const run = await runCli(['report', '.', '--period', '2026-13'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2026-Q4');
  });
});
