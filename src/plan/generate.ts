// The year plan of a cell from its profile and local customs: sittings, thematic topics, preparation and deadlines.
import { InputError } from '../errors.js';
import type {
  CellProfile,
  CellType,
  MeetingDayRule,
  PlannedEvent,
  PlannedMeeting,
  RuleOverrides,
  YearPlan,
} from '../model.js';
import { profileIdFor, ruleOptions } from '../rules/profiles.js';
import { isActiveOn, statusOn } from '../rules/roster.js';
import {
  addDays,
  isWorkingDay,
  type ExtraDate,
  type HolidayOptions,
  type WorkingDayOptions,
} from '../util/holidays.js';
import { minutesOf, clockOf, isoDay } from '../util/time.js';
import { shortDate, partyMonth } from '../util/vi-date.js';
import { meetingDayOf } from './day-rule.js';

/** Something the planner changed or could not do as the profile asked; the plan is still valid. */
export interface PlanWarning {
  code: 'thematic-over-max' | 'thematic-under-min' | 'topics-short' | 'topics-unused' | 'event-dropped';
  /** Vietnamese, with the English in parentheses. */
  message: string;
}

/** Options of planYear. */
export interface PlanOptions {
  /** Receives each warning (e.g. more than 6 thematic sessions); the plan is made either way. */
  onWarning?: (warning: PlanWarning) => void;
  /** The superior committee's rule overrides (its committee.yaml, or --rules), over the cell's own. */
  committee?: RuleOverrides;
}

/** The defaults used where the profile has no customs. */
export const PLAN_DEFAULTS = {
  meetingDay: { kind: 'day-of-month', day: 5, ifDayOff: 'next' } as MeetingDayRule,
  residentialTime: '19:30',
  otherTime: '14:00',
  place: 'Trụ sở chi bộ',
  regularMinutes: 105,
  /** What a combined sitting adds to the regular duration. */
  combinedExtraMinutes: 30,
  thematicCount: 4,
  thematicMode: 'separate' as const,
  thematicDay: 20,
  prepWorkingDays: 3,
};

/** At least one thematic session in every quarter (rules.md C2): a calendar fact, not a threshold. */
const QUARTERS = 4;
/** The rotation of presenters starts in this year and carries on from year to year. */
const ROTATION_EPOCH = 2020;

/** Months (1–12) of `count` thematic sessions spread evenly over the year, at least one in every quarter. */
export function thematicMonths(count: number): number[] {
  // The midpoints of `count` equal slices of the year: 4 → 2, 5, 8, 11 (the middle month of each quarter).
  // For count ≥ 4 the slices are at most a quarter long, so every quarter holds a midpoint.
  return Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * 12) / count) + 1);
}

/** "tháng 01", "tháng 3": the month padded only for 01 and 02, as Party documents write it. */
function monthLabel(month: number): string {
  return `tháng ${partyMonth(month)}`;
}

const WHERE: Record<CellType, string> = {
  residential: 'ở khu dân cư',
  administrative: 'ở cơ quan, đơn vị',
  'state-enterprise': 'ở doanh nghiệp',
  'private-enterprise': 'ở doanh nghiệp',
  student: 'trong nhà trường',
  'armed-forces': 'ở đơn vị',
};

/**
 * Default thematic topics for a year, one per topic group of the guidance (HD 12 §II.1.1.b, HD 42): the
 * directives and resolutions, Hồ Chí Minh's thought, morality and style (in May, the month of his
 * birthday, when there are 4), degradation and "self-evolution", corruption and waste, Party building,
 * the Party's bond with the people. Past six they repeat as further parts.
 */
