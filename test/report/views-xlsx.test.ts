// The report's .xlsx: read back with exceljs, checked against the OOXML schemas, opened by LibreOffice Calc.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report as buildReport } from '../../src/index.js';
import { reportToXlsx } from '../../src/report/views/xlsx.js';
import { wrappedLines } from '../../src/report/views/xlsx-print.js';
import type { CommitteeReport } from '../../src/report/types.js';
import { RULES } from '../../src/rules/registry.js';
import { FIXTURES, HAVE_OFFICE_TOOLS, ROOT } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';

const REPORT = JSON.parse(readFileSync(join(FIXTURES, 'report', 'committee-report.json'), 'utf8')) as CommitteeReport;
const COMMITTEE = join(ROOT, 'examples', 'dang-uy-phuong-hoang-liet');
/** The sheets a committee office reads and prints; the last sheet is the file positions, for whoever corrects the files. */
const PEOPLE_SHEETS = ['Tổng quan', 'Chi bộ', 'Theo tháng', 'Tỷ lệ dự theo tháng', 'Lỗi và cảnh báo', 'Lượt dự của cấp ủy', 'Phân công theo dõi'];

/** Printed width of a column, from ECMA-376 §18.3.1.13 (pixels = width × 7 + 5 for a 7-pixel digit), in points. */
const columnPt = (width: number) => (Math.trunc(width * 7) + 5) * 0.75;
/** A4 between 0.4-inch side margins, in points. */
const ROOM = { portrait: 595.3 - 57.6, landscape: 841.9 - 57.6 };

/** The columns a sheet prints: its print area's, or all of them. */
function printedColumns(ws: ExcelJS.Worksheet): number {
  const area = ws.pageSetup.printArea;
  if (!area) return ws.columnCount;
  return ws.getColumn(area.split(':')[1]!.replace(/[$\d]/g, '')).number;
}

