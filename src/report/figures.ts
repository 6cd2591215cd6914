// One cell's figures for a period, in named steps: what was due, what was held, attendance, problems, visits, the month grid.
import { absenceRuns, isThematicKind, monthsHeld, thematicCount } from '../facts/derive.js';
import type { CellFacts, MeetingFacts } from '../facts/types.js';
import type { Problem } from '../lint/problem.js';
import { normalizeName } from '../rules/roster.js';
import type { Committee } from '../source/committee.js';
import { lastDayOfMonth, periodEnded } from '../util/time.js';
import { problemInPeriod } from './period.js';
import type { AssignmentStatus, CellReport, MeetingShortfall, MonthCell, ReportPeriod, Visit } from './types.js';

/** The sums behind a cell's rates, kept beside it so the committee's totals pool members and sittings. */
export interface CellSums {
  present: number;
  counted: number;
  scoreSum: number;
  scored: number;
  /** The attendance minimum (per cent) of the cell's first year, for the attention list. */
  minPercent: number;
}

/** A cell's report with the sums behind it (the sums stay out of the JSON). */
export interface CountedCell {
  cell: CellReport;
  sums: CellSums;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const ratio = (num: number, den: number): number | null => (den > 0 ? round(num / den, 4) : null);
const monthEnded = (month: string, asOf: string) => periodEnded(lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))), asOf);
const quarterOfDate = (date: string) => Math.ceil(Number(date.slice(5, 7)) / 3);

/** What the cell's rules demand, month by month (a rule the committee or the cell switched off demands nothing). */
interface Demand {
  tracked(month: string): boolean;
  monthly(month: string): boolean;
  quarterly(month: string): boolean;
}

function demandOf(facts: CellFacts | undefined): Demand {
  const setting = (month: string) => facts?.years.find((y) => month.startsWith(`${y.year}-`));
  return {
    tracked: (month) => facts?.recordsFrom === undefined || month >= facts.recordsFrom,
    monthly: (month) => setting(month)?.monthlyRegular ?? true,
    quarterly: (month) => setting(month)?.thematicPerQuarter ?? true,
  };
}

/**
 * Regular sittings: a month is due once it has ended (tracked and demanded), and a month whose sitting is
 * already held counts as due too, so what was held never exceeds what was due.
 */
function regularFigures(period: ReportPeriod, asOf: string, sittings: MeetingFacts[], demand: Demand) {
  const held = monthsHeld(sittings);
  const dueMonths = period.months.filter((mo) => held.has(mo) || (demand.tracked(mo) && demand.monthly(mo) && monthEnded(mo, asOf)));
  const missingMonths = dueMonths.filter((mo) => !held.has(mo));
  return { dueMonths, regular: { held: dueMonths.length - missingMonths.length, due: dueMonths.length, missingMonths } };
}

/**
 * Thematic sittings: one is due for each quarter wholly in the period that has ended (tracked from its first
 * month, demanded), and for each quarter in which one was held in the period; `held` counts the sittings.
 */
function thematicFigures(period: ReportPeriod, asOf: string, sittings: MeetingFacts[], demand: Demand, facts: CellFacts | undefined): CellReport['thematic'] {
  const thematic = sittings.filter((s) => isThematicKind(s.kind));
  const key = (year: number, q: number) => `${year}-Q${q}`;
  const heldIn = new Set(thematic.map((s) => key(Number(s.date.slice(0, 4)), quarterOfDate(s.date))));
  const due = new Map<string, { year: number; q: number }>();
  for (const mo of period.months) {
    const month = Number(mo.slice(5, 7));
    if (month % 3 !== 0) continue;
    const year = Number(mo.slice(0, 4));
    const first = `${year}-${String(month - 2).padStart(2, '0')}`;
    if (period.months.includes(first) && demand.tracked(first) && demand.quarterly(first) && monthEnded(mo, asOf)) due.set(key(year, month / 3), { year, q: month / 3 });
  }
  for (const s of thematic) {
    const year = Number(s.date.slice(0, 4));
    due.set(key(year, quarterOfDate(s.date)), { year, q: quarterOfDate(s.date) });
  }
  const missingQuarters = [...due.entries()]
    .filter(([k]) => !heldIn.has(k))
    .map(([, v]) => v.q)
    .sort((a, b) => a - b);
  const perYear = (facts?.years ?? []).map((y) => ({ year: y.year, held: thematicCount(y.year, sittings), min: y.thematicMin, max: y.thematicMax }));
  return { held: thematic.length, due: due.size, missingQuarters, perYear };
}

