// JSON Schema validation of each document kind (ajv, draft 2020-12) and the mapping of its errors to problems.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { DocumentKind } from '../model.js';
import { MAX_PROBLEMS_PER_FILE, PROBLEM_LIMIT_RULE, type RawProblem } from '../lint/problem.js';
import type { Locator } from '../source/yaml.js';
import { closest } from '../util/closest.js';
import { separatorProblems } from './numbers.js';
import { codeForLabel, dateFix, labelled, timeFix } from './vi-values.js';

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

/** A shipped schema's name: `meeting` for schemas/meeting.schema.json. */
export type SchemaName = (typeof SCHEMA_NAMES)[number];

const sources = new Map<string, Record<string, unknown>>();

/** A shipped schema as written in schemas/ (its references to common.schema.json not resolved); do not modify. */
export function schemaSource(name: SchemaName): Record<string, unknown> {
  let s = sources.get(name);
  if (!s) sources.set(name, (s = loadSchema(`${name}.schema.json`)));
  return s;
}

function loadSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as Record<string, unknown>;
}

/**
 * Keywords the schemas carry for editors only (VS Code's YAML extension): per-value help and the
 * Vietnamese message it shows for a pattern or a format. ajv is told they exist and judges nothing by them.
 */
export const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'errorMessage', 'patternErrorMessage'] as const;

/** Every shipped schema, parsed (for checks that read what the schemas declare). */
export function loadSchemas(): Record<string, unknown>[] {
  return (['common', 'rules', 'cell', 'plan', 'meeting'] as const).map((name) => loadSchema(`${name}.schema.json`));
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
export const SCHEMA_IDS: Record<DocumentKind, string> = SCHEMA_FILES;

/** An ajv instance with every schema added (the build step also uses it to write standalone code). */
export function createAjv(extra: Record<string, unknown> = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true, allowUnionTypes: true, ...extra });
  addDateFormat(ajv);
  for (const keyword of EDITOR_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['string', 'array'] });
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
      // Keys are a few letters; a longer one is pasted text, and comparing it letter by letter costs its square.
      const suggestion = property.length <= 40 ? closest(property, allowed) : undefined;
      // Keys are short English words; one with a space or Vietnamese letters is text that a comma split off.
      const looksLikeText = /[\s\u00C0-\u1EF9]/u.test(property);
      messageId = suggestion ? 'unknownKeySuggest' : looksLikeText ? 'unknownKeyText' : 'unknownKey';
      data = { property, allowed: allowed.join(', '), ...(suggestion ? { suggestion } : {}) };
      break;
    }
    case 'type':
      // `members:` with every example line still commented out (as `cellctl init` writes it) is empty.
      if (path === '/members' && e.data === null) {
        messageId = 'emptyRoster';
        break;
      }
      messageId = 'type';
      data = { expected: `type-${String(p.type).split(',')[0]}`, actual: `type-${jsonType(e.data)}` };
      break;
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const short = typeof e.data === 'string' && e.data.length <= 40;
      // `phó bí thư` where `deputy-secretary` belongs: the Vietnamese label of one code.
      const code = short ? codeForLabel(e.data as string, allowed) : undefined;
      const suggestion = short && !code ? closest(e.data as string, allowed) : undefined;
      messageId = code ? 'enumLabel' : suggestion ? 'enumSuggest' : 'enum';
      data = {
        value: show(e.data), allowed: allowed.join(', '), labels: labelled(allowed),
        ...(code ? { code } : {}), ...(suggestion ? { suggestion } : {}),
      };
      break;
    }
    case 'format': {
      const fix = p.format === 'date' && typeof e.data === 'string' ? dateFix(e.data) : undefined;
      messageId = fix ? 'dateFix' : p.format === 'date' ? 'date' : 'format';
      data = { value: show(e.data), format: String(p.format), ...(fix ? { fix } : {}) };
      break;
    }
    case 'pattern': {
      const name = PATTERN_NAMES[String(p.pattern)];
      const fix = name === 'time' && typeof e.data === 'string' ? timeFix(e.data) : undefined;
      // The schema says in words what the pattern wants; the pattern itself means nothing to a secretary.
      const help = e.parentSchema?.patternErrorMessage;
      if (String(p.pattern) === '\\S') messageId = 'empty';
      else messageId = fix ? 'timeFix' : name ?? (typeof help === 'string' ? 'patternHelp' : 'pattern');
      data = { value: show(e.data), ...(fix ? { fix } : {}), ...(messageId === 'patternHelp' ? { help: String(help) } : {}) };
      break;
    }
    case 'const':
      messageId = 'const';
      data = { value: show(e.data), allowed: show(p.allowedValue) };
      break;
    case 'uniqueItems':
      // ajv names the later copy i and the earlier j; the problem sits on the later one.
      messageId = 'duplicate';
      path = `${path}/${Number(p.i)}`;
      data = { value: show((e.data as unknown[])[Number(p.i)]), first: Number(p.j) + 1, second: Number(p.i) + 1 };
      break;
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
      if (path === '/members') {
        messageId = 'emptyRoster';
        break;
      }
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
      // No schema keyword reaches here today; ajv's English reason is never put into a message.
      messageId = 'other';
  }
  const { line, column } = locator.locate(path, key);
  return { line, column, ruleId: 'schema', severity: 'error', messageId, data, path };
}

