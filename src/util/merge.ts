// Merging option objects the way their JSON Schema describes them: records merge, maps are replaced.

type Schema = { properties?: Record<string, Schema> } & Record<string, unknown>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * `base` with `over` laid on top; neither input is changed. A nested object whose schema lists fixed
 * `properties` (a record, e.g. procedures per kind) is merged key by key, so overriding one kind keeps the
 * others; any other value — a free map such as a scoring sheet, an array, a scalar — is replaced whole,
 * so a local sheet of five criteria does not inherit the national sheet's seven.
 */
export function mergeOptions<T extends Record<string, unknown>>(
  base: T,
  over: Record<string, unknown> | undefined,
  schema: Schema | undefined,
): T {
  if (!over) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    // Keys come from users' files: own properties only, and "__proto__" stays a key (the options schema
    // then rejects it) instead of replacing the object's prototype.
    const prev = Object.hasOwn(out, k) ? out[k] : undefined;
    const sub = schema?.properties && Object.hasOwn(schema.properties, k) ? schema.properties[k] : undefined;
    const value = sub?.properties && isPlainObject(prev) && isPlainObject(v) ? mergeOptions(prev, v, sub) : v;
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}
