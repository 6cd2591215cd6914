// Writing output files safely: all or nothing per file, never replacing a file unless told to.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

/** SHA-256 of bytes, hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Write bytes to `path` atomically: a temporary file beside it, then a hard link (which fails if the target
 * exists, so nothing is replaced without `force`) or, with `force`, a rename over it. A crash midway leaves
 * at most a temporary file, never a half-written document.
 */
export function writeAtomic(path: string, bytes: Uint8Array, force: boolean): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(tmp, bytes, { flag: 'wx' });
  try {
    if (force) {
      renameSync(tmp, path);
      return;
    }
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new InputError(`${path}: tệp đã có; dùng --force để ghi đè (file exists; use --force to overwrite)`);
    }
    throw e;
  } finally {
    if (existsSync(tmp)) unlinkSync(tmp);
  }
}
