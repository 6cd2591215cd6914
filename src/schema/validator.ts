// JSON Schema validation of each document kind (ajv, draft 2020-12) and the mapping of its errors to problems.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { DocumentKind } from '../model.js';
import type { RawProblem } from '../lint/problem.js';
import type { Locator } from '../source/yaml.js';
import { closest } from '../util/closest.js';

const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);

/** Schema file of each document kind, as shipped in schemas/. */
export const SCHEMA_FILES: Record<DocumentKind, string> = {
  cell: 'cell.schema.json',
  plan: 'plan.schema.json',
  meeting: 'meeting.schema.json',
  rules: 'rules.schema.json',
  committee: 'committee.schema.json',
};

/** Names `cellctl schema` accepts. */
export const SCHEMA_NAMES = ['cell', 'plan', 'meeting', 'rules', 'common', 'committee'] as const;

/** The text of a shipped schema. */
export function schemaText(name: (typeof SCHEMA_NAMES)[number]): string {
  return readFileSync(new URL(`${name}.schema.json`, SCHEMA_DIR), 'utf8');
}

function loadSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as Record<string, unknown>;
}

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
  formats: string[],
) => Ajv2020;

/** Register the "full" date format: 2026-02-30 is rejected, leap years are honoured. */
export function addDateFormat(ajv: Ajv2020): void {
  addFormats(ajv, ['date']);
}

/** Schema `$id` of each document kind, as the standalone module names its validators. */
export const SCHEMA_IDS: Record<DocumentKind, string> = {
  cell: 'https://unpkg.com/cellctl/schemas/cell.schema.json',
  plan: 'https://unpkg.com/cellctl/schemas/plan.schema.json',
  meeting: 'https://unpkg.com/cellctl/schemas/meeting.schema.json',
  rules: 'https://unpkg.com/cellctl/schemas/rules.schema.json',
  committee: 'https://unpkg.com/cellctl/schemas/committee.schema.json',
};

/** An ajv instance with every schema added (the build step also uses it to write standalone code). */
export function createAjv(extra: Record<string, unknown> = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true, allowUnionTypes: true, ...extra });
  addDateFormat(ajv);
  for (const name of ['common', 'rules', 'cell', 'plan', 'meeting', 'committee'] as const) ajv.addSchema(loadSchema(`${name}.schema.json`));
  return ajv;
}

let validators: Map<DocumentKind, ValidateFunction> | undefined;

function compile(): Map<DocumentKind, ValidateFunction> {
  const kinds = Object.keys(SCHEMA_IDS) as DocumentKind[];
  // The build writes pre-compiled validators beside this module; loading them skips ajv's compiler.
  const compiled = new URL('./compiled.cjs', import.meta.url);
  if (existsSync(compiled)) {
    const mod = createRequire(import.meta.url)(fileURLToPath(compiled)) as Record<DocumentKind, ValidateFunction>;
    return new Map(kinds.map((k) => [k, mod[k]]));
  }
  const ajv = createAjv();
  return new Map(kinds.map((k) => [k, ajv.getSchema(SCHEMA_IDS[k])!]));
}

function show(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

const PATTERN_NAMES: Record<string, string> = {
  '^([01]?[0-9]|2[0-3]):[0-5][0-9]$': 'time',
  '^[0-9]{4}-(0[1-9]|1[0-2])$': 'month',
};

function toProblem(e: ErrorObject, locator: Locator): RawProblem | undefined {
  let path = e.instancePath;
  let key = false;
  let messageId: string;
  let data: Record<string, string | number> = {};
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      messageId = 'required';
      data = { property: String(p.missingProperty) };
      break;
    case 'additionalProperties': {
      const property = String(p.additionalProperty);
      path = `${path}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      key = true;
      const allowed = Object.keys((e.parentSchema?.properties as object | undefined) ?? {});
      const suggestion = closest(property, allowed);
      // Keys are short English words; one with a space or Vietnamese letters is text that a comma split off.
      const looksLikeText = /[\s\u00C0-\u1EF9]/u.test(property);
      messageId = suggestion ? 'unknownKeySuggest' : looksLikeText ? 'unknownKeyText' : 'unknownKey';
      data = { property, allowed: allowed.join(', '), ...(suggestion ? { suggestion } : {}) };
      break;
    }
    case 'type':
      messageId = 'type';
      data = { expected: `type-${String(p.type).split(',')[0]}`, actual: `type-${jsonType(e.data)}` };
      break;
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const suggestion = typeof e.data === 'string' ? closest(e.data, allowed) : undefined;
      messageId = suggestion ? 'enumSuggest' : 'enum';
      data = { value: show(e.data), allowed: allowed.join(', '), ...(suggestion ? { suggestion } : {}) };
      break;
    }
    case 'format':
      messageId = p.format === 'date' ? 'date' : 'format';
      data = { value: show(e.data), format: String(p.format) };
      break;
    case 'pattern': {
      const name = PATTERN_NAMES[String(p.pattern)];
      if (String(p.pattern) === '\\S') messageId = 'empty';
      else messageId = name ?? 'pattern';
      data = { value: show(e.data), pattern: String(p.pattern) };
      break;
    }
    case 'minLength':
      messageId = 'empty';
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      messageId = e.keyword;
      data = { limit: Number(p.limit), value: show(e.data) };
      break;
    case 'minItems':
      messageId = 'minItems';
      data = { limit: Number(p.limit) };
      break;
    case 'propertyNames':
      messageId = 'propertyName';
      data = { property: String(p.propertyName) };
      path = `${path}/${String(p.propertyName)}`;
      key = true;
      break;
    default:
      messageId = 'other';
      data = { detail: e.message ?? e.keyword };
  }
  const { line, column } = locator.locate(path, key);
  return { line, column, ruleId: 'schema', severity: 'error', messageId, data, path };
}

/**
 * Validate data of a document kind. One problem per place: ajv reports several keywords for one bad
 * value (an empty text breaks both minLength and pattern), and the user needs only the first.
 */
export function validateSchema(kind: DocumentKind, data: unknown, locator: Locator): RawProblem[] {
  validators ??= compile();
  const validate = validators.get(kind)!;
  if (validate(data)) return [];
  const seen = new Set<string>();
  const out: RawProblem[] = [];
  for (const e of validate.errors ?? []) {
    // `if` only says a `then` failed; the `then` error itself is the useful one.
    if (e.keyword === 'if' || e.keyword === 'propertyNames' && e.params && !('propertyName' in e.params)) continue;
    const distinct = e.keyword === 'required' || e.keyword === 'additionalProperties';
    const id = distinct ? `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}` : e.instancePath;
    if (seen.has(id)) continue;
    seen.add(id);
    const problem = toProblem(e, locator);
    if (problem) out.push(problem);
  }
  return out;
}
