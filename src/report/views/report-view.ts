// The data templates/bao-cao.hbs may print: the committee report's figures as the Party's words, ready to drop into prose.
import type { RuleOverrides } from '../../model.js';
import type { resolveLayout } from '../../render/layout.js';
import { upperVi } from '../../render/viewmodel.js';
import { longDate, partyMonth, shortDate } from '../../util/vi-date.js';
import type { CellReport, CommitteeReport } from '../types.js';
import type { OfficeSections } from '../office-sections.js';
import { assessment, type Assessment } from './assessment.js';
import { band, cleanText, decimal, percent, quarterRoman, statusText, thresholdsOf, type Thresholds } from './common.js';

/** What the office adds to the report that the records do not say. */
export interface ReportDocOptions {
  /** Number of the report (`15` → `Số 15-BC/ĐU`); default committee.yaml's `numbering.next`, else left for the clerk (`Số …-BC/ĐU`). */
  number?: string;
  /** The document code; default committee.yaml's `numbering.code`, else `BC/ĐU`. */
  code?: string;
  /** Date of issue (YYYY-MM-DD); default the report's as-of date. */
  date?: string;
  /** Who signs; default the report's signer (committee.yaml's secretary), else a blank name under BÍ THƯ. */
  signer?: { name: string; title?: string };
  /** `T/M ĐẢNG ỦY` (default) or `T/M BAN THƯỜNG VỤ`. */
  onBehalfOf?: string;
  /** Nơi nhận; default the superior committee (để b/c), the cells, Lưu VP. */
  recipients?: string[];
  /** The committee's `layout:` overrides of profiles/layout.yaml (as a cell's), e.g. a wider header column for a long name. */
  layout?: Parameters<typeof resolveLayout>[0];
  /** The committee's rule overrides (with `--rules` over them), read for the thresholds. */
  rules?: RuleOverrides;
  /** Thresholds given outright, over everything else. */
  thresholds?: Partial<Thresholds>;
  /** The office's own sections (readOfficeSections of bao-cao-dang-uy.md); absent, each prints a blank to fill by hand. */
  office?: OfficeSections;
  /** A folder of the office's own templates (`bao-cao.hbs` there replaces the shipped one). */
  templatesDir?: string;
}

/** One row of the results table. */
export interface ReportRowView {
  name: string;
  regular: string;
  thematic: string;
  attendance: string;
  score: string;
  /** `Tốt 3, Khá 2`. */
  ratings: string;
  /** Status when not simply reported: `Không gửi hồ sơ`. */
  note: string;
}

/** A cell named in the shortcomings, with what it lacked in words. */
export interface NamedCell {
  name: string;
  /** `tháng 8, tháng 10`, `quý III`, `71,2%`, … */
  detail: string;
}

