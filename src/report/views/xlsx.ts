// The committee report as an Excel workbook (exceljs): overview, one row per cell, the cell × month grid, problems in words, visits, assignments, file positions; each sheet printable on A4.
import type ExcelJS from 'exceljs';
import { pinZipTimes } from '../../render/zip.js';
import type { CellReport, CommitteeReport } from '../types.js';
import {
  cleanText,
  dateShort,
  MONTH_COLOUR,
  monthShort,
  monthState,
  quarterRoman,
  statusText,
  thresholdsOf,
  words,
  type MonthState,
  type ReportLang,
  type ReportViewOptions,
  type Thresholds,
} from './common.js';
import { recordName, ruleName } from './rule-names.js';
import {
  columnLetter,
  fitRowHeight,
  FONT_NAME,
  FONT_SIZE,
  headerFooter,
  lineHeight,
  pageSetup,
  type PrintHeading,
  useDefaultFont,
} from './xlsx-print.js';

type Sheet = ExcelJS.Worksheet;
type Fill = ExcelJS.Fill;

/** Fill colours (ARGB), the usual Excel "good / neutral / bad" family so offices read them at a glance. */
const COLOUR = {
  header: 'FFD9E1F2',
  good: 'FFC6EFCE',
  goodText: 'FF006100',
  fair: 'FFE2EFDA',
  warn: 'FFFFEB9C',
  warnText: 'FF9C5700',
  bad: 'FFFFC7CE',
  badText: 'FF9C0006',
  thematic: 'FFBDD7EE',
  combined: 'FFD9C3E9',
  notDue: 'FFF2F2F2',
} as const;

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });

const MONTH_FILL = Object.fromEntries(
  Object.entries(MONTH_COLOUR).map(([state, colour]) => [state, COLOUR[colour]]),
) as Record<MonthState, string>;

