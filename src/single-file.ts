// The single-file program's start-up decisions: where it unpacks its files, and which folder a double-click opens.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { CellctlError } from './errors.js';

/** What the program carries besides its code, as written by scripts/dist.js into the asset `manifest.json`. */
export interface BundleManifest {
  version: string;
  /** sha256 of every asset's name and bytes (first 12 hex digits): a rebuilt program never reuses stale files. */
  hash: string;
  /** Asset names, each also the path of the file under the unpacked folder. */
  files: string[];
}

/** The environment variables these decisions read. */
export type Env = Record<string, string | undefined>;

/** The folder that holds one folder per unpacked version: CELLCTL_CACHE_DIR, else the platform's cache. */
export function cacheBase(env: Env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.CELLCTL_CACHE_DIR) return env.CELLCTL_CACHE_DIR;
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), 'cellctl');
  // XDG: a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env.XDG_CACHE_HOME && path.posix.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.posix.join(home, '.cache');
  return path.posix.join(xdg, 'cellctl');
}

/** A half-written folder of another start is left alone this long before it counts as abandoned. */
const STALE_TMP_MS = 60 * 60 * 1000;

/**
 * Make sure `<base>/<version>-<hash>` holds every asset, and return it. The files are written into a temporary
 * folder renamed into place, so the folder is either absent or complete, even with two starts at once.
 * Folders of other versions are removed (one still in use on Windows stays until the next start).
 */
export function unpack(base: string, manifest: BundleManifest, asset: (name: string) => ArrayBuffer | string): string {
  const name = `${manifest.version}-${manifest.hash}`;
  const dir = path.join(base, name);
  if (!existsSync(dir)) {
    try {
      mkdirSync(base, { recursive: true });
      const tmp = mkdtempSync(path.join(base, '.tmp-'));
      for (const file of manifest.files) {
        const target = path.join(tmp, ...file.split('/'));
        mkdirSync(path.dirname(target), { recursive: true });
        const bytes = asset(file);
        writeFileSync(target, typeof bytes === 'string' ? bytes : new Uint8Array(bytes));
      }
      try {
        renameSync(tmp, dir);
      } catch (e) {
        rmSync(tmp, { recursive: true, force: true });
        // Another start put the same folder in place first: use it.
        if (!existsSync(dir)) throw e;
      }
    } catch (e) {
      throw new CellctlError(
        'input',
        `không giải nén được tệp của chương trình vào ${dir} (${(e as Error).message}). Hãy cho phép ghi vào thư mục đó, hoặc đặt biến môi trường CELLCTL_CACHE_DIR thành một thư mục ghi được.`,
        `cannot unpack the program's files into ${dir} (${(e as Error).message}). Allow writing there, or set CELLCTL_CACHE_DIR to a writable folder.`,
      );
    }
  }
  removeOthers(base, name);
  return dir;
}

/** Names unpack() gives its folders: CELLCTL_CACHE_DIR may name a folder that holds other things too. */
const OURS = /^(\d+\.\d+\.\d+\S*-[0-9a-f]{12}|\.tmp-\w{6})$/;

function removeOthers(base: string, keep: string): void {
  for (const entry of readdirSync(base)) {
    if (entry === keep || !OURS.test(entry)) continue;
    const full = path.join(base, entry);
    try {
      if (entry.startsWith('.tmp-') && Date.now() - statSync(full).mtimeMs < STALE_TMP_MS) continue;
      rmSync(full, { recursive: true, force: true });
    } catch {
      // A version still running (Windows keeps its files open) is removed at a later start.
    }
  }
}

/** Does `dir` hold a cell (cell.yaml), a committee (committee.yaml) or cell folders? */
export function holdsRecords(dir: string): boolean {
  const has = (d: string, file: string) => existsSync(path.join(d, `${file}.yaml`)) || existsSync(path.join(d, `${file}.yml`));
  if (has(dir, 'cell') || has(dir, 'committee')) return true;
  try {
    return readdirSync(dir, { withFileTypes: true }).some((e) => e.isDirectory() && has(path.join(dir, e.name), 'cell'));
  } catch {
    return false;
  }
}

/** The user's Documents folder: USERPROFILE\Documents on Windows; the XDG documents folder or ~/Documents elsewhere. */
export function documentsDir(env: Env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (platform === 'win32') return path.win32.join(env.USERPROFILE || home, 'Documents');
  if (env.XDG_DOCUMENTS_DIR) return env.XDG_DOCUMENTS_DIR;
  const config = env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
  try {
    // user-dirs.dirs: XDG_DOCUMENTS_DIR="$HOME/Dokumente", written by xdg-user-dirs in the user's language.
    const m = /^XDG_DOCUMENTS_DIR="(.*)"$/m.exec(readFileSync(path.posix.join(config, 'user-dirs.dirs'), 'utf8'));
    if (m) return m[1]!.replace(/^\$HOME(?=\/|$)/, home);
  } catch {
    // No user-dirs.dirs: the usual name.
  }
  return path.posix.join(home, 'Documents');
}

/** Name of the folder a double-click opens when it was not started in a cell or committee folder. */
export const WORKSPACE_NAME = 'Hồ sơ chi bộ';

/** The folder a double-click serves: `cwd` when it holds records, else Documents/Hồ sơ chi bộ (created when missing). */
export function chooseWorkspace(cwd: string, env: Env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (holdsRecords(cwd)) return cwd;
  const dir = (platform === 'win32' ? path.win32 : path.posix).join(documentsDir(env, platform, home), WORKSPACE_NAME);
  mkdirSync(dir, { recursive: true });
  return dir;
}
