// The year view of a cell: each planned or recorded sitting of a year, its state and its file, from validate.
import { basename, relative } from 'node:path';
import { validate } from '../lint/validate.js';
import type { FileResult } from '../lint/problem.js';
import type { MeetingKind } from '../model.js';
import { loadCell, loadPlans, loadRecords, newRecord, type FoundRecord } from '../plan/new-record.js';
import { dataOf } from './yaml-sync.js';
import { readFileSync } from 'node:fs';
import { cellPageMessage, cellPagePath } from './api-cell.js';

/**
 * State of a sitting in the year view:
 * - planned: in the plan, its day not yet come, no record;
 * - to-fill: its day has come and it has no record, or only a stub;
 * - draft: a record with `status: draft` and no error;
 * - adopted: a record with `status: adopted` and no error;
 * - problems: a record with error-level problems (or one that cannot be read).
 */
export type SittingState = 'planned' | 'to-fill' | 'draft' | 'adopted' | 'problems';

/** One sitting of the year. */
export interface SittingView {
  date: string;
  kind: MeetingKind | 'unknown';
  state: SittingState;
  /** The record, relative to the cell folder with `/` separators, when there is one. */
  file?: string;
  /** The plan's topic of a thematic or combined sitting. */
  topic?: string;
  errors: number;
  warnings: number;
}

/**
 * One problem of the year as the page lists it, with where it leads: the cell setup at a field, the record
 * form at a field, or the year's plan.
 */
export interface YearProblem {
  message: string;
  severity: 'error' | 'warning';
  target: { page: 'cell'; path: string } | { page: 'record'; file: string; path: string } | { page: 'plan'; year: number } | { page: 'none' };
}

/** The sitting `cellctl new` would make the record of next: its date, kind and file (relative to the cell folder). */
export interface NextSitting {
  date: string;
  kind: MeetingKind;
  file: string;
  /** The file holds a stub from the plan, which the new record replaces. */
  replacesStub: boolean;
}

/** The year view of one cell (JSON-serialisable). */
export interface YearView {
  /** The cell's name, and the month its records start from (YYYY-MM) when it says. */
  cell: { name: string; recordsFrom?: string };
  year: number;
  asOf: string;
  /** The years with a plan or records, with this year and the next (to plan it), in order. */
  years: { year: number; plan: boolean; records: number }[];
  /** Whether this year has a plan file. */
  planned: boolean;
  /** The next sitting to record, or why there is none (a Vietnamese sentence) and the year to plan. */
  next: NextSitting | { none: string; planYear: number };
  /** The problems of the cell, this year's plan and this year's records, each with where it leads. */
  problems: YearProblem[];
  /** Twelve months, `YYYY-MM`, each with its sittings in date order. */
  months: { month: string; sittings: SittingView[] }[];
  errorCount: number;
  warningCount: number;
}

/** The year view of a cell folder on a year, with problems counted as `validate --as-of asOf` counts them. */
export async function yearView(cellDir: string, year: number, asOf: string): Promise<YearView> {
  const cell = loadCell(cellDir);
  const planned = loadPlans(cellDir).flatMap((p) => p.meetings).filter((m) => m.date.startsWith(`${year}-`));
  const records = loadRecords(cellDir).filter((r) => r.date.startsWith(`${year}-`));
  const result = await validate([cellDir], { asOf, cwd: cellDir });
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const r of result.results) {
    counts.set(r.file, {
      errors: r.problems.filter((p) => p.severity === 'error').length,
      warnings: r.problems.filter((p) => p.severity === 'warning').length,
    });
  }
  const rel = (abs: string) => relative(cellDir, abs).split(/[\\/]/).join('/');
  const ofRecord = (r: FoundRecord, topic: string | undefined): SittingView => {
    const c = counts.get(r.abs) ?? { errors: 0, warnings: 0 };
    const kind = r.kind === 'regular' || r.kind === 'thematic' || r.kind === 'combined' ? r.kind : 'unknown';
    let state: SittingState;
    if (r.stub) state = r.date > asOf ? 'planned' : 'to-fill';
    else if (c.errors > 0 || r.data === undefined) state = 'problems';
    else state = r.data.status === 'adopted' ? 'adopted' : 'draft';
    return { date: r.date, kind, state, file: rel(r.abs), ...(topic ? { topic } : {}), errors: c.errors, warnings: c.warnings };
  };

  const sittings: SittingView[] = [];
  const used = new Set<FoundRecord>();
  for (const m of planned) {
    const record = records.find((r) => !used.has(r) && r.date === m.date && (r.kind === m.kind || typeof r.kind !== 'string'));
    if (record) {
      used.add(record);
      sittings.push(ofRecord(record, m.topic));
    } else {
      sittings.push({ date: m.date, kind: m.kind, state: m.date > asOf ? 'planned' : 'to-fill', ...(m.topic ? { topic: m.topic } : {}), errors: 0, warnings: 0 });
    }
  }
  for (const r of records) if (!used.has(r)) sittings.push(ofRecord(r, undefined));
  sittings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    return { month, sittings: sittings.filter((s) => s.date.startsWith(`${month}-`)) };
  });
  const plans = loadPlans(cellDir);
  const allRecords = loadRecords(cellDir);
  const years = yearsOf(plans.map((p) => p.year), allRecords.map((r) => Number(r.date.slice(0, 4))), Number(asOf.slice(0, 4)));
  const problems = yearProblems(cellDir, year, result.results, allRecords);
  return {
    cell: { name: cell.name, ...(cell.recordsFrom ? { recordsFrom: cell.recordsFrom } : {}) },
    year,
    asOf,
    years,
    planned: plans.some((p) => p.year === year),
    next: nextSitting(cellDir, asOf),
    problems,
    months,
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount: problems.filter((p) => p.severity === 'warning').length,
  };
}