/** Attendance over the regular and combined sittings, counted as attendance-quality counts; the sums for the totals. */
function attendanceFigures(sittings: MeetingFacts[], facts: CellFacts | undefined) {
  let present = 0;
  let counted = 0;
  let lowest: number | null = null;
  let lowestDate: string | null = null;
  let unexcused = 0;
  let belowMinimum = 0;
  const minPercent = facts?.years[0]?.minPresentPercent ?? 85;
  for (const s of sittings) {
    unexcused += s.unexcused.length;
    const min = facts?.years.find((y) => s.date.startsWith(`${y.year}-`))?.minPresentPercent ?? minPercent;
    // The comparison attendance-quality makes, on every kind of sitting it checks.
    if (s.counted !== null && s.present !== null && s.counted > 0 && s.present * 100 <= min * s.counted) belowMinimum++;
    if (s.kind === 'thematic' || s.counted === null || s.present === null || s.counted === 0) continue;
    present += s.present;
    counted += s.counted;
    const rate = s.present / s.counted;
    if (lowest === null || rate < lowest) {
      lowest = rate;
      lowestDate = s.date;
    }
  }
  const streaks = (facts?.years ?? []).flatMap((y) => absenceRuns(sittings.filter((s) => s.date.startsWith(`${y.year}-`)), y.maxConsecutive).longest);
  return {
    attendance: { rate: ratio(present, counted), lowest: lowest === null ? null : round(lowest, 4), lowestDate, unexcused, belowMinimum, streaks },
    present,
    counted,
    minPercent,
  };
}

/** Sittings under the minimum duration or with required steps missing, from duration-min and meeting-steps. */
function shortfallsOf(sittings: MeetingFacts[], problems: Problem[]): MeetingShortfall[] {
  const shortfalls: MeetingShortfall[] = [];
  for (const s of sittings) {
    const own = problems.filter((p) => p.file === s.file);
    const short = own.find((p) => p.ruleId === 'duration-min' && p.severity === 'error');
    const steps = own.filter((p) => p.ruleId === 'meeting-steps' && p.messageId === 'missing').map((p) => String(p.data?.step));
    if (!short && steps.length === 0) continue;
    shortfalls.push({
      file: s.file,
      date: s.date,
      ...(short ? { minutes: Number(short.data?.actual), minimum: Number(short.data?.min) } : {}),
      ...(steps.length > 0 ? { missingSteps: steps } : {}),
    });
  }
  return shortfalls;
}

/** Committee members who came (a guest on the committee's roster), and each assignment of this cell, pro rata. */
function visitsOf(folder: string, sittings: MeetingFacts[], period: ReportPeriod, asOf: string, committee: Committee | undefined): CellReport['visits'] {
  const roster = new Map((committee?.members ?? []).map((m) => [normalizeName(m.name), m]));
  const list: Visit[] = [];
  for (const s of sittings) {
    for (const g of s.guests) {
      const member = roster.get(normalizeName(g));
      if (member) list.push({ member: member.name, date: s.date, file: s.file });
    }
  }
  // Pro rata, rounded down: a year's obligation falls due only as its share of the year passes.
  const ended = period.months.filter((mo) => monthEnded(mo, asOf)).length;
  const assignments: AssignmentStatus[] = [];
  for (const a of committee?.assignments ?? []) {
    if (!a.cells.includes(folder)) continue;
    const member = committee?.members?.find((m) => m.id === a.member) ?? committee?.members?.find((m) => normalizeName(m.name) === normalizeName(a.member));
    const memberName = member?.name ?? a.member;
    const due = Math.floor(((a.visitsPerYear ?? 1) * ended) / 12);
    const held = list.filter((v) => normalizeName(v.member) === normalizeName(memberName)).length;
    assignments.push({ member: memberName, due, held, kept: held >= due });
  }
  return { held: list.length, due: assignments.reduce((t, a) => t + a.due, 0), list, assignments };
}

