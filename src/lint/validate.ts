// validate(): the library entry point — files and folders in, sorted problems with messages out.
import { resolve } from 'node:path';
import type { Lang } from '../messages/format.js';
import { messageText } from '../messages/lookup.js';
import type { RuleOverrides } from '../model.js';
import { collect, type CellGroup, type InputNote } from './collect.js';
import type { EngineOptions, RawFileResult } from './engine.js';
import { runGroups } from './pool.js';
import { MAX_PROBLEMS_PER_FILE, PROBLEM_LIMIT_RULE, type FileResult, type Problem, type RawProblem, type ValidationResult } from './problem.js';
import { loadRulesFile } from './rules-file.js';
import { committeeRulesFor } from '../source/committee.js';

/** Options of validate(). */
export interface ValidateOptions {
  /** Folder relative paths are resolved against (default: the process's working folder). */
  cwd?: string;
  /** Cut-off for "held so far" checks, YYYY-MM-DD (default: today). */
  asOf?: string;
  /** Language of messages (default vi). */
  lang?: Lang;
  /** Overrides from the superior committee, applied over each cell's own. */
  rules?: RuleOverrides;
  /** A YAML file of such overrides (read and checked; problems in it throw a ConfigError). */
  rulesFile?: string;
  /** Largest input file in bytes. */
  maxFileBytes?: number;
  /** Threads to use (default 1; the CLI uses the number of cores). */
  jobs?: number;
  /** Texts to check in place of files on disk, by absolute path: an edit validated before it is saved. */
  overrides?: Record<string, string>;
}

/** Today's date in the machine's local time zone, YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function compareProblems(a: RawProblem, b: RawProblem): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.messageId.localeCompare(b.messageId);
}

/**
 * The first MAX_PROBLEMS_PER_FILE problems of a file by position, and one line counting the rest (with
 * those an earlier stage already counted), placed after them.
 */
function capProblems(problems: RawProblem[]): { shown: RawProblem[]; summary?: RawProblem } {
  let counted = 0;
  let severity: RawProblem['severity'] = 'warning';
  const real: RawProblem[] = [];
  for (const p of problems) {
    if (p.ruleId === PROBLEM_LIMIT_RULE) {
      counted += Number(p.data?.count ?? 0);
      if (p.severity === 'error') severity = 'error';
    } else {
      real.push(p);
    }
  }
  real.sort(compareProblems);
  const shown = real.slice(0, MAX_PROBLEMS_PER_FILE);
  for (const p of real.slice(MAX_PROBLEMS_PER_FILE)) if (p.severity === 'error') severity = 'error';
  const rest = real.length - shown.length + counted;
  if (rest === 0) return { shown };
  const last = shown[shown.length - 1];
  return {
    shown,
    summary: {
      line: last?.line ?? 1, column: last?.column ?? 1, ruleId: PROBLEM_LIMIT_RULE, severity, messageId: 'more',
      data: { count: rest }, path: '',
    },
  };
}

/** Write messages, sort files by name and problems by position, and count. */
export function finishResults(raw: RawFileResult[], lang: Lang): ValidationResult {
  let errorCount = 0;
  let warningCount = 0;
  let unreadableCount = 0;
  const results: FileResult[] = raw.map((r) => {
    if (r.unreadable) unreadableCount++;
    const { shown, summary } = capProblems(r.problems);
    const problems = shown.map((p): Problem => ({ file: r.file, ...p, message: messageText(p.ruleId, p.messageId, p.data, lang) }));
    for (const p of r.problems) {
      // The summary line stands for the problems it counts; it is not one itself.
      const n = p.ruleId === PROBLEM_LIMIT_RULE ? Number(p.data?.count ?? 0) : 1;
      if (p.severity === 'error') errorCount += n;
      else warningCount += n;
    }
    if (summary) problems.push({ file: r.file, ...summary, message: messageText(summary.ruleId, summary.messageId, summary.data, lang) });
    return { file: r.file, problems };
  });
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { results, errorCount, warningCount, unreadableCount };
}

const NOTE_PROBLEMS: Record<InputNote['kind'], { ruleId: string; severity: RawProblem['severity']; unreadable: boolean }> = {
  noMatch: { ruleId: 'read-error', severity: 'error', unreadable: true },
  dirUnreadable: { ruleId: 'read-error', severity: 'error', unreadable: true },
  emptyFolder: { ruleId: 'input', severity: 'error', unreadable: true },
  misnamed: { ruleId: 'input', severity: 'warning', unreadable: false },
};

/**
 * What the inputs say before any file is read: a pattern that matched nothing, a folder with nothing to
 * check or that cannot be listed, a record saved as `.yaml.txt`, and a whole cell named that holds
 * nothing but its cell.yaml. None of them may end a run as "no problems".
 */
function inputProblems(groups: CellGroup[], notes: InputNote[], raw: RawFileResult[]): RawFileResult[] {
  const out: RawFileResult[] = notes.map((n) => {
    const { ruleId, severity, unreadable } = NOTE_PROBLEMS[n.kind];
    return { file: n.display, unreadable, problems: [{ line: 1, column: 1, ruleId, severity, messageId: n.kind, data: n.data, path: '' }] };
  });
  for (const g of groups) {
    const cellFile = g.files.find((f) => f.kind === 'cell' && f.fromDir);
    // A year plan alone is a cell just planned (its records come as the year goes): only cell.yaml is nothing.
    if (!cellFile || g.files.some((f) => f.kind !== 'cell')) continue;
    const result = raw.find((r) => r.file === cellFile.display);
    const problem: RawProblem = { line: 1, column: 1, ruleId: 'input', severity: 'error', messageId: 'noRecords', path: '' };
    if (result) result.problems.push(problem);
    else out.push({ file: cellFile.display, unreadable: false, problems: [problem] });
  }
  return out;
}

/**
 * Validate cell profiles, year plans and meeting records: each named file, and every .yaml/.yml file
 * below each named folder. Never throws for bad input files (they become problems); throws a
 * ConfigError only for an unusable rules file.
 */
export async function validate(paths: readonly string[], options: ValidateOptions = {}): Promise<ValidationResult> {
  const cwd = options.cwd ?? resolve('.');
  const lang = options.lang ?? 'vi';
  const fromFile = options.rulesFile ? loadRulesFile(options.rulesFile, cwd, lang) : undefined;
  const rules = fromFile || options.rules ? { ...fromFile, ...options.rules } : undefined;
  const engine: EngineOptions = {
    asOf: options.asOf ?? today(),
    ...(rules ? { rules } : {}),
    ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
  };
  const { groups, missing, notes, fileCount } = collect(paths, cwd);
  // Each cell finds the nearest committee.yaml above it by itself, as ESLint finds its config.
  const committees = committeeRulesFor(groups.map((g) => g.root), cwd, lang);
  if (Object.keys(committees).length > 0) engine.committees = committees;
  const raw = await runGroups(groups, engine, options.jobs ?? 1, fileCount);
  raw.push(...inputProblems(groups, notes, raw));
  for (const file of missing) {
    raw.push({
      file,
      unreadable: true,
      problems: [{ line: 1, column: 1, ruleId: 'read-error', severity: 'error', messageId: 'notFound', path: '' }],
    });
  }
  return finishResults(raw, lang);
}
