// The view model: one meeting record turned into ready-to-print Vietnamese values for the templates.
import type {
  CellProfile,
  MeetingKind,
  MeetingRecord,
  Member,
  MemberRole,
  MemberStatus,
  Rating,
} from '../model.js';
import { stepCatalogue } from '../rules/profiles.js';
import { eligibleVoters, normalizeName, rosterFor, statusOn, type Roster } from '../rules/roster.js';
import { minutesOf, quarterOf, ymd } from '../util/time.js';
import { longDate, shortDate, partyMonth, romanNumeral } from '../util/vi-date.js';
import type { Layout } from './layout.js';
import { ruleOptions } from '../rules/profiles.js';
import { curlyQuotes } from '../util/quotes.js';
import { stripInvisible } from '../util/invisible.js';

// ---------------------------------------------------------------------------------------------------
// Shapes. Every key is always present (null when the record has nothing for it), so that a template
// rendered in strict mode can tell a misspelt field from an empty one.

/** A month: `text` is what follows "tháng" (`6 năm 2026`, `01 năm 2027`). */
export interface MonthView {
  number: number;
  year: number;
  /** `6 năm 2026`; months 01 and 02 padded as in Party dates. */
  text: string;
  /** `6/2026`. */
  short: string;
}

/** A quarter: `quý {{quarter.text}}` → `quý III năm 2026`. */
export interface QuarterView {
  number: number;
  /** Roman numeral: `III`. */
  numeral: string;
  /** `III năm 2026`. */
  text: string;
}

/** A person of the cell as printed: the name and, for the chi ủy, the office. */
export interface PersonView {
  name: string;
  /** `Bí thư Chi bộ`, `Phó Bí thư Chi bộ`, `Chi ủy viên`; null for a member without office or a non-member. */
  roleTitle: string | null;
}

export interface GuestView {
  name: string;
  office: string | null;
}

/** A count, or `…` in a draft, where it is a blank to fill in after the meeting. */
export type CountOrBlank = number | string;

/** Head counts split by member status (present counts are `…` in a draft). */
export interface CountsView {
  all: CountOrBlank;
  official: CountOrBlank;
  probationary: CountOrBlank;
  attached: CountOrBlank;
  exempted: CountOrBlank;
}

export interface AbsentView {
  name: string;
  reason: string | null;
  /** Member status on the date: `official`, `probationary`, `attached` or `exempted`. */
  status: MemberStatus;
}

/** Attendance, counted against the roster of the meeting date (members active then, status on that day). */
export interface AttendanceView {
  /** Members of the cell on the date, by status. */
  total: CountsView;
  /** Members present, by status. */
  present: CountsView;
  /** Members expected to attend: everyone except the exempted (rules.md M3). */
  expected: number;
  /** Members expected to attend who were present (`…` in a draft). */
  presentExpected: CountOrBlank;
  /** presentExpected / expected: `90,9%` (`…%` in a draft). */
  rate: string;
  /** Empty in a draft: who will be absent is known only at the meeting. */
  excused: AbsentView[];
  unexcused: AbsentView[];
  absentCount: CountOrBlank;
}

export interface SpeechView {
  name: string;
  opinion: string;
  /** The speaker is a member of the cell (not a guest or someone written in free text). */
  isMember: boolean;
  isGuest: boolean;
}

/** The start of a part of a combined sitting (phần thường kỳ, phần chuyên đề, phần kết thúc). */
export interface PartView {
  /** 1 for the first core block of the sitting, 2 for the second; 0 for the common closing. */
  order: number;
  regular: boolean;
  thematic: boolean;
  closing: boolean;
}

export interface StepView {
  /** Step id of the catalogue (`opening`, `review`…, `other`). */
  id: string;
  /** Vietnamese title: the record's own wording, else the catalogue's. */
  title: string;
  phase: 'opening' | 'conduct' | 'closing' | 'any';
  presenter: string | null;
  content: string | null;
  speakers: SpeechView[];
  /** Set on the first step of each part of a combined sitting; null otherwise and in other sittings. */
  part: PartView | null;
  /**
   * The step reports attendance (`attendance-report`): its figures are printed once, in the minutes' own
   * attendance section, so the step's text is left out (null content).
   */
  reportsAttendance: boolean;
}

export interface TopicView {
  title: string;
  presenter: string;
  approvedBy: string | null;
  /** `02/7/2026`. */
  approvedOn: string | null;
}