/** The real example committee's year, read from its YAML through the library. */
async function exampleYear(): Promise<CommitteeReport> {
  return buildReport([COMMITTEE], { cwd: ROOT, period: '2026', asOf: '2026-12-31' });
}

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

  it('has the overview, cells, grid, attendance, problems, visits, assignments and file positions sheets', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([...PEOPLE_SHEETS, 'Vị trí lỗi trong tệp']);
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
    expect(formulae).toContain('AND(ISNUMBER(J2),J2<0.85)');
    expect(formulae).toContain('AND(ISNUMBER(M2),M2>=90)');
    expect(formulae).toContain('AND(ISNUMBER(M2),M2<50)');
    expect(formulae).toContain('LEN(F2)>0');
  });

  it("reads the threshold from the committee's rule overrides", async () => {
    const other = await open(await reportToXlsx(REPORT, { rules: { 'attendance-quality': { options: { minPresentPercent: 95 } } } }));
    const formulae = other.getWorksheet('Chi bộ')!.conditionalFormattings.flatMap((cf) => cf.rules.flatMap((r) => ('formulae' in r ? (r.formulae ?? []) : [])));
    expect(formulae).toContain('AND(ISNUMBER(J2),J2<0.95)');
  });

  it('takes a threshold given outright over the profile', async () => {
    const other = await open(await reportToXlsx(REPORT, { thresholds: { attendance: 0.9 } }));
    const formulae = other.getWorksheet('Chi bộ')!.conditionalFormattings.flatMap((cf) => cf.rules.flatMap((r) => ('formulae' in r ? (r.formulae ?? []) : [])));
    expect(formulae).toContain('AND(ISNUMBER(J2),J2<0.9)');
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

  it('lists every problem in words, with its file, line and rule id on the file positions sheet, and every visit and assignment', () => {
    const problems = wb.getWorksheet('Lỗi và cảnh báo')!;
    const count = REPORT.cells.reduce((n, c) => n + c.problems.length, 0);
    expect(problems.rowCount).toBe(1 + count);
    expect((problems.getRow(1).values as unknown[]).slice(1)).toEqual(['Chi bộ', 'Hồ sơ', 'Quy định', 'Mức độ', 'Nội dung']);
    // A rule id this version does not know (the fixture is an old report) reads as words, never as the id.
    expect((problems.getRow(2).values as unknown[]).slice(1)).toEqual([
      'Chi bộ Khu dân cư số 13',
      'Kế hoạch năm 2026',
      'Quy định khác',
      'Lỗi',
      'Chi bộ không sinh hoạt thường kỳ tháng 8/2026',
    ]);
    expect((problems.getRow(5).values as unknown[]).slice(1, 4)).toEqual([
      'Chi bộ Khu dân cư số 13',
      'Buổi sinh hoạt tháng 9/2026',
      'Thời lượng buổi sinh hoạt không ít hơn mức tối thiểu',
    ]);
    expect(problems.getRow(13).getCell(3).value).toBe('Nội dung hồ sơ ghi đúng mẫu');
    const places = wb.getWorksheet('Vị trí lỗi trong tệp')!;
    expect((places.getRow(2).values as unknown[]).slice(1, 6)).toEqual([
      'Chi bộ Khu dân cư số 13',
      'chi-bo-khu-dan-cu-13/plan-2026.yaml',
      1,
      1,
      'regular-monthly',
    ]);
    const visits = wb.getWorksheet('Lượt dự của cấp ủy')!;
    expect(visits.rowCount).toBe(1 + 4);
    expect(visits.getCell('A2').value).toBe('Nguyễn Văn Hùng');
    expect((visits.getCell('C2').value as Date).toISOString().slice(0, 10)).toBe('2026-08-05');
    const assignments = wb.getWorksheet('Phân công theo dõi')!;
    expect((assignments.getRow(3).values as unknown[]).slice(1)).toEqual(['Lê Quang Dũng', 'Chi bộ Khu dân cư số 13', 1, 0, 'Không']);
  });

  it('names rules and records in Vietnamese on the sheets people read: no rule id, no path, no "cell.yaml dòng 3"', async () => {
    const book = await open(await reportToXlsx(await exampleYear()));
    const problems = book.getWorksheet('Lỗi và cảnh báo')!;
    const rows = (problems.getSheetValues() as unknown[][]).slice(2).map((r) => r.slice(1));
    // Cell 13 skipped April and August: the rule in words, and no record named, since a missing month has none.
    expect(rows[0]).toEqual(['Chi bộ Khu dân cư số 13', '', 'Chi bộ sinh hoạt thường kỳ mỗi tháng một lần', 'Lỗi', 'Chưa có hồ sơ sinh hoạt thường kỳ tháng 4/2026.']);
    expect(rows[2]).toEqual([
      'Chi bộ Khu dân cư số 14',
      'Buổi sinh hoạt tháng 3/2026',
      'Trên 85% đảng viên dự sinh hoạt và không có đảng viên vắng không lý do',
      'Cảnh báo',
      'Chỉ có 16/21 đảng viên dự sinh hoạt (76,2%), chưa đạt trên 85%.',
    ]);
    const ids = new Set(RULES.map((r) => r.id));
    for (const name of PEOPLE_SHEETS) {
      const ws = book.getWorksheet(name)!;
      const last = printedColumns(ws);
      ws.eachRow((row) =>
        row.eachCell((cell, col) => {
          if (col > last || typeof cell.value !== 'string') return;
          expect(ids.has(cell.value), `${name}!${cell.address}`).toBe(false);
          expect(cell.value, `${name}!${cell.address}`).not.toMatch(/\.ya?ml|[a-z-]+\/[a-z]|dòng \d+ cột/i);
        }),
      );
    }
  });

  it('prints every sheet on A4 at 9 pt or more: fitted to the width only where that keeps the text that large', () => {
    for (const ws of wb.worksheets) {
      const setup = ws.pageSetup;
      expect(setup.paperSize, ws.name).toBe(9);
      const last = printedColumns(ws);
      let total = 0;
      for (let c = 1; c <= last; c++) total += columnPt(ws.getColumn(c).width ?? 9);
      const room = ROOM[setup.orientation as 'portrait' | 'landscape'];
      // Landscape only when portrait is too narrow.
      if (setup.orientation === 'landscape') expect(total, ws.name).toBeGreaterThan(ROOM.portrait);
      const scale = setup.fitToPage && setup.fitToWidth === 1 ? Math.min(1, room / total) : (setup.scale ?? 100) / 100;
      if (!setup.fitToPage) expect(total <= room || Boolean(setup.printTitlesColumn), `${ws.name} runs over the page with no repeated names`).toBe(true);
      ws.eachRow((row) =>
        row.eachCell((cell, col) => {
          if (col > last || cell.value === null || cell.value === '') return;
          expect((cell.font?.size ?? 11) * scale, `${ws.name}!${cell.address} prints below 9 pt`).toBeGreaterThanOrEqual(9);
        }),
      );
    }
    expect(wb.getWorksheet('Chi bộ')!.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(wb.getWorksheet('Phân công theo dõi')!.pageSetup.orientation).toBe('portrait');
  });

  it('keeps the folders out of the printed area of the cells sheet', () => {
    const ws = wb.getWorksheet('Chi bộ')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Thư mục');
    expect(header.indexOf('Thư mục') + 1).toBeGreaterThan(printedColumns(ws));
    expect(ws.pageSetup.printArea).toBe(`A1:Q${1 + REPORT.cells.length}`);
  });

  it('puts the committee, the title with its period and the sheet above each page, the date and "page x/y" below, and repeats the heading row', () => {
    for (const ws of wb.worksheets) {
      expect(ws.headerFooter.oddHeader).toBe(
        '&L&10&"Times New Roman,Regular"Đảng ủy phường Hoàng Liệt\n&"Times New Roman,Bold"Kết quả sinh hoạt chi bộ từ tháng 7 đến tháng 12 năm 2026&R&10&"Times New Roman,Regular"&A',
      );
      expect(ws.headerFooter.oddFooter).toBe('&L&10&"Times New Roman,Regular"Số liệu tính đến ngày 20/12/2026&R&10&"Times New Roman,Regular"Trang &P/&N');
      if (ws.name !== 'Tổng quan') expect(ws.pageSetup.printTitlesRow, ws.name).toBe('1:1');
    }
  });

  it('doubles an ampersand of the committee name, which would otherwise start a header code', async () => {
    const book = await open(await reportToXlsx({ ...REPORT, committee: 'Đảng ủy Khối A&B' }));
    expect(book.worksheets[0]!.headerFooter.oddHeader).toContain('Khối A&&B\n');
  });

  it('boxes every cell of every table, heading and data', () => {
    for (const name of [...PEOPLE_SHEETS.slice(1), 'Vị trí lỗi trong tệp']) {
      const ws = wb.getWorksheet(name)!;
      const rows = name === 'Theo tháng' ? 1 + REPORT.cells.length : ws.rowCount;
      for (let r = 1; r <= rows; r++) {
        for (let c = 1; c <= ws.columnCount; c++) {
          const b = ws.getRow(r).getCell(c).border;
          expect([b?.top?.style, b?.left?.style, b?.bottom?.style, b?.right?.style], `${name} row ${r} col ${c}`).toEqual(['thin', 'thin', 'thin', 'thin']);
        }
      }
    }
  });

  it('gives each row the height of its wrapped text, since LibreOffice does not fit rows when it opens a file', async () => {
    const book = await open(await reportToXlsx(await exampleYear()));
    // A generous lower bound of the lines a text needs: 0.4 em a character (Times New Roman averages 0.45).
    const atLeastLines = (text: string, width: number) =>
      text.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil((p.length * 0.4 * 11) / (columnPt(width) - 5))), 0);
    let checked = 0;
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell, col) => {
          if (typeof cell.value !== 'string' || !cell.alignment?.wrapText) return;
          const lines = atLeastLines(cell.value, ws.getColumn(col).width ?? 9);
          expect(row.height ?? 15, `${ws.name}!${cell.address}: "${cell.value}"`).toBeGreaterThanOrEqual(lines * 11);
          if (lines > 1) checked++;
        }),
      );
    }
    expect(checked).toBeGreaterThan(10);
    // Cell 15 sent nothing: its whole year missing reads as one run, not twelve months.
    const cells = book.getWorksheet('Chi bộ')!;
    expect(cells.getRow(5).getCell(6).value).toBe('01/2026 – 12/2026');
    expect(cells.getRow(3).getCell(6).value).toBe('4/2026, 8/2026');
  });

  it('counts wrapped lines by words, and breaks a path too long for its column', () => {
    expect(wrappedLines('4/2026, 8/2026', 14)).toBe(1);
    expect(wrappedLines('01/2026 – 12/2026', 14)).toBe(2);
    const message = 'Chưa kiểm tra các quy định theo năm (họp hằng tháng, chuyên đề hằng quý, số văn bản…) vì 1 tệp của chi bộ còn lỗi; hãy sửa các lỗi đó trước.';
    // Calc prints it on 2 lines at width 58; the estimate may be a line over, never under.
    expect(wrappedLines(message, 58)).toBeGreaterThanOrEqual(2);
    expect(wrappedLines(message, 58)).toBeLessThanOrEqual(3);
    expect(wrappedLines(message, 20)).toBeGreaterThanOrEqual(6);
    expect(wrappedLines('examples/dang-uy-phuong-hoang-liet/chi-bo-khu-dan-cu-14/meetings/2026-10.yaml', 34)).toBeGreaterThanOrEqual(2);
  });

  it('makes Times New Roman the default font, in whose digits the column widths are counted', async () => {
    const styles = await (await JSZip.loadAsync(bytes)).file('xl/styles.xml')!.async('string');
    const first = /<fonts[^>]*>(<font>.*?<\/font>)/.exec(styles)![1]!;
    expect(first).toContain('<name val="Times New Roman"/>');
    expect(first).toContain('<sz val="11"/>');
  });

  it('gives identical bytes for identical input, dated by the report', async () => {
    const again = await reportToXlsx(REPORT, { lang: 'vi' });
    expect(Buffer.compare(bytes, again)).toBe(0);
    expect(wb.created.toISOString()).toBe('2026-12-20T00:00:00.000Z');
  });

  it('speaks English when asked', async () => {
    const en = await open(await reportToXlsx(REPORT, { lang: 'en' }));
    expect(en.worksheets.map((s) => s.name)).toContain('Attendance by month');
    expect(en.getWorksheet('Cells')!.getCell('C5').value).toBe('Sent nothing');
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

/** One word of a PDF page as pdftotext -bbox places it (points, y downwards). */
interface Word {
  text: string;
  x: number;
  y: number;
  height: number;
}

/** The words of each page of a PDF. */
function pdfWords(pdf: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: m[4]!.normalize('NFC').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
        x: Number(m[1]),
        y: Number(m[2]),
        height: Number(m[3]) - Number(m[2]),
      })),
    );
}

