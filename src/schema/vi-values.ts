// What a user typed in Vietnamese where a code is expected: dates, times and enum labels → what to write.
import { term } from '../messages/terms.js';
import { loadSchemas } from './validator.js';

/** `15/01/2027`, `15-1-2027`, `2027-1-5`, `2027/01/15` → `2027-01-15` when it is a real date. */
export function dateFix(value: string): string | undefined {
  const s = value.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const ymd = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(s);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  const fix = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return fix === s ? undefined : fix;
}

/** `19h30`, `21g15`, `19 giờ 30`, `19.30`, `8h` → `19:30`, `21:15`, `19:30`, `19:30`, `08:00`. */
export function timeFix(value: string): string | undefined {
  const m = /^(\d{1,2})\s*(?:h|g|giờ|:|\.)\s*(?:(\d{2})\s*(?:p|ph|phút|')?)?$/iu.exec(value.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** Lower case, NFC, single spaces; `bare` also drops tone marks (Unikey's hoà / hòa) and đ. */
function fold(s: string, bare: boolean): string {
  let out = s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  if (bare) out = out.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
  return out;
}

let labels: { exact: Map<string, Set<string>>; bare: Map<string, Set<string>>; own: Map<string, string> } | undefined;

/**
 * Vietnamese labels of every enum code, from the schemas' descriptions ("official: chính thức; …", each
 * comma-separated part too) and the message terms ("đảng viên chính thức").
 */
function labelTable() {
  const exact = new Map<string, Set<string>>();
  const bare = new Map<string, Set<string>>();
  const own = new Map<string, string>();
  const add = (label: string, code: string) => {
    for (const [map, key] of [[exact, fold(label, false)], [bare, fold(label, true)]] as const) {
      if (!key) continue;
      if (!map.has(key)) map.set(key, new Set());
      map.get(key)!.add(code);
    }
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (Array.isArray(n.enum) && typeof n.description === 'string') {
      const codes = new Set(n.enum.map(String));
      for (const part of n.description.split(';')) {
        const m = /^\s*"?([^":]+?)"?\s*:\s*(.+?)\.?\s*$/.exec(part);
        if (!m || !codes.has(m[1]!)) continue;
        own.set(m[1]!, m[2]!);
        add(m[2]!, m[1]!);
        for (const piece of m[2]!.split(',')) add(piece, m[1]!);
      }
      for (const code of codes) {
        const vi = term(code, 'vi');
        if (vi !== code) add(vi, code);
      }
    }
    Object.values(n).forEach(walk);
  };
  for (const schema of loadSchemas()) walk(schema);
  return { exact, bare, own };
}

/** The code to write for a Vietnamese label among the allowed ones, if the label names exactly one. */
export function codeForLabel(value: string, allowed: readonly string[]): string | undefined {
  labels ??= labelTable();
  for (const [map, bare] of [[labels.exact, false], [labels.bare, true]] as const) {
    const codes = [...(map.get(fold(value, bare)) ?? [])].filter((c) => allowed.includes(c));
    if (codes.length === 1) return codes[0];
  }
  return undefined;
}

/** `official (chính thức), probationary (dự bị), …`: each allowed code with its Vietnamese label. */
export function labelled(allowed: readonly string[]): string {
  labels ??= labelTable();
  return allowed.map((c) => {
    const vi = labels!.own.get(c) ?? term(c, 'vi');
    return vi !== c ? `${c} (${vi})` : c;
  }).join(', ');
}
