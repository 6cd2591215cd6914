// Test helper: the single-file programs (npm run dist's script, run once and reused while its inputs are unchanged) and ways to run them.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers.js';

export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const RELEASE = join(ROOT, 'release');
export const LINUX = join(RELEASE, `cellctl-${VERSION}-linux-x64`);
export const WINDOWS = join(RELEASE, `cellctl-${VERSION}-win-x64.exe`);

/** Every file under `dir`, relative, sorted. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** What the programs are built from: the built dist/, the shipped folders, the lock file and the build script. */
function inputsHash(): string {
  const hash = createHash('sha256');
  for (const dir of ['dist', 'templates', 'profiles', 'schemas']) {
    for (const f of filesUnder(join(ROOT, dir))) hash.update(`${dir}/${f}\0`).update(readFileSync(join(ROOT, dir, f)));
  }
  for (const f of ['package.json', 'package-lock.json', 'scripts/dist.js']) hash.update(readFileSync(join(ROOT, f)));
  return hash.digest('hex');
}

/** The process holding the build lock, 0 when unknown (the lock just taken, or just released). */
function lockOwner(lock: string): number {
  try {
    return Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return 0;
  }
}

/** Is process `pid` running? (0 or NaN: a lock still being written, taken as alive.) */
function alive(pid: number): boolean {
  if (!pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Build release/ with scripts/dist.js unless it already holds programs built from the same inputs (npm test
 * has just built dist/). The Node packages it needs stay cached in release/.cache across runs.
 */
export function ensurePrograms(): void {
  // Test files run in parallel: one builds while the others wait for it.
  const lock = join(RELEASE, '.lock');
  mkdirSync(RELEASE, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      // A lock whose test process is gone (killed mid-build) is stale.
      if (!alive(lockOwner(lock))) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    const stamp = join(RELEASE, '.inputs');
    const inputs = inputsHash();
    if (existsSync(LINUX) && existsSync(WINDOWS) && existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs) return;
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'dist.js')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    writeFileSync(stamp, inputs);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** What a run printed and how it ended. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `file` with `args` in `cwd`, output sent to files rather than pipes (wine's stdout cannot be piped),
 * and read back when it ends.
 */
export function runToFiles(file: string, args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  const logs = mkdtempSync(join(tmpdir(), 'cellctl-run-'));
  const out = openSync(join(logs, 'stdout'), 'w');
  const err = openSync(join(logs, 'stderr'), 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', out, err] });
    child.on('error', reject);
    child.on('exit', (code) => {
      closeSync(out);
      closeSync(err);
      resolve({ code, stdout: readFileSync(join(logs, 'stdout'), 'utf8'), stderr: readFileSync(join(logs, 'stderr'), 'utf8') });
    });
  });
}

/** The address `cellctl serve` prints: the token rides in the fragment, never sent by a browser. */
export const SERVE_URL = /Mở trang: (http:\/\/127\.0\.0\.1:\d+\/#t=[0-9a-f]{64})\n/;

/** The first answers of a server: the page's shell, its script and stylesheet, and the cell's API reply (token in the header, as the page sends it). */
export async function firstAnswers(url: string): Promise<string[]> {
  const token = new URL(url).hash.slice('#t='.length);
  const answers: string[] = [];
  for (const path of ['/', '/app.js', '/app.css', '/api/cell?year=2026']) {
    const r = await fetch(new URL(path, url), { headers: path.startsWith('/api/') ? { 'X-Cellctl-Token': token } : {} });
    answers.push(`${path} ${r.status} ${r.headers.get('content-type')}\n${await r.text()}`);
  }
  return answers;
}
