// The committee report's data: one plain, JSON-serialisable object that every view (table, json, csv, xlsx, html, docx, the page) reads.

/** ISO date `YYYY-MM-DD`. */
type IsoDate = string;
/** `YYYY-MM`. */
type MonthKey = string;

/** The reporting period, inclusive on both ends. */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
  /** The Party's way of naming it: "năm 2026", "quý IV năm 2026", "tháng 11 năm 2026", "từ tháng 1 đến tháng 6 năm 2026". */
  label: string;
  /** Months of the period, `YYYY-MM`, in order. */
  months: MonthKey[];
}

/**
 * A cell's standing in the report:
 * - ok: its folder was found and read (it may still have problems);
 * - missing: listed in committee.yaml, no folder or no record in the period;
 * - unlisted: a folder that committee.yaml does not list;
 * - duplicate: two folders claim the same cell (same exact name);
 * - unreadable: some of its files could not be read or parsed, so its figures are incomplete.
 */
export type CellStatus = 'ok' | 'missing' | 'unlisted' | 'duplicate' | 'unreadable';

/** What happened in one month of the period for one cell (the cell × month grid). */
export interface MonthCell {
  month: MonthKey;
  /** Whether the month is due: ended by `asOf` (inclusive), or its sitting already held. Only a due month can be missing. */
  due: boolean;
  /** A regular (or combined) sitting was held. */
  regular: boolean;
  /** A thematic (or combined) sitting was held. */
  thematic: boolean;
  /** The regular and thematic sessions were one combined sitting. */
  combined: boolean;
  /** Share of counted members present at the month's regular sitting (0–1), null without one. */
  attendanceRate: number | null;
  /** The month's self-score, null when none was recorded. */
  score: number | null;
}

/** A member absent with reason more than the allowed number of times in a row. */
export interface AbsenceStreak {
  member: string;
  count: number;
}

/** One meeting that fell short (too short, or steps missing). */
export interface MeetingShortfall {
  file: string;
  date: IsoDate;
  /** Minutes held, when under the minimum. */
  minutes?: number;
  minimum?: number;
  /** Step ids missing from the procedure. */
  missingSteps?: string[];
}

/** A visit of a committee member to the cell (a guest on the committee roster). */
export interface Visit {
  member: string;
  date: IsoDate;
  file: string;
}

/** One assignment (phân công theo dõi) and whether it was kept in the period. */
export interface AssignmentStatus {
  member: string;
  /** Visits required in the period (pro rata to the assignment's frequency). */
  due: number;
  held: number;
  kept: boolean;
}

/** A validation problem, as `validate` reports it. */
export interface ReportProblem {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
}

/** Everything the report says about one cell. Figures with nothing to count are null, never 0. */
export interface CellReport {
  folder: string;
  name: string;
  status: CellStatus;
  /** Why the status is not ok, in the report's language. */
  statusNote?: string;
  /** Months held of months due (ended, or already held: `held` is never above `due`), and the due months missed. */
  regular: { held: number; due: number; missingMonths: MonthKey[] };
  thematic: {
    /** Thematic and combined sittings held in the period by `asOf` (a quarter may have more than one). */
    held: number;
    /** Sittings due, one a quarter: quarters wholly in the period and ended, or with one held in the period. */
    due: number;
    /** Due quarters (1–4) without a thematic sitting. */
    missingQuarters: number[];
    /** Thematic sittings in each calendar year touched by the period, against the profile's 4–6. */
    perYear: { year: number; held: number; min: number; max: number }[];
  };
  attendance: {
    /** Present / counted over all regular sittings of the period, counted exactly as `validate` counts. */
    rate: number | null;
    /** The lowest single meeting's rate. */
    lowest: number | null;
    lowestDate: IsoDate | null;
    /** Unexcused absences; null for a cell that sent nothing (there is nothing to count). */
    unexcused: number | null;
    /** Sittings whose attendance was not above the minimum (attendance-quality's lowAttendance); null as `unexcused`. */
    belowMinimum: number | null;
    streaks: AbsenceStreak[];
  };
  shortfalls: MeetingShortfall[];
  resolutions: { adopted: number; meetings: number };
  score: {
    average: number | null;
    ratings: { good: number; fair: number; average: number; poor: number };
  };
  visits: { held: number; due: number; list: Visit[]; assignments: AssignmentStatus[] };
  errorCount: number;
  warningCount: number;
  /** Problem counts by rule id. */
  byRule: Record<string, { errors: number; warnings: number }>;
  problems: ReportProblem[];
  months: MonthCell[];
  /** Fully compliant: status ok, every due month and quarter held, no error. */
  compliant: boolean;
}

/** The committee's totals over its cells. */
export interface ReportTotals {
  /** Cells the committee expects (listed), or found when there is no list. */
  cells: number;
  /** Expected cells that sent records. */
  reporting: number;
  compliant: number;
  /** Share of reporting cells that held every due regular meeting. */
  monthlyRhythm: number | null;
  attendanceRate: number | null;
  averageScore: number | null;
  ratings: { good: number; fair: number; average: number; poor: number };
  /** Assignments kept / assignments due in the period. */
  assignmentsKept: number;
  assignmentsDue: number;
  errorCount: number;
  warningCount: number;
}

/** A cell needing attention, most serious first. */
export interface AttentionItem {
  folder: string;
  name: string;
  /** Higher is more serious; the ranking key. */
  severity: number;
  reasons: string[];
}

/** The committee report (the JSON contract of `cellctl report --format json`). */
export interface CommitteeReport {
  committee: string;
  /** The committee's superior body, for the document header. */
  parent?: string;
  place?: string;
  /** ward, commune, special-zone or workplace (from committee.yaml). */
  kind?: string;
  /**
   * The report's number (`Số 15-BC/ĐU`): committee.yaml's `numbering.code`, and the next number of the
   * committee's sequence (one past the highest in so-van-ban-di.yaml this term, never below `numbering.next`).
   */
  numbering?: { code: string; next?: number; termStart?: IsoDate };
  /** Who signs T/M ĐẢNG ỦY: the committee's secretary (bí thư), when committee.yaml lists one. */
  signer?: { name: string; role: string };
  /** Nơi nhận of the report, from committee.yaml (absent: derived from the superior body). */
  recipients?: string[];
  period: ReportPeriod;
  asOf: IsoDate;
  cells: CellReport[];
  totals: ReportTotals;
  attention: AttentionItem[];
}
