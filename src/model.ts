// The cellctl data model: TypeScript shapes of the cell profile, year plan and meeting record (mirrors schemas/).

/** ISO calendar date `YYYY-MM-DD`, always a string (never a JS Date). */
export type IsoDate = string;
/** Clock time `HH:MM`, 24-hour. */
export type ClockTime = string;

/** Đảng viên status (rules.md M1). */
export type MemberStatus = 'official' | 'probationary' | 'attached' | 'exempted';
/** Chức vụ in the cell. */
export type MemberRole = 'secretary' | 'deputy-secretary' | 'committee-member' | 'member';
/** Loại hình chi bộ (rules.md §6). */
export type CellType =
  | 'residential'
  | 'administrative'
  | 'state-enterprise'
  | 'private-enterprise'
  | 'student'
  | 'armed-forces';
/** Loại buổi sinh hoạt: thường kỳ, chuyên đề, or both in one sitting. */
export type MeetingKind = 'regular' | 'thematic' | 'combined';
/** Versioned rules profile ids. */
export type RulesetId = 'hd42-2025' | 'hd12-2018';
export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/** One member of the roster (danh sách đảng viên). */
export interface Member {
  /** Short unique handle; records may refer to a member by id or by full name. */
  id?: string;
  name: string;
  status: MemberStatus;
  role?: MemberRole;
  /** Tổ đảng. */
  group?: string;
  /** Date the member joined the cell (chuyển đến / kết nạp); absent = always. */
  since?: IsoDate;
  /** Date the member left (chuyển đi, từ trần); absent = still a member. */
  until?: IsoDate;
  /**
   * For an official member who was probationary: the date of the decision recognising them (quyết định công
   * nhận), from which they vote. Before it they count as probationary: they attend and speak, not vote.
   */
  officialSince?: IsoDate;
  /** For an `exempted` member: why and when (miễn công tác và sinh hoạt đảng); outside from–until they count as official. */
  exemption?: { reason?: string; from?: IsoDate; until?: IsoDate };
}

/** Superior committee (cấp ủy cấp trên trực tiếp): commune, ward, special zone or workplace; no district level. */
export interface ParentCommittee {
  name: string;
  kind?: 'commune' | 'ward' | 'special-zone' | 'workplace';
}

/** Override of one rule: its severity and/or options. */
export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}
/** Local overrides, keyed by rule id (quy định riêng của chi bộ / cấp ủy cấp trên). */
export type RuleOverrides = Record<string, RuleSetting>;

/** Document-numbering state within the committee's term (số văn bản theo nhiệm kỳ). */
export interface Numbering {
  /** First day of the current term; numbers restart after it. */
  termStart?: IsoDate;
  /**
   * For a cell that starts using cellctl in the middle of a term: the number of the first resolution it records
   * (the term's earlier ones were issued by hand). Used only until a numbered resolution is on file.
   */
  next?: number;
}

/** How the cell fixes its regular meeting day (nền nếp ngày sinh hoạt). */
export type MeetingDayRule =
  | { kind: 'day-of-month'; day: number; ifDayOff?: 'next' | 'previous' }
  | { kind: 'nth-weekday'; n: 1 | 2 | 3 | 4 | -1; weekday: Weekday }
  | { kind: 'last-working-day-before'; day: number };

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** The cell's local customs, used by `cellctl plan`. */
export interface Customs {
  meetingDay?: MeetingDayRule;
  time?: ClockTime;
  place?: string;
  durationMinutes?: number;
  workingDays?: Weekday[];
  blackoutDates?: IsoDate[];
  prepWorkingDays?: number;
  thematic?: {
    count?: number;
    mode?: 'separate' | 'combined';
    meetingDay?: number;
    topics?: { title: string; presenter?: string }[];
  };
}

/** cell.yaml: the cell profile (hồ sơ chi bộ). */
export interface CellProfile {
  name: string;
  parent: ParentCommittee;
  /** Place name used in dates (địa danh), e.g. "Hoàng Liệt". */
  place: string;
  type: CellType;
  /** Pin a rules profile; by default each meeting uses the one in force on its date. */
  ruleset?: RulesetId;
  /** First month kept in cellctl (YYYY-MM); earlier months are not expected to have records. */
  recordsFrom?: string;
  members: Member[];
  numbering?: Numbering;
  overrides?: RuleOverrides;
  /** Default recipients (nơi nhận) of the cell's resolutions. */
  recipients?: string[];
  /** Overrides of the layout profile (profiles/layout.yaml). */
  layout?: Record<string, unknown>;
  /** Local customs for planning the year. */
  customs?: Customs;
}

