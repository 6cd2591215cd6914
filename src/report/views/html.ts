// The committee report as one self-contained HTML page: figures, inline SVG charts and tables, offline, printable on A4 landscape.
import type { CellReport, CommitteeReport, MonthCell } from '../types.js';
import {
  band,
  cleanText,
  dateShort,
  decimal,
  MONTH_COLOUR,
  monthShort,
  monthState,
  percent,
  quarterRoman,
  statusText,
  thresholdsOf,
  words,
  type MonthState,
  type ReportLang,
  type ReportViewOptions,
  type Thresholds,
} from './common.js';
import { escapeHtml } from '../../util/html.js';
import { recordName, ruleName } from './rule-names.js';

/** Colours of the page (the same families as the workbook's fills, darker for print). */
const COLOUR = {
  ink: '#1f2933',
  muted: '#616e7c',
  grid: '#d9dee4',
  good: '#2f9e44',
  fair: '#94c973',
  warn: '#f0b429',
  bad: '#d64545',
  thematic: '#5b8def',
  combined: '#8e6cc9',
  notDue: '#eef0f3',
  threshold: '#b42318',
  due: '#c9d1da',
} as const;

const STATE_FILL = Object.fromEntries(
  Object.entries(MONTH_COLOUR).map(([state, colour]) => [state, COLOUR[colour]]),
) as Record<MonthState, string>;

const BAND_FILL = { good: COLOUR.good, fair: COLOUR.fair, average: COLOUR.warn, poor: COLOUR.bad } as const;

const TEXT = {
  vi: {
    htmlLang: 'vi',
    title: 'Báo cáo kết quả sinh hoạt chi bộ',
    asOf: 'Số liệu tính đến ngày',
    kpi: {
      cells: 'Chi bộ trực thuộc',
      reporting: 'Chi bộ gửi hồ sơ',
      compliant: 'Chi bộ thực hiện đầy đủ',
      rhythm: 'Sinh hoạt đều hằng tháng',
      attendance: 'Tỷ lệ dự sinh hoạt bình quân',
      score: 'Điểm tự chấm bình quân',
      assignments: 'Phân công dự sinh hoạt đã thực hiện',
    },
    charts: {
      attendance: 'Tỷ lệ đảng viên dự sinh hoạt theo tháng',
      attendanceNote: (t: string) => `Bình quân các chi bộ có sinh hoạt trong tháng; đường đỏ: ngưỡng ${t}.`,
      grid: 'Sinh hoạt của từng chi bộ theo tháng',
      scores: 'Điểm tự chấm của từng chi bộ',
      scoresNote: 'Chấm xám: điểm từng kỳ sinh hoạt; vạch màu và con số: điểm bình quân; nền màu: mức xếp loại.',
      sameAverage: (score: string) => `Các chi bộ có cùng điểm bình quân ${score}.`,
      noFigure: (names: string[]) => `Chưa có điểm: ${names.join(', ')}.`,
      noScore: 'chưa có điểm',
      ratings: 'Xếp loại các kỳ sinh hoạt',
      visits: 'Cấp ủy viên dự sinh hoạt chi bộ theo phân công',
      visitsLegendDue: 'Phải dự',
      visitsLegendHeld: 'Đã dự',
      noData: 'Chưa có số liệu',
    },
    tables: {
      cells: 'Số liệu từng chi bộ',
      attention: 'Chi bộ cần quan tâm',
      problems: 'Lỗi và cảnh báo trong hồ sơ',
      visits: 'Lượt dự sinh hoạt của cấp ủy viên',
    },
    cols: {
      no: 'TT',
      cell: 'Chi bộ',
      status: 'Tình trạng',
      regular: 'Thường kỳ',
      missing: 'Tháng thiếu',
      thematic: 'Chuyên đề',
      attendance: 'Tỷ lệ dự',
      lowest: 'Thấp nhất',
      unexcused: 'Vắng không lý do',
      score: 'Điểm BQ',
      visits: 'Cấp ủy dự',
      problems: 'Lỗi / cảnh báo',
      record: 'Hồ sơ',
      rule: 'Quy định',
      severity: 'Mức độ',
      message: 'Nội dung',
      member: 'Đồng chí',
      date: 'Ngày',
      reasons: 'Lý do',
    },
    none: 'Không có.',
  },
  en: {
    htmlLang: 'en',
    title: 'Cell meetings report',
    asOf: 'Figures as of',
    kpi: {
      cells: 'Cells expected',
      reporting: 'Cells reporting',
      compliant: 'Cells fully compliant',
      rhythm: 'Keeping the monthly rhythm',
      attendance: 'Average attendance',
      score: 'Average self-score',
      assignments: 'Assigned visits kept',
    },
    charts: {
      attendance: 'Attendance by month',
      attendanceNote: (t: string) => `Mean of the cells that met that month; red line: the ${t} threshold.`,
      grid: 'Each cell, month by month',
      scores: "Each cell's self-scores",
      scoresNote: 'Grey dots: each meeting; coloured mark and figure: the average; shading: the rating bands.',
      sameAverage: (score: string) => `The cells share the same average, ${score}.`,
      noFigure: (names: string[]) => `No score yet: ${names.join(', ')}.`,
      noScore: 'no score yet',
      ratings: 'Meetings by rating',
      visits: 'Committee members at cell meetings, against assignments',
      visitsLegendDue: 'Due',
      visitsLegendHeld: 'Held',
      noData: 'No figures yet',
    },
    tables: {
      cells: 'Figures by cell',
      attention: 'Cells needing attention',
      problems: 'Problems in the records',
      visits: 'Visits by committee members',
    },
    cols: {
      no: 'No.',
      cell: 'Cell',
      status: 'Status',
      regular: 'Regular',
      missing: 'Months missing',
      thematic: 'Thematic',
      attendance: 'Attendance',
      lowest: 'Lowest',
      unexcused: 'Unexcused',
      score: 'Avg score',
      visits: 'Visits',
      problems: 'Errors / warnings',
      record: 'Record',
      rule: 'Rule',
      severity: 'Severity',
      message: 'Message',
      member: 'Member',
      date: 'Date',
      reasons: 'Reasons',
    },
    none: 'None.',
  },
} as const;

