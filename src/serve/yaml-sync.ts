// Bringing a YAML text in line with edited data: only what changed is rewritten; comments, order and layout stay.
import { isDeepStrictEqual } from 'node:util';
import { InputError } from '../errors.js';
import { isCollection, isMap, isScalar, isSeq, parseDocument, Scalar, stringify, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One replacement of source text: [start, end) becomes `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

function isObject(v: unknown): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function keyOf(k: unknown): string {
  return isScalar(k) ? String(k.value) : String(k);
}

/** The indentation (in spaces) of the line holding `offset`. */
function lineIndent(src: string, offset: number): number {
  const start = src.lastIndexOf('\n', offset - 1) + 1;
  return /^ */.exec(src.slice(start))![0].length;
}

/** A scalar's new text in place of the old one, in the old one's style where the value allows. */
function scalarText(src: string, node: Scalar, value: Json): string {
  const text = styledText(src, node, value);
  // An empty value (`deadline: # comment`) has no text of its own: keep a space on each side of the new one.
  if (node.range![0] !== node.range![1]) return text;
  const at = node.range![0];
  return `${/[:-]$/.test(src.slice(0, at)) ? ' ' : ''}${text}${src[at] === '#' ? ' ' : ''}`;
}

function styledText(src: string, node: Scalar, value: Json): string {
  if (typeof value !== 'string') return value === null ? 'null' : String(value);
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
    // A block text keeps its indentation: that of its first content line.
    const headerEnd = src.indexOf('\n', node.range![0]);
    const indent = ' '.repeat(Math.max(lineIndent(src, headerEnd + 1), lineIndent(src, node.range![0]) + 2));
    const literal = value.includes('\n') || node.type === Scalar.BLOCK_LITERAL;
    // Blank lines at the end are kept only by `|+`, which would also take in blank lines that follow the
    // block in the file: there, a quoted text says the same on its own.
    const kept = /\n\n$/.test(value);
    // (The block's range ends after its last line break, which the quoted text keeps.)
    if (kept && /^[ \t]*\r?\n/.test(src.slice(node.range![1]))) return `${JSON.stringify(value)}\n`;
    const lines = value.split('\n').map((l) => (l === '' ? '' : indent + l));
    const chomp = kept ? '+' : value.endsWith('\n') ? '' : '-';
    return `${literal ? '|' : '>'}${chomp}\n${lines.join('\n')}${value.endsWith('\n') ? '' : '\n'}`;
  }
  // A clock time stays quoted, as cellctl writes it: a YAML 1.1 reader would take 19:30 for a number.
  if (/^\d{1,2}:\d{2}$/.test(value)) return JSON.stringify(value);
  // A blank left to fill ("") takes the plain style of filled values, quoted only where YAML needs it.
  if ((node.type === Scalar.QUOTE_DOUBLE && node.value !== '') || value.includes('\n')) return JSON.stringify(value);
  const plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  return plain.includes('\n') ? JSON.stringify(value) : plain;
}

/** A whole collection's new text at the indentation where it starts. */
function collectionText(src: string, node: Node, value: Json): string {
  const flow = (isMap(node) || isSeq(node)) && node.flow;
  if (flow) return stringify(value, { flow: true, lineWidth: 0 }).replace(/\n$/, '');
  const indent = ' '.repeat(node.range![0] - (src.lastIndexOf('\n', node.range![0] - 1) + 1));
  const text = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  return `${text.split('\n').join(`\n${indent}`)}\n`;
}

function diff(src: string, node: unknown, value: Json, edits: Edit[]): boolean {
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    if (node.value !== value) {
      const [start, end] = node.range!;
      // A block scalar's range runs to the end of its last line; keep what follows intact.
      edits.push({ start, end, text: scalarText(src, node, value) });
    }
    return true;
  }
  if (isMap(node) && isObject(value)) {
    const keys = node.items.map((p) => keyOf(p.key));
    const sameKeys = keys.length === Object.keys(value).length && keys.every((k) => Object.hasOwn(value, k));
    if (!sameKeys) return blockMap(src, node, value, edits);
    return node.items.every((p) => diff(src, p.value, value[keyOf(p.key)]!, edits) || replace(src, p.value, value[keyOf(p.key)]!, edits));
  }
  if (isSeq(node) && Array.isArray(value)) {
    if (node.items.length !== value.length) return blockSeq(src, node, value, edits);
    return node.items.every((item, i) => diff(src, item, value[i]!, edits) || replace(src, item, value[i]!, edits));
  }
  return false;
}