export function defaultTopics(cell: CellProfile, year: number, count: number): string[] {
  const where = WHERE[cell.type] ?? 'ở cơ sở';
  const base = [
    `Quán triệt, triển khai các chỉ thị, nghị quyết của Đảng và của ${cell.parent.name} có liên quan đến chi bộ; chương trình hành động của chi bộ năm ${year}`,
    `Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm ${year}; trách nhiệm nêu gương của đảng viên ${where}`,
    'Nhận diện và phòng, chống suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện "tự diễn biến", "tự chuyển hóa" trong nội bộ; đấu tranh phản bác các quan điểm sai trái, thù địch',
    `Phòng, chống tham nhũng, lãng phí, tiêu cực; thực hành tiết kiệm ${where}`,
    `Xây dựng, chỉnh đốn Đảng; nâng cao năng lực lãnh đạo, sức chiến đấu của chi bộ và chất lượng sinh hoạt chi bộ năm ${year}`,
    `Tăng cường mối quan hệ mật thiết giữa Đảng với Nhân dân; phát huy vai trò của đảng viên ${where} trong thực hiện dân chủ ở cơ sở`,
  ];
  return Array.from({ length: count }, (_, i) => {
    const part = Math.floor(i / base.length);
    return part === 0 ? base[i]! : `${base[i % base.length]!} (phần ${part + 1})`;
  });
}

/** `HH:MM` plus minutes; refuses a sitting that would run past midnight. */
function endOf(start: string, minutes: number): string {
  const end = minutesOf(start) + minutes;
  if (end >= 24 * 60) {
    throw new InputError(
      `buổi sinh hoạt bắt đầu lúc ${start}, kéo dài ${minutes} phút sẽ quá nửa đêm; hãy sửa customs.time hoặc customs.durationMinutes trong cell.yaml ` +
        `(a sitting starting at ${start} for ${minutes} minutes would run past midnight)`,
    );
  }
  return clockOf(end);
}

/** The public-holiday options the validator will use for this cell and year, so the plan avoids the same days. */
function holidayOptionsOf(cell: CellProfile, year: number, committee?: RuleOverrides): HolidayOptions & { extraDates: ExtraDate[] } {
  return ruleOptions<HolidayOptions & { extraDates: ExtraDate[] }>('public-holiday', cell, `${year}-12-31`, committee);
}

/** The cell's blackout dates: customs.blackoutDates and the extraDates of its public-holiday options. */
function blackoutOf(cell: CellProfile, holidays: { extraDates: ExtraDate[] }): Set<string> {
  return new Set([...(cell.customs?.blackoutDates ?? []), ...holidays.extraDates.map((e) => (typeof e === 'string' ? e : e.date))]);
}

/**
 * The working day `count` working days before `date`, without leaving `date`'s year: when the year starts
 * sooner, the earliest working day of the year before `date`. Undefined when there is none.
 */
function workingDaysBefore(date: string, count: number, calendar: WorkingDayOptions): string | undefined {
  const yearStart = `${date.slice(0, 4)}-01-01`;
  let found: string | undefined;
  let seen = 0;
  for (let d = addDays(date, -1); d >= yearStart && seen < count; d = addDays(d, -1)) {
    if (isWorkingDay(d, calendar)) {
      found = d;
      seen++;
    }
  }
  return found;
}

/** The first working day from `date` on (then back from it) in its month that is not in `taken`. */
function freeWorkingDay(date: string, taken: ReadonlySet<string>, calendar: WorkingDayOptions): string | undefined {
  const month = date.slice(0, 7);
  for (const step of [1, -1]) {
    for (let d = date; d.slice(0, 7) === month; d = addDays(d, step)) {
      if (!taken.has(d) && isWorkingDay(d, calendar)) return d;
    }
  }
  return undefined;
}

/** Presenters in turn: the party groups, then the members, skipping anyone not in the cell that day. */
class PresenterRotation {
  private readonly pool: { name: string; available: (date: string) => boolean }[];
  private next = 0;

