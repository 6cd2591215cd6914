// Reading a request's JSON body within bounds of size, depth and count, before anything else looks at it.
import type { IncomingMessage } from 'node:http';

/** Largest request body: a record is a few kilobytes. */
export const MAX_BODY = 1024 * 1024;
/** Deepest nesting of a body: a record nests about six levels (resolution → tasks → item → field). */
export const MAX_DEPTH = 32;
/**
 * Most values (objects, arrays, strings, numbers…) in a body: a record of a cell of 300 members has about
 * 1,500. Bounded because checking a record costs more per value than reading it (every item is validated
 * against the whole cell).
 */
export const MAX_VALUES = 5_000;
/**
 * Most keys in one object: a record's largest has 19 (its top level). Bounded because the YAML library
 * checks a map's keys for duplicates pair by pair: 19,000 keys took it 28 s, 100,000 held the thread for minutes.
 */
export const MAX_KEYS = 200;

/** Why a body was refused. */
export type BodyRefusal = 'not-json' | 'too-large' | 'too-deep' | 'too-many' | 'bad-json' | 'not-object';

/** Whether `text` (JSON) nests deeper than `max`, counted without parsing it (strings skipped). */
function nestsDeeper(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Whether a parsed value holds more than `max` values in all (walked without recursion). */
function holdsMore(value: unknown, max: number): boolean {
  const stack: unknown[] = [value];
  let count = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (++count > max) return true;
    if (v === null || typeof v !== 'object') continue;
    const inner = Array.isArray(v) ? v : Object.values(v);
    if (!Array.isArray(v) && inner.length > MAX_KEYS) return true;
    if (count + stack.length + inner.length > max) return true;
    for (const x of inner) stack.push(x);
  }
  return false;
}

/**
 * The JSON object a POST carries, or why it is refused. Only a script of this page can send
 * application/json here (a cross-site form cannot), and reading stops at `max` bytes.
 */
export async function readJsonBody(
  req: IncomingMessage,
  max = MAX_BODY,
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; why: BodyRefusal }> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return { ok: false, why: 'not-json' };
  if (Number(req.headers['content-length'] ?? 0) > max) return { ok: false, why: 'too-large' };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return { ok: false, why: 'too-large' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (nestsDeeper(text, MAX_DEPTH)) return { ok: false, why: 'too-deep' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, why: 'bad-json' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, why: 'not-object' };
  if (holdsMore(value, MAX_VALUES)) return { ok: false, why: 'too-many' };
  return { ok: true, value: value as Record<string, unknown> };
}
