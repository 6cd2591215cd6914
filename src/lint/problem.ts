// The one Problem shape every stage produces, and the result of a validation run.
import type { Severity } from '../model.js';

/** One problem in one file, with a 1-based position. */
export interface Problem {
  /** The file as the user named it (or as found under a folder they named). */
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: Severity;
  message: string;
  messageId: string;
  /** Placeholder data of the message (language-neutral). */
  data?: Record<string, string | number>;
  /** JSON Pointer of the data the problem is about ("" for the whole document). */
  path: string;
}

/** All problems of one file, sorted by position. */
export interface FileResult {
  file: string;
  problems: Problem[];
}

/** Everything a validation run found. */
export interface ValidationResult {
  results: FileResult[];
  errorCount: number;
  warningCount: number;
  /** Inputs that could not be read at all (missing path, permission, not a regular file). */
  unreadableCount: number;
}

/** A problem before its file is attached and its message is written in a language. */
export type RawProblem = Omit<Problem, 'file' | 'message'>;

/**
 * Most problems shown for one file. A file with 50,000 unknown keys needs its first mistakes fixed, not a
 * list of 50,000: the rest are counted in one `problem-limit` line.
 */
export const MAX_PROBLEMS_PER_FILE = 100;

/** Rule id of the line that counts the problems left out of a file's list. */
export const PROBLEM_LIMIT_RULE = 'problem-limit';