  constructor(cell: CellProfile) {
    const members = cell.members ?? [];
    const groups = [...new Set(members.map((m) => m.group).filter((g): g is string => Boolean(g)))];
    this.pool = [
      ...groups.map((g) => ({
        name: g,
        available: (date: string) => members.some((m) => m.group === g && isActiveOn(m, date) && statusOn(m, date) === 'official'),
      })),
      ...members.map((m) => ({
        name: m.name,
        available: (date: string) => isActiveOn(m, date) && statusOn(m, date) === 'official',
      })),
    ];
  }

  /** The next presenter available on `date` who is not `previous`. */
  take(date: string, previous: string | undefined): string {
    for (let tries = 0; tries < this.pool.length; tries++) {
      const candidate = this.pool[this.next]!;
      this.next = (this.next + 1) % this.pool.length;
      if (candidate.name !== previous && candidate.available(date)) return candidate.name;
    }
    // No roster yet (a freshly initialised cell) or a single member: the office, not a person.
    return previous === 'Bí thư chi bộ' ? 'Phó bí thư chi bộ' : 'Bí thư chi bộ';
  }
}

/** Official members of the cell on a date (those a chi ủy is counted from). */
function officialCount(cell: CellProfile, date: string): number {
  return (cell.members ?? []).filter((m) => isActiveOn(m, date) && statusOn(m, date) === 'official').length;
}

const EVENT_ORDER: Record<PlannedEvent['kind'], number> = {
  'committee-prep': 0,
  'posting-deadline': 1,
  'year-end-review': 2,
  other: 3,
};

/**
 * Plan a cell's year: 12 regular sittings on its day custom, the thematic sessions (own sittings or
 * combined with that month's regular one), a preparation meeting before each regular sitting, the
 * document-posting deadline before each sitting under hd42-2025, and the year-end review in December.
 * Every date is a working day of the cell that is neither a public holiday nor a blackout date. Pure and
 * deterministic: the same profile and year always give the same plan.
 */
