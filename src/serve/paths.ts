// Resolving a path the page asks for to a file inside the served folder, and nothing outside it.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/** Why a requested path was refused: outside the folder (403) or not an existing YAML file (404). */
export type PathRefusal = 'outside' | 'not-found';

/**
 * The real path of `requested` (a path relative to `root`, `/` or `\` separated) when it names an existing
 * .yaml/.yml file inside `root`, symbolic links resolved; otherwise why not. Absolute paths, drive letters,
 * `..` segments, NUL bytes and links that lead out of the folder are all refused as outside.
 */
export function resolveInside(root: string, requested: string): { ok: true; abs: string } | { ok: false; why: PathRefusal } {
  if (requested === '' || requested.includes('\0')) return { ok: false, why: 'outside' };
  if (isAbsolute(requested) || /^[a-zA-Z]:/.test(requested) || /^[\\/]/.test(requested)) return { ok: false, why: 'outside' };
  const segments = requested.split(/[\\/]+/);
  if (segments.some((s) => s === '..')) return { ok: false, why: 'outside' };
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(join(realRoot, ...segments));
  } catch {
    return { ok: false, why: 'not-found' };
  }
  const rel = relative(realRoot, real);
  // A link inside the folder may point anywhere: what counts is where it leads.
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return { ok: false, why: 'outside' };
  if (!/\.ya?ml$/i.test(real)) return { ok: false, why: 'not-found' };
  try {
    if (!statSync(real).isFile()) return { ok: false, why: 'not-found' };
  } catch {
    return { ok: false, why: 'not-found' };
  }
  return { ok: true, abs: real };
}

/**
 * The real folder of the cell `rel` names inside `root` (a folder holding a cell.yaml, reached without
 * leaving `root`), or why not: the one test for every cell the page opens or links to.
 */
export function cellInside(root: string, rel: string): { ok: true; dir: string } | { ok: false; why: PathRefusal } {
  const found = resolveInside(root, `${rel.replace(/[\\/]+$/, '')}/cell.yaml`);
  return found.ok ? { ok: true, dir: dirname(found.abs) } : found;
}

/**
 * Whether a folder the server is about to write into (e.g. a cell's `out/`) stays inside `root` once its
 * links are followed: a link placed there must not lead the writes elsewhere. A folder not there yet is
 * judged by its nearest existing parent (it will be created there).
 */
export function folderInside(root: string, dir: string): boolean {
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    const rel = relative(realpathSync(root), realpathSync(existing));
    return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
  } catch {
    return false;
  }
}
