// report(): the committee's view of its cells — one validation run with facts, aggregated per cell and in total.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { absenceRuns, isThematicKind, monthsHeld, thematicCount } from '../facts/derive.js';
import type { CellFacts, MeetingFacts } from '../facts/types.js';
import { collect, type CellGroup } from '../lint/collect.js';
import type { EngineOptions, GroupOutput } from '../lint/engine.js';
import { runGroupOutputs } from '../lint/pool.js';
import type { Problem } from '../lint/problem.js';
import { loadRulesFile } from '../lint/rules-file.js';
import { finishResults, today } from '../lint/validate.js';
import type { Lang } from '../messages/format.js';
import type { RuleOverrides } from '../model.js';
import { normalizeName } from '../rules/roster.js';
import { COMMITTEE_FILE, findCommitteeFile, loadCommittee, superiorRules, type Committee } from '../source/committee.js';
import { lastDayOfMonth, periodEnded } from '../util/time.js';
import { parsePeriod } from './period.js';
import { reportText } from './text.js';
import type {
  AssignmentStatus,
  AttentionItem,
  CellReport,
  CellStatus,
  CommitteeReport,
  MeetingShortfall,
  MonthCell,
  ReportPeriod,
  ReportTotals,
  Visit,
} from './types.js';

/** Options of report(). */
export interface ReportOptions {
  cwd?: string;
  /** `2026`, `2026-Q4`, `2026-11` or `2026-01..2026-06` (default: the year of `asOf`). */
  period?: string;
  /** Cut-off, inclusive (default: today). */
  asOf?: string;
  lang?: Lang;
  /** Overrides applied over the committee's (as `--rules`). */
  rules?: RuleOverrides;
  rulesFile?: string;
  jobs?: number;
  maxFileBytes?: number;
}

const SKIP = new Set(['node_modules', 'out', 'dist']);

/** One folder the report speaks about, with what the engine found in it. */
interface Found {
  folder: string;
  abs: string;
  outputs: GroupOutput[];
}

/** Per cell, the sums behind its rates, for pooled totals. */
const SUMS = new WeakMap<CellReport, { present: number; counted: number; scoreSum: number; scored: number; minPercent: number }>();

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const ratio = (num: number, den: number): number | null => (den > 0 ? round(num / den, 4) : null);

/** Subfolders of a committee folder (each is a cell), hidden and build folders skipped. */
function cellFolders(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && !SKIP.has(name))
    .filter((name) => {
      try {
        return statSync(join(dir, name)).isDirectory();
      } catch {
        return false;
      }
    })
    .sort();
}

/**
 * Report on a committee folder (with committee.yaml) or on cell folders. Reads each file once, through the
 * validator, and aggregates the facts it derived; never throws for bad cell files (they become statuses
 * and problems), throws a UsageError for a bad period and a ConfigError for a broken committee or rules file.
 */