/**
 * One mistake under a `oneOf`/`anyOf` is one problem: the errors of the branch the value came closest
 * to are kept, the other branches' and the combinator's own are dropped. Closest: its `const`s hold
 * (`kind: day-of-month` picks its branch), then the fewest errors. A combinator with no branch errors
 * left (the value matches two branches) keeps its own error.
 */
export function collapseBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const combinator of errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const prefix = `${combinator.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (!e.schemaPath.startsWith(prefix) || !e.instancePath.startsWith(combinator.instancePath)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    if (branches.size === 0) continue;
    const cost = (list: ErrorObject[]) => list.filter((e) => e.keyword === 'const').length * 1000 + list.length;
    const best = [...branches.values()].sort((a, b) => cost(a) - cost(b))[0]!;
    dropped.add(combinator);
    for (const list of branches.values()) if (list !== best) list.forEach((e) => dropped.add(e));
  }
  return errors.filter((e) => !dropped.has(e));
}

/**
 * Validate data of a document kind. One problem per place: ajv reports several keywords for one bad
 * value (an empty text breaks both minLength and pattern), and the user needs only the first.
 */
export function validateSchema(kind: DocumentKind, data: unknown, locator: Locator): RawProblem[] {
  validators ??= compile();
  const validate = validators.get(kind)!;
  // 560.000 reads as 560, a valid number: only the text as typed shows the mistake.
  const separators = separatorProblems(locator);
  if (validate(data)) return separators;
  const seen = new Set<string>(separators.map((p) => p.path));
  const out: RawProblem[] = [...separators];
  let hidden = 0;
  let firstHidden: ErrorObject | undefined;
  for (const e of collapseBranches(validate.errors ?? [])) {
    // `if` only says a `then` failed; the `then` error itself is the useful one.
    if (e.keyword === 'if' || e.keyword === 'propertyNames' && e.params && !('propertyName' in e.params)) continue;
    const distinct = e.keyword === 'required' || e.keyword === 'additionalProperties';
    const id = distinct ? `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}` : e.instancePath;
    if (seen.has(id)) continue;
    seen.add(id);
    // Past the cap only count: writing and placing each message is what costs.
    if (out.length >= MAX_PROBLEMS_PER_FILE) {
      hidden++;
      firstHidden ??= e;
      continue;
    }
    const problem = toProblem(e, locator);
    if (problem) out.push(problem);
  }
  if (firstHidden) {
    const { line, column } = toProblem(firstHidden, locator)!;
    out.push({ line, column, ruleId: PROBLEM_LIMIT_RULE, severity: 'error', messageId: 'more', data: { count: hidden }, path: '' });
  }
  return out;
}
