// The committee's pages of `cellctl serve`: what the served folder is, the committee's report and its downloads.
import { readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { cellInside } from './paths.js';
import { report } from '../report/report.js';
import type { CellReport, CommitteeReport } from '../report/types.js';
import { band, decimal, monthShort, percent, quarterRoman, statusText, thresholdsOf, words, type Thresholds } from '../report/views/common.js';
import { COMMITTEE_FILE, findCommitteeFile, loadCommittee, reportRules } from '../source/committee.js';
// Types only: api.ts imports this module for its ROUTES, so a value imported back would be a cycle.
import type { ApiReply, ApiRoute } from './api.js';
import { readOfficeSections } from '../report/office-sections.js';

/** A refusal the page shows as is (api.ts's refusal(), kept here to keep the modules acyclic). */
const refusal = (status: number, error: string): ApiReply => ({ status, json: { error } });

/** What `cellctl serve` was started on: one cell, a committee (committee.yaml, or a folder of cell folders), or a folder to set a cell up in. */
export type ServedKind = 'cell' | 'committee' | 'new';

const hasCell = (dir: string) => ['cell.yaml', 'cell.yml'].some((n) => isFile(join(dir, n)));

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The sub-folders of `dir` that hold a cell.yaml (hidden folders skipped), by name. */
function cellSubfolders(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => !n.startsWith('.') && hasCell(join(dir, n))).sort();
}

/**
 * What the folder is: a cell (its own cell.yaml), a committee (its own committee.yaml, which must be valid,
 * or sub-folders that are cells), or neither: a new cell, set up on the page.
 * `shown` is the folder as the user named it.
 */
export function servedKind(root: string, shown: string = root): ServedKind {
  if (hasCell(root)) return 'cell';
  const committee = join(root, COMMITTEE_FILE);
  if (isFile(committee)) {
    loadCommittee(committee, 'vi', join(shown, COMMITTEE_FILE)); // a broken committee.yaml stops here, with file, line and column
    return 'committee';
  }
  if (cellSubfolders(root).length > 0) return 'committee';
  // Neither yet: the page opens on setting up a new cell in it.
  return 'new';
}

/** The folder report() names cells below: its committee's folder when there is one above, else the folder named. */
function namingBase(root: string): string {
  const committeeFile = findCommitteeFile(root);
  const committeeDir = committeeFile ? dirname(committeeFile) : undefined;
  return committeeDir && (root === committeeDir || root.startsWith(committeeDir + sep)) ? committeeDir : root;
}

/**
 * The folder of a report's cell, relative to the served folder (`/` separated), when it is a cell folder
 * inside it that the page can open; null for a cell with no folder (or none with a cell.yaml).
 */
function cellPathOf(root: string, base: string, folder: string): string | null {
  const rel = relative(root, resolve(base, folder)).split(sep).join('/');
  if (rel === '' || isAbsolute(rel)) return null;
  // The same test /api/cell makes: a folder linked from elsewhere, or without cell.yaml, has no page here.
  return cellInside(root, rel).ok ? rel : null;
}

/** A table cell's colour, as the HTML report colours it: '' (plain), good, warn or bad. */
export type Shade = '' | 'good' | 'warn' | 'bad';

/** How the page shows one cell's row: its link, and the report's figures in the HTML report's words, formats and colours. */
export interface CellRowView {
  folder: string;
  /** The cell's folder relative to the served folder, for `#/chi-bo/<path>` and `/api/cell?cell=`; null: nothing to open. */
  path: string | null;
  status: string;
  regular: string;
  missingMonths: string;
  thematic: string;
  missingQuarters: string;
  attendance: string;
  score: string;
  /** Rating band of the average score ('' with no score) and its Vietnamese name. */
  rating: string;
  ratingText: string;
  problems: string;
  shade: { status: Shade; regular: Shade; thematic: Shade; attendance: Shade; score: Shade; problems: Shade };
}

function rowView(root: string, base: string, cell: CellReport, limits: Thresholds): CellRowView {
  const att = cell.attendance.rate;
  const b = band(cell.score.average, limits);
  return {
    folder: cell.folder,
    path: cellPathOf(root, base, cell.folder),
    status: statusText(cell.status, 'vi'),
    regular: `${cell.regular.held}/${cell.regular.due}`,
    missingMonths: cell.regular.missingMonths.map(monthShort).join(', '),
    thematic: `${cell.thematic.held}/${cell.thematic.due}`,
    missingQuarters: cell.thematic.missingQuarters.map(quarterRoman).join(', '),
    attendance: percent(att, 'vi'),
    score: decimal(cell.score.average, 'vi'),
    rating: b ?? '',
    ratingText: b ? words('vi').rating[b] : '',
    problems: `${cell.errorCount} / ${cell.warningCount}`,
    shade: {
      status: cell.status === 'ok' ? '' : cell.status === 'missing' ? 'bad' : 'warn',
      regular: cell.regular.held < cell.regular.due ? 'bad' : '',
      thematic: cell.thematic.missingQuarters.length > 0 ? 'bad' : '',
      attendance: att === null ? '' : att < limits.attendance ? 'bad' : 'good',
      score: b === null ? '' : b === 'good' ? 'good' : b === 'poor' ? 'bad' : b === 'average' ? 'warn' : '',
      problems: cell.errorCount > 0 ? 'bad' : '',
    },
  };
}