const TEXT = {
  vi: {
    sheets: { overview: 'Tổng quan', cells: 'Chi bộ', grid: 'Theo tháng', attendance: 'Tỷ lệ dự theo tháng', problems: 'Lỗi và cảnh báo', visits: 'Lượt dự của cấp ủy', assignments: 'Phân công theo dõi', locations: 'Vị trí lỗi trong tệp' },
    title: 'Kết quả sinh hoạt chi bộ',
    asOf: 'Số liệu tính đến ngày',
    overview: {
      cells: 'Số chi bộ trực thuộc',
      reporting: 'Số chi bộ gửi hồ sơ',
      compliant: 'Số chi bộ thực hiện đầy đủ',
      monthlyRhythm: 'Tỷ lệ chi bộ sinh hoạt đều hằng tháng',
      attendanceRate: 'Tỷ lệ đảng viên dự sinh hoạt bình quân',
      averageScore: 'Điểm tự chấm bình quân',
      ratings: 'Số kỳ sinh hoạt xếp loại',
      assignments: 'Phân công dự sinh hoạt đã thực hiện',
      errors: 'Số lỗi',
      warnings: 'Số cảnh báo',
      attention: 'Chi bộ cần quan tâm',
    },
    cols: {
      no: 'STT',
      name: 'Chi bộ',
      folder: 'Thư mục',
      status: 'Tình trạng',
      regularHeld: 'Thường kỳ đã họp',
      regularDue: 'Thường kỳ phải họp',
      missingMonths: 'Tháng thiếu',
      thematicHeld: 'Chuyên đề đã họp',
      thematicDue: 'Chuyên đề phải họp',
      missingQuarters: 'Quý thiếu chuyên đề',
      attendance: 'Tỷ lệ dự',
      lowest: 'Kỳ thấp nhất',
      unexcused: 'Vắng không lý do',
      score: 'Điểm bình quân',
      good: 'Tốt',
      fair: 'Khá',
      average: 'Trung bình',
      poor: 'Kém',
      visitsHeld: 'Lượt cấp ủy dự',
      visitsDue: 'Lượt phải dự',
      errors: 'Lỗi',
      warnings: 'Cảnh báo',
      compliant: 'Đầy đủ',
      note: 'Ghi chú',
      file: 'Tệp',
      line: 'Dòng',
      column: 'Cột',
      rule: 'Quy định',
      ruleId: 'Mã quy tắc',
      record: 'Hồ sơ',
      severity: 'Mức độ',
      message: 'Nội dung',
      member: 'Đồng chí',
      date: 'Ngày',
      due: 'Phải dự',
      held: 'Đã dự',
      kept: 'Đạt',
    },
    legend: 'Chú giải',
    page: 'Trang',
  },
  en: {
    sheets: { overview: 'Overview', cells: 'Cells', grid: 'By month', attendance: 'Attendance by month', problems: 'Problems', visits: 'Committee visits', assignments: 'Assignments', locations: 'Problem locations' },
    title: 'Cell meetings report',
    asOf: 'Figures as of',
    overview: {
      cells: 'Cells expected',
      reporting: 'Cells reporting',
      compliant: 'Cells fully compliant',
      monthlyRhythm: 'Share keeping the monthly rhythm',
      attendanceRate: 'Average attendance',
      averageScore: 'Average self-score',
      ratings: 'Meetings by rating',
      assignments: 'Assignments kept',
      errors: 'Errors',
      warnings: 'Warnings',
      attention: 'Cells needing attention',
    },
    // Short words: a heading of the cells sheet has an 8-character column, and English words do not break well.
    cols: {
      no: 'No.',
      name: 'Cell',
      folder: 'Folder',
      status: 'Status',
      regularHeld: 'Regular held',
      regularDue: 'Regular due',
      missingMonths: 'Months missing',
      thematicHeld: 'Them. held',
      thematicDue: 'Them. due',
      missingQuarters: 'Qtrs missing',
      attendance: 'Attend.',
      lowest: 'Lowest meeting',
      unexcused: 'Unexc. absent',
      score: 'Average score',
      good: 'Good',
      fair: 'Fair',
      average: 'Average',
      poor: 'Poor',
      visitsHeld: 'Visits held',
      visitsDue: 'Visits due',
      errors: 'Errors',
      warnings: 'Warnings',
      compliant: 'In full',
      note: 'Note',
      file: 'File',
      line: 'Line',
      column: 'Col.',
      rule: 'Rule',
      ruleId: 'Rule id',
      record: 'Record',
      severity: 'Severity',
      message: 'Message',
      member: 'Member',
      date: 'Date',
      due: 'Due',
      held: 'Held',
      kept: 'Kept',
    },
    legend: 'Legend',
    page: 'Page',
  },
} as const;

const PERCENT = '0.0%';
const SCORE = '0.0';
const DATE = 'dd/mm/yyyy';
const FONT = { name: FONT_NAME, size: FONT_SIZE };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOXED: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** One column of a table sheet. */
interface Column {
  key: string;
  header: string;
  /** In characters of the default font, as Excel counts column widths. */
  width: number;
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
  /** Kept on the sheet for filtering on screen but left out of the printed area (such columns come last). */
  screenOnly?: boolean;
}

/** A value of one table cell. */
type Value = string | number | Date | null;

/** What every sheet of one workbook shares. */
interface Book {
  wb: ExcelJS.Workbook;
  report: CommitteeReport;
  lang: ReportLang;
  heading: PrintHeading;
}

/**
 * The report as an .xlsx workbook. Sheets: overview, one row per cell (frozen header, filter, percent and
 * number formats, colours by the profile's thresholds), the cell × month grid, attendance by month, every
 * problem in words, the committee members' visits, the assignments, and where each problem sits in the
 * files (for whoever corrects them). Every sheet prints on A4 with the committee and period above, the page
 * number below, its heading row on every page, borders, and rows tall enough for their wrapped text. The
 * same report gives the same bytes: the workbook's dates and the zip entries' times are the report's as-of date.
 */