/** The vote; in a draft every figure is `…` (the vote has not taken place). */
export interface VoteView {
  for: CountOrBlank;
  against: CountOrBlank;
  other: CountOrBlank;
  /** Members entitled to vote (rules.md M5): the y of "x/y đồng chí tán thành". */
  eligible: CountOrBlank;
  /** for / eligible: `90,5%`. */
  rate: string;
  /** `19/21 đồng chí tán thành, đạt 90,5%`. */
  sentence: string;
  /** `không có đồng chí nào không tán thành` or `1/21 đồng chí không tán thành, chiếm 4,8%`. */
  againstSentence: string;
  /** `không có ý kiến khác` or `1/21 đồng chí có ý kiến khác, chiếm 4,8%`. */
  otherSentence: string;
  /** Eligible voters who cast no vote (absent, or present and not voting): `eligible − for − against − other`; `…` in a draft. */
  notVoting: CountOrBlank;
  /** `1 đồng chí không biểu quyết`, so that the figures add up to the eligible; null when everyone voted. */
  notVotingSentence: string | null;
}

export interface DuesView {
  /** `…` in a draft. */
  paid: CountOrBlank;
  /** Members of the cell on the date (the "of" in 24/24). */
  of: number;
  /** `1.255.000` (đồng), or null. */
  amount: string | null;
  note: string | null;
}

export interface CriterionView {
  code: string;
  /** Vietnamese name of the criterion; the code itself when it is not a known one. */
  label: string;
  /** Maximum on the scoring sheet (`40`); empty when the criterion is not on the sheet. */
  max: string;
  /** Points the cell gave itself; empty when the record does not score this criterion, `…` in a draft. */
  points: string;
}

export interface ScoreView {
  /** `92` or `92,5`; `…` in a draft. */
  total: string;
  /** `Tốt`, `Khá`, `Trung bình`, `Kém`; `…` in a draft. */
  rating: string;
  /** null in a draft. */
  ratingCode: Rating | null;
  /**
   * One row per criterion: the scoring sheet's, in its order, then any the record scores that the sheet
   * lacks. Empty when the record gives only the total and the rating.
   */
  criteria: CriterionView[];
  /** Sum of the maximums of the rows (`100`); empty when no row has a maximum. */
  maxTotal: string;
}

export interface ReviewedTaskView {
  task: string;
  result: string;
  /** true / false as recorded, null when not said. */
  done: boolean | null;
}

export interface ReviewView {
  strengths: string | null;
  shortcomings: string | null;
  causes: string | null;
  tasks: ReviewedTaskView[];
  taskCount: number;
  doneCount: number;
  /** Every task says whether it was done, so "hoàn thành x/y" can be printed. */
  statusKnown: boolean;
}

export interface PlannedTaskView {
  task: string;
  /** The member's name when the owner is a member (id or name), else the text as written. */
  owner: string;
  ownerIsMember: boolean;
  /** `30/6/2026`, or null. */
  deadline: string | null;
}

export interface SignerView {
  name: string;
  /** `BÍ THƯ`, `PHÓ BÍ THƯ`, `CHI ỦY VIÊN`, or empty for anyone else. */
  title: string;
}

export interface ResolutionView {
  /** `Số 12-NQ/CB`, or null when the record gives no number; `Số …-NQ/CB` in a draft (numbered when issued). */
  number: string | null;
  /** The summary line under the title: the record's, else `lãnh đạo thực hiện nhiệm vụ tháng 6 năm 2026`. */
  summary: string;
  /** Section I; null when the record has nothing to review. */
  review: ReviewView | null;
  tasks: PlannedTaskView[];
  implementation: string[];
  signer: SignerView;
  /** Nơi nhận, without the leading `- ` and the line endings (the document builder adds them). */
  recipients: string[];
}

/** Everything the minutes and resolution templates may print. */
export interface MeetingView {
  kind: MeetingKind;
  isRegular: boolean;
  isThematic: boolean;
  isCombined: boolean;
  /** The sitting holds a regular meeting (regular or combined). */
  hasRegularPart: boolean;
  /** The sitting holds a thematic session (thematic or combined). */
  hasThematicPart: boolean;
  /**
   * The document is a draft (the record's status, a stub, or `--draft`): it is posted before the meeting,
   * so attendance, the vote, the score, dues and the end time are blanks (`…`) and nothing says adopted.
   */
  draft: boolean;

  /** `Chi bộ Khu dân cư số 12`. */
  cellName: string;
  /** `CHI BỘ KHU DÂN CƯ SỐ 12`. */
  cellUpper: string;
  /** `Đảng bộ phường Hoàng Liệt`. */
  parentName: string;
  /** Header line: layout.parentPrefix + the parent's name without its prefix, upper case. */
  parentUpper: string;
  /** The parent's executive committee: `Đảng ủy phường Hoàng Liệt`. */
  parentCommittee: string;
  /** Địa danh of the dateline: `Hoàng Liệt`. */
  place: string;
  /** Where the meeting was held: `Nhà văn hóa Khu dân cư số 12`. */
  venue: string;

