// validate(): the library entry point — files and folders in, sorted problems with messages out.
import { resolve } from 'node:path';
import type { Lang } from '../messages/format.js';
import { messageText } from '../messages/lookup.js';
import type { RuleOverrides } from '../model.js';
import { collect } from './collect.js';
import type { EngineOptions, RawFileResult } from './engine.js';
import { runGroups } from './pool.js';
import type { FileResult, Problem, ValidationResult } from './problem.js';
import { loadRulesFile } from './rules-file.js';

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

function compareProblems(a: Problem, b: Problem): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.messageId.localeCompare(b.messageId);
}

/** Write messages, sort files by name and problems by position, and count. */
export function finishResults(raw: RawFileResult[], lang: Lang): ValidationResult {
  let errorCount = 0;
  let warningCount = 0;
  let unreadableCount = 0;
  const results: FileResult[] = raw.map((r) => {
    if (r.unreadable) unreadableCount++;
    const problems = r.problems.map((p): Problem => {
      if (p.severity === 'error') errorCount++;
      else warningCount++;
      return { file: r.file, ...p, message: messageText(p.ruleId, p.messageId, p.data, lang) };
    });
    problems.sort(compareProblems);
    return { file: r.file, problems };
  });
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { results, errorCount, warningCount, unreadableCount };
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
  const { groups, missing, fileCount } = collect(paths, cwd);
  const raw = await runGroups(groups, engine, options.jobs ?? 1, fileCount);
  for (const file of missing) {
    raw.push({
      file,
      unreadable: true,
      problems: [{ line: 1, column: 1, ruleId: 'read-error', severity: 'error', messageId: 'notFound', path: '' }],
    });
  }
  return finishResults(raw, lang);
}