/** The years the switcher offers: those with a plan or records, this year and the next. */
function yearsOf(planYears: number[], recordYears: number[], thisYear: number): YearView['years'] {
  const all = [...new Set([...planYears, ...recordYears, thisYear, thisYear + 1])].filter((y) => Number.isInteger(y)).sort((a, b) => a - b);
  return all.map((y) => ({ year: y, plan: planYears.includes(y), records: recordYears.filter((r) => r === y).length }));
}

/** The next sitting to record, as `cellctl new` chooses it (nothing is written); or why none, and the year to plan. */
export function nextSitting(cellDir: string, asOf: string): NextSitting | { none: string; planYear: number } {
  try {
    const made = newRecord(cellDir, { display: '.' });
    return { date: made.sitting.date, kind: made.sitting.kind, file: relative(cellDir, made.path).split(/[\\/]/).join('/'), replacesStub: made.replacesStub };
  } catch {
    const plans = loadPlans(cellDir);
    if (plans.length > 0) {
      const planYear = Math.max(...plans.map((p) => p.year)) + 1;
      return { none: `Mọi kỳ họp trong kế hoạch đều đã có biên bản: lập kế hoạch năm ${planYear}.`, planYear };
    }
    // A new cell whose records start next year (set up in December) plans that year.
    const from = Number(loadCell(cellDir).recordsFrom?.slice(0, 4));
    const planYear = Math.max(Number(asOf.slice(0, 4)), Number.isInteger(from) ? from : 0);
    return { none: 'Chưa có kế hoạch sinh hoạt năm: lập kế hoạch năm trước, rồi lập biên bản từng kỳ họp theo kế hoạch.', planYear };
  }
}

/** The year the page opens on: that of the next sitting to record, else this year (or the year records start from, when later). */
export function defaultYear(cellDir: string, asOf: string): number {
  const next = nextSitting(cellDir, asOf);
  if ('date' in next) return Number(next.date.slice(0, 4));
  // Every planned sitting recorded: this year still (next year's plan is offered); a new cell: the year to plan.
  return loadPlans(cellDir).length > 0 ? Number(asOf.slice(0, 4)) : next.planYear;
}

/** The problems of the cell, the year's plan and the year's records, each with where the page leads to fix it. */
function yearProblems(cellDir: string, year: number, results: FileResult[], records: FoundRecord[]): YearProblem[] {
  const dates = new Map(records.map((r) => [r.abs, r.date]));
  const out: YearProblem[] = [];
  const waiting: YearProblem[] = [];
  let cellData: Record<string, unknown> | undefined;
  for (const r of results) {
    const name = basename(r.file);
    const rel = relative(cellDir, r.file).split(/[\\/]/).join('/');
    const planYear = /^plan-(\d{4})\.ya?ml$/.exec(name)?.[1];
    for (const p of r.problems) {
      const base = { message: p.message, severity: p.severity };
      if (/^cell\.ya?ml$/.test(name) && rel === name) {
        if (p.ruleId === 'input' && p.messageId === 'noRecords') {
          out.push({ ...base, message: 'Chi bộ chưa có biên bản kỳ họp nào: lập kế hoạch năm, rồi lập biên bản kỳ họp đầu tiên.', target: { page: 'none' } });
          continue;
        }
        // Said on cell.yaml but about the other files (the year's checks wait for them): no field of the setup to open.
        if (p.ruleId === 'cell-context') {
          waiting.push({ ...base, target: { page: 'none' } });
          continue;
        }
        if (p.ruleId === 'input') {
          out.push({ ...base, target: { page: 'none' } });
          continue;
        }
        cellData ??= dataOf(readText(r.file)) as Record<string, unknown>;
        out.push({ ...base, message: cellPageMessage(p, cellData ?? {}), target: { page: 'cell', path: cellPagePath(p) } });
      } else if (planYear !== undefined) {
        if (Number(planYear) === year) out.push({ ...base, target: { page: 'plan', year } });
      } else {
        const date = dates.get(r.file);
        if (date === undefined || date.startsWith(`${year}-`)) out.push({ ...base, target: { page: 'record', file: rel, path: p.path } });
      }
    }
  }
  // "The year's checks wait for the files with errors" belongs beside those errors, not in a year without any.
  return out.some((p) => p.severity === 'error') ? [...out, ...waiting] : out;
}

/** A file's text, or '' when it cannot be read (its problem says why). */
function readText(abs: string): string {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return '';
  }
}
