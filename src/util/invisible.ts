// Characters that print as nothing yet change what is read: bidi controls and zero-width characters.

/**
 * Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069: "‮Hùng" prints reversed) and
 * zero-width characters (U+200B–200D, U+2060, U+FEFF inside the text; a leading BOM is removed when a
 * file is read). validate reports each (src/source/yaml.ts); a document never prints them.
 */
export const INVISIBLE_CHARS = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/** Text without bidi controls and zero-width characters. */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE_CHARS, '');
}
