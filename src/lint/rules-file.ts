// Loading the superior committee's rules file (--rules): overrides applied to every cell it checks.
import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import type { Lang } from '../messages/format.js';
import { messageText } from '../messages/lookup.js';
import type { RuleOverrides } from '../model.js';
import { readValidated } from './load.js';
import { checkOverrides } from './engine.js';

/** Read and check a rules file; any problem in it stops the run (exit 2) with file, line and column. */
export function loadRulesFile(path: string, cwd: string, lang: Lang): RuleOverrides {
  const fail = (line: number, column: number, ruleId: string, messageId: string, data?: Record<string, string | number>) =>
    new ConfigError(`${path}:${line}:${column}: ${messageText(ruleId, messageId, data, lang)}`);
  const r = readValidated(resolve(cwd, path), 'rules');
  if (!r.ok) throw fail(r.problem.line, r.problem.column, r.problem.ruleId, r.problem.messageId, r.problem.data);
  const checked = checkOverrides(r.data as RuleOverrides, '');
  const bad = checked.problems[0];
  if (bad) {
    const { line, column } = r.locator.locate(bad.path, bad.messageId !== 'badOption');
    throw fail(line, column, bad.ruleId, bad.messageId, bad.data);
  }
  return checked.clean ?? {};
}