// Needs LibreOffice Calc (Debian: libreoffice-calc-nogui); skipped only outside CI when the tools are missing.
describe.skipIf(!HAVE_OFFICE_TOOLS && !process.env.CI)('reportToXlsx: printed by LibreOffice Calc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-xlsx-lo-'));
  const profile = join(tmpdir(), `lo-xlsx-${process.pid}`);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  /** Write the workbook, check it against the schemas, print it to PDF with LibreOffice; the PDF's path. */
  async function print(name: string, report: CommitteeReport): Promise<string> {
    const file = join(dir, `${name}.xlsx`);
    writeFileSync(file, await reportToXlsx(report));
    validateOoxml(file);
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
      stdio: 'ignore',
      timeout: 90_000,
    });
    return join(dir, `${name}.pdf`);
  }

  it('converts to PDF with every sheet and the Vietnamese text intact', async () => {
    const text = execFileSync('pdftotext', [await print('bao-cao', REPORT), '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const words of ['Đảng ủy phường Hoàng Liệt', 'Chi bộ Trường Tiểu học Hoàng Liệt', 'Kết hợp', 'Lê Quang Dũng', 'Quý III năm 2026 không có buổi sinh hoạt chuyên đề']) {
      expect(text).toContain(words);
    }
  }, 120_000);

  it("prints the example committee's year: header and page x/y on every page, text at 9 pt or more, each cell's missing months on its own row", async () => {
    const pages = pdfWords(await print('nam-2026', await exampleYear()));
    expect(pages.length).toBeGreaterThanOrEqual(8);
    pages.forEach((words, i) => {
      const line = words.map((w) => w.text).join(' ');
      expect(line, `page ${i + 1}`).toContain('Đảng ủy phường Hoàng Liệt');
      expect(line, `page ${i + 1}`).toContain('Kết quả sinh hoạt chi bộ năm 2026');
      expect(line, `page ${i + 1}`).toContain('Số liệu tính đến ngày 31/12/2026');
      expect(line, `page ${i + 1}`).toContain(`Trang ${i + 1}/${pages.length}`);
      // Liberation Serif's glyph box is 1.09–1.11 em high: a box under 9.8 pt is text under 9 pt.
      for (const w of words) expect(w.height, `page ${i + 1}: "${w.text}"`).toBeGreaterThanOrEqual(9.8);
    });
    // The cells sheet: one page wide (its last printed column is there), the folder column is not.
    const cells = pages.find((words) => words.some((w) => w.text === 'Tình'))!;
    const texts = cells.map((w) => w.text);
    expect(texts).toContain('Ghi');
    expect(texts).not.toContain('Thư');
    expect(texts.join(' ')).not.toContain('chi-bo-khu-dan-cu');
    // Where each cell's row starts: the number after "số" in its name.
    const rowTop = (n: number) => cells.find((w, i) => w.text === String(n) && cells[i - 1]?.text === 'số')!.y;
    const within = (text: string, n: number) => {
      const word = cells.find((w) => w.text === text)!;
      expect(word, text).toBeDefined();
      expect(word.y, `"${text}" is printed on the row of cell ${n}`).toBeGreaterThanOrEqual(rowTop(n) - 1);
      expect(word.y, `"${text}" is printed on the row of cell ${n}`).toBeLessThan(rowTop(n + 1) - 1);
    };
    within('8/2026', 13);
    within('12/2026', 15);
    within('IV', 15);
    within('trong', 15);
  }, 120_000);

  it('repeats the heading row on every page of a long cells sheet, one page wide', async () => {
    const many = Array.from({ length: 12 }, (_, k) => REPORT.cells.map((c) => ({ ...c, name: `${c.name} (${k + 1})` }))).flat();
    const pages = pdfWords(await print('nhieu', { ...REPORT, cells: many }));
    // The cells sheet's pages are those with a status in words; only that sheet prints statuses.
    const cellsPages = pages.filter((words) => words.map((w) => w.text).join(' ').includes('Đã báo cáo'));
    expect(cellsPages.length).toBeGreaterThan(1);
    for (const words of cellsPages) {
      const texts = words.map((w) => w.text);
      expect(texts).toContain('Tình');
      expect(texts).toContain('Ghi');
    }
  }, 120_000);
});
