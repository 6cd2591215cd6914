// Numbers typed with thousands separators (`amount: 560.000`), found in the source text as typed.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { RawProblem } from '../lint/problem.js';
import type { Locator } from '../source/yaml.js';
import { loadSchemas } from './validator.js';

// `560.000` is the Vietnamese way to write 560 000; YAML reads it as 560, and `1,200` as text.
const GROUPED = /^[+-]?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/;
// A grouped number that could be a whole scalar: where a value starts (line start, after `:`, `-`, `?`, `[`, `{`
// or `,`, a tag or an anchor), maybe quoted or signed, and where a value ends. Prose such as "số tiền
// 1.185.000 đồng", which every record's dues step holds, does not match, so it costs no second parse.
const ANYWHERE =
  /(?:^|[:\-?[{,])[ \t]*(?:[!&]\S*[ \t]+)*["']?[ \t]*[+-]?\d{1,3}([.,])\d{3}(?:\1\d{3})*[ \t]*["']?[ \t]*(?:\r?$|#|[,\]}])/m;

interface IntegerKeys {
  /** Keys whose value is a whole number in some schema (amount, paid, for, total…). */
  names: Set<string>;
  /** Keys whose every child is a whole number (criteria). */
  parents: Set<string>;
}

let integerKeys: IntegerKeys | undefined;

function isInteger(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  const s = schema as Record<string, unknown>;
  const type = s.type;
  if (type === 'integer' || type === 'number') return true;
  if (Array.isArray(type) && (type.includes('integer') || type.includes('number'))) return true;
  return typeof s.$ref === 'string' && /\/\$defs\/count$/.test(s.$ref);
}

/** Integer-valued property names, read from the shipped schemas so a new count field is covered too. */
function keysFromSchemas(): IntegerKeys {
  const names = new Set<string>();
  const parents = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.properties && typeof n.properties === 'object') {
      for (const [name, sub] of Object.entries(n.properties as Record<string, unknown>)) {
        if (isInteger(sub)) names.add(name);
        const extra = (sub as Record<string, unknown> | null)?.additionalProperties;
        if (isInteger(extra)) parents.add(name);
      }
    }
    Object.values(n).forEach(walk);
  };
  for (const schema of loadSchemas()) walk(schema);
  return { names, parents };
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * A positioned problem for each whole-number field typed with a dot or comma between groups of three digits,
 * with the number to write instead. Only files whose text holds such a token are walked.
 */
export function separatorProblems(locator: Locator): RawProblem[] {
  // The text is tested before the `yaml` Document is asked for: building it for every file made
  // validation four times slower, and almost no file holds such a token.
  if (locator.text !== undefined && !ANYWHERE.test(locator.text)) return [];
  const source = locator.source?.();
  if (!source || !ANYWHERE.test(source.text)) return [];
  integerKeys ??= keysFromSchemas();
  const { names, parents } = integerKeys;
  const { text, doc, lineCounter } = source;
  const out: RawProblem[] = [];
  const walk = (node: Node | null | undefined, pointer: string, key: string | undefined, parentKey: string | undefined): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value).normalize('NFC') : undefined;
        if (k !== undefined) walk(pair.value as Node | null, `${pointer}/${escape(k)}`, k, key);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node | null, `${pointer}/${i}`, undefined, key));
    } else if (isScalar(node) && node.range && key !== undefined && (names.has(key) || (parentKey !== undefined && parents.has(parentKey)))) {
      const typed = text.slice(node.range[0], node.range[1]).replace(/^(["'])(.*)\1$/, '$2').trim();
      if (!GROUPED.test(typed)) return;
      const { line, col } = lineCounter.linePos(node.range[0]);
      out.push({
        line, column: col, ruleId: 'schema', severity: 'error', messageId: 'thousands',
        data: { value: typed, fix: typed.replace(/[.,]/g, '') }, path: pointer,
      });
    }
  };
  walk(doc.contents as Node | null, '', undefined, undefined);
  return out;
}
