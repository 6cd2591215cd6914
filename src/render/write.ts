// Writing output files safely: a run writes all its files or none, never replacing a file unless told to.
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  copyFileSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import { explainFsError } from '../util/fs-errors.js';

/** SHA-256 of bytes, hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One file to write. */
export interface OutputFile {
  /** Absolute path. */
  path: string;
  bytes: Uint8Array;
  /** The path as the user should see it in messages (default `path`). */
  display?: string;
}

/**
 * Whether anything is at `path`, not following symbolic links: a dangling link counts as existing, since
 * writing through it would create a file somewhere else.
 */
export function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw explainFsError(e, path);
  }
}

/**
 * A temporary name in `dir`: short and independent of the target's name, so a target of up to 255 bytes
 * never gets a temporary name over the file system's limit. Hidden, so a crash leaves nothing in view.
 */
function tempName(dir: string, ext: 'tmp' | 'old'): string {
  return join(dir, `.cellctl-${randomBytes(4).toString('hex')}.${ext}`);
}

/** Codes with which a file system says it has no hard links (FAT32 sticks, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Best effort: cleaning up after a failure must not hide the failure itself.
  }
}

/**
 * Create `dir` and its missing parents and return the first folder created (undefined when it existed).
 * Node's recursive mkdir reports ENOENT where the file system said EROFS or EACCES; the failing step is
 * then repeated alone, so the error says what really happened.
 */
export function makeDirs(dir: string): string | undefined {
  try {
    return mkdirSync(dir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    let parent = dir;
    while (dirname(parent) !== parent && !lexists(dirname(parent))) parent = dirname(parent);
    mkdirSync(parent);
    throw e;
  }
}

/** Create `dir` and its missing parents; return the folders created, deepest last. */
function makeDir(dir: string): string[] {
  const first = makeDirs(dir);
  if (first === undefined) return [];
  const created = [first];
  for (const part of relative(first, dir).split(sep).filter(Boolean)) created.push(join(created.at(-1)!, part));
  return created;
}

/** The lock a run holds on each output folder while it puts its files in place. */
const LOCK = '.cellctl.lock';

/** Whether a process with this id is running (on this machine). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take the lock of `dir`, or fail with a plain message when another run holds it: two runs writing one
 * folder at once, even with --force, would leave it mixed. A lock left by a run that died is taken over.
 */
function lock(dir: string, shown: string): string {
  const path = join(dir, LOCK);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
      let holder = NaN;
      try {
        holder = Number(readFileSync(path, 'utf8'));
      } catch {
        // Being written or just removed: treat as held and look once more.
      }
      if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
        tryUnlink(path);
        continue;
      }
      throw new InputError(
        `${shown}: một lần chạy cellctl khác đang ghi vào thư mục này; chờ nó xong rồi chạy lại (nếu không còn lần chạy nào, xóa tệp ${LOCK} trong thư mục).`,
        `${shown}: another cellctl run is writing to this folder; wait for it to finish and run again (if none is running, delete ${LOCK} in the folder).`,
      );
    }
  }
}

