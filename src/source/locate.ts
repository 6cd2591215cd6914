// locate(): the one place that turns a JSON Pointer into a 1-based line and column of a YAML document.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';

/** A 1-based position in a file. */
export interface Position {
  line: number;
  column: number;
}

/** Split a JSON Pointer (RFC 6901) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value).normalize('NFC');
  return undefined;
}

// Each mapping's keys, indexed on first use: a file with 50,000 unknown keys means 50,000 look-ups,
// and a scan of the mapping for each would make the run quadratic.
const keyIndex = new WeakMap<object, Map<string, Pair>>();

function pairFor(map: YAMLMap, seg: string): Pair | undefined {
  let index = keyIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      const k = keyText(p.key);
      if (k !== undefined && !index.has(k)) index.set(k, p);
    }
    keyIndex.set(map, index);
  }
  return index.get(seg);
}

/**
 * Position of the value at `pointer` (or of its key, with `key`). When the path does not exist in the
 * source (a missing property, a default), the deepest node that does exist is used, so a report
 * always lands on the line the user has to look at.
 */
export function locateNode(doc: Document, lineCounter: LineCounter, pointer: string, key = false): Position {
  let node: Node | null | undefined = doc.contents as Node | null;
  let at: number | undefined = node?.range?.[0];
  const segments = pointerSegments(pointer);
  for (let i = 0; i < segments.length && node; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (isAlias(node)) node = node.resolve(doc) as Node | undefined;
    if (isMap(node)) {
      const pair = pairFor(node, seg);
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      if (last && key && keyNode?.range) {
        at = keyNode.range[0];
        break;
      }
      // `key:` with nothing after it has an empty value node at the end of the line: show the key instead.
      const emptyValue = !valueNode?.range || valueNode.range[0] === valueNode.range[1];
      at = (emptyValue ? keyNode?.range?.[0] : valueNode.range![0]) ?? at;
      node = valueNode;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!/^\d+$/.test(seg) || !item) break;
      at = item.range?.[0] ?? at;
      node = item;
    } else {
      break;
    }
  }
  if (at === undefined) return { line: 1, column: 1 };
  const { line, col } = lineCounter.linePos(at);
  return { line, column: col };
}
