// Text normalisation at parse time, once for every document: Unicode NFC and control characters replaced.

/** Most values one document may hold; beyond it the file is refused rather than walked. */
export const MAX_NODES = 200_000;

/**
 * Control characters no record needs: C0 except TAB, LF and CR; DEL; C1. They are invisible in an editor
 * and break name matching, so each becomes a space (never glueing two words) and is reported.
 */
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Text with every control character replaced by a space. */
export function cleanControls(text: string): string {
  return text.replace(CONTROL_CHARS, ' ');
}

/** Thrown when a document holds more values than MAX_NODES. */
export class NodeBudgetError extends Error {
  constructor(readonly max: number) {
    super(`more than ${max} values`);
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function clean(s: string, path: string, found: string[] | undefined): string {
  CONTROL_CHARS.lastIndex = 0;
  if (!CONTROL_CHARS.test(s)) return s.normalize('NFC');
  found?.push(path);
  return cleanControls(s).normalize('NFC');
}

/**
 * Copy of parsed data with every string and key in NFC (Windows keyboards produce composed, decomposed
 * or mixed Vietnamese) and control characters replaced by spaces; the JSON Pointer of each value that
 * held one goes to `found`. Keys become own properties even when named `__proto__`, so the schema sees them.
 */
export function normalizeData(value: unknown, max = MAX_NODES, found?: string[]): unknown {
  let budget = max;
  const walk = (v: unknown, path: string): unknown => {
    if (--budget < 0) throw new NodeBudgetError(max);
    if (typeof v === 'string') return clean(v, path, found);
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}/${i}`));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(v)) {
        const key = clean(k, `${path}/${escapePointer(k)}`, found);
        Object.defineProperty(out, key, {
          value: walk(val, `${path}/${escapePointer(key)}`),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return v;
  };
  return walk(value, '');
}