export async function reportToXlsx(report: CommitteeReport, options: ReportViewOptions = {}): Promise<Buffer> {
  const lang: ReportLang = options.lang ?? 'vi';
  const t = TEXT[lang];
  const limits = thresholdsOf(report, options.thresholds, options.rules);
  // exceljs takes seconds to load: only a workbook pays for it, not the library's other users.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const stamp = new Date(`${report.asOf}T00:00:00Z`);
  wb.creator = cleanText(report.committee);
  wb.lastModifiedBy = cleanText(report.committee);
  wb.created = stamp;
  wb.modified = stamp;
  wb.title = `${t.title} ${cleanText(report.period.label)}`;
  wb.company = cleanText(report.committee);

  const book: Book = {
    wb,
    report,
    lang,
    heading: {
      committee: cleanText(report.committee),
      title: `${t.title} ${cleanText(report.period.label)}`,
      asOf: `${t.asOf} ${dateShort(report.asOf, lang)}`,
      page: t.page,
    },
  };
  overviewSheet(book);
  cellsSheet(book, limits);
  gridSheet(book);
  attendanceSheet(book, limits);
  problemsSheet(book);
  visitsSheet(book);
  assignmentsSheet(book);
  locationsSheet(book);

  useDefaultFont(wb);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return Buffer.from(pinZipTimes(bytes, report.asOf));
}

/**
 * A table sheet: bold shaded heading row repeated on every printed page, a filter, thin borders round every
 * cell, text wrapped and rows as tall as their text, printed on A4 (see pageSetup). `frozen` columns stay
 * on screen when scrolling and are repeated on each page when the table must print over several widths.
 */
function tableSheet(book: Book, name: string, columns: Column[], rows: Record<string, Value>[], frozenColumns: number): Sheet {
  const printed = columns.filter((c) => !c.screenOnly);
  const widths = columns.map((c) => c.width);
  // exceljs writes the print area as `$` + each end, so `A$1` comes out as the absolute `$A$1` that LibreOffice needs.
  const area = printed.length < columns.length ? `A$1:${columnLetter(printed.length)}$${rows.length + 1}` : undefined;
  const ws = book.wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }],
    pageSetup: pageSetup(
      printed.map((c) => c.width),
      1,
      frozenColumns,
      area,
    ),
    headerFooter: headerFooter(book.heading),
  });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width, style: { font: FONT, ...(c.numFmt ? { numFmt: c.numFmt } : {}) } }));
  const head = ws.addRow(columns.map((c) => c.header));
  head.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = solid(COLOUR.header);
    cell.border = BOXED;
  });
  fitRowHeight(head, widths, FONT_SIZE, true);
  for (const values of rows) {
    const row = ws.addRow(columns.map((c) => values[c.key] ?? null));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = FONT;
      cell.border = BOXED;
      // A column left out of print does not wrap, so its long paths never make a printed row taller.
      cell.alignment = { vertical: 'top', wrapText: !c.screenOnly, ...(c.align ? { horizontal: c.align } : {}) };
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
    fitRowHeight(row, widths);
  }
  if (rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  return ws;
}

/** User text, safe for XML. */
function text(value: string): string {
  return cleanText(value);
}

/** A cell of a table row by its column's key. */
function cellOf(ws: Sheet, row: number, key: string): ExcelJS.Cell {
  return ws.getRow(row).getCell(key);
}

