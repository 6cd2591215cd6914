// report(): the committee's view of its cells — one validation run with facts, aggregated per cell and in total.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { CellFacts } from '../facts/types.js';
import { collect, type CellGroup } from '../lint/collect.js';
import type { EngineOptions, GroupOutput } from '../lint/engine.js';
import { runGroupOutputs } from '../lint/pool.js';
import { loadRulesFile } from '../lint/rules-file.js';
import { finishResults, today } from '../lint/validate.js';
import type { Lang } from '../messages/format.js';
import type { RuleOverrides } from '../model.js';
import { normalizeName } from '../rules/roster.js';
import { COMMITTEE_FILE, findCommitteeFile, loadCommittee, superiorRules, type Committee } from '../source/committee.js';
import { figures, pooled, ratio, round, type CountedCell } from './figures.js';
import { parsePeriod } from './period.js';
import { nextNumber, readRegister } from './register.js';
import { reportText } from './text.js';
import type { AttentionItem, CellStatus, CommitteeReport, ReportPeriod, ReportTotals } from './types.js';

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

  const committeeFile = committeeFileOf(paths, cwd);
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

  const counted = buildCells(committee, wholeCommittee, byFolder, notFound, period, asOf, lang);
  const cells = counted.map((c) => c.cell);
  const totals = buildTotals(counted, committee, wholeCommittee);
  const attention = rank(counted, lang);
  const secretary = committee?.members?.find((m) => m.role === 'secretary');
  return {
    committee: committee?.name ?? '',
    ...(committee?.parent ? { parent: committee.parent } : {}),
    ...(committee ? { place: committee.place, kind: committee.kind } : {}),
    ...(committee ? { numbering: numberingOf(committee, committeeDir!) } : {}),
    ...(secretary ? { signer: { name: secretary.name, role: secretary.role } } : {}),
    ...(committee?.recipients ? { recipients: committee.recipients } : {}),
    period,
    asOf,
    cells,
    totals,
    attention,
  };
}

/** The committee file a report on these paths belongs to: committee.yaml in the one folder named, or the nearest above the first path. */
export function committeeFileOf(paths: readonly string[], cwd: string): string | undefined {
  const first = resolve(cwd, paths[0] ?? '.');
  return findCommitteeFile(safeIsDir(first) ? first : dirname(first));
}

