// The committee report as an Excel workbook (exceljs): overview, one row per cell, the cell × month grid, problems, visits, assignments.
import type ExcelJS from 'exceljs';
import { pinZipTimes } from '../../render/zip.js';
import type { CellReport, CommitteeReport } from '../types.js';
import {
  cleanText,
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

const MONTH_FILL: Record<MonthState, string | undefined> = {
  combined: COLOUR.combined,
  both: COLOUR.thematic,
  regular: COLOUR.good,
  'thematic-only': COLOUR.thematic,
  missing: COLOUR.bad,
  'not-due': COLOUR.notDue,
};

const T = {
  vi: {
    sheets: { overview: 'Tổng quan', cells: 'Chi bộ', grid: 'Theo tháng', attendance: 'Tỷ lệ dự theo tháng', problems: 'Lỗi và cảnh báo', visits: 'Lượt dự của cấp ủy', assignments: 'Phân công theo dõi' },
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
      rule: 'Quy tắc',
      severity: 'Mức độ',
      message: 'Nội dung',
      member: 'Đồng chí',
      date: 'Ngày',
      due: 'Phải dự',
      held: 'Đã dự',
      kept: 'Đạt',
    },
    legend: 'Chú giải',
  },
  en: {
    sheets: { overview: 'Overview', cells: 'Cells', grid: 'By month', attendance: 'Attendance by month', problems: 'Problems', visits: 'Committee visits', assignments: 'Assignments' },
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
    cols: {
      no: 'No.',
      name: 'Cell',
      folder: 'Folder',
      status: 'Status',
      regularHeld: 'Regular held',
      regularDue: 'Regular due',
      missingMonths: 'Months missing',
      thematicHeld: 'Thematic held',
      thematicDue: 'Thematic due',
      missingQuarters: 'Quarters missing',
      attendance: 'Attendance',
      lowest: 'Lowest meeting',
      unexcused: 'Unexcused',
      score: 'Average score',
      good: 'Good',
      fair: 'Fair',
      average: 'Average',
      poor: 'Poor',
      visitsHeld: 'Visits held',
      visitsDue: 'Visits due',
      errors: 'Errors',
      warnings: 'Warnings',
      compliant: 'Compliant',
      note: 'Note',
      file: 'File',
      line: 'Line',
      column: 'Column',
      rule: 'Rule',
      severity: 'Severity',
      message: 'Message',
      member: 'Member',
      date: 'Date',
      due: 'Due',
      held: 'Held',
      kept: 'Kept',
    },
    legend: 'Legend',
  },
} as const;

const PERCENT = '0.0%';
const SCORE = '0.0';
const DATE = 'dd/mm/yyyy';

/**
 * The report as an .xlsx workbook. Sheets: overview, one row per cell (frozen header, filter, percent and
 * number formats, colours by the profile's thresholds), the cell × month grid, attendance by month, every
 * problem, the committee members' visits and the assignments. The same report gives the same bytes: the
 * workbook's dates and the zip entries' times are the report's as-of date.
 */
export async function reportToXlsx(report: CommitteeReport, options: ReportViewOptions = {}): Promise<Buffer> {
  const lang: ReportLang = options.lang ?? 'vi';
  const t = T[lang];
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

  overviewSheet(wb, report, lang);
  cellsSheet(wb, report, lang, limits);
  gridSheet(wb, report, lang);
  attendanceSheet(wb, report, lang, limits);
  problemsSheet(wb, report, lang);
  visitsSheet(wb, report, lang);
  assignmentsSheet(wb, report, lang);

  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return Buffer.from(pinZipTimes(bytes, report.asOf));
}

/** A sheet printed on A4 landscape, one page wide, with its header row frozen. */
function addSheet(wb: ExcelJS.Workbook, name: string, frozen: { x: number; y: number }): Sheet {
  return wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: frozen.x, ySplit: frozen.y }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      // A frozen header row is repeated on every printed page.
      ...(frozen.y > 0 ? { printTitlesRow: `1:${frozen.y}` } : {}),
    },
  });
}

/** Bold, wrapped, shaded header row with a filter over the data below it. */
function header(ws: Sheet, row: number, lastRow: number): void {
  const r = ws.getRow(row);
  r.font = { bold: true };
  r.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  r.eachCell((c) => {
    c.fill = solid(COLOUR.header);
    c.border = { bottom: { style: 'thin' } };
  });
  if (lastRow > row) ws.autoFilter = { from: { row, column: 1 }, to: { row: lastRow, column: r.cellCount } };
}

function text(value: string): string {
  return cleanText(value);
}

