// YAML 1.2 loading: the `yaml` package is authoritative; js-yaml with an exact core schema is a fast path.
import jsyaml from 'js-yaml';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { RawProblem } from '../lint/problem.js';
import { normalizeData, NodeBudgetError } from './normalize.js';
import { locateNode, type Position } from './locate.js';

/** Most aliases a document may expand; more indicates an alias bomb (billion laughs). */
export const MAX_ALIAS_COUNT = 100;

// YAML 1.2 core schema (spec §10.3.2) exactly, so both parsers agree: js-yaml's own int and float
// types also accept `_` separators and `0b` binary, which YAML 1.2 core reads as strings.
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const intType = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && INT.test(s),
  construct: (s: string) =>
    s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : Number(s),
  predicate: (v: unknown) => typeof v === 'number' && Number.isInteger(v),
});
const floatType = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && FLOAT.test(s),
  construct: (s: string) => {
    const lower = s.toLowerCase();
    if (lower.endsWith('.nan')) return NaN;
    if (lower.endsWith('.inf')) return s.startsWith('-') ? -Infinity : Infinity;
    return Number(s);
  },
  predicate: (v: unknown) => typeof v === 'number',
});
// js-yaml's null and bool already match YAML 1.2 core; its typings omit the `types` export.
const jsTypes = (jsyaml as unknown as { types: Record<'null' | 'bool', jsyaml.Type> }).types;
const CORE_12 = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [jsTypes.null, jsTypes.bool, intType, floatType],
});

/** Finds the source position of a data path; builds the `yaml` Document on first use only. */
export interface Locator {
  locate(pointer: string, key?: boolean): Position;
}

/** A parsed YAML file: its data (NFC-normalised) or the problems that prevent reading it. */
export interface ParsedYaml {
  data: unknown;
  problems: RawProblem[];
  locator: Locator;
  /** Whether the file could not be turned into data at all. */
  fatal: boolean;
}

interface Authoritative {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

function parseAuthoritative(text: string): Authoritative {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    lineCounter,
    prettyErrors: false,
    strict: true,
    keepSourceTokens: false,
  });
  return { doc, lineCounter };
}

/** First line that is not blank, a comment or a directive; undefined when a `---` marker makes it unclear. */
export function contentStart(text: string): Position | undefined {
  let line = 0;
  for (const raw of text.split('\n', 200)) {
    line++;
    const l = raw.replace(/\r$/, '');
    if (/^\s*(#.*)?$/.test(l) || l.startsWith('%')) continue;
    if (l.startsWith('---')) return undefined;
    return { line, column: l.search(/\S/) + 1 };
  }
  return undefined;
}

class LazyLocator implements Locator {
  private parsed: Authoritative | undefined;
  constructor(
    private readonly text: string,
    parsed?: Authoritative,
  ) {
    this.parsed = parsed;
  }
  locate(pointer: string, key = false): Position {
    // A report on the whole document needs only where its content starts; parsing for it would double the
    // cost of a cell whose profile carries a cell-wide message.
    if (pointer === '' && !this.parsed) {
      const root = contentStart(this.text);
      if (root) return root;
    }
    this.parsed ??= parseAuthoritative(this.text);
    return locateNode(this.parsed.doc, this.parsed.lineCounter, pointer, key);
  }
}

/**
 * yaml's error codes for the mistakes people make typing Vietnamese prose into YAML, mapped to messages
 * that say how to fix them; any other code gets the parser's own reason.
 */
const SYNTAX_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicateKey',
  BLOCK_AS_IMPLICIT_KEY: 'colonInText',
  TAB_AS_INDENT: 'tabIndent',
  BAD_INDENT: 'badIndent',
  BAD_SCALAR_START: 'specialStart',
  MULTIPLE_DOCS: 'multipleDocs',
};

function yamlProblem(line: number, column: number, messageId: string, data: Record<string, string | number>): RawProblem {
  return { line, column, ruleId: 'yaml-syntax', severity: 'error', messageId, data, path: '' };
}

/** The authoritative path: the `yaml` package, with alias and size guards. */
function parseSlow(text: string): ParsedYaml {
  const parsed = parseAuthoritative(text);
  const locator = new LazyLocator(text, parsed);
  const { doc, lineCounter } = parsed;
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      // The first line of yaml's message is the reason; the rest is a code excerpt we do not need.
      const reason = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return yamlProblem(pos.line, pos.col, SYNTAX_MESSAGES[e.code] ?? 'syntax', { reason, code: e.code });
    });
    return { data: undefined, problems, locator, fatal: true };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error).message;
    if (/alias/i.test(message)) {
      return { data: undefined, problems: [yamlProblem(1, 1, 'aliasBomb', { max: MAX_ALIAS_COUNT })], locator, fatal: true };
    }
    return { data: undefined, problems: [yamlProblem(1, 1, 'syntax', { reason: message, code: 'TOJS' })], locator, fatal: true };
  }
  return finish(data, locator, text === text.normalize('NFC'));
}

function finish(raw: unknown, locator: Locator, isNfc: boolean): ParsedYaml {
  try {
    // An empty file is null in `yaml` and undefined in js-yaml; both mean "no data". Text that is NFC as a
    // whole has only NFC strings and keys: one check of the text spares walking every value.
    const data = raw === undefined ? null : isNfc ? raw : normalizeData(raw);
    return { data, problems: [], locator, fatal: false };
  } catch (e) {
    if (e instanceof NodeBudgetError) {
      return { data: undefined, problems: [yamlProblem(1, 1, 'tooManyNodes', { max: e.max })], locator, fatal: true };
    }
    throw e;
  }
}

/**
 * Parse YAML text. Files without `&` or `*` cannot hold anchors or aliases, so js-yaml (about five times
 * faster) reads their data; anything it rejects, and every file that might use aliases, goes through
 * the `yaml` package, which also supplies every position. A property test keeps the two in agreement.
 */
export function parseYaml(text: string): ParsedYaml {
  if (text.includes('&') || text.includes('*')) return parseSlow(text);
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: CORE_12, json: false });
  } catch {
    return parseSlow(text);
  }
  return finish(data, new LazyLocator(text), text === text.normalize('NFC'));
}

/** The authoritative parse only (used by tests to prove the fast path agrees with it). */
export function parseYamlAuthoritative(text: string): ParsedYaml {
  return parseSlow(text);
}