/**
 * The report of the served folder on a period (default: the year of as-of), as `cellctl report` makes it in
 * that folder: `cellctl report .` on a committee folder, `cellctl report <each cell folder>` on a folder of cells
 * (report() on `.` there adds a row for the folder itself, as if it were a silent cell).
 */
async function committeeReport(root: string, asOf: string, period: string | null): Promise<CommitteeReport> {
  const paths = isFile(join(root, COMMITTEE_FILE)) ? ['.'] : cellSubfolders(root);
  return report(paths, { cwd: root, asOf, lang: 'vi', ...(period ? { period } : {}) });
}

/** A period the page may ask for: a year, a quarter, a month or a range of months (report() names a bad one). */
const PERIOD = /^\d{4}(-[Qq][1-4]|-\d{2}(\.\.\d{4}-\d{2})?)?$/;

function periodParam(url: URL): string | null | ApiReply {
  const p = url.searchParams.get('period');
  if (p === null || p === '') return null;
  if (!PERIOD.test(p)) return refusal(400, 'Kỳ báo cáo phải là năm (2026), quý (2026-Q4) hoặc tháng (2026-11).');
  return p;
}

/** `GET /api/root`: what the served folder is, so the page opens the committee's home or the cell's year. */
export const servedRoute: ApiRoute = {
  method: 'GET',
  handle({ root: dir }) {
    return { status: 200, json: { kind: servedKind(dir) } };
  },
};

/** `GET /api/committee?period=`: the committee's report, with each cell's row as the page shows it. */
export const committeeRoute: ApiRoute = {
  method: 'GET',
  async handle({ root: dir, asOf, url }) {
    if (servedKind(dir) !== 'committee') return refusal(404, 'Thư mục đang mở là một chi bộ, không phải đảng ủy.');
    const period = periodParam(url);
    if (typeof period === 'object' && period !== null) return period;
    const r = await committeeReport(dir, asOf, period);
    const limits = thresholdsOf(r, {}, reportRules(dir, 'vi'));
    const t = r.totals;
    const totals = { attendance: percent(t.attendanceRate, 'vi'), rhythm: percent(t.monthlyRhythm, 'vi'), score: decimal(t.averageScore, 'vi') };
    const base = namingBase(dir);
    return { status: 200, json: { report: r, thresholds: limits, rows: r.cells.map((c) => rowView(dir, base, c, limits)), totals } };
  },
};

/** The report's file name: Vietnamese words without diacritics or characters Windows refuses. */
export function reportFileName(r: CommitteeReport, ext: string): string {
  const words = `bao cao sinh hoat chi bo ${r.period.label}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${words}.${ext}`;
}

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** `GET /api/report-file?format=xlsx|docx|html&period=`: the report as a download, built by the report's own views. */
export const reportFileRoute: ApiRoute = {
  method: 'GET',
  async handle({ root: dir, asOf, url }) {
    if (servedKind(dir) !== 'committee') return refusal(404, 'Thư mục đang mở là một chi bộ, không phải đảng ủy.');
    const format = url.searchParams.get('format') ?? '';
    const type = TYPES[format];
    if (type === undefined) return refusal(400, 'Định dạng tải về phải là xlsx, docx hoặc html.');
    const period = periodParam(url);
    if (typeof period === 'object' && period !== null) return period;
    const r = await committeeReport(dir, asOf, period);
    const rules = reportRules(dir, 'vi');
    const options = rules ? { rules } : {};
    // The views load their libraries (exceljs, docx) only when asked for, as `cellctl report` does.
    let body: Buffer | string;
    if (format === 'xlsx') body = await (await import('../report/views/xlsx.js')).reportToXlsx(r, { lang: 'vi', ...options });
    // The office's own sections (bao-cao-dang-uy.md beside committee.yaml) print here as in `cellctl report`. A
    // download issues nothing (a GET writes no register), so its number is left for the clerk: only `cellctl
    // report --format docx` takes the committee's next number, and two signed reports never share one.
    else if (format === 'docx') body = await (await import('../report/views/docx.js')).reportToDocx(r, { ...options, number: '', office: readOfficeSections(dir) });
    else body = (await import('../report/views/html.js')).reportToHtml(r, { lang: 'vi', ...options });
    return {
      status: 200,
      text: body,
      type,
      headers: { 'Content-Disposition': `attachment; filename="${reportFileName(r, format)}"` },
    };
  },
};
