// Reading one document for use outside the pipeline: read, parse and check its schema, or say why not.
import type { DocumentKind } from '../model.js';
import { validateSchema } from '../schema/validator.js';
import { readSource } from '../source/read.js';
import { parseYaml, type Locator } from '../source/yaml.js';
import type { RawProblem } from './problem.js';

/** A document's data when it reads, parses and passes its schema; otherwise its first problem. */
export type Validated = { ok: true; data: unknown; locator: Locator } | { ok: false; problem: RawProblem };

/** Read, parse and schema-check one file (a cell profile to plan from, a record to render, a rules file). */
export function readValidated(abs: string, kind: DocumentKind): Validated {
  const read = readSource(abs);
  if (!read.ok) return { ok: false, problem: read.problem };
  const parsed = parseYaml(read.text);
  const first = parsed.problems[0] ?? (parsed.fatal ? undefined : validateSchema(kind, parsed.data, parsed.locator)[0]);
  if (first) return { ok: false, problem: first };
  return { ok: true, data: parsed.data, locator: parsed.locator };
}