export async function report(paths: readonly string[], options: ReportOptions = {}): Promise<CommitteeReport> {
  const cwd = options.cwd ?? resolve('.');
  const lang = options.lang ?? 'vi';
  const asOf = options.asOf ?? today();
  const period = parsePeriod(options.period ?? asOf.slice(0, 4), lang);

  // The committee: committee.yaml in the one folder named, or the nearest above the first path.
  const first = resolve(cwd, paths[0] ?? '.');
  const committeeFile = findCommitteeFile(safeIsDir(first) ? first : dirname(first));
  const committee = committeeFile ? loadCommittee(committeeFile, lang, relative(cwd, committeeFile) || COMMITTEE_FILE) : undefined;
  const committeeDir = committeeFile ? dirname(committeeFile) : undefined;
  const wholeCommittee = paths.length === 1 && committeeDir !== undefined && resolve(cwd, paths[0]!) === committeeDir;

  const fromFile = options.rulesFile ? loadRulesFile(options.rulesFile, cwd, lang) : undefined;
  const flagRules = fromFile || options.rules ? { ...fromFile, ...options.rules } : undefined;
  const rules = superiorRules(committee?.overrides, flagRules);
  const years = [...new Set(period.months.map((m) => Number(m.slice(0, 4))))];
  const engine: EngineOptions = {
    asOf,
    facts: { years },
    ...(rules ? { rules } : {}),
    ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
  };

  // One named path per cell folder, so records without a cell.yaml still stay with their folder.
  const targets: { folder: string; abs: string; given: string }[] = wholeCommittee
    ? cellFolders(committeeDir!).map((name) => ({ folder: name, abs: join(committeeDir!, name), given: join(paths[0]!, name) }))
    : paths.map((p) => {
        const abs = resolve(cwd, p);
        return { folder: committeeDir && abs.startsWith(committeeDir + sep) ? relative(committeeDir, abs).split(sep)[0]! : basename(abs), abs, given: p };
      });
  const groups: CellGroup[] = [];
  const owner = new Map<CellGroup, string>();
  let fileCount = 0;
  const notFound = new Set<string>();
  for (const t of targets) {
    const c = collect([t.given], cwd);
    if (c.missing.length > 0) notFound.add(t.folder);
    for (const g of c.groups) {
      groups.push(g);
      // A folder named on the command line may hold many cells (a province): each cell folder is its own row.
      owner.set(g, wholeCommittee || !g.root || g.root === t.abs ? t.folder : cellFolderName(g.root, committeeDir, cwd));
    }
    fileCount += c.fileCount;
  }
  // Outputs arrive in any order from the threads; their files say which folder they belong to.
  const outputs = await runGroupOutputs(groups, engine, options.jobs ?? 1, fileCount);
  const byFolder = new Map<string, Found>();
  for (const g of groups) {
    const folder = owner.get(g)!;
    if (!byFolder.has(folder)) byFolder.set(folder, { folder, abs: g.root ?? '', outputs: [] });
  }
  // A folder named that holds no records of its own is still a row (a cell that sent nothing), unless it
  // holds cell folders: then those are its rows, and the folder itself is not a cell.
  const holdsCells = (abs: string) => groups.some((g) => g.root !== undefined && g.root.startsWith(abs + sep));
  for (const t of targets) if (!notFound.has(t.folder) && !byFolder.has(t.folder) && ![...owner.values()].some((f) => f.startsWith(`${t.folder}/`)) && !holdsCells(t.abs)) byFolder.set(t.folder, { folder: t.folder, abs: t.abs, outputs: [] });
  const folderOfFile = new Map<string, string>();
  for (const g of groups) for (const f of g.files) folderOfFile.set(f.display, owner.get(g)!);
  for (const o of outputs) {
    const file = o.facts?.files[0] ?? o.results[0]?.file;
    const folder = file !== undefined ? folderOfFile.get(file) : undefined;
    if (folder !== undefined) byFolder.get(folder)?.outputs.push(o);
  }

  const cells = buildCells(committee, wholeCommittee, byFolder, notFound, period, asOf, lang);
  const totals = buildTotals(cells, committee, wholeCommittee);
  const attention = rank(cells, lang);
  const secretary = committee?.members?.find((m) => m.role === 'secretary');
  return {
    committee: committee?.name ?? '',
    ...(committee?.parent ? { parent: committee.parent } : {}),
    ...(committee ? { place: committee.place, kind: committee.kind } : {}),
    ...(committee ? { numbering: { code: committee.numbering?.code ?? 'BC/ĐU', ...(committee.numbering?.next ? { next: committee.numbering.next } : {}) } } : {}),
    ...(secretary ? { signer: { name: secretary.name, role: secretary.role } } : {}),
    ...(committee?.recipients ? { recipients: committee.recipients } : {}),
    period,
    asOf,
    cells,
    totals,
    attention,
  };
}

/** How a cell folder is named in the report: below its committee's folder, else relative to the working folder. */
function cellFolderName(root: string, committeeDir: string | undefined, cwd: string): string {
  const base = committeeDir && root.startsWith(committeeDir + sep) ? committeeDir : cwd;
  return (relative(base, root) || basename(root)).split(sep).join('/');
}

function safeIsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function buildCells(
  committee: Committee | undefined,
  wholeCommittee: boolean,
  found: Map<string, Found>,
  notFound: Set<string>,
  period: ReportPeriod,
  asOf: string,
  lang: Lang,
): CellReport[] {
  const listed = new Map((committee?.cells ?? []).map((c) => [c.folder, c.name]));
  const out: CellReport[] = [];
  const facts = new Map<string, CellFacts | undefined>();
  for (const [folder, f] of found) facts.set(folder, mergeFacts(f.outputs));

  // Two folders claiming one cell: the listed folder keeps its name, every other claimant is a duplicate.
  const byName = new Map<string, string[]>();
  for (const [folder, fc] of facts) {
    if (!fc?.name) continue;
    const key = normalizeName(fc.name);
    byName.set(key, [...(byName.get(key) ?? []), folder]);
  }

  for (const [folder, f] of found) {
    const fc = facts.get(folder);
    const problems = finishResults(f.outputs.flatMap((o) => o.results), lang).results.flatMap((r) => r.problems);
    const listedName = listed.get(folder);
    const cell = figures(folder, fc?.name ?? listedName ?? folder, fc, problems, period, asOf, committee);
    const claimants = fc?.name ? byName.get(normalizeName(fc.name)) ?? [] : [];
    const meetingsInPeriod = (fc?.meetings ?? []).filter((m) => m.date >= period.from && m.date <= period.to).length;
    let status: CellStatus = 'ok';
    let note: string | undefined;
    if (claimants.length > 1 && !(listedName !== undefined && normalizeName(listedName) === normalizeName(fc!.name!))) {
      status = 'duplicate';
      note = reportText('duplicate', lang, { name: fc!.name!, other: claimants.filter((c) => c !== folder).join(', ') });
    } else if (committee && wholeCommittee && listedName === undefined) {
      status = 'unlisted';
      note = reportText('unlisted', lang);
    } else if (fc && (fc.incomplete.length > 0 || fc.cellBroken)) {
      status = 'unreadable';
      note = reportText('unreadable', lang, { count: fc.incomplete.length, files: fc.incomplete.join(', ') });
    } else if (meetingsInPeriod === 0) {
      status = 'missing';
      note = reportText('missingNoRecord', lang);
    } else if (listedName !== undefined && fc?.name && normalizeName(listedName) !== normalizeName(fc.name)) {
      note = reportText('nameMismatch', lang, { actual: fc.name, expected: listedName });
    }
    cell.status = status;
    if (note) cell.statusNote = note;
    cell.compliant = status === 'ok' && cell.regular.missingMonths.length === 0 && cell.thematic.missingQuarters.length === 0 && cell.errorCount === 0;
    out.push(cell);
  }
  // A listed cell with no folder at all.
  if (wholeCommittee) {
    for (const c of committee?.cells ?? []) {
      if (found.has(c.folder)) continue;
      const cell = figures(c.folder, c.name, undefined, [], period, asOf, committee);
      cell.status = 'missing';
      cell.statusNote = reportText('missingNoFolder', lang, { folder: c.folder });
      out.push(cell);
    }
  }
  for (const folder of notFound) {
    if (found.has(folder) || out.some((c) => c.folder === folder)) continue;
    const cell = figures(folder, listed.get(folder) ?? folder, undefined, [], period, asOf, committee);
    cell.status = 'missing';
    cell.statusNote = reportText('missingNoFolder', lang, { folder });
    out.push(cell);
  }
  // Listed order first (the committee's own order), then the others by folder.
  const order = new Map((committee?.cells ?? []).map((c, i) => [c.folder, i]));
  return out.sort((a, b) => (order.get(a.folder) ?? 1e9) - (order.get(b.folder) ?? 1e9) || a.folder.localeCompare(b.folder));
}