/** Where one entry of a block collection starts: its line, or the comment lines right above it at its indentation. */
function entryStart(src: string, offset: number): { start: number; indent: number; first: number } {
  const first = src.lastIndexOf('\n', offset - 1) + 1;
  const indent = lineIndent(src, first);
  let start = first;
  while (start > 0) {
    const prev = src.lastIndexOf('\n', start - 2) + 1;
    const line = src.slice(prev, start - 1);
    if (!/^ *#/.test(line) || lineIndent(src, prev) !== indent) break;
    start = prev;
  }
  return { start, indent, first };
}

/** Where an entry of a block collection ends: after its last line indented deeper than its first (blank lines after it stay). */
function entryEnd(src: string, first: number, indent: number): number {
  let end = src.indexOf('\n', first);
  if (end < 0) return src.length;
  end += 1;
  for (let at = end; at < src.length; ) {
    const next = src.indexOf('\n', at);
    const stop = next < 0 ? src.length : next + 1;
    const line = src.slice(at, stop).replace(/\r?\n$/, '');
    if (line.trim() !== '') {
      if (lineIndent(src, at) <= indent) break;
      end = stop;
    }
    at = stop;
  }
  return end;
}

/** The text of one entry (a list item or a key with its value) of a block collection, whole lines at `indent`. */
function entryText(entry: Json, indent: number): string {
  const text = stringify(entry, { lineWidth: 0 });
  return text.replace(/\n$/, '').split('\n').map((l) => (l === '' ? l : ' '.repeat(indent) + l)).join('\n') + '\n';
}

/** How many fields two list items share (0 unless both are maps): an edited item is paired with its old self. */
function similarity(a: unknown, b: Json): number {
  if (!isObject(a as Json) || !isObject(b)) return 0;
  return Object.entries(b).filter(([k, v]) => isDeepStrictEqual((a as Record<string, unknown>)[k], v)).length;
}

/** Text to insert at `at`, on lines of its own (a file without a final line break gets one first). */
function insertion(src: string, at: number, text: string): Edit {
  return { start: at, end: at, text: at === src.length && src !== '' && !src.endsWith('\n') ? `\n${text}` : text };
}

/** Whether a collection is written in block style with every entry on lines of its own (what the line edits need). */
function isBlock(src: string, node: YAMLMap | YAMLSeq): boolean {
  if (node.flow || !node.range || node.items.length === 0) return false;
  const first = src.lastIndexOf('\n', node.range[0] - 1) + 1;
  return /^ *(- *)?$/.test(src.slice(first, node.range[0]));
}

/**
 * A block map whose keys changed: kept keys are diffed in place, removed keys lose their lines (with the
 * comments right above them), added keys are written after the key they follow in `value`.
 */
function blockMap(src: string, node: YAMLMap, value: { [key: string]: Json }, edits: Edit[]): boolean {
  if (!isBlock(src, node) || Object.keys(value).length === 0) return false;
  const spans = new Map<string, { start: number; end: number; indent: number }>();
  // A map that is a list item starts on the item's `- ` line: its first key can be neither removed nor preceded.
  let dashed = false;
  for (const pair of node.items) {
    const at = isScalar(pair.key) || isCollection(pair.key) ? pair.key.range?.[0] : undefined;
    if (at === undefined) return false;
    const { start, indent, first } = entryStart(src, at);
    if (at - first !== indent) {
      if (pair !== node.items[0]) return false;
      dashed = true;
      spans.set(keyOf(pair.key), { start: first, indent: at - first, end: entryEnd(src, first, at - first) });
    } else spans.set(keyOf(pair.key), { start, indent, end: entryEnd(src, first, indent) });
  }
  const indent = [...spans.values()][0]!.indent;
  const firstKey = keyOf(node.items[0]!.key);
  if (dashed && (!Object.hasOwn(value, firstKey) || Object.keys(value)[0] !== firstKey)) return false;
  const mine: Edit[] = [];
  for (const pair of node.items) {
    const key = keyOf(pair.key);
    const span = spans.get(key)!;
    if (!Object.hasOwn(value, key)) mine.push({ start: span.start, end: span.end, text: '' });
    else if (!(diff(src, pair.value, value[key]!, mine) || replace(src, pair.value, value[key]!, mine))) return false;
  }
  let after = [...spans.values()][0]!.start;
  let pending = '';
  const flush = () => {
    if (pending !== '') mine.push(insertion(src, after, pending));
    pending = '';
  };
  for (const [key, v] of Object.entries(value)) {
    const span = spans.get(key);
    if (span) {
      flush();
      after = span.end;
    } else pending += entryText({ [key]: v }, indent);
  }
  flush();
  edits.push(...mine);
  return true;
}

/**
 * A block list whose length changed: the items that stayed are found (longest common run of equal items),
 * items between them are paired in order and diffed in place, the rest removed or inserted line by line.
 * So the comments of every item that stays are kept, and those of a removed item go with it.
 */
function blockSeq(src: string, node: YAMLSeq, value: Json[], edits: Edit[]): boolean {
  if (!isBlock(src, node) || value.length === 0) return false;
  const spans: { start: number; end: number; indent: number }[] = [];
  for (const item of node.items) {
    const at = isScalar(item) || isCollection(item) ? item.range?.[0] : undefined;
    if (at === undefined) return false;
    const { start, indent, first } = entryStart(src, at);
    spans.push({ start, indent, end: entryEnd(src, first, indent) });
  }
  const indent = spans[0]!.indent;
  const old = node.items.map((item) => (isScalar(item) || isCollection(item) ? item.toJSON() : undefined));
  // Longest common subsequence of equal items: lcs[i][j] for old[i..] and value[j..].
  const lcs = Array.from({ length: old.length + 1 }, () => new Array<number>(value.length + 1).fill(0));
  for (let i = old.length - 1; i >= 0; i--) {
    for (let j = value.length - 1; j >= 0; j--) {
      lcs[i]![j] = isDeepStrictEqual(old[i], value[j]) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const mine: Edit[] = [];
  let i = 0;
  let j = 0;
  let after = spans[0]!.start;
  /**
   * Old items [i, toI) and new items [j, toJ) between two kept ones: paired in order where that keeps the
   * most fields (an edited item keeps its comments), the rest removed or inserted.
   */
  const gap = (toI: number, toJ: number): boolean => {
    const k = toI - i;
    const l = toJ - j;
    const best = Array.from({ length: k + 1 }, () => new Array<number>(l + 1).fill(0));
    const pairScore = (a: number, b: number) => 1 + similarity(old[i + a], value[j + b]!);
    for (let a = k - 1; a >= 0; a--) {
      for (let b = l - 1; b >= 0; b--) best[a]![b] = Math.max(best[a + 1]![b]!, best[a]![b + 1]!, pairScore(a, b) + best[a + 1]![b + 1]!);
    }
    let text = '';
    const flush = () => {
      if (text !== '') mine.push(insertion(src, after, text));
      text = '';
    };
    let a = 0;
    let b = 0;
    while (a < k || b < l) {
      if (a < k && b < l && best[a]![b] === pairScore(a, b) + best[a + 1]![b + 1]!) {
        flush();
        const item = node.items[i + a];
        if (!(diff(src, item, value[j + b]!, mine) || replace(src, item, value[j + b]!, mine))) return false;
        after = spans[i + a]!.end;
        a++;
        b++;
      } else if (a < k && (b === l || best[a]![b] === best[a + 1]![b])) {
        mine.push({ start: spans[i + a]!.start, end: spans[i + a]!.end, text: '' });
        a++;
      } else {
        text += entryText([value[j + b]!], indent);
        b++;
      }
    }
    flush();
    i = toI;
    j = toJ;
    return true;
  };
  while (i < old.length && j < value.length) {
    if (isDeepStrictEqual(old[i], value[j])) {
      after = spans[i]!.end;
      i++;
      j++;
      continue;
    }
    // Advance to the next pair of equal items on the longest common run (none left: the gap runs to the end).
    if (lcs[i]![j] === 0) break;
    let ni = i;
    let nj = j;
    while (ni < old.length && nj < value.length && !(isDeepStrictEqual(old[ni], value[nj]) && lcs[ni]![nj] === lcs[ni + 1]![nj + 1]! + 1)) {
      if (lcs[ni + 1]![nj]! >= lcs[ni]![nj + 1]!) ni++;
      else nj++;
    }
    if (!gap(ni, nj)) return false;
  }
  if (!gap(old.length, value.length)) return false;
  edits.push(...mine);
  return true;
}

/** Replace a collection whose keys or length changed by its new text (comments inside it are lost). */
function replace(src: string, node: unknown, value: Json, edits: Edit[]): boolean {
  if (!isCollection(node) || !node.range) return false;
  edits.push({ start: node.range[0], end: node.range[1], text: collectionText(src, node, value) });
  return true;
}

/**
 * The text of `original` changed to hold `data` (the whole document as JSON). Only the scalars that
 * changed are rewritten in place (a collection whose keys or items changed is rewritten whole), so every
 * comment, the key order and the layout of the rest stay as they were. If the patched text would not read
 * back as `data`, the document is re-serialised by the `yaml` Document API instead (comments still kept).
 */
export function applyData(original: string, data: unknown): string {
  // Nothing but a record's fields is ever written in place of one: `null`, a text or a list would wipe it.
  if (!isObject(data as Json)) {
    throw new InputError(
      'Trang không gửi lên dữ liệu của hồ sơ (trống hoặc sai dạng), nên không kiểm tra hay ghi gì; tải lại trang rồi thử lại.',
      'The page sent no record data (empty or of the wrong shape), so nothing was checked or written; reload the page and try again.',
    );
  }
  const doc = parseDocument(original);
  const edits: Edit[] = [];
  let patched: string | undefined;
  if (diff(original, doc.contents, data as Json, edits) || replace(original, doc.contents, data as Json, edits)) {
    patched = original;
    // Last edit first, so offsets stay true; at one offset a removal goes before an insertion.
    for (const e of edits.sort((a, b) => b.start - a.start || b.end - a.end)) patched = patched.slice(0, e.start) + e.text + patched.slice(e.end);
  }
  if (patched !== undefined && isDeepStrictEqual(parseDocument(patched).toJS(), data)) return patched;
  const fallback = parseDocument(original);
  fallback.contents = sync(fallback, fallback.contents, data as Json) as typeof fallback.contents;
  return fallback.toString({ lineWidth: 0 });
}

/** Make `node` hold `value` through the Document API (the fallback: comments kept, layout re-serialised). */
function sync(doc: Document, node: unknown, value: Json): unknown {
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    node.value = value;
    return node;
  }
  if (isMap(node) && isObject(value)) {
    for (const pair of [...node.items]) if (!Object.hasOwn(value, keyOf(pair.key))) node.delete(pair.key);
    for (const [key, v] of Object.entries(value)) {
      const pair = node.items.find((p) => keyOf(p.key) === key);
      if (pair) pair.value = sync(doc, pair.value, v) as Node;
      else node.set(key, doc.createNode(v));
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    value.forEach((v, i) => {
      if (i < node.items.length) node.items[i] = sync(doc, node.items[i], v) as Node;
      else node.items.push(doc.createNode(v));
    });
    node.items.splice(value.length);
    return node;
  }
  return doc.createNode(value);
}

/** The data of a YAML text as the form edits it (YAML 1.2 core: dates stay strings). */
export function dataOf(text: string): unknown {
  return parseDocument(text).toJS();
}
