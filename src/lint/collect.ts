// Expanding the paths a user names into YAML files, grouped by the cell folder each belongs to.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
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

/** A path that was found but gives nothing to check, and why. */
export interface InputNote {
  /** The path as the user gave it, or joined to the folder they gave. */
  display: string;
  /** `noMatch`: a pattern matched nothing; `emptyFolder`: a named folder holds no .yaml/.yml file;
   * `dirUnreadable`: a folder that cannot be listed; `misnamed`: a YAML file saved as `.yaml.txt`. */
  kind: 'noMatch' | 'emptyFolder' | 'dirUnreadable' | 'misnamed';
  data: Record<string, string>;
}

/** What the named paths expanded to. */
export interface Collected {
  groups: CellGroup[];
  /** Paths that do not exist. */
  missing: string[];
  /** Inputs that gave nothing to check, or a file that is not read because of its name. */
  notes: InputNote[];
  fileCount: number;
}

/**
 * Files of the committee above the cells, not of a cell: committee.yaml (report reads it) and the register
 * of reports issued that `report --format docx` keeps beside it (src/report/register.ts).
 */
const COMMITTEE_FILES = new Set(['committee.yaml', 'so-van-ban-di.yaml', 'bao-cao-dang-uy.md']);

const YAML_FILE = /\.ya?ml$/i;
/** Notepad adds `.txt` to a name typed without quotes: `2027-01.yaml.txt`. */
const MISNAMED_YAML = /^(.+\.ya?ml)\.txt$/i;
const CELL_FILE = /^cell\.ya?ml$/i;
const PLAN_FILE = /^plan-.*\.ya?ml$/i;
const COMMITTEE_FILE = /^committee\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist']);

// Loaded only when a path does not exist as given: most runs name real folders and never pay for it.
type Tinyglobby = typeof import('tinyglobby');
let tinyglobby: Tinyglobby | undefined;
// A plain require() in the single-file program (a CommonJS bundle: esbuild bundles it, still loaded lazily).
const globber = (): Tinyglobby =>
  (tinyglobby ??= (typeof require === 'function' ? require('tinyglobby') : createRequire(import.meta.url)('tinyglobby')) as Tinyglobby);

/** Document kind by file name: cell.yaml, plan-YYYY.yaml, committee.yaml, anything else a meeting record. */
export function classify(path: string): DocumentKind {
  const name = basename(path);
  if (CELL_FILE.test(name)) return 'cell';
  if (COMMITTEE_FILE.test(name)) return 'committee';
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
  const notes: InputNote[] = [];
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
    let entries: string[];
    try {
      real = realpathSync(absDir);
      if (visitedDirs.has(real)) return;
      visitedDirs.add(real);
      entries = readdirSync(absDir).sort();
    } catch (e) {
      // A folder that cannot be listed hides its records: say so, as for a file that cannot be read.
      notes.push({ display: displayDir, kind: 'dirUnreadable', data: { code: (e as NodeJS.ErrnoException).code ?? 'EIO' } });
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const abs = join(absDir, name);
      const display = join(displayDir, name);
      let isDir = false;
      let statCode: string | undefined;
      try {
        isDir = statSync(abs).isDirectory();
      } catch (e) {
        // A dangling link named like a record is reported as a file that cannot be read, below.
        statCode = (e as NodeJS.ErrnoException).code;
      }
      if (isDir) {
        if (!SKIP_DIRS.has(name)) walk(abs, display);
      } else if (YAML_FILE.test(name) && !COMMITTEE_FILES.has(name.toLowerCase()) && !COMMITTEE_FILE.test(name)) {
        // committee.yaml, the register and the office's text (bao-cao-dang-uy.md) belong to the committee above the cells (report reads them), not to a cell.
        add(abs, display, true);
      } else if (MISNAMED_YAML.test(name)) {
        notes.push({ display, kind: 'misnamed', data: { name, rename: MISNAMED_YAML.exec(name)![1]! } });
      } else if (statCode === 'ELOOP') {
        // A link that loops back on itself may stand for a whole folder of records.
        notes.push({ display, kind: 'dirUnreadable', data: { code: statCode } });
      }
    }
  };
  const walkNamed = (abs: string, display: string) => {
    const before = files.length;
    const notesBefore = notes.length;
    walk(abs, display);
    if (files.length === before && !notes.slice(notesBefore).some((n) => n.kind === 'dirUnreadable')) {
      notes.push({ display, kind: 'emptyFolder', data: {} });
    }
  };
  // Windows shells pass `cells/*/meetings` on unexpanded, so cellctl expands patterns itself.
  const expand = (pattern: string): boolean => {
    const portable = sep === '\\' ? pattern.replaceAll('\\', '/') : pattern;
    if (!/[*?[\]{}]/.test(portable) || !globber().isDynamicPattern(portable)) return false;
    const matches = globber().globSync(portable, {
      cwd, onlyFiles: false, expandDirectories: false, absolute: isAbsolute(pattern), ignore: ['**/node_modules/**'],
    }).sort();
    let found = 0;
    for (const m of matches) {
      const display = m.replace(/\/$/, '');
      const abs = resolve(cwd, display);
      origin = abs;
      let isDir = false;
      try {
        isDir = statSync(abs).isDirectory();
      } catch {
        // Matched a dangling link: read as a file below, which reports it.
      }
      if (isDir) {
        found++;
        walkNamed(abs, display);
      } else if (YAML_FILE.test(display)) {
        found++;
        add(abs, display, false);
      }
    }
    if (found === 0) notes.push({ display: pattern, kind: 'noMatch', data: { pattern } });
    return true;
  };

  for (const given of paths) {
    const abs = resolve(cwd, given);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      if (!expand(given)) missing.push(given);
      continue;
    }
    origin = abs;
    if (isDir) walkNamed(abs, given);
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
  return { groups: [...byRoot.values()], missing, notes, fileCount: files.length };
}
