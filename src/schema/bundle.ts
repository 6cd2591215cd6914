// Self-contained schemas for editors: shared definitions copied in, per-value help and Vietnamese editor messages added.
import { readFileSync } from 'node:fs';
import { term } from '../messages/terms.js';
import { schemaSource, type SchemaName } from './validator.js';

/** cellctl's version, from package.json: the folder name the written schemas are kept under. */
export function cellctlVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

type Node = Record<string, unknown>;

/** Where a `$ref` to another schema file lands inside the bundle: `common.schema.json#/$defs/x` → `#/$defs/x`. */
function localRef(ref: string): { file: string; pointer: string[]; local: string } | undefined {
  const m = /^([a-z]+)\.schema\.json(?:#(.*))?$/.exec(ref);
  if (!m) return undefined;
  const file = m[1]!;
  const pointer = (m[2] ?? '').split('/').filter(Boolean);
  // A whole schema (rules.schema.json) becomes a definition named after it; a definition keeps its name.
  if (pointer.length === 0) return { file, pointer, local: `#/$defs/${file}` };
  if (pointer.length !== 2 || pointer[0] !== '$defs') throw new Error(`schema bundle: cannot place ${ref}`);
  return { file, pointer, local: `#/$defs/${pointer[1]}` };
}

/** The definition a cross-file reference points to, without the keywords only a root schema has. */
function target(file: string, pointer: string[]): Node {
  const source = schemaSource(file as SchemaName);
  if (pointer.length === 0) {
    const { $schema: _s, $id: _i, ...rest } = source;
    return rest;
  }
  return (source.$defs as Record<string, Node>)[pointer[1]!]!;
}

/**
 * Per-value help from an enum's description ("present: có mặt; excused: vắng có lý do"), else the message
 * terms, and the Vietnamese message an editor shows for a value not in the list (its own is English).
 */
function enumHelp(node: Node): void {
  if (!Array.isArray(node.enum) || node.enumDescriptions !== undefined) return;
  const values = node.enum as unknown[];
  const own = new Map<string, string>();
  for (const part of typeof node.description === 'string' ? node.description.split(';') : []) {
    const m = /^\s*"?([^":]+?)"?\s*:\s*(.+?)\.?\s*$/.exec(part);
    if (m) own.set(m[1]!, m[2]!);
  }
  const labels = values.map((v) => {
    const code = String(v);
    const vi = own.get(code) ?? term(code, 'vi');
    return vi === code ? undefined : vi;
  });
  if (labels.some((l) => l !== undefined)) {
    const help = labels.map((l, i) => (l === undefined ? String(values[i]) : `${l.charAt(0).toLocaleUpperCase('vi')}${l.slice(1)}.`));
    node.enumDescriptions = help;
    node.markdownEnumDescriptions = help;
  }
  const choices = values.map((v, i) => `${String(v)}${labels[i] === undefined ? '' : ` — ${labels[i]}`}`);
  node.errorMessage ??= `Giá trị không hợp lệ. Chọn một trong: ${choices.join('; ')}.`;
}

/** What an editor says of a value of the wrong type in a field of one simple type (its own words are English). */
const TYPE_MESSAGES: Record<string, string> = {
  integer: 'Ghi một số nguyên, viết liền không dấu chấm, ví dụ 12.',
  number: 'Ghi một số, ví dụ 12 hoặc 7.5 (dấu chấm ngăn phần thập phân).',
  boolean: 'Ghi true (có) hoặc false (không).',
  string: 'Ghi nội dung bằng chữ.',
};

/** A Vietnamese type message on a field of one simple type; never on an object or a list, whose own messages name the field. */
function typeHelp(node: Node): void {
  if (typeof node.type === 'string' && node.type in TYPE_MESSAGES) node.errorMessage ??= TYPE_MESSAGES[node.type];
}

/**
 * A shipped schema made self-contained: every definition it takes from another schema file is copied
 * into its own `$defs`, references point there, each enum value gets its own help line, each enum and
 * simple-typed field a Vietnamese message, and the `$id` is the file's own name (it resolves wherever the
 * file is saved).
 */
export function bundledSchema(name: SchemaName): Node {
  const root = structuredClone(schemaSource(name));
  const defs = ((root.$defs as Record<string, Node> | undefined) ?? {});
  const own = new Set(Object.keys(defs));
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const n = node as Node;
    if (typeof n.$ref === 'string') {
      const ref = localRef(n.$ref);
      if (ref) {
        const key = ref.local.slice('#/$defs/'.length);
        if (own.has(key)) throw new Error(`schema bundle: ${name} already defines ${key}`);
        n.$ref = ref.local;
        if (!(key in defs)) {
          defs[key] = structuredClone(target(ref.file, ref.pointer));
          walk(defs[key]);
        }
      }
    }
    enumHelp(n);
    typeHelp(n);
    for (const [k, v] of Object.entries(n)) if (k !== '$ref') walk(v);
  };
  walk(root);
  if (Object.keys(defs).length > 0) root.$defs = defs;
  return {
    $schema: root.$schema,
    $id: `${name}.schema.json`,
    $comment: `Lược đồ của cellctl ${cellctlVersion()}, do cellctl ghi ra; không sửa tay (cellctl ghi lại khi cần).`,
    ...Object.fromEntries(Object.entries(root).filter(([k]) => k !== '$schema' && k !== '$id')),
  };
}

/** The bundled schema as the text cellctl prints and saves. */
export function bundledSchemaText(name: SchemaName): string {
  return `${JSON.stringify(bundledSchema(name), null, 2)}\n`;
}