  /** ISO date, for the date helpers. */
  date: string;
  /** `ngày 05 tháng 6 năm 2026`. */
  dateLong: string;
  /** `05/6/2026`. */
  dateShort: string;
  /** `Hoàng Liệt, ngày 05 tháng 6 năm 2026`; `Hoàng Liệt, ngày … tháng … năm …` in a draft (dated when issued). */
  dateline: string;
  /** `19 giờ 30 phút`. */
  start: string;
  /** `21 giờ 15 phút`; `… giờ … phút` in a draft. */
  end: string;
  /** Minutes and `1 giờ 45 phút`; `…` and `… giờ … phút` in a draft. */
  duration: { minutes: CountOrBlank; text: string };
  year: number;
  /** The meeting's month; the monthly resolution leads the tasks of this month. */
  month: MonthView;
  prevMonth: MonthView;
  nextMonth: MonthView;
  quarter: QuarterView;

  chair: PersonView;
  secretary: PersonView;
  guests: GuestView[];
  attendance: AttendanceView;
  topic: TopicView | null;
  steps: StepView[];
  conclusion: string | null;
  vote: VoteView | null;
  dues: DuesView | null;
  score: ScoreView | null;
  resolution: ResolutionView | null;

  /** `T/M CHI BỘ` (layout.onBehalfOf). */
  onBehalfOf: string;
  /** Whether minutes carry a place-date line (layout.minutesNumbered). */
  minutesNumbered: boolean;
  /** The score sheet is signed for the cell (T/M CHI BỘ, layout.scoreSheetSigners `cell`), not by secretary and chair. */
  scoreSheetByCell: boolean;
  /** Who signs for the cell: the bí thư when present, else the presiding phó bí thư (as the resolution). */
  cellSigner: SignerView;
}

/** Options the rules profile may change. */
export interface ViewOptions {
  /** Excused absentees stay in the count of voters (vote-majority option; default: the cell's override, else true). */
  excusedAbsentCount?: boolean;
  /** The scoring sheet (score-total option): criterion → maximum; default: the cell's and its profile's. */
  scoreSheet?: Record<string, number>;
  /** Render as a draft whatever the record's status says (`render --draft`). */
  draft?: boolean;
}

/** What a draft prints where a figure will be written after the meeting. */
export const BLANK = '…';

/** The number of a document not yet issued: written in by hand when it is (`Số …-NQ/CB`). */
export const BLANK_NUMBER = `Số ${BLANK}-NQ/CB`;

