// Unicode NFC normalisation of every key and string in parsed data, with a bound on its size.

/** Most values one document may hold; beyond it the file is refused rather than walked. */
export const MAX_NODES = 200_000;

/** Thrown when a document holds more values than MAX_NODES. */
export class NodeBudgetError extends Error {
  constructor(readonly max: number) {
    super(`more than ${max} values`);
  }
}

/**
 * Copy of parsed data with every string and key in NFC (Windows keyboards produce composed, decomposed
 * or mixed Vietnamese). Keys become own properties even when named `__proto__`, so the schema sees them.
 */
export function normalizeData(value: unknown, max = MAX_NODES): unknown {
  let budget = max;
  const walk = (v: unknown): unknown => {
    if (--budget < 0) throw new NodeBudgetError(max);
    if (typeof v === 'string') return v.normalize('NFC');
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(v)) {
        Object.defineProperty(out, k.normalize('NFC'), {
          value: walk(val),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return v;
  };
  return walk(value);
}
