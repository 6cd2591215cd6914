// Deriving a record's facts once (cached per parsed record) so every rule and the report count the same way.
import type { CellProfile, MeetingKind, MeetingRecord } from '../model.js';
import { eligibleVoters, isActiveOn, rosterFor, statusOn } from '../rules/roster.js';
import { minutesOf, quarterOf } from '../util/time.js';
import type { AttendanceMark, MeetingFacts } from './types.js';

const cache = new WeakMap<MeetingRecord, { cell: CellProfile | undefined; facts: MeetingFacts }>();

/** The facts of a schema-valid record, computed on first use and shared by every later reader. */
export function meetingFacts(meeting: MeetingRecord, file: string, cell: CellProfile | undefined): MeetingFacts {
  const hit = cache.get(meeting);
  if (hit && hit.cell === cell) return hit.facts;
  const facts = derive(meeting, file, cell);
  cache.set(meeting, { cell, facts });
  return facts;
}

function derive(meeting: MeetingRecord, file: string, cell: CellProfile | undefined): MeetingFacts {
  const roster = cell ? rosterFor(cell) : undefined;
  const unexcused: MeetingFacts['unexcused'] = [];
  const marks: AttendanceMark[] = [];
  const firstStatus = new Map<number, string>();
  meeting.attendance.forEach((entry, position) => {
    const r = roster?.resolve(entry.member);
    const member = r?.kind === 'member' ? r.member : undefined;
    const exempted = member !== undefined && statusOn(member, meeting.date) === 'exempted';
    // Exempted members are not expected at meetings (rules.md M3).
    if (entry.status === 'unexcused' && !exempted) unexcused.push({ position, name: member?.name ?? entry.member });
    if (r?.kind !== 'member' || firstStatus.has(r.index)) return;
    firstStatus.set(r.index, entry.status);
    if (!isActiveOn(r.member, meeting.date) || exempted) return;
    marks.push({ index: r.index, name: r.member.name, position, status: entry.status });
  });

  let counted: number | null = null;
  let present: number | null = null;
  let eligible: number | null = null;
  let eligibleExcusedOut: number | null = null;
  if (roster) {
    counted = 0;
    present = 0;
    for (const { member, index } of roster.activeOn(meeting.date)) {
      if (statusOn(member, meeting.date) === 'exempted') continue;
      counted++;
      // A member missing from the attendance is attendance-roster's error; here they simply were not seen.
      if (firstStatus.get(index) === 'present') present++;
    }
    eligible = eligibleVoters(roster, meeting, true).eligible;
    eligibleExcusedOut = eligibleVoters(roster, meeting, false).eligible;
  }
  return {
    file,
    date: meeting.date,
    start: meeting.start,
    kind: meeting.kind,
    status: meeting.status,
    minutes: minutesOf(meeting.end) - minutesOf(meeting.start),
    counted,
    present,
    unexcused,
    marks,
    eligible,
    eligibleExcusedOut,
    resolution: meeting.resolution !== undefined,
    vote: meeting.vote ? { for: meeting.vote.for, against: meeting.vote.against, other: meeting.vote.other ?? 0 } : null,
    score: meeting.score ? { total: meeting.score.total, rating: meeting.score.rating } : null,
    guests: (meeting.guests ?? []).map((g) => g.name.normalize('NFC')),
  };
}

/** A thematic session or a sitting that combines one with the regular meeting. */
export function isThematicKind(kind: MeetingKind): boolean {
  return kind === 'thematic' || kind === 'combined';
}

/** Months (`YYYY-MM`) with any sitting; a month with only a thematic one is thematic-not-regular's finding. */
export function monthsHeld(sittings: readonly { date: string }[]): Set<string> {
  return new Set(sittings.map((s) => s.date.slice(0, 7)));
}

/** Quarters (1–4) of `year` with a thematic or combined sitting. */
export function thematicQuarters(year: number, sittings: readonly { date: string; kind: MeetingKind }[]): Set<number> {
  const quarters = new Set<number>();
  for (const s of sittings) {
    if (isThematicKind(s.kind) && s.date.startsWith(`${year}-`)) quarters.add(quarterOf(Number(s.date.slice(5, 7))));
  }
  return quarters;
}

/** Thematic or combined sittings dated in `year`. */
export function thematicCount(year: number, sittings: readonly { date: string; kind: MeetingKind }[]): number {
  return sittings.filter((s) => isThematicKind(s.kind) && s.date.startsWith(`${year}-`)).length;
}

/** Where a run of absences with reason passes the maximum: at which meeting and attendance entry. */
export interface StreakEvent {
  meeting: number;
  position: number;
  name: string;
  count: number;
}

/**
 * Runs of absences *with reason* over meetings in order: attending or an unexcused absence ends a run.
 * Returns each point where a run first exceeds `max`, and each member's longest run above `max`.
 */
export function absenceRuns(meetings: readonly MeetingFacts[], max: number): { events: StreakEvent[]; longest: { member: string; count: number }[] } {
  const run = new Map<number, number>();
  const events: StreakEvent[] = [];
  const longest = new Map<number, { member: string; count: number }>();
  meetings.forEach((m, i) => {
    for (const mark of m.marks) {
      const count = mark.status === 'excused' ? (run.get(mark.index) ?? 0) + 1 : 0;
      run.set(mark.index, count);
      if (count === max + 1) events.push({ meeting: i, position: mark.position, name: mark.name, count });
      if (count > max && count > (longest.get(mark.index)?.count ?? 0)) longest.set(mark.index, { member: mark.name, count });
    }
  });
  return { events, longest: [...longest.values()] };
}
