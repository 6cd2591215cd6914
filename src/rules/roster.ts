// Roster facts shared by rules: who was a member on a date, with which status, and who may vote.
import type { AttendanceEntry, CellProfile, Member, MemberStatus, MeetingRecord } from '../model.js';
import { closest } from '../util/closest.js';

/** Collapse runs of white space so "Nguyễn  Văn An" and "Nguyễn Văn An" are the same reference. */
export function normalizeName(s: string): string {
  return s.trim().replace(/\s+/gu, ' ');
}

/** The five Vietnamese tone marks as combining characters: grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * The key under which names are compared, never shown: white space collapsed, and the tone mark of each
 * word moved to the word's end, so that Unikey's two styles — old ("hoà", "thuỷ", "khoẻ": the mark on the
 * first vowel of oa, oe, uy) and new ("hòa", "thủy", "khỏe") — give one key. A word carries one tone, so
 * only its placement is folded: "Hòa", "Hoa" and "Họa" stay three names. The key is left decomposed
 * (NFD): recomposing would glue the moved mark onto a final consonant ("n" + tilde → "ñ").
 */
export function nameKey(s: string): string {
  let key = nameKeys.get(s);
  if (key === undefined) {
    // A cell's few dozen names are looked up thousands of times in a run: fold each once.
    if (nameKeys.size > 50_000) nameKeys.clear();
    key = foldName(s);
    nameKeys.set(s, key);
  }
  return key;
}

const nameKeys = new Map<string, string>();

function foldName(s: string): string {
  return normalizeName(s)
    .normalize('NFD')
    .split(' ')
    .map((word) => {
      const tones = word.match(TONE_MARKS);
      return tones ? word.replace(TONE_MARKS, '') + tones.join('') : word;
    })
    .join(' ');
}

/** Result of resolving a name or id against the roster. */
export type Resolved =
  | { kind: 'member'; member: Member; index: number }
  | { kind: 'ambiguous'; count: number }
  | { kind: 'unknown' };

/** Lookup of a cell's roster by id and by name. */
export class Roster {
  private readonly byId = new Map<string, number>();
  private readonly byName = new Map<string, number[]>();

  constructor(readonly cell: CellProfile) {
    cell.members.forEach((m, i) => {
      if (m.id) this.byId.set(m.id, i);
      const key = nameKey(m.name);
      const list = this.byName.get(key);
      if (list) list.push(i);
      else this.byName.set(key, [i]);
    });
  }

  /** Find a member by id first, then by full name. */
  resolve(ref: string): Resolved {
    const id = this.byId.get(ref.trim());
    if (id !== undefined) return { kind: 'member', member: this.cell.members[id]!, index: id };
    const list = this.byName.get(nameKey(ref));
    if (!list) return { kind: 'unknown' };
    if (list.length > 1) return { kind: 'ambiguous', count: list.length };
    return { kind: 'member', member: this.cell.members[list[0]!]!, index: list[0]! };
  }

  /** The roster name closest to a reference that did not resolve (a typo, a missing tone mark), if any. */
  suggest(ref: string): string | undefined {
    return closest(normalizeName(ref), this.cell.members.map((m) => m.name));
  }

  /** Members belonging to the cell on the given date. */
  activeOn(date: string): { member: Member; index: number }[] {
    return this.cell.members
      .map((member, index) => ({ member, index }))
      .filter(({ member }) => isActiveOn(member, date));
  }
}

const rosters = new WeakMap<CellProfile, Roster>();
const attendanceCache = new WeakMap<MeetingRecord, ReturnType<typeof resolveAttendance>>();

/** The roster of a cell profile, built once per profile (many rules ask for it on every record). */
export function rosterFor(cell: CellProfile): Roster {
  let roster = rosters.get(cell);
  if (!roster) {
    roster = new Roster(cell);
    rosters.set(cell, roster);
  }
  return roster;
}

/** Whether the member belonged to the cell on the date (since ≤ date < until). */
export function isActiveOn(m: Member, date: string): boolean {
  if (m.since !== undefined && m.since > date) return false;
  if (m.until !== undefined && m.until <= date) return false;
  return true;
}

/** Status on a date: an official member is still probationary before `officialSince`. */
export function statusOn(m: Member, date: string): MemberStatus {
  if (m.status === 'official' && m.officialSince !== undefined && m.officialSince > date) {
    return 'probationary';
  }
  // An exemption with dates holds only between them; before and after, the member is an official one again.
  if (m.status === 'exempted' && m.exemption !== undefined) {
    const { from, until } = m.exemption;
    if ((from !== undefined && date < from) || (until !== undefined && date > until)) return 'official';
  }
  return m.status;
}

/** Attendance entries of a record resolved to roster members (entries that do not resolve are skipped). */
export function resolvedAttendance(
  roster: Roster,
  meeting: MeetingRecord,
): { entry: AttendanceEntry; member: Member; index: number; position: number }[] {
  let cached = attendanceCache.get(meeting);
  if (!cached || cached.roster !== roster) {
    cached = resolveAttendance(roster, meeting);
    attendanceCache.set(meeting, cached);
  }
  return cached.entries;
}

function resolveAttendance(roster: Roster, meeting: MeetingRecord) {
  const out: { entry: AttendanceEntry; member: Member; index: number; position: number }[] = [];
  meeting.attendance.forEach((entry, position) => {
    const r = roster.resolve(entry.member);
    if (r.kind === 'member') out.push({ entry, member: r.member, index: r.index, position });
  });
  return { roster, entries: out };
}

/**
 * Members eligible to vote at a meeting (rules.md M5, M6): official members on the date, plus exempted
 * members who attend; excused absentees stay in the count unless `excusedAbsentCount` is false.
 * Probationary and temporarily attached members never vote.
 */
export function eligibleVoters(
  roster: Roster,
  meeting: MeetingRecord,
  excusedAbsentCount: boolean,
): { eligible: number; eligiblePresent: number } {
  const attendance = new Map<number, AttendanceEntry>();
  for (const a of resolvedAttendance(roster, meeting)) attendance.set(a.index, a.entry);
  let eligible = 0;
  let eligiblePresent = 0;
  for (const { member, index } of roster.activeOn(meeting.date)) {
    const memberStatus = statusOn(member, meeting.date);
    const status = attendance.get(index)?.status ?? 'unexcused';
    // Exempted members are official members excused from duties: they count only when they attend.
    if (memberStatus === 'exempted') {
      if (status === 'present') {
        eligible++;
        eligiblePresent++;
      }
      continue;
    }
    if (memberStatus !== 'official') continue;
    if (status === 'present') {
      eligible++;
      eligiblePresent++;
    } else if (status === 'excused' && !excusedAbsentCount) {
      continue;
    } else {
      eligible++;
    }
  }
  return { eligible, eligiblePresent };
}
