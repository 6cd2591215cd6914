// Loading the superior committee's rules file (--rules): overrides applied to every cell it checks.
import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import type { Lang } from '../messages/format.js';
import { messageText } from '../messages/lookup.js';
import type { RuleOverrides } from '../model.js';
import { validateSchema } from '../schema/validator.js';
import { readSource } from '../source/read.js';
import { parseYaml } from '../source/yaml.js';
import { checkOverrides } from './engine.js';

/** Read and check a rules file; any problem in it stops the run (exit 2) with file, line and column. */
export function loadRulesFile(path: string, cwd: string, lang: Lang): RuleOverrides {
  const read = readSource(resolve(cwd, path));
  const fail = (line: number, column: number, ruleId: string, messageId: string, data?: Record<string, string | number>) =>
    new ConfigError(`${path}:${line}:${column}: ${messageText(ruleId, messageId, data, lang)}`);
  if (!read.ok) {
    const p = read.problem;
    throw fail(p.line, p.column, p.ruleId, p.messageId, p.data);
  }
  const parsed = parseYaml(read.text);
  const first = parsed.problems[0] ?? validateSchema('rules', parsed.data, parsed.locator)[0];
  if (first) throw fail(first.line, first.column, first.ruleId, first.messageId, first.data);
  const checked = checkOverrides(parsed.data as RuleOverrides, '');
  const bad = checked.problems[0];
  if (bad) {
    const { line, column } = parsed.locator.locate(bad.path, bad.messageId !== 'badOption');
    throw fail(line, column, bad.ruleId, bad.messageId, bad.data);
  }
  return checked.clean ?? {};
}