/** Everything templates/bao-cao.hbs may print. */
export interface ReportView {
  /** Left header, line 1: the superior body, upper case (`ĐẢNG BỘ THÀNH PHỐ HÀ NỘI`); empty when unknown. */
  parentUpper: string;
  /** Left header, line 2: the committee, upper case (`ĐẢNG ỦY PHƯỜNG HOÀNG LIỆT`). */
  cellUpper: string;
  committee: string;
  /** The superior body as written: `Đảng bộ Thành phố Hà Nội`. */
  parent: string;
  /** `Số 15-BC/ĐU`. */
  number: string;
  /** `Hoàng Liệt, ngày 05 tháng 01 năm 2027`. */
  dateline: string;
  /** `quý IV năm 2026`. */
  period: string;
  /** The period after "in": `Trong quý IV năm 2026`, `Trong thời gian từ tháng 7 đến tháng 12 năm 2026`. */
  periodPhrase: string;
  /** `ngày 31 tháng 12 năm 2026`. */
  asOf: string;
  cells: number;
  reporting: number;
  /** Cells with every due month and quarter held and no error in their records (they may have warnings). */
  compliant: number;
  /** Of those, the ones section III still names (a warning, low attendance, an unexcused absence, a low score…). */
  compliantNamed: number;
  /** validate's findings over the committee's cells: errors (to be put right) and warnings (to look at). */
  problems: { errors: number; warnings: number };
  /** Cells with findings (detail: `2 lỗi và 1 cảnh báo`). */
  withProblems: NamedCell[];
  /** Listed cells that sent nothing, by name, joined: `Chi bộ Khu dân cư số 15`. */
  notReporting: string;
  notReportingCount: number;
  rhythm: { count: number; percent: string };
  /** Due regular sittings held / due, over the cells that reported. */
  regular: { held: number; due: number };
  /** Thematic sittings held in the period; quarters due that had one (`kept`) / quarters due. */
  thematic: { held: number; kept: number; due: number };
  attendance: string;
  /** The threshold: `85%`. */
  attendanceThreshold: string;
  averageScore: string;
  ratings: { good: number; fair: number; average: number; poor: number; goodShare: string; fairShare: string; averageShare: string; poorShare: string; total: number };
  assignments: { kept: number; due: number; percent: string };
  visits: number;
  rows: ReportRowView[];
  /** Shortcomings, cell by cell; each list empty when no cell falls short that way. */
  skippedMonths: NamedCell[];
  missingThematic: NamedCell[];
  lowAttendance: NamedCell[];
  unexcused: NamedCell[];
  lowScore: NamedCell[];
  shortMeetings: NamedCell[];
  missedAssignments: NamedCell[];
  /** Folders not on committee.yaml's list (detail: the folder). */
  unlisted: NamedCell[];
  /** Folders claiming a cell another folder already is (detail: the folder). */
  duplicates: NamedCell[];
  /** Cells with files that could not be read (detail: which). */
  unreadable: NamedCell[];
  hasShortcomings: boolean;
  /** The assessment's sentences, made from the figures (see assessment.ts); each list empty when the figures say nothing. */
  assessment: Assessment;
  /** The office's own paragraphs; an empty list prints a blank (……) to fill by hand, never made-up text. */
  office: OfficeSections;
  onBehalfOf: string;
  signer: { name: string; title: string };
  recipients: string[];
}

const RATING = { good: 'Tốt', fair: 'Khá', average: 'Trung bình', poor: 'Kém' } as const;

/** `2026-08`, `2026-10` → `tháng 8, tháng 10` (with the year when the months span two). */
function monthsText(months: string[]): string {
  const years = new Set(months.map((m) => m.slice(0, 4)));
  return months
    .map((m) => {
      const [y, mm] = m.split('-');
      return years.size > 1 ? `tháng ${partyMonth(Number(mm))}/${y}` : `tháng ${partyMonth(Number(mm))}`;
    })
    .join(', ');
}

