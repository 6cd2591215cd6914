// Expanding the paths a user names into YAML files, grouped by the cell folder each belongs to.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { DocumentKind } from '../model.js';

/** One file to validate: where it is, and how to name it in output. */
export interface InputFile {
  abs: string;
  /** The path as the user gave it, or joined to the folder they gave. */
  display: string;
  kind: DocumentKind;
  /** Found by walking a folder the user named (rather than named one by one). */
  fromDir: boolean;
  /** The absolute path the user named that led to this file. */
  origin: string;
}

/** The files of one cell folder (or of a folder with no cell.yaml above it). */
export interface CellGroup {
  /** Folder holding cell.yaml, or undefined when none was found. */
  root: string | undefined;
  /** cell.yaml of the group, if it exists (whether or not it is among `files`). */
  cellFile: string | undefined;
  files: InputFile[];
}

/** What the named paths expanded to. */
export interface Collected {
  groups: CellGroup[];
  /** Paths that do not exist. */
  missing: string[];
  fileCount: number;
}

const YAML_FILE = /\.ya?ml$/i;
const CELL_FILE = /^cell\.ya?ml$/i;
const PLAN_FILE = /^plan-.*\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist']);

/** Document kind by file name: cell.yaml, plan-YYYY.yaml, anything else a meeting record. */
export function classify(path: string): DocumentKind {
  const name = basename(path);
  if (CELL_FILE.test(name)) return 'cell';
  if (PLAN_FILE.test(name)) return 'plan';
  return 'meeting';
}

function cellFileIn(dir: string): string | undefined {
  for (const name of ['cell.yaml', 'cell.yml']) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Expand files and folders (recursively, in a stable order) and group them by cell folder. */
export function collect(paths: readonly string[], cwd: string): Collected {
  const files: InputFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const visitedDirs = new Set<string>();

  let origin = '';
  const add = (abs: string, display: string, fromDir: boolean) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push({ abs, display, kind: classify(abs), fromDir, origin });
  };
  const walk = (absDir: string, displayDir: string) => {
    // Symlinked folders may loop back on themselves; visit each real folder once.
    let real: string;
    try {
      real = realpathSync(absDir);
    } catch {
      return;
    }
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
    let entries: string[];
    try {
      entries = readdirSync(absDir).sort();
    } catch {
      add(absDir, displayDir, true);
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const abs = join(absDir, name);
      const display = join(displayDir, name);
      let isDir = false;
      try {
        isDir = statSync(abs).isDirectory();
      } catch {
        // A dangling link: report it as a file that cannot be read.
      }
      if (isDir) {
        if (!SKIP_DIRS.has(name)) walk(abs, display);
      } else if (YAML_FILE.test(name) && name !== 'committee.yaml') {
        // committee.yaml belongs to the committee above the cells (report reads it), not to a cell.
        add(abs, display, true);
      }
    }
  };

  for (const given of paths) {
    const abs = resolve(cwd, given);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      missing.push(given);
      continue;
    }
    origin = abs;
    if (isDir) walk(abs, given);
    else add(abs, given, false);
  }

  const byRoot = new Map<string, CellGroup>();
  const rootCache = new Map<string, string | undefined>();
  const findRoot = (dir: string): string | undefined => {
    if (rootCache.has(dir)) return rootCache.get(dir);
    const own = cellFileIn(dir) ? dir : dirname(dir) === dir ? undefined : findRoot(dirname(dir));
    rootCache.set(dir, own);
    return own;
  };
  for (const f of files) {
    const root = findRoot(dirname(f.abs));
    // Files with no cell.yaml above them stay together per named path, so year checks still see them all.
    const key = root ?? `\0${f.origin}`;
    let group = byRoot.get(key);
    if (!group) {
      group = { root, cellFile: root ? cellFileIn(root) : undefined, files: [] };
      byRoot.set(key, group);
    }
    group.files.push(f);
  }
  return { groups: [...byRoot.values()], missing, fileCount: files.length };
}
