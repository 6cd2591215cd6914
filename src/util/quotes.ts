// Quotation marks as Vietnamese print sets them: “ ” outside, ‘ ’ for a quotation inside a quotation.

/**
 * Every double quotation mark of `text` — ASCII `"` and the curly “ ” alike — as the typographic mark for
 * its place. An ASCII `"` opens at the start or after a space, an opening bracket or a dash, and closes
 * elsewhere; a curly one keeps its direction. A quotation opened inside another takes the single marks
 * ‘ ’, so nesting reads “… ‘…’ …”, never “…“…”…”. Apostrophes are left alone.
 */
export function curlyQuotes(text: string): string {
  if (!/["“”]/u.test(text)) return text;
  let depth = 0;
  return text.replace(/["“”]/gu, (q, at: number) => {
    const opens = q === '“' || (q === '"' && (at === 0 || /[\s([{\u2013\u2014-]/u.test(text[at - 1]!)));
    if (opens) return depth++ % 2 === 0 ? '\u201C' : '\u2018';
    if (depth > 0) depth--;
    return depth % 2 === 0 ? '\u201D' : '\u2019';
  });
}
