// The draft of a record still to be filled in (HD 42: posted before the sitting): its blanks and what cannot print yet left out, for render --draft and the page alike.
import { problemPointer } from '../lint/engine.js';
import type { MeetingRecord } from '../model.js';
import { validateSchema } from '../schema/validator.js';
import type { Locator } from '../source/yaml.js';
import { BLANK } from './viewmodel.js';

/** A locator for data that has no text of its own (a draft with its blanks left out): positions are not shown. */
const NOWHERE = { locate: () => ({ line: 1, column: 1 }) } as unknown as Locator;
/** What a draft is never printed without: the sitting itself and each member's attendance. */
const KEPT = ['/date', '/kind', '/status', '/start', '/end', '/attendance'];
/** A task of last month's resolution, under review. */
const REVIEWED = /^\/resolution\/review\/tasks\/\d+$/;
/** How many rounds of leaving out what a draft cannot print yet, before giving up. */
const DRAFT_ROUNDS = 8;
/** Fields a draft prints as a blank (…) when they are not written yet, by the pointer of the object holding them. */
const BLANK_TO_FILL: ReadonlyArray<[RegExp, ReadonlySet<string>]> = [
  [/^$/, new Set(['secretary', 'chair'])],
  [/^\/resolution\/review$/, new Set(['strengths', 'shortcomings'])],
  [/^\/resolution\/tasks\/\d+$/, new Set(['task', 'owner'])],
];

/** A copy of `data` without blank values (null, "", spaces): what a draft leaves to be filled at the sitting. */
function withoutBlanks(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(withoutBlanks).filter((x) => x !== undefined);
  if (data !== null && typeof data === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) {
      const w = withoutBlanks(v);
      if (w !== undefined) out[k] = w;
    }
    return out;
  }
  return data === null || (typeof data === 'string' && data.trim() === '') ? undefined : data;
}

/** `data` with `value` at a JSON pointer whose parent exists. */
function setAt(data: unknown, pointer: string, value: unknown): unknown {
  const [head, ...rest] = pointer.split('/').slice(1);
  if (head === undefined || data === null || typeof data !== 'object') return data;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(data) ? [...data] : { ...(data as Record<string, unknown>) };
  const key = Array.isArray(copy) ? Number(head) : head;
  (copy as Record<string | number, unknown>)[key] = rest.length === 0 ? value : setAt((copy as Record<string | number, unknown>)[key], `/${rest.join('/')}`, value);
  return copy;
}

/** `data` with the value at a JSON pointer removed (an item of a list taken out of it). */
function removeAt(data: unknown, pointer: string): unknown {
  const [head, ...rest] = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (head === undefined || data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) {
    const i = Number(head);
    return rest.length === 0 ? data.filter((_, k) => k !== i) : data.map((x, k) => (k === i ? removeAt(x, `/${rest.join('/')}`) : x));
  }
  const copy = { ...(data as Record<string, unknown>) };
  if (rest.length === 0) delete copy[head];
  else copy[head] = removeAt(copy[head], `/${rest.join('/')}`);
  return copy;
}

/**
 * A draft as it can be laid out before the sitting (HD 42: the draft is posted beforehand): blanks left
 * out, and what is still incomplete (a vote without its figures, a task without its result) left out too,
 * so the document prints with its blanks. Undefined when even that is not a record (no date, no roster).
 */
export function draftView(data: unknown): MeetingRecord | undefined {
  let d = withoutBlanks(data);
  for (let round = 0; round < DRAFT_ROUNDS; round++) {
    const problems = validateSchema('meeting', d, NOWHERE);
    if (problems.length === 0) return d as MeetingRecord;
    // Last month's tasks are what the sitting reviews: each stays, its result a blank to fill in (…).
    const toFill = problems.filter((p) => p.messageId === 'required' && p.data?.property === 'result' && REVIEWED.test(p.path));
    for (const p of toFill) d = setAt(d, `${p.path}/result`, BLANK);
    // What the sitting itself settles (who takes the minutes) or the chi ủy writes in before posting (the
    // assessment, the tasks): the draft prints a blank to fill by hand rather than leave the part out.
    const names = problems.filter((p) => p.messageId === 'required' && BLANK_TO_FILL.some(([at, keys]) => at.test(p.path) && keys.has(String(p.data?.property))));
    for (const p of names) d = setAt(d, `${p.path}/${String(p.data!.property)}`, BLANK);
    if (names.length > 0) continue;
    if (toFill.length > 0) continue;
    // A missing key is cut with the part that misses it; anything else with itself. The record's own keys are never cut.
    const cuts = problems.map((p) => (p.messageId === 'required' ? p.path : problemPointer(p)));
    if (cuts.some((c) => c === '' || KEPT.some((k) => c === k || c.startsWith(`${k}/`)))) return undefined;
    for (const c of [...new Set(cuts)].sort().reverse()) d = removeAt(d, c);
  }
  return undefined;
}

