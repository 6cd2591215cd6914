// File names every user's system accepts: Windows' forbidden characters, trailing dots and reserved names replaced.

/** Characters Windows refuses in a name, and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/** Names Windows reserves for devices, whatever the case and whatever follows the first dot. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * One path component made valid on Windows, deterministically: each forbidden character (`< > : " / \ | ? *`
 * and control characters) becomes `_`, trailing dots and spaces become `_`, and a reserved device name
 * (CON, NUL, COM1, LPT1…, also with an extension such as `nul.x`) gets a `_` in front. A valid name is
 * returned unchanged.
 */
export function windowsSafeName(name: string): string {
  let safe = name.normalize('NFC').replace(FORBIDDEN, '_');
  safe = safe.replace(/[. ]+$/, (tail) => '_'.repeat(tail.length));
  const stem = safe.split('.')[0]!.replace(/ +$/, '');
  if (RESERVED.test(stem)) safe = `_${safe}`;
  return safe || '_';
}

/** The key under which two names are the same file on Windows and macOS: case and Unicode form ignored. */
export function sameFileKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}