/** Errors and warnings, in all and by rule. */
function problemCounts(problems: Problem[]) {
  const byRule: Record<string, { errors: number; warnings: number }> = {};
  let errorCount = 0;
  let warningCount = 0;
  for (const p of problems) {
    const entry = (byRule[p.ruleId] ??= { errors: 0, warnings: 0 });
    if (p.severity === 'error') {
      entry.errors++;
      errorCount++;
    } else {
      entry.warnings++;
      warningCount++;
    }
  }
  return { errorCount, warningCount, byRule };
}

/** The cell × month grid. */
function monthGrid(period: ReportPeriod, sittings: MeetingFacts[], dueMonths: string[]): MonthCell[] {
  return period.months.map((mo) => {
    const inMonth = sittings.filter((s) => s.date.startsWith(mo));
    const regular = inMonth.find((s) => s.kind !== 'thematic');
    const scoredInMonth = inMonth.find((s) => s.score !== null && s.kind !== 'thematic') ?? inMonth.find((s) => s.score !== null);
    return {
      month: mo,
      due: dueMonths.includes(mo),
      regular: regular !== undefined,
      thematic: inMonth.some((s) => isThematicKind(s.kind)),
      combined: inMonth.some((s) => s.kind === 'combined'),
      attendanceRate: regular && regular.counted ? round(regular.present! / regular.counted, 4) : null,
      score: scoredInMonth ? scoredInMonth.score!.total : null,
    };
  });
}

/**
 * A cell's figures for the period, as of a day. Status and compliance are the caller's: they depend on the
 * other folders (duplicates, the committee's list).
 */
export function figures(
  folder: string,
  name: string,
  facts: CellFacts | undefined,
  allProblems: Problem[],
  period: ReportPeriod,
  asOf: string,
  committee: Committee | undefined,
): CountedCell {
  const demand = demandOf(facts);
  // Sittings of the period held by the as-of date.
  const sittings = (facts?.meetings ?? []).filter((m) => m.date >= period.from && m.date <= period.to && m.date <= asOf);
  const { dueMonths, regular } = regularFigures(period, asOf, sittings, demand);
  const thematic = thematicFigures(period, asOf, sittings, demand, facts);
  const { attendance, present, counted, minPercent } = attendanceFigures(sittings, facts);
  const meetingDate = new Map((facts?.meetings ?? []).map((m) => [m.file, m.date]));
  const problems = allProblems.filter((p) => problemInPeriod(p, meetingDate.get(p.file), period, asOf));
  const scored = sittings.filter((s) => s.score !== null);
  const ratings = { good: 0, fair: 0, average: 0, poor: 0 };
  for (const s of scored) ratings[s.score!.rating]++;
  const scoreSum = scored.reduce((t, s) => t + s.score!.total, 0);

  const cell: CellReport = {
    folder,
    name,
    status: 'ok',
    regular,
    thematic,
    attendance,
    shortfalls: shortfallsOf(sittings, problems),
    resolutions: { adopted: sittings.filter((s) => s.resolution && s.status === 'adopted').length, meetings: sittings.length },
    score: { average: scored.length > 0 ? round(scoreSum / scored.length, 1) : null, ratings },
    visits: visitsOf(folder, sittings, period, asOf, committee),
    ...problemCounts(problems),
    problems: problems.map((p) => ({ file: p.file, line: p.line, column: p.column, ruleId: p.ruleId, severity: p.severity, message: p.message })),
    months: monthGrid(period, sittings, dueMonths),
    compliant: false,
  };
  return { cell, sums: { present, counted, scoreSum, scored: scored.length, minPercent } };
}

/** Pooled rates over cells (members and sittings, not an average of averages). */
export function pooled(list: readonly CountedCell[]): { attendanceRate: number | null; averageScore: number | null } {
  const sum = (k: keyof CellSums) => list.reduce((t, c) => t + c.sums[k], 0);
  const scored = sum('scored');
  return { attendanceRate: ratio(sum('present'), sum('counted')), averageScore: scored > 0 ? round(sum('scoreSum') / scored, 1) : null };
}

export { ratio, round };