export function planYear(cell: CellProfile, year: number, options: PlanOptions = {}): YearPlan {
  const warn = (code: PlanWarning['code'], message: string): void => options.onWarning?.({ code, message });
  const customs = cell.customs ?? {};
  const { extraDates, ...holidays } = holidayOptionsOf(cell, year, options.committee);
  const calendar: WorkingDayOptions = {
    ...(customs.workingDays ? { workingDays: customs.workingDays } : {}),
    blackout: blackoutOf(cell, { extraDates }),
    holidays,
  };
  // Floors and ranges from the rules profile in force at the year's end, as validate will apply them.
  const yearEnd = `${year}-12-31`;
  const floors = ruleOptions<{ regular: number; combined: number }>('duration-min', cell, yearEnd, options.committee);
  const thematicMin = Math.max(QUARTERS, ruleOptions<{ min: number }>('thematic-min', cell, yearEnd, options.committee).min);
  const thematicMax = ruleOptions<{ max: number }>('thematic-max', cell, yearEnd, options.committee).max;
  const start = customs.time ?? (cell.type === 'residential' ? PLAN_DEFAULTS.residentialTime : PLAN_DEFAULTS.otherTime);
  const place = customs.place ?? PLAN_DEFAULTS.place;
  const regularMinutes = Math.max(customs.durationMinutes ?? PLAN_DEFAULTS.regularMinutes, floors.regular);
  const combinedMinutes = Math.max(regularMinutes + PLAN_DEFAULTS.combinedExtraMinutes, floors.combined);
  const dayRule = customs.meetingDay ?? PLAN_DEFAULTS.meetingDay;
  const thematic = customs.thematic ?? {};
  const mode = thematic.mode ?? PLAN_DEFAULTS.thematicMode;

  let count = thematic.count ?? PLAN_DEFAULTS.thematicCount;
  if (count < thematicMin) {
    warn(
      'thematic-under-min',
      `customs.thematic.count = ${count}: mỗi quý phải có ít nhất 01 chuyên đề nên kế hoạch có ${thematicMin} chuyên đề ` +
        `(at least one thematic session a quarter: ${thematicMin} planned)`,
    );
    count = thematicMin;
  } else if (count > 12) {
    warn('thematic-over-max', `customs.thematic.count = ${count}: tối đa 12 chuyên đề, mỗi tháng 01 (at most 12, one a month)`);
    count = 12;
  }
  if (count > thematicMax) {
    warn(
      'thematic-over-max',
      `${count} chuyên đề trong năm, nhiều hơn mức ${thematicMax} theo hướng dẫn; cellctl validate sẽ cảnh báo ` +
        `(${count} thematic sessions, more than the guidance's ${thematicMax})`,
    );
  }

  // Topics: the profile's own first, then the defaults for whatever it lacks.
  const own = thematic.topics ?? [];
  const topics: { title: string; presenter?: string }[] = own.slice(0, count);
  if (own.length > 0 && own.length < count) {
    const taken = new Set(own.map((t) => t.title));
    const fill = defaultTopics(cell, year, count + own.length).filter((t) => !taken.has(t));
    topics.push(...fill.slice(0, count - own.length).map((title) => ({ title })));
    warn(
      'topics-short',
      `cell.yaml có ${own.length} chuyên đề cho ${count} buổi; các buổi còn lại dùng chuyên đề gợi ý ` +
        `(${own.length} topics for ${count} sessions; the rest use suggested topics)`,
    );
  } else if (own.length === 0) {
    topics.push(...defaultTopics(cell, year, count).map((title) => ({ title })));
  } else if (own.length > count) {
    warn(
      'topics-unused',
      `cell.yaml có ${own.length} chuyên đề nhưng năm chỉ có ${count} buổi; ${own.length - count} chuyên đề cuối chưa được xếp ` +
        `(${own.length} topics but ${count} sessions; the last ${own.length - count} are not planned)`,
    );
  }

  // Regular sittings, one a month.
  const regular: PlannedMeeting[] = [];
  for (let month = 1; month <= 12; month++) {
    const date = meetingDayOf(dayRule, year, month, calendar);
    if (!date) {
      throw new InputError(
        `${monthLabel(month)}/${year} không có ngày làm việc nào để họp; hãy xem lại customs.workingDays và customs.blackoutDates`,
        `${year}-${String(month).padStart(2, '0')}: no working day to meet on; check customs.workingDays and customs.blackoutDates`,
      );
    }
    regular.push({ date, kind: 'regular', start, end: endOf(start, regularMinutes), place });
  }

  // Thematic sessions, in date order so presenters rotate in the order the sessions are held. The turn
  // carries over from earlier years: they are replayed (on the 20th of each thematic month, close enough
  // for who was in the cell), so one year starts where the last one stopped.
  const months = thematicMonths(count);
  const rotation = new PresenterRotation(cell);
  let previousPresenter: string | undefined;
  for (let y = ROTATION_EPOCH; y < year; y++) {
    months.forEach((month, i) => {
      previousPresenter = topics[i]!.presenter ?? rotation.take(isoDay(y, month, 20), previousPresenter);
    });
  }
  const thematicSittings: PlannedMeeting[] = [];
  const taken = new Set(regular.map((m) => m.date));
  months.forEach((month, i) => {
    const topic = topics[i]!;
    const own = regular[month - 1]!;
    let sitting: PlannedMeeting;
    if (mode === 'combined') {
      sitting = own;
      sitting.kind = 'combined';
      sitting.end = endOf(start, combinedMinutes);
    } else {
      const day = isoDay(year, month, thematic.meetingDay ?? PLAN_DEFAULTS.thematicDay);
      const date = freeWorkingDay(day, taken, calendar);
      if (!date) {
        throw new InputError(`${monthLabel(month)}/${year} không còn ngày làm việc cho buổi chuyên đề`, `${year}-${String(month).padStart(2, '0')}: no working day left for the thematic session`);
      }
      taken.add(date);
      sitting = { date, kind: 'thematic', start, end: endOf(start, regularMinutes), place };
      thematicSittings.push(sitting);
    }
    sitting.topic = topic.title;
    sitting.presenter = topic.presenter ?? rotation.take(sitting.date, previousPresenter);
    previousPresenter = sitting.presenter;
  });
  const meetings = [...regular, ...thematicSittings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const events: PlannedEvent[] = [];
  const dropped = (vi: string, en: string, sitting: PlannedMeeting): void =>
    warn(
      'event-dropped',
      `${vi} cho buổi sinh hoạt ngày ${shortDate(sitting.date)} rơi vào năm ${year - 1}; hãy ghi vào kế hoạch năm ${year - 1} ` +
        `(${en} for ${sitting.date} falls in ${year - 1})`,
    );

  // The chi ủy's preparation meeting before each regular (or combined) sitting.
  const prepDays = customs.prepWorkingDays ?? PLAN_DEFAULTS.prepWorkingDays;
  const { committeeFrom } = ruleOptions<{ committeeFrom: number }>('cell-structure', cell, yearEnd, options.committee);
  const preps: { event: PlannedEvent; month: number }[] = [];
  for (const sitting of regular) {
    const date = workingDaysBefore(sitting.date, prepDays, calendar);
    if (!date) {
      dropped('Họp chuẩn bị', 'the preparation meeting', sitting);
      continue;
    }
    const month = Number(sitting.date.slice(5, 7));
    const who =
      officialCount(cell, sitting.date) >= committeeFrom ? 'Chi ủy họp chuẩn bị' : 'Bí thư, phó bí thư trao đổi chuẩn bị';
    let title = `${who} nội dung sinh hoạt ${monthLabel(month)} và dự thảo nghị quyết`;
    if (sitting.kind === 'combined') title = `${who} nội dung sinh hoạt ${monthLabel(month)} (kết hợp sinh hoạt chuyên đề) và dự thảo nghị quyết; duyệt dự thảo chuyên đề`;
    if (month === 12) title += '; chuẩn bị kiểm điểm, đánh giá, xếp loại cuối năm';
    const event: PlannedEvent = { date, kind: 'committee-prep', title };
    preps.push({ event, month });
    events.push(event);
  }
  // A separate thematic draft is approved at the last preparation meeting before its session.
  for (const sitting of thematicSittings) {
    const prep = preps.filter((p) => p.event.date < sitting.date).at(-1);
    if (prep) prep.event.title += `; duyệt dự thảo chuyên đề sinh hoạt ngày ${shortDate(sitting.date)}`;
  }

  // hd42-2025: the documents are posted on the Sổ tay đảng viên điện tử app at least a day before.
  for (const sitting of meetings) {
    if ((cell.ruleset ?? profileIdFor(sitting.date)) !== 'hd42-2025') continue;
    const date = workingDaysBefore(sitting.date, 1, calendar);
    if (!date) {
      dropped('Hạn đăng tài liệu', 'the posting deadline', sitting);
      continue;
    }
    const month = monthLabel(Number(sitting.date.slice(5, 7)));
    const what =
      sitting.kind === 'thematic'
        ? `dự thảo chuyên đề sinh hoạt ngày ${shortDate(sitting.date)}`
        : sitting.kind === 'combined'
          ? `tài liệu, dự thảo nghị quyết và dự thảo chuyên đề kỳ sinh hoạt ${month}`
          : `tài liệu, dự thảo nghị quyết kỳ sinh hoạt ${month}`;
    events.push({ date, kind: 'posting-deadline', title: `Hạn đăng ${what} lên ứng dụng Sổ tay đảng viên điện tử` });
  }

  // The year-end review: the first free working day from 15 December.
  const used = new Set(meetings.map((m) => m.date));
  const review = freeWorkingDay(`${year}-12-15`, used, calendar);
  if (review) {
    events.push({
      date: review,
      kind: 'year-end-review',
      title: `Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm ${year}`,
    });
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind]));

  return { year, ...(cell.ruleset ? { ruleset: cell.ruleset } : {}), meetings, events };
}
