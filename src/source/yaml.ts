// YAML 1.2 loading: the `yaml` package is authoritative; js-yaml with an exact core schema is a fast path.
import jsyaml from 'js-yaml';
import { isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { RawProblem } from '../lint/problem.js';
import { CONTROL_CHARS, normalizeData, NodeBudgetError } from './normalize.js';
import { INVISIBLE_CHARS } from '../util/invisible.js';
import { locateNode, type Position } from './locate.js';
import { positionAt } from './position.js';

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
  /** The source text and its `yaml` Document (parsed on first use), for checks that need the tokens as typed. */
  source?(): { text: string; doc: Document; lineCounter: LineCounter } | undefined;
  /** The source text alone, without parsing it: for a cheap test before asking for `source()`. */
  readonly text?: string;
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
    lineCounter,
    prettyErrors: false,
    strict: true,
    // yaml's own check compares each key with every earlier one (quadratic in a map's size);
    // keyProblems() below does it with a hash and names the first occurrence.
    uniqueKeys: false,
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
    readonly text: string,
    parsed?: Authoritative,
  ) {
    this.parsed = parsed;
  }
  source(): { text: string; doc: Document; lineCounter: LineCounter } | undefined {
    try {
      this.parsed ??= parseAuthoritative(this.text);
    } catch {
      return undefined;
    }
    return { text: this.text, doc: this.parsed.doc, lineCounter: this.parsed.lineCounter };
  }
  locate(pointer: string, key = false): Position {
    // A report on the whole document needs only where its content starts; parsing for it would double the
    // cost of a cell whose profile carries a cell-wide message.
    if (pointer === '' && !this.parsed) {
      const root = contentStart(this.text);
      if (root) return root;
    }
    try {
      this.parsed ??= parseAuthoritative(this.text);
    } catch {
      // Nesting too deep for the parser: the file was already reported; point at its start.
      return contentStart(this.text) ?? { line: 1, column: 1 };
    }
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
  MISSING_CHAR: 'missingChar',
  MULTILINE_IMPLICIT_KEY: 'multilineKey',
  BLOCK_IN_FLOW: 'blockInFlow',
  UNEXPECTED_TOKEN: 'unexpectedToken',
  BAD_DQ_ESCAPE: 'badEscape',
  KEY_OVER_1024_CHARS: 'longKey',
  RESOURCE_EXHAUSTION: 'tooDeep',
};

function yamlProblem(line: number, column: number, messageId: string, data: Record<string, string | number>): RawProblem {
  return { line, column, ruleId: 'yaml-syntax', severity: 'error', messageId, data, path: '' };
}

/** Where nesting first gets deeper than any real record: leading `- `, `[`, `{` and indentation. */
function deepestStart(text: string): Position {
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    const m = /^(?:\s|-(?=\s)|[[{])*/.exec(raw)![0];
    if (m.length > 64) return { line, column: 1 };
  }
  return { line: 1, column: 1 };
}

function keyName(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value).normalize('NFC') : undefined;
}

/**
 * Duplicate keys (naming the key and the line of its first occurrence) and keys that are themselves
 * lists or mappings (`? [a, b]: 1`), which no cellctl document has and which yaml would stringify with a
 * warning on stderr. One pass with a hash per mapping, so a map of 50,000 keys costs 50,000 look-ups.
 */
function keyProblems(doc: Document.Parsed, lineCounter: LineCounter): RawProblem[] {
  const out: RawProblem[] = [];
  const at = (node: Node | null | undefined) => lineCounter.linePos(node?.range?.[0] ?? 0);
  visit(doc, {
    Map(_, map) {
      const first = new Map<string, Node>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        if (key !== null && !isScalar(key)) {
          // `? [a, b]: 1` is a key that is itself a map with a list key: one report per place.
          const { line, col } = at(key);
          if (!out.some((p) => p.line === line && p.column === col)) out.push(yamlProblem(line, col, 'complexKey', {}));
          continue;
        }
        const name = keyName(key);
        if (name === undefined) continue;
        const earlier = first.get(name);
        if (earlier) {
          const { line, col } = at(key);
          out.push(yamlProblem(line, col, 'duplicateKey', { key: name, firstLine: at(earlier).line }));
        } else {
          first.set(name, key!);
        }
      }
    },
  });
  return out;
}