/** The date of a document not yet issued, after the place name. */
export const BLANK_DATE = `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;

// ---------------------------------------------------------------------------------------------------
// Vietnamese formatting, shared with the template helpers.

// Characters XML 1.0 forbids (C0 controls except tab and line ends, U+FFFE/U+FFFF) and DEL.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without the characters XML 1.0 forbids; a lone surrogate becomes U+FFFD. */
export function stripForbidden(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD').replace(FORBIDDEN, '');
}

export { curlyQuotes } from '../util/quotes.js';

/** Text as printed: NFC, without characters XML forbids or invisible ones, trimmed, quotation marks curly. */
export function cleanText(s: string): string {
  return curlyQuotes(stripInvisible(stripForbidden(s)).normalize('NFC').trim());
}

/** Upper case that keeps Vietnamese diacritics (`đ` → `Đ`, `ủy` → `ỦY`). */
export function upperVi(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi').normalize('NFC');
}

/** Whole or decimal number the Vietnamese way: thousands `.`, decimal `,` (`1.255.000`, `92,5`). */
export function formatNumber(n: number, decimals?: number): string {
  const fixed = decimals === undefined ? String(n) : n.toFixed(decimals);
  const negative = fixed.startsWith('-');
  const [int = '0', frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '-' : '') + grouped + (frac ? `,${frac}` : '');
}

/**
 * A share as printed in Party documents: one decimal with a comma, `,0` dropped (`90,9%`, `95%`, `100%`).
 * Never rounds up to 100% unless it is all of them.
 */
export function percentText(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  let tenths = Math.round((part * 1000) / whole);
  if (tenths >= 1000 && part < whole) tenths = 999;
  const value = tenths / 10;
  return `${formatNumber(value, Number.isInteger(value) ? 0 : 1)}%`;
}


// Sub-item letters of the Vietnamese alphabet (a b c d đ e g h i k …): f, j, w, z are not among them.
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** The n-th sub-item letter, 1-based: `5` → `đ`; beyond `y`, the number itself. */
export function subItemLetter(n: number): string {
  return LETTERS[n - 1] ?? String(n);
}

/** `19:30` → `19 giờ 30 phút` (hour unpadded, minutes two digits; never `19h30`). */
export function timeText(clock: string): string {
  const [h = '0', m = '0'] = clock.trim().split(':');
  return `${Number(h)} giờ ${m.padStart(2, '0')} phút`;
}

/** `Số 05-NQ/CB`: number padded to two digits, type code, body code. */
export function documentNumber(n: number, type = 'NQ', body = 'CB'): string {
  return `Số ${String(n).padStart(2, '0')}-${type}/${body}`;
}

/** `x/y đồng chí tán thành, đạt z%`. */
export function voteSentence(count: number, eligible: number): string {
  return `${count}/${eligible} đồng chí tán thành, đạt ${percentText(count, eligible)}`;
}

/** Money in đồng, thousands separated by dots: `1.255.000`. */
export function moneyText(amount: number): string {
  return formatNumber(Math.round(amount));
}

function monthView(year: number, month: number): MonthView {
  const m = partyMonth(month);
  return { number: month, year, text: `${m} năm ${year}`, short: `${m}/${year}` };
}

function shiftMonth(year: number, month: number, delta: number): MonthView {
  const index = year * 12 + (month - 1) + delta;
  return monthView(Math.floor(index / 12), (index % 12) + 1);
}

// ---------------------------------------------------------------------------------------------------
// Domain vocabulary that is data rather than document wording.

const ROLE_TITLE: Record<MemberRole, string | null> = {
  secretary: 'Bí thư Chi bộ',
  'deputy-secretary': 'Phó Bí thư Chi bộ',
  'committee-member': 'Chi ủy viên',
  member: null,
};

const SIGNER_TITLE: Record<MemberRole, string> = {
  secretary: 'BÍ THƯ',
  'deputy-secretary': 'PHÓ BÍ THƯ',
  'committee-member': 'CHI ỦY VIÊN',
  member: '',
};

const RATING: Record<Rating, string> = { good: 'Tốt', fair: 'Khá', average: 'Trung bình', poor: 'Kém' };

/** Criteria of the scoring sheets (docs/data-model.md, `score`). */
const CRITERIA: Record<string, string> = {
  duration: 'Thời lượng sinh hoạt',
  attendance: 'Tỷ lệ đảng viên dự sinh hoạt',
  preparation: 'Công tác chuẩn bị',
  conduct: 'Tổ chức, tiến hành sinh hoạt',
  principles: 'Chấp hành nguyên tắc tổ chức và sinh hoạt đảng',
  results: 'Kết quả thực hiện nghị quyết kỳ trước',
  closing: 'Kết thúc (kết luận, biểu quyết, biên bản)',
};

// Steps of the two core blocks of a combined sitting (docs/data-model.md §6).
const REGULAR_BLOCK = new Set(['news-briefing', 'review', 'next-tasks', 'discussion', 'chair-conclusion', 'vote-resolution', 'adopt-conclusion']);
const THEMATIC_BLOCK = new Set(['thematic-purpose', 'thematic-presentation', 'thematic-discussion', 'thematic-conclusion']);
const CLOSING_COMMON = new Set(['quality-assessment', 'adopt-minutes']);

const PARENT_PREFIX = /^đảng\s+(bộ|ủy|uỷ)\s+/iu;

// ---------------------------------------------------------------------------------------------------

/** Text or null: empty and blank strings count as absent. */
function opt(s: string | undefined | null): string | null {
  if (s === undefined || s === null) return null;
  const t = cleanText(s);
  return t === '' ? null : t;
}

/** The members of the cell on the date, once resolved by id or name. */
function memberOf(roster: Roster, ref: string): Member | undefined {
  const r = roster.resolve(cleanText(ref));
  return r.kind === 'member' ? r.member : undefined;
}

function nameOf(roster: Roster, ref: string): string {
  const m = memberOf(roster, ref);
  return cleanText(m ? m.name : normalizeName(ref));
}

function person(roster: Roster, ref: string): PersonView {
  const m = memberOf(roster, ref);
  return { name: nameOf(roster, ref), roleTitle: m ? ROLE_TITLE[m.role ?? 'member'] : null };
}

/** The superior body as the header prints it: layout.parentPrefix + the name without its prefix, upper case. */
export function headerParentLine(parentName: string, layout: Layout): string {
  const name = cleanText(parentName);
  const prefix = cleanText(layout.parentPrefix);
  return upperVi(prefix ? `${prefix} ${withoutPrefix(name)}` : name);
}

/** `Đảng bộ phường Hoàng Liệt` → `phường Hoàng Liệt`. */
function withoutPrefix(parentName: string): string {
  return parentName.replace(PARENT_PREFIX, '');
}

/** The office's spelling of "ủy" (`ủy` or `uỷ`), taken from the parent's name or the layout prefix. */
function uySpelling(parentName: string, layout: Layout): string {
  return /uỷ/iu.test(parentName) || /UỶ/u.test(layout.parentPrefix.normalize('NFC')) ? 'uỷ' : 'ủy';
}

type Counts = { [K in keyof CountsView]: number };

function zeroCounts(): Counts {
  return { all: 0, official: 0, probationary: 0, attached: 0, exempted: 0 };
}

/** Attendance of a draft: the roster's figures, and blanks for everything the meeting will tell. */
function draftAttendance(full: AttendanceView): AttendanceView {
  return {
    total: full.total,
    present: { all: BLANK, official: BLANK, probationary: BLANK, attached: BLANK, exempted: BLANK },
    expected: full.expected,
    presentExpected: BLANK,
    rate: `${BLANK}%`,
    excused: [],
    unexcused: [],
    absentCount: BLANK,
  };
}

function attendanceView(roster: Roster, meeting: MeetingRecord): AttendanceView {
  const entries = new Map<Member, MeetingRecord['attendance'][number]>();
  for (const entry of meeting.attendance) {
    const m = memberOf(roster, entry.member);
    if (m && !entries.has(m)) entries.set(m, entry);
  }
  const total = zeroCounts();
  const present = zeroCounts();
  const bump = (c: Counts, key: keyof Counts) => (c[key] += 1);
  const excused: AbsentView[] = [];
  const unexcused: AbsentView[] = [];
  // Listed in the order of the record (the secretary's order), then anyone the record forgot.
  const active = roster.activeOn(meeting.date).map((a) => a.member);
  const ordered = [...[...entries.keys()].filter((m) => active.includes(m)), ...active.filter((m) => !entries.has(m))];
  for (const member of ordered) {
    const status = statusOn(member, meeting.date);
    bump(total, 'all');
    bump(total, status);
    const entry = entries.get(member);
    // A member missing from the attendance counts as absent without reason, as in the vote and quality rules.
    const state = entry?.status ?? 'unexcused';
    if (state === 'present') {
      bump(present, 'all');
      bump(present, status);
    } else if (state === 'excused') {
      excused.push({ name: cleanText(member.name), reason: opt(entry?.reason), status });
    } else {
      unexcused.push({ name: cleanText(member.name), reason: opt(entry?.reason), status });
    }
  }
  const expected = total.all - total.exempted;
  const presentExpected = present.all - present.exempted;
  return {
    total,
    present,
    expected,
    presentExpected,
    rate: percentText(presentExpected, expected),
    excused,
    unexcused,
    absentCount: excused.length + unexcused.length,
  };
}

// A closing clause or sentence stating when the meeting ended: "…; kết thúc lúc 21 giờ 05 phút cùng ngày.",
// "Buổi sinh hoạt kết thúc vào lúc 21h05." The minutes state the end once, from the record's `end`.
const END_CLAUSE =
  /(^|[.;,!]\s*|\s+và\s+)((?:buổi|cuộc|kỳ|hội nghị)[^.;,]{0,40}?\s+)?kết thúc\s+(?:vào\s+)?(?:lúc\s+)?\d{1,2}\s*(?:giờ|h|g|:)[^.;!]*[.!]?\s*$/iu;

/** The content of the last step without a trailing statement of the end time (the minutes print it once). */
export function withoutEndTime(content: string): string {
  const m = END_CLAUSE.exec(content);
  if (!m) return content;
  const before = content.slice(0, m.index).trimEnd();
  if (before === '') return '';
  return /[.!?…]$/u.test(before) ? before : `${before}.`;
}

/**
 * The steps as printed. A draft is the agenda of a sitting not yet held: titles and presenters only, since
 * every step's text and the speakers' opinions report what happened (attendance, dues, votes, scores).
 */
function stepsView(roster: Roster, meeting: MeetingRecord, guestNames: Set<string>, draft: boolean): StepView[] {
  const catalogue = stepCatalogue();
  let current: 'common' | 'regular' | 'thematic' | 'closing' = 'common';
  let coreBlocks = 0;
  const last = meeting.steps.length - 1;
  return meeting.steps.map((step, index) => {
    const info = catalogue[step.step];
    let part: PartView | null = null;
    if (meeting.kind === 'combined') {
      const block = REGULAR_BLOCK.has(step.step)
        ? 'regular'
        : THEMATIC_BLOCK.has(step.step)
          ? 'thematic'
          : CLOSING_COMMON.has(step.step) && coreBlocks > 0
            ? 'closing'
            : undefined; // opening steps and "other" stay in the part they stand in
      if (block && block !== current) {
        current = block;
        const order = block === 'closing' ? 0 : ++coreBlocks;
        part = { order, regular: block === 'regular', thematic: block === 'thematic', closing: block === 'closing' };
      }
    }
    const reportsAttendance = step.step === 'attendance-report';
    const content = draft || reportsAttendance ? null : index === last ? opt(withoutEndTime(cleanText(step.content ?? ''))) : opt(step.content);
    return {
      id: step.step,
      title: opt(step.title) ?? info?.title ?? step.step,
      phase: info?.phase ?? 'any',
      presenter: step.presenter ? nameOf(roster, step.presenter) : null,
      content,
      speakers: (draft ? [] : step.speakers ?? []).map((s) => {
        const member = memberOf(roster, s.speaker);
        const name = nameOf(roster, s.speaker);
        return { name, opinion: cleanText(s.opinion), isMember: member !== undefined, isGuest: !member && guestNames.has(name) };
      }),
      part,
      reportsAttendance,
    };
  });
}

/** The vote line of a draft: every figure a blank. */
const DRAFT_VOTE: VoteView = {
  for: BLANK,
  against: BLANK,
  other: BLANK,
  eligible: BLANK,
  rate: `${BLANK}%`,
  sentence: `${BLANK}/${BLANK} đồng chí tán thành, đạt ${BLANK}%`,
  againstSentence: `${BLANK}/${BLANK} đồng chí không tán thành`,
  otherSentence: `${BLANK}/${BLANK} đồng chí có ý kiến khác`,
  notVoting: BLANK,
  notVotingSentence: `${BLANK} đồng chí không biểu quyết`,
};

function voteView(roster: Roster, meeting: MeetingRecord, excusedAbsentCount: boolean): VoteView | null {
  const vote = meeting.vote;
  if (!vote) return null;
  const { eligible } = eligibleVoters(roster, meeting, excusedAbsentCount);
  const other = vote.other ?? 0;
  // The domain's sentence counts against the eligible voters; whoever of them cast no vote is named too, so
  // that for + against + other + not voting is the y of "x/y" (vote-eligibility refuses more votes than voters).
  const notVoting = Math.max(0, eligible - vote.for - vote.against - other);
  return {
    for: vote.for,
    against: vote.against,
    other,
    eligible,
    rate: percentText(vote.for, eligible),
    sentence: voteSentence(vote.for, eligible),
    againstSentence:
      vote.against > 0
        ? `${vote.against}/${eligible} đồng chí không tán thành, chiếm ${percentText(vote.against, eligible)}`
        : 'không có đồng chí nào không tán thành',
    otherSentence:
      other > 0 ? `${other}/${eligible} đồng chí có ý kiến khác, chiếm ${percentText(other, eligible)}` : 'không có ý kiến khác',
    notVoting,
    notVotingSentence: notVoting > 0 ? `${notVoting} đồng chí không biểu quyết` : null,
  };
}

function signerView(roster: Roster, meeting: MeetingRecord): SignerView {
  const given = meeting.resolution?.signer;
  if (given) {
    const m = memberOf(roster, given);
    return { name: nameOf(roster, given), title: m ? SIGNER_TITLE[m.role ?? 'member'] : '' };
  }
  const active = roster.activeOn(meeting.date).map((a) => a.member);
  // Only a member who was at the meeting signs for it: an absent bí thư leaves it to the presiding phó bí thư.
  const present = new Set<Member>();
  for (const entry of meeting.attendance) {
    const m = memberOf(roster, entry.member);
    if (m && entry.status === 'present') present.add(m);
  }
  const chair = memberOf(roster, meeting.chair);
  const secretary = active.find((m) => m.role === 'secretary');
  const head =
    secretary && present.has(secretary)
      ? secretary
      : chair?.role === 'deputy-secretary'
        ? chair
        : (active.find((m) => m.role === 'deputy-secretary' && present.has(m)));
  if (head) return { name: cleanText(head.name), title: SIGNER_TITLE[head.role ?? 'member'] };
  return { name: nameOf(roster, meeting.chair), title: chair ? SIGNER_TITLE[chair.role ?? 'member'] : '' };
}

/**
 * The self-assessment: the sheet's criteria with their maximums and the record's points. A record with
 * only a total and a rating gets no rows; a draft gets the sheet with blank points, total and rating.
 */
function scoreView(meeting: MeetingRecord, sheet: Record<string, number>, draft: boolean, hasRegularPart: boolean): ScoreView | null {
  const score = meeting.score;
  if (draft) {
    if (!score && !hasRegularPart) return null;
    const criteria = Object.entries(sheet).map(([code, max]) => ({ code, label: CRITERIA[code] ?? code, max: formatNumber(max), points: BLANK }));
    return { total: BLANK, rating: BLANK, ratingCode: null, criteria, maxTotal: sumText(Object.values(sheet)) };
  }
  if (!score) return null;
  const given = score.criteria;
  const codes = given ? [...Object.keys(sheet), ...Object.keys(given).filter((c) => !Object.hasOwn(sheet, c))] : [];
  const criteria = codes.map((code) => ({
    code,
    label: CRITERIA[code] ?? code,
    max: Object.hasOwn(sheet, code) ? formatNumber(sheet[code]!) : '',
    points: given && Object.hasOwn(given, code) ? formatNumber(given[code]!) : '',
  }));
  const maxes = codes.filter((c) => Object.hasOwn(sheet, c)).map((c) => sheet[c]!);
  return {
    total: formatNumber(score.total),
    rating: RATING[score.rating],
    ratingCode: score.rating,
    criteria,
    maxTotal: maxes.length > 0 ? sumText(maxes) : '',
  };
}

/** A sum of points, to the hundredth, as printed (`100`, `92,5`). */
function sumText(values: number[]): string {
  return values.length === 0 ? '' : formatNumber(Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100);
}

/** A recipient line without the `- ` the builder writes and without its line ending. */
function recipientText(line: string): string {
  return cleanText(line).replace(/^[-–•]\s*/u, '').replace(/[,;.]\s*$/u, '').trim();
}

function resolutionView(
  roster: Roster,
  meeting: MeetingRecord,
  cell: CellProfile,
  parentCommittee: string,
  month: MonthView,
  quarter: QuarterView,
  draft: boolean,
): ResolutionView | null {
  const r = meeting.resolution;
  if (!r) return null;
  const review = r.review;
  const reviewTasks: ReviewedTaskView[] = (review?.tasks ?? []).map((t) => ({
    task: cleanText(t.task),
    result: cleanText(t.result),
    done: t.done ?? null,
  }));
  const strengths = opt(review?.strengths);
  const shortcomings = opt(review?.shortcomings);
  const causes = opt(review?.causes);
  const hasReview = strengths !== null || shortcomings !== null || causes !== null || reviewTasks.length > 0;
  const defaultSummary =
    meeting.kind === 'thematic'
      ? `thực hiện chuyên đề quý ${quarter.text}`
      : `lãnh đạo thực hiện nhiệm vụ tháng ${month.text}`;
  const recipients = (r.recipients ?? cell.recipients ?? [`${parentCommittee} (b/c)`, 'Đảng viên chi bộ', 'Lưu Chi bộ'])
    .map(recipientText)
    .filter((line) => line !== '');
  return {
    number: draft ? BLANK_NUMBER : r.number !== undefined ? documentNumber(r.number) : null,
    summary: opt(r.summary) ?? defaultSummary,
    review: hasReview
      ? {
          strengths,
          shortcomings,
          causes,
          tasks: reviewTasks,
          taskCount: reviewTasks.length,
          doneCount: reviewTasks.filter((t) => t.done === true).length,
          statusKnown: reviewTasks.length > 0 && reviewTasks.every((t) => t.done !== null),
        }
      : null,
    tasks: (r.tasks ?? []).map((t) => {
      const member = memberOf(roster, t.owner);
      return {
        task: cleanText(t.task),
        owner: member ? cleanText(member.name) : cleanText(t.owner),
        ownerIsMember: member !== undefined,
        deadline: t.deadline ? shortDate(t.deadline) : null,
      };
    }),
    implementation: (r.implementation ?? []).map(cleanText).filter((line) => line !== ''),
    signer: signerView(roster, meeting),
    recipients,
  };
}

/**
 * Build the view of one meeting: names resolved from the roster, counts of the meeting date, dates,
 * times, numbers and percentages already in Vietnamese form, every text in NFC without control characters.
 */
export function buildViewModel(
  meeting: MeetingRecord,
  cell: CellProfile,
  layout: Layout,
  options: ViewOptions = {},
): MeetingView {
  const roster = rosterFor(cell);
  const { year, month } = ymd(meeting.date);
  const thisMonth = monthView(year, month);
  const q = quarterOf(month);
  const quarter: QuarterView = { number: q, numeral: romanNumeral(q), text: `${romanNumeral(q)} năm ${year}` };

  const parentName = cleanText(cell.parent.name);
  const rest = withoutPrefix(parentName);
  const parentUpper = headerParentLine(cell.parent.name, layout);
  const parentCommittee = `Đảng ${uySpelling(parentName, layout)} ${rest}`;

  const place = cleanText(cell.place);
  const guests: GuestView[] = (meeting.guests ?? []).map((g) => ({ name: cleanText(g.name), office: opt(g.office) }));
  const guestNames = new Set(guests.map((g) => normalizeName(g.name)));

  const minutes = minutesOf(meeting.end) - minutesOf(meeting.start);
  const hours = Math.floor(minutes / 60);
  const durationText =
    hours > 0 ? `${hours} giờ${minutes % 60 ? ` ${String(minutes % 60).padStart(2, '0')} phút` : ''}` : `${minutes} phút`;

  // As the validator counts eligible voters: the caller's setting, else the cell's and its profile's.
  const excusedAbsentCount =
    options.excusedAbsentCount ??
    ruleOptions<{ excusedAbsentCount?: boolean }>('vote-majority', cell, meeting.date, undefined, meeting.ruleset).excusedAbsentCount !== false;

  const draft = options.draft === true || meeting.status === 'draft';
  const hasRegularPart = meeting.kind !== 'thematic';
  const sheet =
    options.scoreSheet ??
    ruleOptions<{ criteria?: Record<string, number> }>('score-total', cell, meeting.date, undefined, meeting.ruleset).criteria ??
    {};
  const dues = meeting.dues;
  const topic = meeting.topic;
  const attendance = attendanceView(roster, meeting);
  const vote = voteView(roster, meeting, excusedAbsentCount);

  return {
    kind: meeting.kind,
    isRegular: meeting.kind === 'regular',
    isThematic: meeting.kind === 'thematic',
    isCombined: meeting.kind === 'combined',
    hasRegularPart,
    hasThematicPart: meeting.kind !== 'regular',
    draft,

    cellName: cleanText(cell.name),
    cellUpper: upperVi(cleanText(cell.name)),
    parentName,
    parentUpper,
    parentCommittee,
    place,
    venue: cleanText(meeting.place),

    date: meeting.date,
    dateLong: longDate(meeting.date),
    dateShort: shortDate(meeting.date),
    dateline: `${place}, ${draft ? BLANK_DATE : longDate(meeting.date)}`,
    start: timeText(meeting.start),
    end: draft ? `${BLANK} giờ ${BLANK} phút` : timeText(meeting.end),
    duration: draft ? { minutes: BLANK, text: `${BLANK} giờ ${BLANK} phút` } : { minutes, text: durationText },
    year,
    month: thisMonth,
    prevMonth: shiftMonth(year, month, -1),
    nextMonth: shiftMonth(year, month, 1),
    quarter,

    chair: person(roster, meeting.chair),
    secretary: person(roster, meeting.secretary),
    guests,
    attendance: draft ? draftAttendance(attendance) : attendance,
    topic: topic
      ? {
          title: cleanText(topic.title),
          presenter: nameOf(roster, topic.presenter),
          approvedBy: opt(topic.approvedBy),
          approvedOn: topic.approvedOn ? shortDate(topic.approvedOn) : null,
        }
      : null,
    steps: stepsView(roster, meeting, guestNames, draft),
    conclusion: draft ? null : opt(meeting.conclusion),
    // A draft asks for the vote of a sitting that adopts something, whatever the record says already.
    vote: draft ? (vote || meeting.resolution || hasRegularPart ? DRAFT_VOTE : null) : vote,
    dues: draft
      ? dues || hasRegularPart
        ? { paid: BLANK, of: roster.activeOn(meeting.date).length, amount: BLANK, note: null }
        : null
      : dues
        ? {
            paid: dues.paid,
            of: roster.activeOn(meeting.date).length,
            amount: dues.amount !== undefined ? moneyText(dues.amount) : null,
            note: opt(dues.note),
          }
        : null,
    score: scoreView(meeting, sheet, draft, hasRegularPart),
    resolution: resolutionView(roster, meeting, cell, parentCommittee, thisMonth, quarter, draft),

    onBehalfOf: cleanText(layout.onBehalfOf),
    minutesNumbered: layout.minutesNumbered,
    scoreSheetByCell: layout.scoreSheetSigners === 'cell',
    cellSigner: signerView(roster, meeting),
  };
}
