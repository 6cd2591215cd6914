// The facts of a cell: plain JSON figures derived once from its schema-valid records, read by rules and by the report.
import type { MeetingKind, Rating } from '../model.js';

/** One counted member's mark at one meeting (active on the date, not exempted; first entry only). */
export interface AttendanceMark {
  /** Index in the cell's roster. */
  index: number;
  name: string;
  /** Position of the entry in the record's attendance list, or -1 when the member is not listed. */
  position: number;
  status: 'present' | 'excused' | 'unexcused';
}

/** Figures of one meeting record, as the rules count them. */
export interface MeetingFacts {
  file: string;
  date: string;
  start: string;
  kind: MeetingKind;
  status: 'draft' | 'adopted';
  /** Minutes from start to end (may be ≤ 0 when the times are wrong). */
  minutes: number;
  /** Members counted for attendance: active on the date and not exempted; null without a roster. */
  counted: number | null;
  /** Counted members marked present; null without a roster. */
  present: number | null;
  /** Unexcused absences of members who are not exempted (positions in the attendance list). */
  unexcused: { position: number; name: string }[];
  /** Counted members in roster order with their mark (for absence streaks); empty without a roster. */
  marks: AttendanceMark[];
  /** Members entitled to vote, excused absentees counted (vote-majority's default) and not counted; null without a roster. */
  eligible: number | null;
  eligibleExcusedOut: number | null;
  resolution: boolean;
  vote: { for: number; against: number; other: number } | null;
  score: { total: number; rating: Rating } | null;
  /** Guests' names (đại biểu), NFC, for committee visits. */
  guests: string[];
}

/** The options the rules profile in force gave one calendar year of the cell. */
export interface YearSettings {
  year: number;
  thematicMin: number;
  thematicMax: number;
  maxConsecutive: number;
  minPresentPercent: number;
  /** Whether the year's rules demand a thematic session each quarter (thematic-per-quarter not off). */
  thematicPerQuarter: boolean;
  /** Whether they demand a regular meeting each month (monthly-regular not off). */
  monthlyRegular: boolean;
}

/** Everything the report needs from one cell group, derived once in the engine (plain JSON: it crosses threads). */
export interface CellFacts {
  /** Absolute folder holding cell.yaml, or undefined for loose records. */
  root: string | undefined;
  /** The cell's name from cell.yaml, when it is schema-valid. */
  name: string | undefined;
  recordsFrom: string | undefined;
  /** Display paths of every file of the group. */
  files: string[];
  /** Files that could not be read, parsed or schema-checked (records and cell.yaml; stubs excluded). */
  incomplete: string[];
  /** Whether a cell.yaml exists but is not usable. */
  cellBroken: boolean;
  /** Schema-valid records, sorted by date then start time (stubs excluded). */
  meetings: MeetingFacts[];
  /** Settings per calendar year touched by the records or as-of. */
  years: YearSettings[];
}
