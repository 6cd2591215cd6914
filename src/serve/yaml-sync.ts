// Bringing a YAML text in line with edited data: only what changed is rewritten; comments, order and layout stay.
import { isDeepStrictEqual } from 'node:util';
import { isCollection, isMap, isScalar, isSeq, parseDocument, Scalar, stringify, type Document, type Node } from 'yaml';

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
  if (typeof value !== 'string') return value === null ? 'null' : String(value);
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
    // A block text keeps its indentation: that of its first content line.
    const headerEnd = src.indexOf('\n', node.range![0]);
    const indent = ' '.repeat(Math.max(lineIndent(src, headerEnd + 1), lineIndent(src, node.range![0]) + 2));
    const literal = value.includes('\n') || node.type === Scalar.BLOCK_LITERAL;
    const lines = value.split('\n').map((l) => (l === '' ? '' : indent + l));
    return `${literal ? '|' : '>'}${value.endsWith('\n') ? '' : '-'}\n${lines.join('\n')}${value.endsWith('\n') ? '' : '\n'}`;
  }
  if (node.type === Scalar.QUOTE_DOUBLE || value.includes('\n')) return JSON.stringify(value);
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
    const sameKeys = keys.length === Object.keys(value).length && keys.every((k) => k in value);
    if (!sameKeys) return false;
    return node.items.every((p) => diff(src, p.value, value[keyOf(p.key)]!, edits) || replace(src, p.value, value[keyOf(p.key)]!, edits));
  }
  if (isSeq(node) && Array.isArray(value)) {
    if (node.items.length !== value.length) return false;
    return node.items.every((item, i) => diff(src, item, value[i]!, edits) || replace(src, item, value[i]!, edits));
  }
  return false;
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
  const doc = parseDocument(original);
  const edits: Edit[] = [];
  let patched: string | undefined;
  if (diff(original, doc.contents, data as Json, edits) || replace(original, doc.contents, data as Json, edits)) {
    patched = original;
    for (const e of edits.sort((a, b) => b.start - a.start)) patched = patched.slice(0, e.start) + e.text + patched.slice(e.end);
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
    for (const pair of [...node.items]) if (!(keyOf(pair.key) in value)) node.delete(pair.key);
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