/** A folder normally holds one cell group; if it holds more, their facts are read together. */
function mergeFacts(outputs: GroupOutput[]): CellFacts | undefined {
  const list = outputs.map((o) => o.facts).filter((f): f is CellFacts => f !== undefined);
  if (list.length <= 1) return list[0];
  const main = list.find((f) => f.name !== undefined) ?? list[0]!;
  return {
    ...main,
    files: list.flatMap((f) => f.files),
    incomplete: list.flatMap((f) => f.incomplete),
    cellBroken: list.some((f) => f.cellBroken),
    meetings: list.flatMap((f) => f.meetings).sort((a, b) => (a.date === b.date ? a.start.localeCompare(b.start) : a.date < b.date ? -1 : 1)),
  };
}

/** Whether a record's file is one the period speaks about (problems of other years stay out). */
function inPeriod(p: Problem, meetingFile: Map<string, MeetingFacts>, period: ReportPeriod): boolean {
  const m = meetingFile.get(p.file);
  if (m) return m.date >= period.from && m.date <= period.to;
  const plan = /plan-(\d{4})\.ya?ml$/i.exec(p.file);
  if (plan) return period.months.some((mo) => mo.startsWith(plan[1]!));
  // A year finding names its year, and its month or quarter when it has one (monthly-regular, thematic-per-quarter).
  const year = p.data?.year;
  if (year === undefined) return true;
  const month = Number(p.data?.month);
  if (month >= 1 && month <= 12) return period.months.includes(`${year}-${String(month).padStart(2, '0')}`);
  const quarter = Number(p.data?.quarter);
  if (quarter >= 1 && quarter <= 4) {
    return [0, 1, 2].some((i) => period.months.includes(`${year}-${String(quarter * 3 - 2 + i).padStart(2, '0')}`));
  }
  return period.months.some((mo) => mo.startsWith(String(year)));
}