/** Vietnamese list: `A`, `A và B`, `A, B và C`. */
function joinVi(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

function fraction(held: number, due: number): string {
  return `${held}/${due}`;
}

function isCommitteeCell(c: CellReport): boolean {
  return c.status !== 'unlisted' && c.status !== 'duplicate';
}

/** What section III names, list by list, and which cells it names; each list empty when no cell falls short that way. */
function shortcomings(report: CommitteeReport, limits: Thresholds) {
  const own = report.cells.filter(isCommitteeCell);
  const reporting = own.filter((c) => c.status !== 'missing');
  const name = (c: CellReport) => cleanText(c.name);
  const skippedMonths = reporting.filter((c) => c.regular.missingMonths.length > 0).map((c) => ({ name: name(c), detail: monthsText(c.regular.missingMonths) }));
  const missingThematic = reporting
    .filter((c) => c.thematic.missingQuarters.length > 0)
    .map((c) => ({ name: name(c), detail: `quý ${c.thematic.missingQuarters.map(quarterRoman).join(', ')}` }));
  const lowAttendance = reporting
    // attendance-quality demands more than the minimum: a rate at the minimum falls short too.
    .filter((c) => c.attendance.rate !== null && c.attendance.rate <= limits.attendance)
    .map((c) => ({ name: name(c), detail: percent(c.attendance.rate, 'vi') }));
  const unexcused = reporting.filter((c) => (c.attendance.unexcused ?? 0) > 0).map((c) => ({ name: name(c), detail: `${c.attendance.unexcused} lượt` }));
  const lowScore = reporting
    .filter((c) => band(c.score.average, limits) === 'average' || band(c.score.average, limits) === 'poor')
    .map((c) => ({ name: name(c), detail: `${decimal(c.score.average, 'vi')} điểm` }));
  const shortMeetings = reporting
    .filter((c) => c.shortfalls.length > 0)
    .map((c) => ({
      name: name(c),
      detail: joinVi(
        c.shortfalls.map((f) =>
          f.minutes !== undefined ? `buổi ${shortDate(f.date)} chỉ ${f.minutes} phút` : `buổi ${shortDate(f.date)} thiếu ${f.missingSteps?.length ?? 0} bước`,
        ),
      ),
    }));
  const missedAssignments = own.flatMap((c) =>
    c.visits.assignments.filter((a) => !a.kept).map((a) => ({ name: cleanText(a.member), detail: `${name(c)} (${a.held}/${a.due} lượt)` })),
  );
  const unlisted = report.cells.filter((c) => c.status === 'unlisted').map((c) => ({ name: name(c), detail: cleanText(c.folder) }));
  const duplicates = report.cells.filter((c) => c.status === 'duplicate').map((c) => ({ name: name(c), detail: cleanText(c.folder) }));
  // The aggregator's note is a sentence of its own (`Không đọc được 1 tệp: …; số liệu chưa đầy đủ.`).
  const unreadable = report.cells
    .filter((c) => c.status === 'unreadable')
    .map((c) => ({ name: name(c), detail: cleanText(c.statusNote ?? 'có tệp không đọc được.') }));
  const missing = own.filter((c) => c.status === 'missing').map(name);
  // validate's findings, each called what it is: an error must be put right, a warning deserves attention.
  const withProblems = own
    .filter((c) => c.errorCount + c.warningCount > 0)
    .map((c) => ({ name: name(c), detail: joinVi([c.errorCount > 0 ? `${c.errorCount} lỗi` : '', c.warningCount > 0 ? `${c.warningCount} cảnh báo` : ''].filter(Boolean)) }));
  // A compliant cell (no error, every month and quarter kept) may still be named in section III for a warning or a weak figure.
  const named = new Set([...lowAttendance, ...unexcused, ...lowScore, ...shortMeetings, ...withProblems].map((n) => n.name));
  const lists = [skippedMonths, missingThematic, lowAttendance, unexcused, lowScore, shortMeetings, missedAssignments, withProblems, unlisted, duplicates, unreadable];
  return { skippedMonths, missingThematic, lowAttendance, unexcused, lowScore, shortMeetings, missedAssignments, unlisted, duplicates, unreadable, missing, withProblems, named, lists };
}

/** The view of templates/bao-cao.hbs (exported for tests and for offices writing their own template). */
export function reportView(report: CommitteeReport, options: ReportDocOptions = {}): ReportView {
  const limits = thresholdsOf(report, options.thresholds, options.rules);
  const committee = cleanText(report.committee);
  const parent = cleanText(report.parent ?? '');
  const place = cleanText(report.place ?? '');
  const date = options.date ?? report.asOf;
  // The number: given, else the committee's next one, 01–09 padded as Party numbers are written; else left for the clerk.
  const next = report.numbering?.next;
  const given = cleanText((options.number ?? (next === undefined ? '' : String(next))).trim());
  const number = given === '' ? '…' : /^\d$/u.test(given) ? given.padStart(2, '0') : given;
  const signer = options.signer ?? (report.signer ? { name: report.signer.name, title: report.signer.role === 'deputy-secretary' ? 'PHÓ BÍ THƯ' : 'BÍ THƯ' } : undefined);
  const s = report.totals;
  const own = report.cells.filter(isCommitteeCell);
  const reporting = own.filter((c) => c.status !== 'missing');
  const ratingTotal = s.ratings.good + s.ratings.fair + s.ratings.average + s.ratings.poor;
  const share = (k: number) => (ratingTotal === 0 ? '–' : percent(k / ratingTotal, 'vi'));
  const rhythmCount = s.monthlyRhythm === null ? 0 : Math.round(s.monthlyRhythm * s.reporting);
  const name = (c: CellReport) => cleanText(c.name);

  const rows = report.cells.map((c): ReportRowView => {
    const r = c.score.ratings;
    const ratings = (['good', 'fair', 'average', 'poor'] as const).filter((k) => r[k] > 0).map((k) => `${RATING[k]}: ${r[k]} kỳ`);
    return {
      name: name(c),
      // The figures every format prints (json held/due): sittings held of those due, as the table's note says.
      regular: fraction(c.regular.held, c.regular.due),
      thematic: fraction(c.thematic.held, c.thematic.due),
      attendance: percent(c.attendance.rate, 'vi'),
      score: decimal(c.score.average, 'vi'),
      ratings: ratings.join(', ') || '–',
      note: c.status === 'ok' ? '' : statusText(c.status, 'vi'),
    };
  });

  const short = shortcomings(report, limits);
  const superior = superiorStandingCommittee(parent);

  return {
    parentUpper: upperVi(parent),
    cellUpper: upperVi(committee),
    committee,
    parent,
    number: `Số ${number}-${cleanText(options.code ?? report.numbering?.code ?? 'BC/ĐU')}`,
    dateline: `${place === '' ? '…' : place}, ${longDate(date)}`,
    period: cleanText(report.period.label),
    periodPhrase: `Trong ${/^từ /u.test(cleanText(report.period.label)) ? 'thời gian ' : ''}${cleanText(report.period.label)}`,
    asOf: longDate(report.asOf),
    cells: s.cells,
    reporting: s.reporting,
    compliant: s.compliant,
    compliantNamed: own.filter((c) => c.compliant && short.named.has(name(c))).length,
    problems: { errors: own.reduce((a, c) => a + c.errorCount, 0), warnings: own.reduce((a, c) => a + c.warningCount, 0) },
    withProblems: short.withProblems,
    notReporting: joinVi(short.missing),
    notReportingCount: short.missing.length,
    rhythm: { count: rhythmCount, percent: percent(s.monthlyRhythm, 'vi') },
    // Due sittings held: a sitting of a month not yet due is not counted against what was due.
    regular: {
      held: reporting.reduce((a, c) => a + c.regular.held, 0),
      due: reporting.reduce((a, c) => a + c.regular.due, 0),
    },
    thematic: {
      held: reporting.reduce((a, c) => a + c.thematic.held, 0),
      kept: reporting.reduce((a, c) => a + c.thematic.due - c.thematic.missingQuarters.length, 0),
      due: reporting.reduce((a, c) => a + c.thematic.due, 0),
    },
    attendance: percent(s.attendanceRate, 'vi'),
    attendanceThreshold: percent(limits.attendance, 'vi'),
    averageScore: decimal(s.averageScore, 'vi'),
    ratings: {
      ...s.ratings,
      goodShare: share(s.ratings.good),
      fairShare: share(s.ratings.fair),
      averageShare: share(s.ratings.average),
      poorShare: share(s.ratings.poor),
      total: ratingTotal,
    },
    assignments: { kept: s.assignmentsKept, due: s.assignmentsDue, percent: s.assignmentsDue === 0 ? '–' : percent(s.assignmentsKept / s.assignmentsDue, 'vi') },
    visits: own.reduce((a, c) => a + c.visits.held, 0),
    rows,
    skippedMonths: short.skippedMonths,
    missingThematic: short.missingThematic,
    lowAttendance: short.lowAttendance,
    unexcused: short.unexcused,
    lowScore: short.lowScore,
    shortMeetings: short.shortMeetings,
    missedAssignments: short.missedAssignments,
    unlisted: short.unlisted,
    duplicates: short.duplicates,
    unreadable: short.unreadable,
    assessment: assessment(report, own, limits),
    office: { leadership: (options.office?.leadership ?? []).map(cleanText), inspection: (options.office?.inspection ?? []).map(cleanText) },
    hasShortcomings: short.missing.length + short.lists.reduce((a, l) => a + l.length, 0) > 0,
    onBehalfOf: cleanText(options.onBehalfOf ?? 'T/M ĐẢNG ỦY'),
    signer: { name: cleanText(signer?.name ?? ''), title: cleanText(signer?.title ?? 'BÍ THƯ') },
    recipients: (options.recipients ?? report.recipients ?? [`${superior} (để b/c)`, 'Các chi bộ trực thuộc', 'Lưu VP']).map(cleanText),
  };
}

/**
 * The standing committee a report goes to (để b/c), named as the Party names it: a city's or province's
 * Party organisation reports to its Thành ủy / Tỉnh ủy, any other "Đảng bộ X" to the Đảng ủy X.
 */
export function superiorStandingCommittee(parent: string): string {
  if (parent === '') return 'Cấp ủy cấp trên';
  const city = /^Đảng bộ\s+thành phố\s+/iu.exec(parent);
  if (city) return `Ban Thường vụ Thành ủy ${parent.slice(city[0].length)}`;
  const province = /^Đảng bộ\s+tỉnh\s+/iu.exec(parent);
  if (province) return `Ban Thường vụ Tỉnh ủy ${parent.slice(province[0].length)}`;
  return parent.replace(/^Đảng bộ\s+/iu, 'Ban Thường vụ Đảng ủy ');
}