/** Parser errors, each distinct one once: a mistake repeated on 300 lines is one problem with a count. */
function syntaxProblems(doc: Document.Parsed, lineCounter: LineCounter, text: string): RawProblem[] {
  const byReason = new Map<string, RawProblem>();
  for (const e of doc.errors) {
    // The first line of yaml's message is the reason; the rest is a code excerpt we do not need.
    const reason = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // Messages are per code, so one code is one problem however its English reasons vary.
    const id = e.code;
    const seen = byReason.get(id);
    if (seen) {
      seen.data = { ...seen.data, repeat: Number(seen.data?.repeat ?? 1) + 1 };
      continue;
    }
    const pos = lineCounter.linePos(e.pos[0]);
    const char = text.charAt(e.pos[0]);
    byReason.set(id, yamlProblem(pos.line, pos.col, SYNTAX_MESSAGES[e.code] ?? 'syntax', { reason, code: e.code, char }));
  }
  return [...byReason.values()];
}

/** The authoritative path: the `yaml` package, with alias, nesting and size guards. */
function parseSlow(text: string, cleaned = cleanText(text)): ParsedYaml {
  let parsed: Authoritative;
  try {
    parsed = parseAuthoritative(cleaned.text);
  } catch (e) {
    // yaml's parser recurses once per nesting level: thousands of `- ` overflow the stack.
    if (!(e instanceof RangeError)) throw e;
    const { line, column } = deepestStart(text);
    return { data: undefined, problems: [yamlProblem(line, column, 'tooDeep', {})], locator: new LazyLocator(text), fatal: true };
  }
  const locator = new LazyLocator(cleaned.text, parsed);
  const { doc, lineCounter } = parsed;
  let problems: RawProblem[];
  try {
    problems = doc.errors.length > 0 ? syntaxProblems(doc, lineCounter, cleaned.text) : keyProblems(doc, lineCounter);
  } catch (e) {
    // Walking a document nested deeper than the stack allows: the same problem as a parser overflow.
    if (!(e instanceof RangeError)) throw e;
    problems = [yamlProblem(deepestStart(text).line, 1, 'tooDeep', {})];
  }
  if (problems.length > 0) return { data: undefined, problems, locator, fatal: true };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error).message;
    if (e instanceof RangeError) return { data: undefined, problems: [yamlProblem(1, 1, 'tooDeep', {})], locator, fatal: true };
    const unresolved = /^Unresolved alias/i.exec(message);
    if (unresolved) {
      const name = /:\s*(\S+)$/.exec(message)?.[1] ?? '';
      const offset = name ? cleaned.text.indexOf(`*${name}`) : -1;
      const { line, column } = offset >= 0 ? positionAt(cleaned.text, offset) : { line: 1, column: 1 };
      return { data: undefined, problems: [yamlProblem(line, column, 'undefinedAlias', { alias: name })], locator, fatal: true };
    }
    if (/alias/i.test(message)) {
      return { data: undefined, problems: [yamlProblem(1, 1, 'aliasBomb', { max: MAX_ALIAS_COUNT })], locator, fatal: true };
    }
    return { data: undefined, problems: [yamlProblem(1, 1, 'syntax', { reason: message, code: 'TOJS' })], locator, fatal: true };
  }
  return finish(data, locator, cleaned);
}

/** Text with each control character replaced by a space (same length, so positions hold), and where each was. */
interface CleanedText {
  text: string;
  problems: RawProblem[];
}

