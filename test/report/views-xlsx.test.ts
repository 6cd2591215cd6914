// The report's .xlsx: read back with exceljs, checked against the OOXML schemas, opened by LibreOffice Calc.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportToXlsx } from '../../src/report/views/xlsx.js';
import type { CommitteeReport } from '../../src/report/types.js';
import { FIXTURES, HAVE_OFFICE_TOOLS } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';

const REPORT = JSON.parse(readFileSync(join(FIXTURES, 'report', 'committee-report.json'), 'utf8')) as CommitteeReport;

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('reportToXlsx', () => {
  let bytes: Buffer;
  let wb: ExcelJS.Workbook;
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-xlsx-'));
  beforeAll(async () => {
    bytes = await reportToXlsx(REPORT, { lang: 'vi' });
    wb = await open(bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has the overview, cells, grid, attendance, problems, visits and assignments sheets', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Tổng quan',
      'Chi bộ',
      'Theo tháng',
      'Tỷ lệ dự theo tháng',
      'Lỗi và cảnh báo',
      'Lượt dự của cấp ủy',
      'Phân công theo dõi',
    ]);
  });

  it('has one row per cell with real numbers, percent formats, nulls left blank, a frozen header and a filter', () => {
    const ws = wb.getWorksheet('Chi bộ')!;
    expect(ws.rowCount).toBe(1 + REPORT.cells.length);
    expect(ws.getCell('B1').value).toBe('Chi bộ');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const row12 = ws.getRow(2);
    expect(row12.getCell(col('Chi bộ')).value).toBe('Chi bộ Khu dân cư số 12');
    expect(row12.getCell(col('Tỷ lệ dự')).value).toBe(0.946);
    expect(row12.getCell(col('Tỷ lệ dự')).numFmt).toBe('0.0%');
    expect(row12.getCell(col('Điểm bình quân')).value).toBe(93.5);
    const row13 = ws.getRow(3);
    expect(row13.getCell(col('Tháng thiếu')).value).toBe('8/2026, 10/2026');
    expect(row13.getCell(col('Quý thiếu chuyên đề')).value).toBe('III');
    // The cell that sent nothing: status in words, no attendance (null, not 0).
    const row15 = ws.getRow(5);
    expect(row15.getCell(col('Tình trạng')).value).toBe('Không gửi hồ sơ');
    expect(row15.getCell(col('Tỷ lệ dự')).value ?? null).toBeNull();
    expect(ws.getRow(7).getCell(col('Chi bộ')).value).toBe('Chi bộ Tổ dân phố số 5 & <Khu tái định cư>');
  });

  it('colours attendance below the profile threshold (85 %) and score bands by conditional formatting', () => {
    const ws = wb.getWorksheet('Chi bộ')!;
    const formulae = ws.conditionalFormattings.flatMap((cf) => cf.rules.flatMap((r) => ('formulae' in r ? (r.formulae ?? []) : [])));
    expect(formulae).toContain('AND(ISNUMBER(K2),K2<0.85)');
    expect(formulae).toContain('AND(ISNUMBER(N2),N2>=90)');
    expect(formulae).toContain('AND(ISNUMBER(N2),N2<50)');
    expect(formulae).toContain('LEN(G2)>0');
  });

  it("reads the threshold from the committee's rule overrides", async () => {
    const other = await open(await reportToXlsx(REPORT, { rules: { 'attendance-quality': { options: { minPresentPercent: 95 } } } }));
    const formulae = other.getWorksheet('Chi bộ')!.conditionalFormattings.flatMap((cf) => cf.rules.flatMap((r) => ('formulae' in r ? (r.formulae ?? []) : [])));
    expect(formulae).toContain('AND(ISNUMBER(K2),K2<0.95)');
  });

  it('takes a threshold given outright over the profile', async () => {
    const other = await open(await reportToXlsx(REPORT, { thresholds: { attendance: 0.9 } }));
    const formulae = other.getWorksheet('Chi bộ')!.conditionalFormattings.flatMap((cf) => cf.rules.flatMap((r) => ('formulae' in r ? (r.formulae ?? []) : [])));
    expect(formulae).toContain('AND(ISNUMBER(K2),K2<0.9)');
  });

  it('shows the cell × month grid: held, combined, missing and not yet due, coloured', () => {
    const ws = wb.getWorksheet('Theo tháng')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Chi bộ', '7/2026', '8/2026', '9/2026', '10/2026', '11/2026', '12/2026']);
    const row = (n: number) => [2, 3, 4, 5, 6, 7].map((c) => ws.getRow(n).getCell(c).value);
    expect(row(2)).toEqual(['TK', 'TK + CĐ', 'TK', 'TK', 'Kết hợp', 'TK']);
    expect(row(3)).toEqual(['TK', 'Thiếu', 'TK', 'Thiếu', 'TK + CĐ', null]);
    const missing = ws.getRow(3).getCell(3).fill as ExcelJS.FillPattern;
    const held = ws.getRow(3).getCell(2).fill as ExcelJS.FillPattern;
    expect(missing.fgColor?.argb).toBe('FFFFC7CE');
    expect(held.fgColor?.argb).toBe('FFC6EFCE');
  });

  it('lists every problem with file, line, rule and message, and every visit and assignment', () => {
    const problems = wb.getWorksheet('Lỗi và cảnh báo')!;
    const count = REPORT.cells.reduce((n, c) => n + c.problems.length, 0);
    expect(problems.rowCount).toBe(1 + count);
    expect((problems.getRow(2).values as unknown[]).slice(1, 7)).toEqual([
      'Chi bộ Khu dân cư số 13',
      'chi-bo-khu-dan-cu-13/plan-2026.yaml',
      1,
      1,
      'regular-monthly',
      'Lỗi',
    ]);
    const visits = wb.getWorksheet('Lượt dự của cấp ủy')!;
    expect(visits.rowCount).toBe(1 + 4);
    expect(visits.getCell('A2').value).toBe('Nguyễn Văn Hùng');
    expect((visits.getCell('C2').value as Date).toISOString().slice(0, 10)).toBe('2026-08-05');
    const assignments = wb.getWorksheet('Phân công theo dõi')!;
    expect((assignments.getRow(3).values as unknown[]).slice(1)).toEqual(['Lê Quang Dũng', 'Chi bộ Khu dân cư số 13', 1, 0, 'Không']);
  });

  it('gives identical bytes for identical input, dated by the report', async () => {
    const again = await reportToXlsx(REPORT, { lang: 'vi' });
    expect(Buffer.compare(bytes, again)).toBe(0);
    expect(wb.created.toISOString()).toBe('2026-12-20T00:00:00.000Z');
  });

  it('speaks English when asked', async () => {
    const en = await open(await reportToXlsx(REPORT, { lang: 'en' }));
    expect(en.worksheets.map((s) => s.name)).toContain('Attendance by month');
    expect(en.getWorksheet('Cells')!.getCell('D5').value).toBe('Sent nothing');
  });

  it('passes the OOXML schema check', () => {
    const file = join(dir, 'bao-cao.xlsx');
    writeFileSync(file, bytes);
    validateOoxml(file);
  });

  it('an empty committee still makes a valid workbook', async () => {
    const empty: CommitteeReport = { ...REPORT, cells: [], attention: [] };
    const file = join(dir, 'empty.xlsx');
    writeFileSync(file, await reportToXlsx(empty));
    validateOoxml(file);
  });
});

// Needs LibreOffice Calc (Debian: libreoffice-calc-nogui); skipped only outside CI when the tools are missing.
describe.skipIf(!HAVE_OFFICE_TOOLS && !process.env.CI)('reportToXlsx: opened by LibreOffice Calc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-xlsx-lo-'));
  const profile = join(tmpdir(), `lo-xlsx-${process.pid}`);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('converts to PDF with every sheet and the Vietnamese text intact', async () => {
    writeFileSync(join(dir, 'bao-cao.xlsx'), await reportToXlsx(REPORT));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bao-cao.xlsx')], {
      stdio: 'ignore',
      timeout: 90_000,
    });
    const text = execFileSync('pdftotext', [join(dir, 'bao-cao.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const words of ['Đảng ủy phường Hoàng Liệt', 'Chi bộ Trường Tiểu học Hoàng Liệt', 'Kết hợp', 'Lê Quang Dũng', 'Quý III năm 2026 không có buổi sinh hoạt chuyên đề']) {
      expect(text).toContain(words);
    }
  }, 120_000);
});