/** Write all of `bytes` to a new file at `tmp` (which must not exist) and flush it to disk. */
function stage(tmp: string, bytes: Uint8Array, mode = 0o666): void {
  const fd = openSync(tmp, 'wx', mode);
  try {
    let at = 0;
    while (at < bytes.byteLength) at += writeSync(fd, bytes, at, bytes.byteLength - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write every file or none. Each output folder is locked for the run (a second run at the same time
 * fails cleanly instead of mixing its files in). Each file is first written in full to a temporary file in its target folder;
 * only when all are staged are they put in place: without `force` by a hard link, which fails if
 * anything (even a dangling symbolic link) holds the name, so nothing is ever replaced; with `force` by a
 * rename, the replaced file kept aside until the end. If anything fails — a full disk, a read-only
 * folder, a file that appeared meanwhile — every file and folder this run created is removed, replaced
 * files are put back, no temporary file is left, and the error says which path and what to do.
 */
export function writeAll(outputs: readonly OutputFile[], force: boolean): void {
  const createdDirs: string[] = [];
  const temps = new Map<OutputFile, string>();
  const placed: string[] = [];
  const replaced: { path: string; old: string }[] = [];
  const locks: string[] = [];
  let current: OutputFile | undefined;
  try {
    for (const out of outputs) {
      current = out;
      createdDirs.push(...makeDir(dirname(out.path)));
    }
    const dirs = new Map(outputs.map((o) => [dirname(o.path), dirname(o.display ?? o.path)]));
    for (const [dir, shown] of [...dirs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) locks.push(lock(dir, shown));
    for (const out of outputs) {
      current = out;
      const tmp = tempName(dirname(out.path), 'tmp');
      temps.set(out, tmp);
      stage(tmp, out.bytes);
    }
    for (const out of outputs) {
      current = out;
      const tmp = temps.get(out)!;
      if (force) {
        if (lexists(out.path)) {
          if (lstatSync(out.path).isDirectory()) {
            throw new InputError(
              `${out.display ?? out.path}: là thư mục, không ghi đè được bằng tệp; hãy đổi tên hoặc xóa thư mục đó.`,
              `${out.display ?? out.path}: is a folder and cannot be overwritten by a file; rename or remove that folder.`,
            );
          }
          // A replaced file keeps its mode (a link, even a dangling one, is replaced as it always was).
          if (lstatSync(out.path).isFile()) keepModeOf(out.path, tmp);
          const old = tempName(dirname(out.path), 'old');
          renameSync(out.path, old);
          replaced.push({ path: out.path, old });
        }
        renameSync(tmp, out.path);
        temps.delete(out);
        placed.push(out.path);
      } else {
        place(tmp, out, placed);
      }
    }
  } catch (e) {
    // Undo in reverse: our files out, the replaced ones back, our temporaries and new folders gone.
    for (const path of placed.reverse()) tryUnlink(path);
    for (const { path, old } of replaced.reverse()) {
      try {
        renameSync(old, path);
      } catch {
        // Left as its hidden .old name rather than lost.
      }
    }
    for (const tmp of temps.values()) tryUnlink(tmp);
    for (const path of locks) tryUnlink(path);
    for (const dir of createdDirs.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty: something else was put there meanwhile.
      }
    }
    throw explainFsError(e, current ? (current.display ?? current.path) : undefined);
  }
  for (const tmp of temps.values()) tryUnlink(tmp);
  for (const { old } of replaced) tryUnlink(old);
  for (const path of locks) tryUnlink(path);
}

/** The refusal to replace an existing file without --force. */
export function fileExists(shown: string): InputError {
  return new InputError(`${shown}: tệp đã có; dùng --force để ghi đè`, `${shown}: the file exists; use --force to overwrite it`);
}

/** Put a staged file at its name without replacing anything there; record the name once it is ours. */
function place(tmp: string, out: OutputFile, placed: string[]): void {
  try {
    linkSync(tmp, out.path);
    placed.push(out.path);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') {
      throw fileExists(out.display ?? out.path);
    }
    if (!NO_HARD_LINKS.has(code)) throw e;
  }
  // No hard links here: an exclusive copy still refuses an existing name; a partial copy is ours to remove.
  try {
    copyFileSync(tmp, out.path, constants.COPYFILE_EXCL);
    placed.push(out.path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw fileExists(out.display ?? out.path);
    }
    if (lexists(out.path)) placed.push(out.path);
    throw e;
  }
}

/**
 * Give `tmp` the permissions and owner of the file it is about to replace: a private (0600) record stays
 * private, a shared one stays shared. Returns false when the owner could not be kept (only the owner's
 * process, or root, may give a file away); the mode is kept either way.
 */
export function keepModeOf(target: string, tmp: string): boolean {
  const was = statSync(target);
  chmodSync(tmp, was.mode & 0o7777);
  const now = statSync(tmp);
  if (now.uid === was.uid && now.gid === was.gid) return true;
  try {
    chownSync(tmp, was.uid, was.gid);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replace the existing file at `path` by `bytes` in one step (a temporary file in its folder, flushed, then
 * renamed over it): a reader sees the old file or the new one, never half of one, and the file keeps its
 * mode and owner. `shown` names it in messages. Fails (with `notOwner`) rather than hand another user's
 * file to this one.
 */
export function replaceFile(path: string, bytes: Uint8Array, shown: string, notOwner: () => Error): void {
  const tmp = tempName(dirname(path), 'tmp');
  try {
    // Private until it has the old file's mode: the text is not readable by others even for a moment.
    stage(tmp, bytes, 0o600);
    if (!keepModeOf(path, tmp)) throw notOwner();
    renameSync(tmp, path);
  } catch (e) {
    tryUnlink(tmp);
    throw explainFsError(e, shown);
  }
}

/** Write one file the same way (all or nothing, kept unless `force`). */
export function writeAtomic(path: string, bytes: Uint8Array, force: boolean): void {
  writeAll([{ path, bytes }], force);
}
