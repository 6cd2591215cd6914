// Exit codes, decided in one place: 0 clean, 1 error-level problems, 2 usage / unreadable input / internal.
import { CellctlError } from '../errors.js';
import type { ValidationResult } from '../lint/problem.js';
import { fsErrorMessage, isExplainedFsError } from '../util/fs-errors.js';
import type { Out } from './io.js';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

/** Exit code of a finished validation. */
export function exitCodeFor(result: ValidationResult, maxWarnings: number | undefined): number {
  if (result.unreadableCount > 0) return EXIT_FAILURE;
  if (result.errorCount > 0) return EXIT_PROBLEMS;
  if (maxWarnings !== undefined && result.warningCount > maxWarnings) return EXIT_PROBLEMS;
  return EXIT_OK;
}

/** Language of the failure messages of this run: set once by main() from --lang or CELLCTL_LANG. */
let failureLang: 'vi' | 'en' = 'vi';

/** Set the language reportFailure() writes in. */
export function setFailureLanguage(lang: 'vi' | 'en'): void {
  failureLang = lang;
}

/**
 * Report an error that stopped a command and return its exit code; stacks only with CELLCTL_DEBUG.
 * Ordinary file-system failures (no permission, disk full, read-only, name too long…) are the user's to
 * fix, not bugs: they get their plain message, never "internal error".
 */
export function reportFailure(e: unknown, stderr: Out, debug: boolean): number {
  if (e instanceof CellctlError) {
    stderr.write(`cellctl: ${e.text(failureLang)}\n`);
  } else if (isExplainedFsError(e)) {
    stderr.write(`cellctl: ${fsErrorMessage(e, undefined, failureLang)}\n`);
    if (debug && e.stack) stderr.write(`${e.stack}\n`);
  } else {
    const err = e instanceof Error ? e : new Error(String(e));
    stderr.write(
      failureLang === 'en'
        ? `cellctl: internal error: ${err.message}\nPlease report it with the input files; run again with CELLCTL_DEBUG=1 for details.\n`
        : `cellctl: lỗi nội bộ: ${err.message}\nHãy báo lỗi này kèm tệp đầu vào; chạy lại với CELLCTL_DEBUG=1 để xem chi tiết.\n`,
    );
    if (debug && err.stack) stderr.write(`${err.stack}\n`);
  }
  return EXIT_FAILURE;
}
