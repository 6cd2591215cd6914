// `cellctl validate`: run the library's validate() and print the result in the chosen format.
import { availableParallelism } from 'node:os';
import { getFormatter } from '../formatters/index.js';
import type { ValidationResult } from '../lint/problem.js';
import { validate } from '../lint/validate.js';
import { exitCodeFor, reportFailure } from './exit.js';
import type { CliIo } from './io.js';
import { version, type ValidateFlags } from './main.js';
import { makeStyle, wantsColor } from './style.js';

/** --quiet: drop warnings from the output and the counts, as ESLint does. */
function errorsOnly(result: ValidationResult): ValidationResult {
  return {
    ...result,
    results: result.results.map((r) => ({ ...r, problems: r.problems.filter((p) => p.severity === 'error') })),
    warningCount: 0,
  };
}

/** Validate the paths and print; returns the exit code. */
export async function runValidate(paths: string[], flags: ValidateFlags, io: CliIo): Promise<number> {
  const env = io.env ?? {};
  try {
    let result = await validate(paths, {
      cwd: io.cwd,
      lang: flags.lang,
      jobs: flags.jobs ?? availableParallelism(),
      ...(flags.asOf ? { asOf: flags.asOf } : {}),
      ...(flags.rules ? { rulesFile: flags.rules } : {}),
      ...(flags.maxFileSize ? { maxFileBytes: flags.maxFileSize } : {}),
    });
    if (flags.quiet) result = errorsOnly(result);
    const format = getFormatter(flags.format)!;
    const style = makeStyle(flags.format === 'stylish' && wantsColor(flags.color, io.stdout.isTTY, env));
    io.stdout.write(format(result, { lang: flags.lang, style, version: version() }));
    return exitCodeFor(result, flags.maxWarnings);
  } catch (e) {
    return reportFailure(e, io.stderr, Boolean(env.CELLCTL_DEBUG));
  }
}