function figures(
  folder: string,
  name: string,
  facts: CellFacts | undefined,
  allProblems: Problem[],
  period: ReportPeriod,
  asOf: string,
  committee: Committee | undefined,
): CellReport {
  const recordsFrom = facts?.recordsFrom;
  const tracked = (month: string) => recordsFrom === undefined || month >= recordsFrom;
  // Due only where validate would demand it: a rule the committee or the cell switched off demands nothing.
  const setting = (month: string) => facts?.years.find((y) => month.startsWith(`${y.year}-`));
  const monthDemanded = (month: string) => setting(month)?.monthlyRegular ?? true;
  const quarterDemanded = (month: string) => setting(month)?.thematicPerQuarter ?? true;
  // Sittings of the period held by the as-of date.
  const sittings = (facts?.meetings ?? []).filter((m) => m.date >= period.from && m.date <= period.to && m.date <= asOf);
  const held = monthsHeld(sittings);
  const dueMonths = period.months.filter((mo) => tracked(mo) && monthDemanded(mo) && periodEnded(lastDayOfMonth(Number(mo.slice(0, 4)), Number(mo.slice(5, 7))), asOf));
  const missingMonths = dueMonths.filter((mo) => !held.has(mo));

  // Quarters wholly inside the period, ended and tracked from their first month.
  const quarters: { year: number; q: number }[] = [];
  for (const mo of period.months) {
    const month = Number(mo.slice(5, 7));
    if (month % 3 !== 0) continue;
    const year = Number(mo.slice(0, 4));
    const firstMonth = `${year}-${String(month - 2).padStart(2, '0')}`;
    if (!period.months.includes(firstMonth) || !tracked(firstMonth) || !quarterDemanded(firstMonth)) continue;
    if (periodEnded(lastDayOfMonth(year, month), asOf)) quarters.push({ year, q: month / 3 });
  }
  const thematicSittings = sittings.filter((s) => isThematicKind(s.kind));
  const missingQuarters = quarters
    .filter(({ year, q }) => !thematicSittings.some((s) => s.date.startsWith(`${year}-`) && Math.ceil(Number(s.date.slice(5, 7)) / 3) === q))
    .map(({ q }) => q);
  const perYear = (facts?.years ?? []).map((y) => ({
    year: y.year,
    held: thematicCount(y.year, sittings),
    min: y.thematicMin,
    max: y.thematicMax,
  }));

  // Attendance over the regular and combined sittings, counted as attendance-quality counts.
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
  const streaks = (facts?.years ?? []).flatMap((y) =>
    absenceRuns(sittings.filter((s) => s.date.startsWith(`${y.year}-`)), y.maxConsecutive).longest,
  );

  const meetingFile = new Map((facts?.meetings ?? []).map((m) => [m.file, m]));
  const problems = allProblems.filter((p) => inPeriod(p, meetingFile, period));
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

  const scored = sittings.filter((s) => s.score !== null);
  const ratings = { good: 0, fair: 0, average: 0, poor: 0 };
  for (const s of scored) ratings[s.score!.rating]++;

  // Visits: a guest whose name is on the committee's roster.
  const roster = new Map((committee?.members ?? []).map((m) => [normalizeName(m.name), m]));
  const list: Visit[] = [];
  for (const s of sittings) {
    for (const g of s.guests) {
      const member = roster.get(normalizeName(g));
      if (member) list.push({ member: member.name, date: s.date, file: s.file });
    }
  }
  const assignments: AssignmentStatus[] = [];
  for (const a of committee?.assignments ?? []) {
    if (!a.cells.includes(folder)) continue;
    const member = committee?.members?.find((m) => m.id === a.member) ?? committee?.members?.find((m) => normalizeName(m.name) === normalizeName(a.member));
    const memberName = member?.name ?? a.member;
    // Pro rata, rounded down: a year's obligation falls due only as its share of the year passes.
    const ended = period.months.filter((mo) => periodEnded(lastDayOfMonth(Number(mo.slice(0, 4)), Number(mo.slice(5, 7))), asOf)).length;
    const due = Math.floor(((a.visitsPerYear ?? 1) * ended) / 12);
    const heldVisits = list.filter((v) => normalizeName(v.member) === normalizeName(memberName)).length;
    assignments.push({ member: memberName, due, held: heldVisits, kept: heldVisits >= due });
  }

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

  const months: MonthCell[] = period.months.map((mo) => {
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

  const cell: CellReport = {
    folder,
    name,
    status: 'ok',
    regular: { held: held.size, due: dueMonths.length, missingMonths },
    thematic: { held: thematicSittings.length, due: quarters.length, missingQuarters, perYear },
    attendance: {
      rate: ratio(present, counted),
      lowest: lowest === null ? null : round(lowest, 4),
      lowestDate,
      unexcused,
      belowMinimum,
      streaks,
    },
    shortfalls,
    resolutions: { adopted: sittings.filter((s) => s.resolution && s.status === 'adopted').length, meetings: sittings.length },
    score: {
      average: scored.length > 0 ? round(scored.reduce((t, s) => t + s.score!.total, 0) / scored.length, 1) : null,
      ratings,
    },
    visits: { held: list.length, due: assignments.reduce((t, a) => t + a.due, 0), list, assignments },
    errorCount,
    warningCount,
    byRule,
    problems: problems.map((p) => ({ file: p.file, line: p.line, column: p.column, ruleId: p.ruleId, severity: p.severity, message: p.message })),
    months,
    compliant: false,
  };
  // Sums kept for the totals (pooled over members and sittings, not an average of averages).
  SUMS.set(cell, { present, counted, scoreSum: scored.reduce((t, s) => t + s.score!.total, 0), scored: scored.length, minPercent });
  return cell;
}

function buildTotals(cells: CellReport[], committee: Committee | undefined, wholeCommittee: boolean): ReportTotals {
  const listed = new Set((committee?.cells ?? []).map((c) => c.folder));
  const expected = wholeCommittee ? cells.filter((c) => listed.has(c.folder)) : cells;
  const reporting = expected.filter((c) => c.status !== 'missing');
  // Pooled over the expected cells that reported (an unlisted or duplicate folder is not in the figures).
  const counted = reporting;
  let present = 0;
  let members = 0;
  let scoreSum = 0;
  let scored = 0;
  const ratings = { good: 0, fair: 0, average: 0, poor: 0 };
  let assignmentsDue = 0;
  let assignmentsKept = 0;
  for (const c of counted) {
    const sums = SUMS.get(c)!;
    present += sums.present;
    members += sums.counted;
    scoreSum += sums.scoreSum;
    scored += sums.scored;
    for (const k of Object.keys(ratings) as (keyof typeof ratings)[]) ratings[k] += c.score.ratings[k];
  }
  for (const c of cells) {
    for (const a of c.visits.assignments) {
      if (a.due === 0) continue;
      assignmentsDue++;
      if (a.kept) assignmentsKept++;
    }
  }
  const rhythmBase = reporting.filter((c) => c.regular.due > 0);
  return {
    cells: wholeCommittee ? listed.size : cells.length,
    reporting: reporting.length,
    compliant: expected.filter((c) => c.compliant).length,
    monthlyRhythm: ratio(rhythmBase.filter((c) => c.regular.missingMonths.length === 0).length, rhythmBase.length),
    attendanceRate: ratio(present, members),
    averageScore: scored > 0 ? round(scoreSum / scored, 1) : null,
    ratings,
    assignmentsKept,
    assignmentsDue,
    errorCount: cells.reduce((t, c) => t + c.errorCount, 0),
    warningCount: cells.reduce((t, c) => t + c.warningCount, 0),
  };
}

/** Cells needing attention, most serious first: what is missing weighs more than what is weak. */
function rank(cells: CellReport[], lang: Lang): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const c of cells) {
    const reasons: string[] = [];
    let severity = 0;
    const add = (weight: number, text: string) => {
      severity += weight;
      reasons.push(text);
    };
    if (c.status === 'missing') add(100, reportText('reasonMissing', lang));
    if (c.status === 'unreadable') add(60, reportText('reasonUnreadable', lang));
    if (c.status === 'duplicate') add(50, reportText('reasonDuplicate', lang));
    if (c.status === 'unlisted') add(20, reportText('reasonUnlisted', lang));
    if (c.status !== 'missing') {
      if (c.regular.missingMonths.length > 0) add(10 * c.regular.missingMonths.length, reportText('reasonMonths', lang, { count: c.regular.missingMonths.length }));
      if (c.thematic.missingQuarters.length > 0) add(8 * c.thematic.missingQuarters.length, reportText('reasonQuarters', lang, { count: c.thematic.missingQuarters.length }));
      const min = SUMS.get(c)?.minPercent ?? 85;
      if (c.attendance.rate !== null && c.attendance.rate * 100 <= min) {
        add(Math.max(1, Math.round(min + 5 - c.attendance.rate * 100)), reportText('reasonAttendance', lang, { percent: round(c.attendance.rate * 100, 1), min }));
      }
      if (c.attendance.belowMinimum > 0) add(3 * c.attendance.belowMinimum, reportText('reasonBelow', lang, { count: c.attendance.belowMinimum, min }));
      if (c.attendance.unexcused > 0) add(c.attendance.unexcused, reportText('reasonUnexcused', lang, { count: c.attendance.unexcused }));
      if (c.errorCount > 0) add(c.errorCount, reportText('reasonErrors', lang, { count: c.errorCount }));
    }
    const short = c.visits.assignments.reduce((t, a) => t + Math.max(0, a.due - a.held), 0);
    if (short > 0) add(3 * short, reportText('reasonVisits', lang, { count: short }));
    if (severity > 0) items.push({ folder: c.folder, name: c.name, severity, reasons });
  }
  return items.sort((a, b) => b.severity - a.severity || a.folder.localeCompare(b.folder));
}