function cleanText(text: string): CleanedText {
  CONTROL_CHARS.lastIndex = 0;
  INVISIBLE_CHARS.lastIndex = 0;
  const invisible = INVISIBLE_CHARS.test(text) ? invisibleProblems(text) : [];
  CONTROL_CHARS.lastIndex = 0;
  if (!CONTROL_CHARS.test(text)) return { text, problems: invisible };
  const problems: RawProblem[] = [];
  let line = 1;
  let lineStart = 0;
  // The next line break after lineStart, found once: searching afresh for each control character made a
  // long line with many of them quadratic (a 480,000-character line took 1.5 s).
  let nextBreak = text.indexOf('\n');
  const cleanedText = text.replace(CONTROL_CHARS, (ch, offset: number) => {
    while (nextBreak !== -1 && nextBreak < offset) {
      line++;
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    problems.push(controlProblem(line, offset - lineStart + 1, ch));
    return ' ';
  });
  return { text: cleanedText, problems: [...problems, ...invisible] };
}

/** The JSON Pointer of each string value holding a bidi control or zero-width character, with the first one's code. */
function invisibleValues(data: unknown): { path: string; code: string }[] {
  const out: { path: string; code: string }[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      INVISIBLE_CHARS.lastIndex = 0;
      const m = INVISIBLE_CHARS.exec(v);
      if (m) out.push({ path, code: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` });
    } else if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${path}/${i}`));
    else if (v !== null && typeof v === 'object') for (const [k, val] of Object.entries(v)) walk(val, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  walk(data, '');
  return out;
}

/** Where each bidi control or zero-width character is (line and column), in one pass over the text. */
function invisibleProblems(text: string): RawProblem[] {
  const problems: RawProblem[] = [];
  let line = 1;
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  // matchAll starts at the pattern's lastIndex, which the caller's test() moved past the first match.
  INVISIBLE_CHARS.lastIndex = 0;
  for (const m of text.matchAll(INVISIBLE_CHARS)) {
    const offset = m.index;
    while (nextBreak !== -1 && nextBreak < offset) {
      line++;
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    problems.push({ line, column: offset - lineStart + 1, ruleId: 'encoding', severity: 'error', messageId: 'invisibleChar', data: { code }, path: '' });
  }
  return problems;
}

function controlProblem(line: number, column: number, ch: string): RawProblem {
  const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return { line, column, ruleId: 'encoding', severity: 'error', messageId: 'controlChar', data: { code }, path: '' };
}

function finish(raw: unknown, locator: Locator, cleaned: CleanedText): ParsedYaml {
  try {
    // An empty file is null in `yaml` and undefined in js-yaml; both mean "no data". Text that is NFC as a
    // whole has only NFC strings and keys: one check of the text spares walking every value. Control
    // characters written as escapes ("\x7f") reach the data without being in the text: the walk finds them.
    const escaped = /\\(?:x|u|U|[0abtnvfre])/.test(cleaned.text) && cleaned.text.includes('"');
    const simple = cleaned.text === cleaned.text.normalize('NFC') && !escaped;
    const found: string[] = [];
    const data = raw === undefined ? null : simple ? raw : normalizeData(raw, undefined, found);
    const problems = [...cleaned.problems];
    for (const path of found) {
      const { line, column } = locator.locate(path);
      problems.push({ ...controlProblem(line, column, '\u007f'), messageId: 'controlEscape', data: {}, path });
    }
    // "\u202E" written as an escape is in the data but not in the text the scan read: found at its value.
    if (escaped && !cleaned.problems.some((p) => p.messageId === 'invisibleChar')) {
      for (const { path, code } of invisibleValues(data)) {
        const { line, column } = locator.locate(path);
        problems.push({ line, column, ruleId: 'encoding', severity: 'error', messageId: 'invisibleChar', data: { code }, path });
      }
    }
    return { data, problems, locator, fatal: false };
  } catch (e) {
    if (e instanceof NodeBudgetError) {
      return { data: undefined, problems: [yamlProblem(1, 1, 'tooManyNodes', { max: e.max })], locator, fatal: true };
    }
    if (e instanceof RangeError) return { data: undefined, problems: [yamlProblem(1, 1, 'tooDeep', {})], locator, fatal: true };
    throw e;
  }
}

/**
 * Whether a quoted scalar runs on past the end of its line. js-yaml accepts continuation lines that YAML 1.2
 * requires to be indented under their key (`a: '` then `b: '` at column 0 reads as one string); `yaml`
 * rejects them, so such files take the authoritative path. A quote opens a scalar only where a token may
 * start (after a blank, `[`, `{` or `,`, or at the start of a line), never inside a plain word (`it's`).
 */
function hasMultilineQuoted(text: string): boolean {
  let quote: '' | "'" | '"' = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") {
        if (text[i + 1] === "'") i++;
        else quote = '';
      } else if (c === '\n') return true;
    } else if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = '';
      else if (c === '\n') return true;
    } else if (c === "'" || c === '"' || c === '#') {
      const before = i === 0 ? '\n' : text[i - 1]!;
      if (!/[\s[{,]/.test(before)) continue;
      if (c === '#') {
        const end = text.indexOf('\n', i);
        if (end < 0) return false;
        i = end;
      } else {
        quote = c;
      }
    }
  }
  return false;
}

/**
 * Parse YAML text. Files without `&` or `*` cannot hold anchors or aliases, so js-yaml (about five times
 * faster) reads their data; anything it rejects, and every file that might use aliases, goes through
 * the `yaml` package, which also supplies every position. A property test keeps the two in agreement.
 */
export function parseYaml(text: string): ParsedYaml {
  const cleaned = cleanText(text);
  // Aliases, and keys that are lists or mappings (js-yaml would silently stringify them), need `yaml`.
  if (/[&*]|^\s*\?(?:\s|$)|[\]}]\s*:(?:\s|$)/m.test(cleaned.text) || hasMultilineQuoted(cleaned.text)) return parseSlow(text, cleaned);
  let data: unknown;
  try {
    data = jsyaml.load(cleaned.text, { schema: CORE_12, json: false });
  } catch {
    return parseSlow(text, cleaned);
  }
  return finish(data, new LazyLocator(cleaned.text), cleaned);
}

/** The authoritative parse only (used by tests to prove the fast path agrees with it). */
export function parseYamlAuthoritative(text: string): ParsedYaml {
  return parseSlow(text);
}