/** One planned sitting in the year plan. */
export interface PlannedMeeting {
  date: IsoDate;
  kind: MeetingKind;
  start?: ClockTime;
  end?: ClockTime;
  place?: string;
  /** Chuyên đề topic, for thematic and combined sittings. */
  topic?: string;
  /** Presenting member (or party group) of the topic. */
  presenter?: string;
}

/** Another dated item of the year: preparation meeting, posting deadline, year-end review. */
export interface PlannedEvent {
  date: IsoDate;
  kind: 'committee-prep' | 'posting-deadline' | 'year-end-review' | 'other';
  title?: string;
}

/** plan-YYYY.yaml: the year plan (kế hoạch sinh hoạt năm). */
export interface YearPlan {
  year: number;
  ruleset?: RulesetId;
  /** Number and date of issue of the thematic plan document (`plan --docx`). */
  thematicPlan?: { number?: number; date?: string };
  meetings: PlannedMeeting[];
  events?: PlannedEvent[];
}

/** Attendance of one member (điểm danh). */
export interface AttendanceEntry {
  member: string;
  status: 'present' | 'excused' | 'unexcused';
  /** Lý do vắng: required when excused. */
  reason?: string;
}

/** A guest (đại biểu), not counted as a member. */
export interface Guest {
  name: string;
  office?: string;
}

/** One opinion in the discussion (ý kiến phát biểu). */
export interface Speech {
  speaker: string;
  opinion: string;
}

/** One step of the procedure as it was held (bước trong quy trình). */
export interface MeetingStep {
  /** Step id from the rules profile's catalogue, or "other". */
  step: string;
  /** Title for an "other" step, or a local wording. */
  title?: string;
  presenter?: string;
  content?: string;
  speakers?: Speech[];
}

/** A task of last month's resolution with its result. */
export interface ReviewedTask {
  task: string;
  result: string;
  done?: boolean;
}

/** A task of the coming month (nhiệm vụ tháng tới). */
export interface PlannedTask {
  task: string;
  /** Who leads it (đồng chí / tổ đảng phụ trách). */
  owner: string;
  deadline?: IsoDate;
}

/** The resolution (nghị quyết) adopted by the meeting. */
export interface Resolution {
  /** Number within the term (Số 05-NQ/CB → 5). */
  number?: number;
  review?: {
    strengths?: string;
    shortcomings?: string;
    causes?: string;
    tasks?: ReviewedTask[];
  };
  tasks?: PlannedTask[];
  /** III. Tổ chức thực hiện: assignments and instructions. */
  implementation?: string[];
  /** Who signs on behalf of the cell (default: the bí thư). */
  signer?: string;
  /** Recipients, replacing the cell's defaults. */
  recipients?: string[];
  /** Summary line under the title (trích yếu). */
  summary?: string;
}

/** Biểu quyết: numbers of members for, against and other (no opinion). */
export interface Vote {
  for: number;
  against: number;
  other?: number;
}

/** Đảng phí reported at the meeting. */
export interface Dues {
  paid: number;
  amount?: number;
  note?: string;
}

export type Rating = 'good' | 'fair' | 'average' | 'poor';

/** Self-assessment (tự đánh giá, chấm điểm chất lượng). */
export interface Score {
  /** Points per criterion of the scoring sheet; optional: minutes often give only the total and the rating. */
  criteria?: Record<string, number>;
  total: number;
  rating: Rating;
}

/** The thematic topic of a thematic or combined sitting (chuyên đề). */
export interface Topic {
  title: string;
  presenter: string;
  /** Who approved the draft (chi ủy / bí thư) and when. */
  approvedBy?: string;
  approvedOn?: IsoDate;
}

/** meetings/*.yaml: the record of one sitting (hồ sơ buổi sinh hoạt). */
export interface MeetingRecord {
  /** A stub written by `cellctl plan --with-meetings`, not filled in yet. */
  stub?: true;
  kind: MeetingKind;
  status: 'draft' | 'adopted';
  date: IsoDate;
  start: ClockTime;
  end: ClockTime;
  place: string;
  ruleset?: RulesetId;
  chair: string;
  secretary: string;
  guests?: Guest[];
  attendance: AttendanceEntry[];
  topic?: Topic;
  steps: MeetingStep[];
  conclusion?: string;
  resolution?: Resolution;
  vote?: Vote;
  dues?: Dues;
  score?: Score;
}

/** The kinds of YAML document cellctl knows. */
export type DocumentKind = 'cell' | 'plan' | 'meeting' | 'rules' | 'committee';
