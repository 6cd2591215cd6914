// The page's talk with cellctl serve, and the small data helpers every view shares (dates, JSON pointers).
import { shortDate } from '../src/util/vi-date.ts';

/** A JSON request to this server; a refusal becomes an Error with the server's Vietnamese message. */
export async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json().catch(() => ({ error: `Máy chủ trả lời lỗi ${res.status}.` }));
  return { status: res.status, json };
}

export const isoDate = /^\d{4}-\d{2}-\d{2}$/;
/** A date as shown: dd/mm/yyyy the Party's way; anything else as typed. */
export const showDate = (v) => (typeof v === 'string' && isoDate.test(v) ? shortDate(v) : v ?? '');
/** A date as typed (d/m/yyyy) back to YYYY-MM-DD; what cannot be read stays as typed, for the checker to name. */
export function readDate(text) {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/.exec(text);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : text;
}

/** A copy of `obj` with `value` at the JSON pointer `path` (undefined removes the key). */
export function setAt(obj, path, value) {
  const keys = path.split('/').slice(1);
  const copy = Array.isArray(obj) ? [...obj] : { ...obj };
  const [head, ...rest] = keys;
  const key = Array.isArray(copy) ? Number(head) : head;
  if (rest.length === 0) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  } else copy[key] = setAt(copy[key] ?? {}, `/${rest.join('/')}`, value);
  return copy;
}