/** A month list for a table cell: `4/2026, 8/2026`; a run of three or more months as `01/2026 – 12/2026`. */
function monthList(months: string[]): string {
  const parts: string[] = [];
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  for (let i = 0; i < months.length; ) {
    let j = i;
    while (j + 1 < months.length && index(months[j + 1]!) === index(months[j]!) + 1) j++;
    if (j - i >= 2) parts.push(`${monthShort(months[i]!)} – ${monthShort(months[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(monthShort(months[k]!));
    i = j + 1;
  }
  return parts.join(', ');
}

function overviewSheet(book: Book): void {
  const { report, lang } = book;
  const t = TEXT[lang];
  const o = t.overview;
  const w = words(lang);
  const s = report.totals;
  const figures: [string, number | null, string?][] = [
    [o.cells, s.cells],
    [o.reporting, s.reporting],
    [o.compliant, s.compliant],
    [o.monthlyRhythm, s.monthlyRhythm, PERCENT],
    [o.attendanceRate, s.attendanceRate, PERCENT],
    [o.averageScore, s.averageScore, SCORE],
    [`${o.ratings}: ${w.rating.good}`, s.ratings.good],
    [`${o.ratings}: ${w.rating.fair}`, s.ratings.fair],
    [`${o.ratings}: ${w.rating.average}`, s.ratings.average],
    [`${o.ratings}: ${w.rating.poor}`, s.ratings.poor],
    [o.assignments, s.assignmentsKept],
    [lang === 'vi' ? 'trên số phân công phải thực hiện' : 'out of assignments due', s.assignmentsDue],
    [o.errors, s.errorCount],
    [o.warnings, s.warningCount],
  ];
  const widths = [48, 44];
  const ws = book.wb.addWorksheet(t.sheets.overview, { pageSetup: pageSetup(widths, 0, 0), headerFooter: headerFooter(book.heading) });
  ws.columns = widths.map((width) => ({ width, style: { font: FONT } }));
  const title = (values: Value[], font: Partial<ExcelJS.Font>) => {
    const row = ws.addRow(values);
    row.font = { ...FONT, ...font };
    row.height = lineHeight(font.size ?? FONT_SIZE) + 3;
    return row;
  };
  title([text(report.committee)], { bold: true, size: 14 });
  title([`${t.title} ${text(report.period.label)}`], { bold: true });
  title([t.asOf, new Date(`${report.asOf}T00:00:00Z`)], {}).getCell(2).numFmt = DATE;
  ws.getCell('B3').alignment = { horizontal: 'left' };
  ws.addRow([]);
  const boxed = (row: ExcelJS.Row) => {
    for (let col = 1; col <= 2; col++) {
      const cell = row.getCell(col);
      cell.font = { ...FONT, ...(row.font?.bold ? { bold: true } : {}) };
      cell.border = BOXED;
      cell.alignment = { vertical: 'top', wrapText: true, ...(col === 2 && typeof cell.value === 'number' ? { horizontal: 'right' } : {}) };
    }
    fitRowHeight(row, widths);
  };
  for (const [label, value, fmt] of figures) {
    const row = ws.addRow([label, value]);
    if (fmt) row.getCell(2).numFmt = fmt;
    boxed(row);
  }
  if (report.attention.length) {
    ws.addRow([]);
    const head = ws.addRow([o.attention, lang === 'vi' ? 'Lý do' : 'Reasons']);
    head.font = { ...FONT, bold: true };
    boxed(head);
    head.eachCell((c) => (c.fill = solid(COLOUR.header)));
    // One line of reasons, wrapped by the sheet: exceljs marks a text with a line break xml:space="preserve", which the schema does not allow on <t>.
    for (const a of report.attention) boxed(ws.addRow([text(a.name), a.reasons.map(text).join('; ')]));
  }
}

function cellsSheet(book: Book, limits: Thresholds): void {
  const { report, lang } = book;
  const t = TEXT[lang];
  const c = t.cols;
  const w = words(lang);
  const num = (key: string, header: string, width = 8, numFmt?: string): Column => ({ key, header, width, align: 'right', ...(numFmt ? { numFmt } : {}) });
  const columns: Column[] = [
    num('no', c.no, 5),
    { key: 'name', header: c.name, width: 22 },
    { key: 'status', header: c.status, width: 11 },
    num('regularHeld', c.regularHeld),
    num('regularDue', c.regularDue),
    { key: 'missingMonths', header: c.missingMonths, width: 14 },
    num('thematicHeld', c.thematicHeld),
    num('thematicDue', c.thematicDue),
    { key: 'missingQuarters', header: c.missingQuarters, width: 8 },
    num('attendance', c.attendance, 8, PERCENT),
    num('lowest', c.lowest, 8, PERCENT),
    num('unexcused', c.unexcused),
    num('score', c.score, 8, SCORE),
    num('visitsHeld', c.visitsHeld),
    num('visitsDue', c.visitsDue),
    { key: 'compliant', header: c.compliant, width: 8, align: 'center' },
    { key: 'note', header: c.note, width: 22 },
    // Seventeen columns is what A4 holds at 9 pt. The problem and rating counts have their own sheet and the
    // overview's totals, and the folder is for whoever keeps the files: they stay on screen, out of print.
    { ...num('errors', c.errors, 6), screenOnly: true },
    { ...num('warnings', c.warnings, 8), screenOnly: true },
    { ...num('good', c.good, 6), screenOnly: true },
    { ...num('fair', c.fair, 6), screenOnly: true },
    { ...num('average', c.average, 8), screenOnly: true },
    { ...num('poor', c.poor, 6), screenOnly: true },
    { key: 'folder', header: c.folder, width: 30, screenOnly: true },
  ];
  const rows = report.cells.map((cell, i) => ({
    no: i + 1,
    name: text(cell.name),
    folder: text(cell.folder),
    status: statusText(cell.status, lang),
    regularHeld: cell.regular.held,
    regularDue: cell.regular.due,
    missingMonths: monthList(cell.regular.missingMonths),
    thematicHeld: cell.thematic.held,
    thematicDue: cell.thematic.due,
    missingQuarters: cell.thematic.missingQuarters.map(quarterRoman).join(', '),
    attendance: cell.attendance.rate,
    lowest: cell.attendance.lowest,
    unexcused: cell.attendance.unexcused,
    score: cell.score.average,
    good: cell.score.ratings.good,
    fair: cell.score.ratings.fair,
    average: cell.score.ratings.average,
    poor: cell.score.ratings.poor,
    visitsHeld: cell.visits.held,
    visitsDue: cell.visits.due,
    errors: cell.errorCount,
    warnings: cell.warningCount,
    compliant: cell.compliant ? w.yes : w.no,
    note: cell.statusNote === undefined ? '' : text(cell.statusNote),
  }));
  const ws = tableSheet(book, t.sheets.cells, columns, rows, 2);
  report.cells.forEach((cell, i) => {
    if (cell.status !== 'ok') cellOf(ws, i + 2, 'status').fill = solid(cell.status === 'missing' ? COLOUR.bad : COLOUR.warn);
    cellOf(ws, i + 2, 'compliant').fill = solid(cell.compliant ? COLOUR.good : COLOUR.bad);
  });
  if (rows.length > 0) colourCells(ws, rows.length + 1, limits);
}

/** The cells sheet's conditional colours: thresholds live in the workbook, so a figure edited on screen recolours. */
function colourCells(ws: Sheet, last: number, limits: Thresholds): void {
  const range = (key: string) => {
    const col = ws.getColumn(key).letter;
    return { ref: `${col}2:${col}${last}`, cell: `${col}2` };
  };
  // Blank cells (null figures) stay uncoloured: each rule asks ISNUMBER first, since Excel reads a blank as 0.
  const rule = (formula: string, fill: string, font: string, priority: number): ExcelJS.ConditionalFormattingRule => ({
    type: 'expression',
    priority,
    formulae: [formula],
    style: { fill: solid(fill), font: { color: { argb: font } } },
  });
  for (const key of ['attendance', 'lowest']) {
    const { ref, cell } = range(key);
    ws.addConditionalFormatting({ ref, rules: [rule(`AND(ISNUMBER(${cell}),${cell}<${limits.attendance})`, COLOUR.bad, COLOUR.badText, 1)] });
  }
  const { ref, cell } = range('score');
  ws.addConditionalFormatting({
    ref,
    rules: [
      rule(`AND(ISNUMBER(${cell}),${cell}>=${limits.good})`, COLOUR.good, COLOUR.goodText, 2),
      rule(`AND(ISNUMBER(${cell}),${cell}>=${limits.fair},${cell}<${limits.good})`, COLOUR.fair, COLOUR.goodText, 3),
      rule(`AND(ISNUMBER(${cell}),${cell}>=${limits.average},${cell}<${limits.fair})`, COLOUR.warn, COLOUR.warnText, 4),
      rule(`AND(ISNUMBER(${cell}),${cell}<${limits.average})`, COLOUR.bad, COLOUR.badText, 5),
    ],
  });
  for (const key of ['missingMonths', 'missingQuarters']) {
    const { ref, cell } = range(key);
    ws.addConditionalFormatting({ ref, rules: [rule(`LEN(${cell})>0`, COLOUR.bad, COLOUR.badText, 6)] });
  }
  const errors = range('errors');
  ws.addConditionalFormatting({ ref: errors.ref, rules: [rule(`AND(ISNUMBER(${errors.cell}),${errors.cell}>0)`, COLOUR.bad, COLOUR.badText, 7)] });
}

/** The name column and one column per month of the period. */
function monthColumns(book: Book, width: number, numFmt?: string): Column[] {
  const t = TEXT[book.lang];
  return [
    { key: 'name', header: t.cols.name, width: 24 },
    ...book.report.period.months.map((m) => ({ key: m, header: monthShort(m), width, align: 'center' as const, ...(numFmt ? { numFmt } : {}) })),
  ];
}

function gridSheet(book: Book): void {
  const { report, lang } = book;
  const t = TEXT[lang];
  const w = words(lang);
  const rows = report.cells.map((cell) => ({
    name: text(cell.name),
    ...Object.fromEntries(monthsOf(cell, report).map((m) => [m.month, w.month[monthState(m)] || null])),
  }));
  const columns = monthColumns(book, 9);
  const ws = tableSheet(book, t.sheets.grid, columns, rows, 1);
  report.cells.forEach((cell, i) => {
    for (const m of monthsOf(cell, report)) {
      const fill = MONTH_FILL[monthState(m)];
      if (fill) cellOf(ws, i + 2, m.month).fill = solid(fill);
    }
  });
  // The legend: each mark as the grid shows it, in its colour, and what it means beside it.
  ws.addRow([]);
  ws.addRow([t.legend]).font = { ...FONT, bold: true };
  for (const state of Object.keys(MONTH_FILL) as MonthState[]) {
    const row = ws.addRow([w.month[state] || null, w.monthLegend[state].replace(/^[^:]*:\s*/, '')]);
    row.font = FONT;
    const swatch = row.getCell(1);
    swatch.alignment = { horizontal: 'center' };
    swatch.border = BOXED;
    const fill = MONTH_FILL[state];
    if (fill) swatch.fill = solid(fill);
  }
}

/** A cell's months in the period's order; a cell without records (missing) has every month empty. */
function monthsOf(cell: CellReport, report: CommitteeReport) {
  const byMonth = new Map(cell.months.map((m) => [m.month, m]));
  return report.period.months.map(
    (month) =>
      byMonth.get(month) ?? { month, due: false, regular: false, thematic: false, combined: false, attendanceRate: null, score: null },
  );
}

function attendanceSheet(book: Book, limits: Thresholds): void {
  const { report, lang } = book;
  const rows = report.cells.map((cell) => ({
    name: text(cell.name),
    ...Object.fromEntries(monthsOf(cell, report).map((m) => [m.month, m.attendanceRate])),
  }));
  const ws = tableSheet(book, TEXT[lang].sheets.attendance, monthColumns(book, 9, PERCENT), rows, 1);
  const last = rows.length + 1;
  if (last < 2 || report.period.months.length === 0) return;
  const end = ws.getColumn(report.period.months.length + 1).letter;
  ws.addConditionalFormatting({
    ref: `B2:${end}${last}`,
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: [`AND(ISNUMBER(B2),B2<${limits.attendance})`],
        style: { fill: solid(COLOUR.bad), font: { color: { argb: COLOUR.badText } } },
      },
    ],
  });
}

/** Every problem in words: which cell, which record, which rule, how serious, what is wrong. */
function problemsSheet(book: Book): void {
  const { report, lang } = book;
  const t = TEXT[lang];
  const c = t.cols;
  const w = words(lang);
  const problems = report.cells.flatMap((cell) => cell.problems.map((p) => ({ cell, p })));
  const rows = problems.map(({ cell, p }) => ({
    name: text(cell.name),
    record: text(recordName(p.file, p.ruleId, lang)),
    rule: ruleName(p.ruleId, lang),
    severity: p.severity === 'error' ? w.error : w.warning,
    message: text(p.message),
  }));
  const ws = tableSheet(
    book,
    t.sheets.problems,
    [
      { key: 'name', header: c.name, width: 22 },
      { key: 'record', header: c.record, width: 16 },
      { key: 'rule', header: c.rule, width: 30 },
      { key: 'severity', header: c.severity, width: 9, align: 'center' },
      { key: 'message', header: c.message, width: 58 },
    ],
    rows,
    0,
  );
  problems.forEach(({ p }, i) => (cellOf(ws, i + 2, 'severity').fill = solid(p.severity === 'error' ? COLOUR.bad : COLOUR.warn)));
}

/** Where each problem sits in the files, for whoever corrects them: path, line, column, rule id. */
function locationsSheet(book: Book): void {
  const { report, lang } = book;
  const c = TEXT[lang].cols;
  const w = words(lang);
  const rows = report.cells.flatMap((cell) =>
    cell.problems.map((p) => ({
      name: text(cell.name),
      file: text(p.file),
      line: p.line,
      column: p.column,
      ruleId: text(p.ruleId),
      severity: p.severity === 'error' ? w.error : w.warning,
      message: text(p.message),
    })),
  );
  tableSheet(
    book,
    TEXT[lang].sheets.locations,
    [
      { key: 'name', header: c.name, width: 20 },
      { key: 'file', header: c.file, width: 34 },
      { key: 'line', header: c.line, width: 6, align: 'right' },
      { key: 'column', header: c.column, width: 5, align: 'right' },
      { key: 'ruleId', header: c.ruleId, width: 18 },
      { key: 'severity', header: c.severity, width: 9, align: 'center' },
      { key: 'message', header: c.message, width: 46 },
    ],
    rows,
    0,
  );
}

function visitsSheet(book: Book): void {
  const { report, lang } = book;
  const c = TEXT[lang].cols;
  const visits = report.cells.flatMap((cell) => cell.visits.list.map((v) => ({ cell, v })));
  visits.sort((a, b) => a.v.date.localeCompare(b.v.date) || a.v.member.localeCompare(b.v.member, 'vi'));
  const rows = visits.map(({ cell, v }) => ({ member: text(v.member), name: text(cell.name), date: new Date(`${v.date}T00:00:00Z`) }));
  tableSheet(
    book,
    TEXT[lang].sheets.visits,
    [
      { key: 'member', header: c.member, width: 26 },
      { key: 'name', header: c.name, width: 30 },
      { key: 'date', header: c.date, width: 12, numFmt: DATE, align: 'center' },
    ],
    rows,
    0,
  );
}

function assignmentsSheet(book: Book): void {
  const { report, lang } = book;
  const c = TEXT[lang].cols;
  const w = words(lang);
  const list = report.cells.flatMap((cell) => cell.visits.assignments.map((a) => ({ cell, a })));
  const rows = list.map(({ cell, a }) => ({ member: text(a.member), name: text(cell.name), due: a.due, held: a.held, kept: a.kept ? w.yes : w.no }));
  const ws = tableSheet(
    book,
    TEXT[lang].sheets.assignments,
    [
      { key: 'member', header: c.member, width: 26 },
      { key: 'name', header: c.name, width: 30 },
      { key: 'due', header: c.due, width: 8, align: 'right' },
      { key: 'held', header: c.held, width: 8, align: 'right' },
      { key: 'kept', header: c.kept, width: 8, align: 'center' },
    ],
    rows,
    0,
  );
  list.forEach(({ a }, i) => (cellOf(ws, i + 2, 'kept').fill = solid(a.kept ? COLOUR.good : COLOUR.bad)));
}
