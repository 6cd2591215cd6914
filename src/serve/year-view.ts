// The year view of a cell: each planned or recorded sitting of a year, its state and its file, from validate.
import { relative } from 'node:path';
import { validate } from '../lint/validate.js';
import type { MeetingKind } from '../model.js';
import { loadCell, loadPlans, loadRecords, type FoundRecord } from '../plan/new-record.js';

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

/** The year view of one cell (JSON-serialisable). */
export interface YearView {
  cell: { name: string };
  year: number;
  asOf: string;
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
  return { cell: { name: cell.name }, year, asOf, months, errorCount: result.errorCount, warningCount: result.warningCount };
}