/**
 * User text made safe for the page: cleaned for print (NFC, no characters XML forbids) and then escaped
 * for HTML and SVG content and attribute values. util/html's escapeHtml only escapes.
 */
export function htmlText(text: string): string {
  return escapeHtml(cleanText(text));
}

/** A number for SVG coordinates: short, and never `NaN`. */
function coord(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '0';
}

/** Cut a long name for a chart label; the full name is in the element's <title> and the tables. */
function short(text: string, max: number): string {
  const chars = [...cleanText(text)];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The report as one HTML file: key figures, charts as inline SVG (attendance by month against the
 * threshold, the cell × month heat map, scores and ratings, visits against assignments) and the tables.
 * No script, no external resource; every text of the report is escaped; prints on A4 landscape.
 */
export function reportToHtml(report: CommitteeReport, options: ReportViewOptions = {}): string {
  const lang: ReportLang = options.lang ?? 'vi';
  const t = TEXT[lang];
  const limits = thresholdsOf(report, options.thresholds, options.rules);
  const title = `${t.title} ${cleanText(report.period.label)}`;
  const body = [
    `<header><p class="committee">${htmlText(report.parent ?? '')}</p><h1>${htmlText(report.committee)}</h1>`,
    `<p class="title">${htmlText(title)}</p><p class="muted">${t.asOf} ${htmlText(dateShort(report.asOf, lang))}</p></header>`,
    kpis(report, lang),
    '<section class="charts">',
    figure(t.charts.attendance, attendanceChart(report, lang, limits), t.charts.attendanceNote(percent(limits.attendance, lang))),
    figure(t.charts.ratings, ratingsChart(report, lang), ''),
    figure(t.charts.grid, heatMap(report, lang, limits), heatLegend(lang, limits), 'wide'),
    figure(t.charts.scores, scoresChart(report, lang, limits), scoresNote(report, lang)),
    figure(t.charts.visits, visitsChart(report, lang), ''),
    '</section>',
    attentionTable(report, lang),
    cellsTable(report, lang, limits),
    visitsTable(report, lang),
    problemsTable(report, lang),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlText(`${title} — ${report.committee}`)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "Liberation Sans", Arial, "Helvetica Neue", sans-serif; color: ${COLOUR.ink}; margin: 0 auto; padding: 16px 24px; max-width: 1120px; font-size: 14px; line-height: 1.4; }
header { border-bottom: 2px solid ${COLOUR.threshold}; margin-bottom: 12px; padding-bottom: 6px; }
header .committee { margin: 0; text-transform: uppercase; color: ${COLOUR.muted}; font-size: 13px; }
h1 { margin: 2px 0; font-size: 22px; text-transform: uppercase; }
header .title { margin: 2px 0; font-size: 18px; font-weight: bold; }
h2 { font-size: 16px; margin: 18px 0 6px; }
.muted { color: ${COLOUR.muted}; margin: 0; font-size: 12px; }
.kpis { display: grid; grid-template-columns: repeat(7, 1fr); gap: 8px; margin: 10px 0; }
.kpi { border: 1px solid ${COLOUR.grid}; border-radius: 6px; padding: 8px; }
.kpi b { display: block; font-size: 22px; }
.kpi span { font-size: 12px; color: ${COLOUR.muted}; }
.kpi.bad b { color: ${COLOUR.bad}; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
figure { margin: 0; border: 1px solid ${COLOUR.grid}; border-radius: 6px; padding: 8px; break-inside: avoid; page-break-inside: avoid; }
figure.wide { grid-column: 1 / -1; }
figcaption { font-weight: bold; margin-bottom: 4px; }
figure svg { display: block; width: 100%; height: auto; }
figure .note { font-size: 12px; color: ${COLOUR.muted}; margin: 4px 0 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; margin-top: 4px; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 4px; vertical-align: -2px; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { border: 1px solid ${COLOUR.grid}; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
td.num { text-align: right; white-space: nowrap; }
td.name { min-width: 190px; }
td.bad { background: #fde2e2; color: #8a1c1c; }
td.warn { background: #fff4d6; }
td.good { background: #e3f4e1; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
section.table { break-inside: auto; }
@media print {
  body { max-width: none; padding: 0; font-size: 12px; }
  .kpis { grid-template-columns: repeat(7, 1fr); }
  h2 { break-after: avoid; page-break-after: avoid; }
}
`;

function kpis(report: CommitteeReport, lang: ReportLang): string {
  const k = TEXT[lang].kpi;
  const s = report.totals;
  const item = (value: string, label: string, bad = false) => `<div class="kpi${bad ? ' bad' : ''}"><b>${htmlText(value)}</b><span>${htmlText(label)}</span></div>`;
  return `<section class="kpis">${[
    item(String(s.cells), k.cells),
    item(`${s.reporting}/${s.cells}`, k.reporting, s.reporting < s.cells),
    item(`${s.compliant}/${s.cells}`, k.compliant, s.compliant < s.cells),
    item(percent(s.monthlyRhythm, lang), k.rhythm),
    item(percent(s.attendanceRate, lang), k.attendance),
    item(decimal(s.averageScore, lang), k.score),
    item(`${s.assignmentsKept}/${s.assignmentsDue}`, k.assignments, s.assignmentsKept < s.assignmentsDue),
  ].join('')}</section>`;
}

function figure(caption: string, svg: string, note: string, cls = ''): string {
  return `<figure${cls ? ` class="${cls}"` : ''}><figcaption>${htmlText(caption)}</figcaption>${svg}${note.startsWith('<') ? note : note ? `<p class="note">${htmlText(note)}</p>` : ''}</figure>`;
}

function svg(width: number, height: number, label: string, content: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${htmlText(label)}" font-family="Liberation Sans, Arial, sans-serif" font-size="12">${content}</svg>`;
}

function noData(width: number, lang: ReportLang): string {
  return svg(width, 60, TEXT[lang].charts.noData, `<text x="${width / 2}" y="34" text-anchor="middle" fill="${COLOUR.muted}">${htmlText(TEXT[lang].charts.noData)}</text>`);
}

/** The committee's attendance per month: the mean of the rates of the cells that held a regular sitting. */
export function attendanceByMonth(report: CommitteeReport): { month: string; rate: number | null; cells: number }[] {
  return report.period.months.map((month) => {
    const rates = report.cells
      .filter((c) => c.status !== 'unlisted' && c.status !== 'duplicate')
      .map((c) => c.months.find((m) => m.month === month)?.attendanceRate ?? null)
      .filter((r): r is number => r !== null);
    return { month, rate: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null, cells: rates.length };
  });
}

function attendanceChart(report: CommitteeReport, lang: ReportLang, limits: Thresholds): string {
  const data = attendanceByMonth(report);
  if (!data.some((d) => d.rate !== null)) return noData(520, lang);
  const W = 520;
  const H = 260;
  const left = 40;
  const top = 16;
  const bottom = 30;
  const plotH = H - top - bottom;
  const slot = (W - left - 10) / data.length;
  const y = (rate: number) => top + plotH * (1 - rate);
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${left}" x2="${W - 10}" y1="${coord(y(tick))}" y2="${coord(y(tick))}" stroke="${COLOUR.grid}"/>`);
    parts.push(`<text x="${left - 6}" y="${coord(y(tick) + 4)}" text-anchor="end" fill="${COLOUR.muted}">${htmlText(percent(tick, lang))}</text>`);
  }
  // Twelve `8/2026` labels do not fit under the bars: a period within one year is labelled T1…T12.
  const oneYear = new Set(data.map((d) => d.month.slice(0, 4))).size === 1;
  const label = (month: string) => (oneYear && data.length > 6 ? `${lang === 'vi' ? 'T' : 'M'}${Number(month.slice(5))}` : monthShort(month));
  const valueSize = slot < 60 ? 10 : 12;
  data.forEach((d, i) => {
    const x = left + slot * i + slot * 0.2;
    const w = slot * 0.6;
    parts.push(`<text x="${coord(x + w / 2)}" y="${H - 10}" text-anchor="middle">${htmlText(label(d.month))}</text>`);
    if (d.rate === null) {
      parts.push(`<text x="${coord(x + w / 2)}" y="${coord(y(0) - 6)}" text-anchor="middle" fill="${COLOUR.muted}">–</text>`);
      return;
    }
    const fill = d.rate < limits.attendance ? COLOUR.bad : COLOUR.good;
    parts.push(
      `<rect class="bar" x="${coord(x)}" y="${coord(y(d.rate))}" width="${coord(w)}" height="${coord(y(0) - y(d.rate))}" fill="${fill}"><title>${htmlText(`${monthShort(d.month)}: ${percent(d.rate, lang)} (${d.cells})`)}</title></rect>`,
    );
    parts.push(`<text x="${coord(x + w / 2)}" y="${coord(y(d.rate) - 4)}" text-anchor="middle" font-weight="bold" font-size="${valueSize}">${htmlText(percent(d.rate, lang))}</text>`);
  });
  const ty = y(limits.attendance);
  parts.push(`<line class="threshold" x1="${left}" x2="${W - 10}" y1="${coord(ty)}" y2="${coord(ty)}" stroke="${COLOUR.threshold}" stroke-width="2" stroke-dasharray="6 4"/>`);
  parts.push(`<text x="${W - 12}" y="${coord(ty + 14)}" text-anchor="end" fill="${COLOUR.threshold}" font-size="11">${htmlText(percent(limits.attendance, lang))}</text>`);
  return svg(W, H, TEXT[lang].charts.attendance, parts.join(''));
}

function ratingsChart(report: CommitteeReport, lang: ReportLang): string {
  const r = report.totals.ratings;
  const w = words(lang).rating;
  const rows = (['good', 'fair', 'average', 'poor'] as const).map((k) => ({ key: k, label: w[k], count: r[k] }));
  const total = rows.reduce((a, b) => a + b.count, 0);
  if (total === 0) return noData(520, lang);
  const W = 520;
  const rowH = 44;
  const left = 100;
  const max = Math.max(...rows.map((x) => x.count));
  const plotW = W - left - 90;
  const parts = rows.map((row, i) => {
    const yy = 14 + i * rowH;
    const width = max ? (plotW * row.count) / max : 0;
    const share = percent(row.count / total, lang);
    return (
      `<text x="${left - 8}" y="${yy + 21}" text-anchor="end">${htmlText(row.label)}</text>` +
      `<rect class="bar" x="${left}" y="${yy + 4}" width="${coord(Math.max(width, row.count ? 2 : 0))}" height="26" fill="${BAND_FILL[row.key]}"><title>${htmlText(`${row.label}: ${row.count}`)}</title></rect>` +
      `<text x="${coord(left + width + 6)}" y="${yy + 21}">${row.count} (${htmlText(share)})</text>`
    );
  });
  return svg(W, 14 + rows.length * rowH, TEXT[lang].charts.ratings, parts.join(''));
}

function monthsOf(cell: CellReport, report: CommitteeReport): MonthCell[] {
  const byMonth = new Map(cell.months.map((m) => [m.month, m]));
  return report.period.months.map(
    (month) => byMonth.get(month) ?? { month, due: false, regular: false, thematic: false, combined: false, attendanceRate: null, score: null },
  );
}

function heatMap(report: CommitteeReport, lang: ReportLang, limits: Thresholds): string {
  if (report.cells.length === 0 || report.period.months.length === 0) return noData(1040, lang);
  const w = words(lang);
  const W = 1040;
  const left = 310;
  const top = 24;
  const rowH = 30;
  const colW = Math.min(110, (W - left - 10) / report.period.months.length);
  const H = top + rowH * report.cells.length + 6;
  const parts: string[] = [];
  report.period.months.forEach((m, j) => {
    parts.push(`<text x="${coord(left + colW * j + colW / 2)}" y="16" text-anchor="middle" font-weight="bold">${htmlText(monthShort(m))}</text>`);
  });
  report.cells.forEach((cell, i) => {
    const yy = top + i * rowH;
    const note = cell.status !== 'ok';
    // A cell that is not simply reported carries its status on a second, red line under the name.
    if (note) {
      parts.push(`<text x="${left - 8}" y="${yy + 12}" text-anchor="end"><title>${htmlText(cell.name)}</title>${htmlText(short(cell.name, 40))}</text>`);
      parts.push(`<text x="${left - 8}" y="${yy + 25}" text-anchor="end" fill="${COLOUR.bad}" font-size="11">${htmlText(statusText(cell.status, lang))}</text>`);
    } else {
      parts.push(`<text x="${left - 8}" y="${yy + 19}" text-anchor="end"><title>${htmlText(cell.name)}</title>${htmlText(short(cell.name, 40))}</text>`);
    }
    monthsOf(cell, report).forEach((m, j) => {
      const state = monthState(m);
      const x = left + colW * j;
      const label = w.month[state];
      const rate = m.attendanceRate === null ? '' : ` ${percent(m.attendanceRate, lang)}`;
      const dark = state !== 'not-due';
      parts.push(
        `<rect class="cell ${state}" x="${coord(x + 1)}" y="${yy + 1}" width="${coord(colW - 2)}" height="${rowH - 2}" rx="3" fill="${STATE_FILL[state]}"><title>${htmlText(`${cell.name} — ${monthShort(m.month)}: ${w.monthLegend[state]}${rate}`)}</title></rect>`,
      );
      // A month held with attendance under the minimum keeps its colour and gets a white-ringed red dot.
      if (m.attendanceRate !== null && m.attendanceRate < limits.attendance) {
        parts.push(`<circle class="low" cx="${coord(x + colW - 8)}" cy="${yy + 8}" r="4.5" fill="${COLOUR.threshold}" stroke="#fff" stroke-width="1.5"/>`);
      }
      if (label) {
        // The attendance figure only where it fits beside the label; it is always in the square's tooltip.
        const withRate = m.attendanceRate !== null && colW >= 96;
        parts.push(`<text x="${coord(x + colW / 2)}" y="${yy + 19}" text-anchor="middle" fill="${dark ? '#fff' : COLOUR.ink}" font-size="11">${htmlText(label)}${withRate ? ` · ${htmlText(percent(m.attendanceRate, lang))}` : ''}</text>`);
      }
    });
  });
  return svg(W, H, TEXT[lang].charts.grid, parts.join(''));
}

function heatLegend(lang: ReportLang, limits: Thresholds): string {
  const w = words(lang);
  const states: MonthState[] = ['regular', 'both', 'combined', 'thematic-only', 'missing', 'not-due'];
  const low = lang === 'vi' ? `tỷ lệ dự dưới ${percent(limits.attendance, lang)}` : `attendance under ${percent(limits.attendance, lang)}`;
  return `<div class="legend">${states.map((s) => `<span><i style="background:${STATE_FILL[s]};border:1px solid ${COLOUR.grid}"></i>${htmlText(w.monthLegend[s])}</span>`).join('')}<span><i style="background:${COLOUR.threshold};border-radius:50%"></i>${htmlText(low)}</span></div>`;
}

/** The lowest whole ten at least 5 points under every score shown, so the spread between cells is visible. */
function scoreFloor(scores: number[]): number {
  return Math.max(0, Math.min(90, Math.floor((Math.min(...scores) - 5) / 10) * 10));
}

/**
 * Each cell's self-scores on an axis that starts where the scores do (it is labelled, and dots rather than
 * bars, so nothing reads as a length from zero): a small dot for every meeting, a bold mark and the figure for
 * the average, over the rating bands. Every cell has a row: one without a score says so, and why.
 */
function scoresChart(report: CommitteeReport, lang: ReportLang, limits: Thresholds): string {
  const scored = report.cells.filter((c) => c.score.average !== null);
  if (scored.length === 0) return noData(520, lang);
  const c = TEXT[lang].charts;
  const meetings = (cell: CellReport) => cell.months.map((m) => m.score).filter((s): s is number => s !== null);
  const low = scoreFloor(scored.flatMap((cell) => [cell.score.average!, ...meetings(cell)]));
  const W = 520;
  const left = 190;
  const right = 46;
  const rowH = 26;
  const top = 34;
  const plotW = W - left - right;
  const H = top + rowH * report.cells.length + 8;
  const x = (score: number) => left + (plotW * (Math.max(low, Math.min(score, 100)) - low)) / (100 - low);
  const parts: string[] = [];
  // The rating bands behind the dots, named above the plot where they are wide enough.
  const bands = [
    { key: 'poor', from: 0, to: limits.average },
    { key: 'average', from: limits.average, to: limits.fair },
    { key: 'fair', from: limits.fair, to: limits.good },
    { key: 'good', from: limits.good, to: 100 },
  ] as const;
  for (const b of bands) {
    const from = Math.max(b.from, low);
    if (b.to <= from) continue;
    const x0 = x(from);
    const x1 = x(b.to);
    parts.push(`<rect class="band ${b.key}" x="${coord(x0)}" y="${top - 4}" width="${coord(x1 - x0)}" height="${H - top - 4}" fill="${BAND_FILL[b.key]}" fill-opacity="0.13"/>`);
    if (x1 - x0 >= 34) parts.push(`<text x="${coord((x0 + x1) / 2)}" y="${top - 8}" text-anchor="middle" fill="${COLOUR.muted}" font-size="11">${htmlText(words(lang).rating[b.key])}</text>`);
  }
  for (let tick = low; tick <= 100; tick += 10) {
    parts.push(`<text x="${coord(x(tick))}" y="12" text-anchor="middle" fill="${COLOUR.muted}" font-size="11">${tick}</text>`);
  }
  report.cells.forEach((cell, i) => {
    const yy = top + i * rowH;
    const mid = yy + rowH / 2 - 2;
    parts.push(`<text x="${left - 8}" y="${coord(mid + 4)}" text-anchor="end"><title>${htmlText(cell.name)}</title>${htmlText(short(cell.name, 28))}</text>`);
    const average = cell.score.average;
    if (average === null) {
      const why = cell.status === 'ok' ? c.noScore : `${c.noScore} (${statusText(cell.status, lang).toLowerCase()})`;
      parts.push(`<text class="no-score" x="${left + 6}" y="${coord(mid + 4)}" fill="${COLOUR.muted}" font-style="italic">${htmlText(why)}</text>`);
      return;
    }
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${coord(mid)}" y2="${coord(mid)}" stroke="${COLOUR.grid}"/>`);
    for (const score of meetings(cell)) {
      parts.push(`<circle class="meeting" cx="${coord(x(score))}" cy="${coord(mid)}" r="3" fill="${COLOUR.muted}" fill-opacity="0.55"/>`);
    }
    const b = band(average, limits)!;
    parts.push(
      `<rect class="mean" x="${coord(x(average) - 3)}" y="${yy + 4}" width="6" height="${rowH - 12}" rx="1" fill="${BAND_FILL[b]}" stroke="${COLOUR.ink}" stroke-width="0.8"><title>${htmlText(`${cell.name}: ${decimal(average, lang)} — ${words(lang).rating[b]}`)}</title></rect>`,
    );
    parts.push(`<text x="${W - right + 6}" y="${coord(mid + 4)}" font-weight="bold">${htmlText(decimal(average, lang))}</text>`);
  });
  return svg(W, H, c.scores, parts.join(''));
}

/** Under the score chart: how to read it, and which cells it has no figure for. */
function scoresNote(report: CommitteeReport, lang: ReportLang): string {
  const c = TEXT[lang].charts;
  const missing = report.cells.filter((cell) => cell.score.average === null).map((cell) => cleanText(cell.name));
  const averages = new Set(report.cells.filter((cell) => cell.score.average !== null).map((cell) => decimal(cell.score.average, lang)));
  const same = averages.size === 1 && report.cells.length - missing.length > 1 ? ` ${c.sameAverage([...averages][0]!)}` : '';
  return `${c.scoresNote}${same}${missing.length ? ` ${c.noFigure(missing)}` : ''}`;
}

/** Assignments summed by member: visits due and held over all the cells each one follows. */
export function visitsByMember(report: CommitteeReport): { member: string; due: number; held: number }[] {
  const by = new Map<string, { member: string; due: number; held: number }>();
  for (const cell of report.cells) {
    for (const a of cell.visits.assignments) {
      const entry = by.get(a.member) ?? { member: a.member, due: 0, held: 0 };
      entry.due += a.due;
      entry.held += a.held;
      by.set(a.member, entry);
    }
  }
  return [...by.values()].sort((a, b) => a.member.localeCompare(b.member, 'vi'));
}

function visitsChart(report: CommitteeReport, lang: ReportLang): string {
  const data = visitsByMember(report);
  const c = TEXT[lang].charts;
  if (data.length === 0) return noData(520, lang);
  const W = 520;
  const left = 170;
  const rowH = 40;
  const top = 26;
  const max = Math.max(1, ...data.map((d) => Math.max(d.due, d.held)));
  const plotW = W - left - 60;
  const H = top + rowH * data.length + 6;
  const parts: string[] = [
    `<rect x="${left}" y="4" width="12" height="12" fill="${COLOUR.due}"/><text x="${left + 16}" y="14">${htmlText(c.visitsLegendDue)}</text>`,
    `<rect x="${left + 90}" y="4" width="12" height="12" fill="${COLOUR.thematic}"/><text x="${left + 106}" y="14">${htmlText(c.visitsLegendHeld)}</text>`,
  ];
  data.forEach((d, i) => {
    const yy = top + i * rowH;
    const dueW = (plotW * d.due) / max;
    const heldW = (plotW * d.held) / max;
    const fill = d.held >= d.due ? COLOUR.thematic : COLOUR.bad;
    parts.push(`<text x="${left - 8}" y="${yy + 20}" text-anchor="end"><title>${htmlText(d.member)}</title>${htmlText(short(d.member, 24))}</text>`);
    parts.push(`<rect class="bar" x="${left}" y="${yy + 2}" width="${coord(Math.max(dueW, 2))}" height="14" fill="${COLOUR.due}"><title>${htmlText(`${c.visitsLegendDue}: ${d.due}`)}</title></rect>`);
    parts.push(`<rect class="bar" x="${left}" y="${yy + 18}" width="${coord(Math.max(heldW, 2))}" height="14" fill="${fill}"><title>${htmlText(`${c.visitsLegendHeld}: ${d.held}`)}</title></rect>`);
    parts.push(`<text x="${coord(left + Math.max(dueW, heldW) + 6)}" y="${yy + 22}">${d.held}/${d.due}</text>`);
  });
  return svg(W, H, c.visits, parts.join(''));
}

function attentionTable(report: CommitteeReport, lang: ReportLang): string {
  const t = TEXT[lang];
  if (report.attention.length === 0) return `<section class="table"><h2>${htmlText(t.tables.attention)}</h2><p>${htmlText(t.none)}</p></section>`;
  const rows = report.attention
    .map((a, i) => `<tr><td class="num">${i + 1}</td><td>${htmlText(a.name)}</td><td>${a.reasons.map((r) => htmlText(r)).join('; ')}</td></tr>`)
    .join('');
  return `<section class="table"><h2>${htmlText(t.tables.attention)}</h2><table><thead><tr><th>${t.cols.no}</th><th>${t.cols.cell}</th><th>${t.cols.reasons}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function cellsTable(report: CommitteeReport, lang: ReportLang, limits: Thresholds): string {
  const t = TEXT[lang];
  const c = t.cols;
  const rows = report.cells
    .map((cell, i) => {
      const att = cell.attendance.rate;
      const attCls = att === null ? '' : att < limits.attendance ? ' bad' : ' good';
      const b = band(cell.score.average, limits);
      const scoreCls = b === null ? '' : b === 'good' ? ' good' : b === 'poor' ? ' bad' : b === 'average' ? ' warn' : '';
      const statusCls = cell.status === 'ok' ? '' : cell.status === 'missing' ? ' class="bad"' : ' class="warn"';
      const quarters = cell.thematic.missingQuarters.length ? ` (${lang === 'vi' ? 'thiếu quý' : 'missing Q'} ${cell.thematic.missingQuarters.map(quarterRoman).join(', ')})` : '';
      return (
        `<tr><td class="num">${i + 1}</td><td class="name">${htmlText(cell.name)}</td>` +
        `<td${statusCls}>${htmlText(statusText(cell.status, lang))}${cell.statusNote ? `<br><small>${htmlText(cell.statusNote)}</small>` : ''}</td>` +
        `<td class="num${cell.regular.held < cell.regular.due ? ' bad' : ''}">${cell.regular.held}/${cell.regular.due}</td>` +
        `<td${cell.regular.missingMonths.length ? ' class="bad"' : ''}>${htmlText(cell.regular.missingMonths.map(monthShort).join(', '))}</td>` +
        `<td class="num${quarters ? ' bad' : ''}">${cell.thematic.held}/${cell.thematic.due}${htmlText(quarters)}</td>` +
        `<td class="num${attCls}">${htmlText(percent(att, lang))}</td><td class="num">${htmlText(percent(cell.attendance.lowest, lang))}</td>` +
        `<td class="num">${cell.attendance.unexcused ?? '–'}</td><td class="num${scoreCls}">${htmlText(decimal(cell.score.average, lang))}</td>` +
        `<td class="num">${cell.visits.held}/${cell.visits.due}</td><td class="num${cell.errorCount ? ' bad' : ''}">${cell.errorCount} / ${cell.warningCount}</td></tr>`
      );
    })
    .join('');
  const head = [c.no, c.cell, c.status, c.regular, c.missing, c.thematic, c.attendance, c.lowest, c.unexcused, c.score, c.visits, c.problems];
  return `<section class="table"><h2>${htmlText(t.tables.cells)}</h2><table><thead><tr>${head.map((h) => `<th>${htmlText(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

function visitsTable(report: CommitteeReport, lang: ReportLang): string {
  const t = TEXT[lang];
  const visits = report.cells.flatMap((cell) => cell.visits.list.map((v) => ({ cell, v })));
  if (visits.length === 0) return `<section class="table"><h2>${htmlText(t.tables.visits)}</h2><p>${htmlText(t.none)}</p></section>`;
  visits.sort((a, b) => a.v.date.localeCompare(b.v.date) || a.v.member.localeCompare(b.v.member, 'vi'));
  const rows = visits.map(({ cell, v }) => `<tr><td>${htmlText(v.member)}</td><td>${htmlText(cell.name)}</td><td>${htmlText(dateShort(v.date, lang))}</td></tr>`).join('');
  return `<section class="table"><h2>${htmlText(t.tables.visits)}</h2><table><thead><tr><th>${t.cols.member}</th><th>${t.cols.cell}</th><th>${t.cols.date}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** Every problem in words (the record, the rule's name); the file and line stay in the record's tooltip, for whoever corrects it. */
function problemsTable(report: CommitteeReport, lang: ReportLang): string {
  const t = TEXT[lang];
  const w = words(lang);
  const rows = report.cells.flatMap((cell) =>
    cell.problems.map(
      (p) =>
        `<tr><td>${htmlText(cell.name)}</td><td title="${htmlText(`${p.file}:${p.line}:${p.column}`)}">${htmlText(recordName(p.file, p.ruleId, lang))}</td>` +
        `<td>${htmlText(ruleName(p.ruleId, lang))}</td>` +
        `<td class="${p.severity === 'error' ? 'bad' : 'warn'}">${htmlText(p.severity === 'error' ? w.error : w.warning)}</td><td>${htmlText(p.message)}</td></tr>`,
    ),
  );
  if (rows.length === 0) return `<section class="table"><h2>${htmlText(t.tables.problems)}</h2><p>${htmlText(t.none)}</p></section>`;
  const c = t.cols;
  return `<section class="table"><h2>${htmlText(t.tables.problems)}</h2><table><thead><tr><th>${c.cell}</th><th>${c.record}</th><th>${c.rule}</th><th>${c.severity}</th><th>${c.message}</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}