function overviewSheet(wb: ExcelJS.Workbook, report: CommitteeReport, lang: ReportLang): void {
  const t = T[lang];
  const o = t.overview;
  const w = words(lang);
  const ws = addSheet(wb, t.sheets.overview, { x: 0, y: 0 });
  ws.columns = [{ width: 46 }, { width: 18 }];
  ws.addRow([text(report.committee)]).font = { bold: true, size: 14 };
  ws.addRow([`${t.title} ${text(report.period.label)}`]).font = { bold: true };
  ws.addRow([t.asOf, new Date(`${report.asOf}T00:00:00Z`)]).getCell(2).numFmt = DATE;
  ws.addRow([]);
  const s = report.totals;
  const rows: [string, number | null, string?][] = [
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
  for (const [label, value, fmt] of rows) {
    const row = ws.addRow([label, value]);
    if (fmt) row.getCell(2).numFmt = fmt;
  }
  if (report.attention.length) {
    ws.addRow([]);
    ws.addRow([o.attention]).font = { bold: true };
    for (const a of report.attention) ws.addRow([text(a.name), a.reasons.map(text).join('; ')]);
  }
}

function cellsSheet(wb: ExcelJS.Workbook, report: CommitteeReport, lang: ReportLang, limits: Thresholds): void {
  const t = T[lang];
  const c = t.cols;
  const w = words(lang);
  const ws = addSheet(wb, t.sheets.cells, { x: 2, y: 1 });
  ws.columns = [
    { header: c.no, key: 'no', width: 5 },
    { header: c.name, key: 'name', width: 34 },
    { header: c.folder, key: 'folder', width: 24 },
    { header: c.status, key: 'status', width: 16 },
    { header: c.regularHeld, key: 'regularHeld', width: 10 },
    { header: c.regularDue, key: 'regularDue', width: 10 },
    { header: c.missingMonths, key: 'missingMonths', width: 18 },
    { header: c.thematicHeld, key: 'thematicHeld', width: 10 },
    { header: c.thematicDue, key: 'thematicDue', width: 10 },
    { header: c.missingQuarters, key: 'missingQuarters', width: 11 },
    { header: c.attendance, key: 'attendance', width: 10, style: { numFmt: PERCENT } },
    { header: c.lowest, key: 'lowest', width: 10, style: { numFmt: PERCENT } },
    { header: c.unexcused, key: 'unexcused', width: 10 },
    { header: c.score, key: 'score', width: 10, style: { numFmt: SCORE } },
    { header: c.good, key: 'good', width: 7 },
    { header: c.fair, key: 'fair', width: 7 },
    { header: c.average, key: 'average', width: 9 },
    { header: c.poor, key: 'poor', width: 7 },
    { header: c.visitsHeld, key: 'visitsHeld', width: 10 },
    { header: c.visitsDue, key: 'visitsDue', width: 10 },
    { header: c.errors, key: 'errors', width: 7 },
    { header: c.warnings, key: 'warnings', width: 9 },
    { header: c.compliant, key: 'compliant', width: 9 },
    { header: c.note, key: 'note', width: 50 },
  ];
  report.cells.forEach((cell, i) => {
    const row = ws.addRow({
      no: i + 1,
      name: text(cell.name),
      folder: text(cell.folder),
      status: statusText(cell.status, lang),
      regularHeld: cell.regular.held,
      regularDue: cell.regular.due,
      missingMonths: cell.regular.missingMonths.map(monthShort).join(', '),
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
    });
    row.alignment = { vertical: 'top', wrapText: true };
    if (cell.status !== 'ok') row.getCell('status').fill = solid(cell.status === 'missing' ? COLOUR.bad : COLOUR.warn);
    row.getCell('compliant').fill = solid(cell.compliant ? COLOUR.good : COLOUR.bad);
  });
  ws.getRow(1).height = 45;
  const last = report.cells.length + 1;
  header(ws, 1, last);
  if (last < 2) return;
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
  {
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
  }
  for (const key of ['missingMonths', 'missingQuarters']) {
    const { ref, cell } = range(key);
    ws.addConditionalFormatting({ ref, rules: [rule(`LEN(${cell})>0`, COLOUR.bad, COLOUR.badText, 6)] });
  }
  {
    const { ref, cell } = range('errors');
    ws.addConditionalFormatting({ ref, rules: [rule(`AND(ISNUMBER(${cell}),${cell}>0)`, COLOUR.bad, COLOUR.badText, 7)] });
  }
}

function gridSheet(wb: ExcelJS.Workbook, report: CommitteeReport, lang: ReportLang): void {
  const t = T[lang];
  const w = words(lang);
  const ws = addSheet(wb, t.sheets.grid, { x: 1, y: 1 });
  ws.columns = [{ header: t.cols.name, width: 34 }, ...report.period.months.map((m) => ({ header: monthShort(m), width: 10 }))];
  for (const cell of report.cells) {
    const row = ws.addRow([text(cell.name), ...monthsOf(cell, report).map((m) => w.month[monthState(m)] || null)]);
    monthsOf(cell, report).forEach((m, i) => {
      const c = row.getCell(i + 2);
      const fill = MONTH_FILL[monthState(m)];
      if (fill) c.fill = solid(fill);
      c.alignment = { horizontal: 'center' };
    });
  }
  header(ws, 1, report.cells.length + 1);
  ws.addRow([]);
  ws.addRow([t.legend]).font = { bold: true };
  for (const state of Object.keys(MONTH_FILL) as MonthState[]) {
    const row = ws.addRow([w.monthLegend[state]]);
    const fill = MONTH_FILL[state];
    if (fill) row.getCell(1).fill = solid(fill);
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

function attendanceSheet(wb: ExcelJS.Workbook, report: CommitteeReport, lang: ReportLang, limits: Thresholds): void {
  const t = T[lang];
  const ws = addSheet(wb, t.sheets.attendance, { x: 1, y: 1 });
  ws.columns = [
    { header: t.cols.name, width: 34 },
    ...report.period.months.map((m) => ({ header: monthShort(m), width: 10, style: { numFmt: PERCENT } })),
  ];
  for (const cell of report.cells) ws.addRow([text(cell.name), ...monthsOf(cell, report).map((m) => m.attendanceRate)]);
  const last = report.cells.length + 1;
  header(ws, 1, last);
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

function problemsSheet(wb: ExcelJS.Workbook, report: CommitteeReport, lang: ReportLang): void {
  const t = T[lang];
  const c = t.cols;
  const w = words(lang);
  const ws = addSheet(wb, t.sheets.problems, { x: 0, y: 1 });
  ws.columns = [
    { header: c.name, key: 'name', width: 30 },
    { header: c.file, key: 'file', width: 44 },
    { header: c.line, key: 'line', width: 7 },
    { header: c.column, key: 'column', width: 7 },
    { header: c.rule, key: 'rule', width: 22 },
    { header: c.severity, key: 'severity', width: 10 },
    { header: c.message, key: 'message', width: 80 },
  ];
  let count = 0;
  for (const cell of report.cells) {
    for (const p of cell.problems) {
      const row = ws.addRow({
        name: text(cell.name),
        file: text(p.file),
        line: p.line,
        column: p.column,
        rule: text(p.ruleId),
        severity: p.severity === 'error' ? w.error : w.warning,
        message: text(p.message),
      });
      row.alignment = { vertical: 'top', wrapText: true };
      row.getCell('severity').fill = solid(p.severity === 'error' ? COLOUR.bad : COLOUR.warn);
      count++;
    }
  }
  header(ws, 1, count + 1);
}

function visitsSheet(wb: ExcelJS.Workbook, report: CommitteeReport, lang: ReportLang): void {
  const t = T[lang];
  const c = t.cols;
  const ws = addSheet(wb, t.sheets.visits, { x: 0, y: 1 });
  ws.columns = [
    { header: c.member, key: 'member', width: 28 },
    { header: c.name, key: 'name', width: 34 },
    { header: c.date, key: 'date', width: 12, style: { numFmt: DATE } },
    { header: c.file, key: 'file', width: 50 },
  ];
  const visits = report.cells.flatMap((cell) => cell.visits.list.map((v) => ({ cell, v })));
  visits.sort((a, b) => a.v.date.localeCompare(b.v.date) || a.v.member.localeCompare(b.v.member, 'vi'));
  for (const { cell, v } of visits) {
    ws.addRow({ member: text(v.member), name: text(cell.name), date: new Date(`${v.date}T00:00:00Z`), file: text(v.file) });
  }
  header(ws, 1, visits.length + 1);
}

function assignmentsSheet(wb: ExcelJS.Workbook, report: CommitteeReport, lang: ReportLang): void {
  const t = T[lang];
  const c = t.cols;
  const w = words(lang);
  const ws = addSheet(wb, t.sheets.assignments, { x: 0, y: 1 });
  ws.columns = [
    { header: c.member, key: 'member', width: 28 },
    { header: c.name, key: 'name', width: 34 },
    { header: c.due, key: 'due', width: 9 },
    { header: c.held, key: 'held', width: 9 },
    { header: c.kept, key: 'kept', width: 8 },
  ];
  let count = 0;
  for (const cell of report.cells) {
    for (const a of cell.visits.assignments) {
      const row = ws.addRow({ member: text(a.member), name: text(cell.name), due: a.due, held: a.held, kept: a.kept ? w.yes : w.no });
      row.getCell('kept').fill = solid(a.kept ? COLOUR.good : COLOUR.bad);
      count++;
    }
  }
  header(ws, 1, count + 1);
}
