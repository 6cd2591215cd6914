// Reading one input file safely: regular files only, a size cap, strict UTF-8, BOM removed.
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import type { RawProblem } from '../lint/problem.js';
import { positionAt } from './position.js';

/** Default cap on one input file: records are a few kilobytes; this still allows 60 long speeches. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Outcome of reading a file: its text, or one problem (and whether the file was unreadable at all). */
export type ReadOutcome =
  | { ok: true; text: string }
  | { ok: false; problem: RawProblem; unreadable: boolean };

function fail(messageId: string, data: Record<string, string | number>, unreadable: boolean, line = 1, column = 1): ReadOutcome {
  return {
    ok: false,
    unreadable,
    problem: { line, column, ruleId: unreadable ? 'read-error' : 'encoding', severity: 'error', messageId, data, path: '' },
  };
}

/**
 * UTF-16 saved without a BOM: ASCII characters leave a zero byte at every other position. Valid UTF-8 text
 * never has that many NULs, so a third of either half being zero settles it.
 */
function looksUtf16(buf: Buffer): boolean {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) * 3 >= n / 2 && Math.min(even, odd) * 10 < n / 2;
}

/** Read a file as UTF-8 text without ever blocking on a device or loading an oversized file. */
export function readSource(absPath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  let buf: Buffer;
  try {
    // stat before open: reading a FIFO or a device could block forever or never end.
    const st = statSync(absPath);
    if (st.isDirectory()) return fail('isDirectory', {}, true);
    if (!st.isFile()) return fail('notRegular', {}, true);
    if (st.size > maxBytes) {
      return {
        ok: false,
        unreadable: false,
        problem: {
          line: 1, column: 1, ruleId: 'file-too-large', severity: 'error', messageId: 'tooLarge',
          data: { size: st.size, max: maxBytes }, path: '',
        },
      };
    }
    buf = readFileSync(absPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    return fail(code === 'ENOENT' ? 'notFound' : code === 'EACCES' || code === 'EPERM' ? 'permission' : 'ioError', { code }, true);
  }
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    return fail('utf16', {}, false);
  }
  if (looksUtf16(buf)) return fail('utf16NoBom', {}, false);
  if (!isUtf8(buf)) {
    const lossy = buf.toString('utf8');
    const { line, column } = positionAt(lossy, lossy.indexOf('\uFFFD'));
    return fail('invalidUtf8', {}, false, line, column);
  }
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