/** The report's code and number: the next of the committee's sequence, from its register of reports issued. */
function numberingOf(committee: Committee, committeeDir: string): NonNullable<CommitteeReport['numbering']> {
  const setting = {
    code: committee.numbering?.code ?? 'BC/ĐU',
    ...(committee.numbering?.next !== undefined ? { next: committee.numbering.next } : {}),
    ...(committee.numbering?.termStart !== undefined ? { termStart: String(committee.numbering.termStart) } : {}),
  };
  const next = nextNumber(readRegister(committeeDir), setting);
  return { code: setting.code, ...(next !== undefined ? { next } : {}), ...(setting.termStart ? { termStart: setting.termStart } : {}) };
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

/** The status of a cell that was found, and why (a note in the report's language) when it is not simply ok. */
function statusOf(
  folder: string,
  fc: CellFacts | undefined,
  claimants: string[],
  listedName: string | undefined,
  listed: boolean,
  meetingsInPeriod: number,
  lang: Lang,
): { status: CellStatus; note?: string } {
  if (claimants.length > 1 && !(listedName !== undefined && normalizeName(listedName) === normalizeName(fc!.name!))) {
    return { status: 'duplicate', note: reportText('duplicate', lang, { name: fc!.name!, other: claimants.filter((c) => c !== folder).join(', ') }) };
  }
  if (listed && listedName === undefined) return { status: 'unlisted', note: reportText('unlisted', lang) };
  if (fc && (fc.incomplete.length > 0 || fc.cellBroken)) {
    return { status: 'unreadable', note: reportText('unreadable', lang, { count: fc.incomplete.length, files: fc.incomplete.join(', ') }) };
  }
  if (meetingsInPeriod === 0) return { status: 'missing', note: reportText('missingNoRecord', lang) };
  if (listedName !== undefined && fc?.name && normalizeName(listedName) !== normalizeName(fc.name)) {
    return { status: 'ok', note: reportText('nameMismatch', lang, { actual: fc.name, expected: listedName }) };
  }
  return { status: 'ok' };
}

/** Set a cell's status; a cell that sent nothing has no absences to count, so those figures are null, not 0. */
function settle(counted: CountedCell, status: CellStatus, note: string | undefined): CountedCell {
  const cell = counted.cell;
  cell.status = status;
  if (note) cell.statusNote = note;
  if (status === 'missing') {
    cell.attendance.unexcused = null;
    cell.attendance.belowMinimum = null;
  }
  cell.compliant = status === 'ok' && cell.regular.missingMonths.length === 0 && cell.thematic.missingQuarters.length === 0 && cell.errorCount === 0;
  return counted;
}

function buildCells(
  committee: Committee | undefined,
  wholeCommittee: boolean,
  found: Map<string, Found>,
  notFound: Set<string>,
  period: ReportPeriod,
  asOf: string,
  lang: Lang,
): CountedCell[] {
  const listed = new Map((committee?.cells ?? []).map((c) => [c.folder, c.name]));
  const out: CountedCell[] = [];
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
    const counted = figures(folder, fc?.name ?? listedName ?? folder, fc, problems, period, asOf, committee);
    const claimants = fc?.name ? byName.get(normalizeName(fc.name)) ?? [] : [];
    const meetingsInPeriod = (fc?.meetings ?? []).filter((m) => m.date >= period.from && m.date <= period.to).length;
    const { status, note } = statusOf(folder, fc, claimants, listedName, committee !== undefined && wholeCommittee, meetingsInPeriod, lang);
    out.push(settle(counted, status, note));
  }
  // A listed cell with no folder at all, and a folder named that does not exist.
  const absent = [
    ...(wholeCommittee ? (committee?.cells ?? []).map((c) => ({ folder: c.folder, name: c.name })) : []),
    ...[...notFound].map((folder) => ({ folder, name: listed.get(folder) ?? folder })),
  ];
  for (const { folder, name } of absent) {
    if (found.has(folder) || out.some((c) => c.cell.folder === folder)) continue;
    out.push(settle(figures(folder, name, undefined, [], period, asOf, committee), 'missing', reportText('missingNoFolder', lang, { folder })));
  }
  // Listed order first (the committee's own order), then the others by folder.
  const order = new Map((committee?.cells ?? []).map((c, i) => [c.folder, i]));
  return out.sort((a, b) => (order.get(a.cell.folder) ?? 1e9) - (order.get(b.cell.folder) ?? 1e9) || a.cell.folder.localeCompare(b.cell.folder));
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

function buildTotals(list: CountedCell[], committee: Committee | undefined, wholeCommittee: boolean): ReportTotals {
  const listed = new Set((committee?.cells ?? []).map((c) => c.folder));
  const cells = list.map((c) => c.cell);
  const expected = wholeCommittee ? list.filter((c) => listed.has(c.cell.folder)) : list;
  // Pooled over the expected cells that reported (an unlisted or duplicate folder is not in the figures).
  const reporting = expected.filter((c) => c.cell.status !== 'missing');
  const ratings = { good: 0, fair: 0, average: 0, poor: 0 };
  for (const { cell } of reporting) for (const k of Object.keys(ratings) as (keyof typeof ratings)[]) ratings[k] += cell.score.ratings[k];
  const assignments = cells.flatMap((c) => c.visits.assignments).filter((a) => a.due > 0);
  const rhythmBase = reporting.filter((c) => c.cell.regular.due > 0);
  return {
    cells: wholeCommittee ? listed.size : cells.length,
    reporting: reporting.length,
    compliant: expected.filter((c) => c.cell.compliant).length,
    monthlyRhythm: ratio(rhythmBase.filter((c) => c.cell.regular.missingMonths.length === 0).length, rhythmBase.length),
    ...pooled(reporting),
    ratings,
    assignmentsKept: assignments.filter((a) => a.kept).length,
    assignmentsDue: assignments.length,
    errorCount: cells.reduce((t, c) => t + c.errorCount, 0),
    warningCount: cells.reduce((t, c) => t + c.warningCount, 0),
  };
}

/** Cells needing attention, most serious first: what is missing weighs more than what is weak. */
function rank(list: CountedCell[], lang: Lang): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const { cell: c, sums } of list) {
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
      const min = sums.minPercent;
      if (c.attendance.rate !== null && c.attendance.rate * 100 <= min) {
        add(Math.max(1, Math.round(min + 5 - c.attendance.rate * 100)), reportText('reasonAttendance', lang, { percent: round(c.attendance.rate * 100, 1), min }));
      }
      if (c.attendance.belowMinimum !== null && c.attendance.belowMinimum > 0) add(3 * c.attendance.belowMinimum, reportText('reasonBelow', lang, { count: c.attendance.belowMinimum, min }));
      if (c.attendance.unexcused !== null && c.attendance.unexcused > 0) add(c.attendance.unexcused, reportText('reasonUnexcused', lang, { count: c.attendance.unexcused }));
      if (c.errorCount > 0) add(c.errorCount, reportText('reasonErrors', lang, { count: c.errorCount }));
    }
    const short = c.visits.assignments.reduce((t, a) => t + Math.max(0, a.due - a.held), 0);
    if (short > 0) add(3 * short, reportText('reasonVisits', lang, { count: short }));
    if (severity > 0) items.push({ folder: c.folder, name: c.name, severity, reasons });
  }
  return items.sort((a, b) => b.severity - a.severity || a.folder.localeCompare(b.folder));
}
