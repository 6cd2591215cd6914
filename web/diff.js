// Where two versions of a record differ, field by field: pure, so the conflict panel and its tests share it.

/** A plain object (not a list, not null). */
export const plain = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
/** Whether two values hold the same data. */
export const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The JSON pointers where `mine` and `theirs` differ: leaves of objects, items of lists of the same length;
 * a list that grew or shrank on one side is one difference (its rows cannot be paired for sure).
 */
export function differences(mine, theirs, path = '') {
  if (same(mine, theirs)) return [];
  if (plain(mine) && plain(theirs)) {
    const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine)])];
    return keys.flatMap((k) => differences(mine[k], theirs[k], `${path}/${k}`));
  }
  if (Array.isArray(mine) && Array.isArray(theirs) && mine.length === theirs.length) {
    return mine.flatMap((m, i) => differences(m, theirs[i], `${path}/${i}`));
  }
  return [path];
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(obj, pointer) {
  return pointer.split('/').slice(1).reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), obj);
}
