// Handlebars helpers of the document templates, on a private Handlebars instance; every helper returns plain text.
import Handlebars from 'handlebars';
import { longDate, romanNumeral, shortDate } from '../util/vi-date.js';
import {
  documentNumber,
  formatNumber,
  moneyText,
  percentText,
  subItemLetter,
  timeText,
  upperVi,
  voteSentence,
} from './viewmodel.js';

/** A helper used wrongly in a template (wrong number of values, a value of the wrong kind). */
export class HelperError extends Error {
  constructor(
    /** What is wrong, in Vietnamese. */
    message: string,
    /** The same in English. */
    readonly en: string,
    /** 1-based line of the helper call in its template file, when Handlebars gave it. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'HelperError';
  }
}

/** What Handlebars passes as the last argument of every helper call. */
interface HelperOptions {
  fn?: (context: unknown) => string;
  inverse?: (context: unknown) => string;
  loc?: { start: { line: number; column: number } };
}

type Value = unknown;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^\d{1,2}:\d{2}$/;

function fail(name: string, options: HelperOptions, message: string, en: string): never {
  const start = options.loc?.start;
  throw new HelperError(`{{${name}}}: ${message}`, `{{${name}}}: ${en}`, start?.line, start === undefined ? undefined : start.column + 1);
}

/** Truth as {{#if}} sees it: an empty list is false, like an empty text, null, 0 or false. */
function truthy(value: Value): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** Plain text of a value; null and undefined print as nothing. */
function text(value: Value): string {
  return value === null || value === undefined ? '' : String(value);
}

function toNumber(name: string, options: HelperOptions, value: Value): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) fail(name, options, `cần một số, nhận được "${text(value)}"`, `needs a number, got "${text(value)}"`);
  return n;
}

function isoDate(name: string, options: HelperOptions, value: Value): string | null {
  if (value === null || value === '') return null;
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    fail(name, options, `cần một ngày dạng YYYY-MM-DD, nhận được "${text(value)}"`, `needs a date written YYYY-MM-DD, got "${text(value)}"`);
  }
  return value;
}

/**
 * Upper case keeping diacritics, of a finished piece of template output: text only, never the markup tags
 * or the entities Handlebars escaping wrote (`&amp;` must not become `&AMP;`).
 */
function upperMarkup(output: string): string {
  return output
    .split(/(<[^>]*>|&#?[A-Za-z0-9]+;)/u)
    .map((part, i) => (i % 2 === 0 ? upperVi(part) : part))
    .join('');
}

/** A helper taking exactly `arity` values, with the check Handlebars does not do itself. */
function define(
  name: string,
  arity: number | [number, number],
  fn: (this: unknown, options: HelperOptions, ...args: Value[]) => unknown,
): [string, Handlebars.HelperDelegate] {
  const [min, max] = typeof arity === 'number' ? [arity, arity] : arity;
  const helper = function (this: unknown, ...all: unknown[]): unknown {
    const options = all.pop() as HelperOptions;
    if (all.length < min || all.length > max) {
      const wanted = min === max ? `${min}` : `${min}–${max}`;
      fail(name, options, `cần ${wanted} giá trị, có ${all.length}`, `takes ${wanted} ${wanted === '1' ? 'value' : 'values'}, not ${all.length}`);
    }
    return fn.call(this, options, ...all);
  };
  return [name, helper];
}

/** The helpers, by name (exported for tests; templates reach them through createHandlebars()). */
export const HELPERS: Record<string, Handlebars.HelperDelegate> = Object.fromEntries([
  // {{upper x}} or {{#upper}}…{{/upper}}: upper case with diacritics (đ → Đ).
  define('upper', [0, 1], function (options, value) {
    if (value === undefined) {
      if (!options.fn) fail('upper', options, 'cần một giá trị hoặc dạng khối {{#upper}}…{{/upper}}', 'needs a value, or the block form {{#upper}}…{{/upper}}');
      // A block's output is already escaped template output, and Handlebars does not escape it again.
      return upperMarkup(options.fn(this));
    }
    return upperVi(text(value));
  }),
  define('longDate', 1, (options, value) => {
    const iso = isoDate('longDate', options, value);
    return iso ? longDate(iso) : '';
  }),
  define('shortDate', 1, (options, value) => {
    const iso = isoDate('shortDate', options, value);
    return iso ? shortDate(iso) : '';
  }),
  define('time', 1, (options, value) => {
    if (value === null || value === '') return '';
    if (typeof value !== 'string' || !CLOCK.test(value.trim())) {
      fail('time', options, `cần giờ dạng HH:MM, nhận được "${text(value)}"`, `needs a time written HH:MM, got "${text(value)}"`);
    }
    return timeText(value);
  }),
  define('voteSentence', 2, (options, count, eligible) =>
    voteSentence(toNumber('voteSentence', options, count), toNumber('voteSentence', options, eligible)),
  ),
  define('docNumber', [1, 2], (options, n, type) => {
    if (n === null || n === '') return '';
    return documentNumber(toNumber('docNumber', options, n), type === undefined ? 'NQ' : text(type));
  }),
  define('percent', 2, (options, part, whole) =>
    percentText(toNumber('percent', options, part), toNumber('percent', options, whole)),
  ),
  define('money', 1, (options, value) => (value === null ? '' : moneyText(toNumber('money', options, value)))),
  define('decimal', 1, (options, value) => (value === null ? '' : formatNumber(toNumber('decimal', options, value)))),
  define('inc', 1, (options, value) => toNumber('inc', options, value) + 1),
  define('roman', 1, (options, value) => romanNumeral(toNumber('roman', options, value))),
  define('letter', 1, (options, value) => subItemLetter(toNumber('letter', options, value))),
  define('eq', 2, (_options, a, b) => a === b),
  define('ne', 2, (_options, a, b) => a !== b),
  define('gt', 2, (options, a, b) => toNumber('gt', options, a) > toNumber('gt', options, b)),
  define('not', 1, (_options, a) => !truthy(a)),
  define('and', [2, 9], (_options, ...values) => values.every(truthy)),
  define('or', [2, 9], (_options, ...values) => values.some(truthy)),
  // Paragraphs of a text typed with line breaks (YAML `|`): one item per non-empty line.
  define('paragraphs', 1, (_options, value) =>
    text(value)
      .split(/\r?\n/u)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  ),
]);

/** Names of the helpers templates may call (with Handlebars' own if, unless, each, with, lookup). */
export const HELPER_NAMES: readonly string[] = [...Object.keys(HELPERS), 'if', 'unless', 'each', 'with', 'lookup'];

/** A private Handlebars environment with the document helpers and nothing else registered globally. */
export function createHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(HELPERS)) hb.registerHelper(name, helper);
  return hb;
}
