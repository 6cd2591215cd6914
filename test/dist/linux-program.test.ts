// The Linux single-file program against `node bin/cellctl`: same exit codes, output and bytes; its threads, its unpacked files, its double-click start, its reproducible build.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';
import { ensurePrograms, filesUnder, firstAnswers, LINUX, RELEASE, runToFiles, SERVE_URL, VERSION, type Run } from './program.js';

const CELL = 'chi-bo-khu-dan-cu-12';
const COMMITTEE = 'dang-uy-phuong-hoang-liet';

/** A fresh folder holding copies of both examples. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-dist-'));
  for (const name of [CELL, COMMITTEE]) cpSync(join(ROOT, 'examples', name), join(dir, name), { recursive: true });
  return dir;
}

/** An environment with nothing of the developer's: no PATH either, so serve cannot start a browser. */
function bareEnv(extra: Record<string, string> = {}): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'cellctl-home-'));
  return { HOME: home, PATH: join(home, 'no-programs'), CELLCTL_CACHE_DIR: join(home, 'cache'), ...extra };
}

const program = (args: string[], cwd: string, env: Record<string, string>) => runToFiles(LINUX, args, cwd, env);
const node = (args: string[], cwd: string) => runToFiles(process.execPath, [join(ROOT, 'bin', 'cellctl'), ...args], cwd, { PATH: process.env.PATH ?? '' });

/** A server started by `command`, once it printed its address. */
async function started(child: ChildProcess): Promise<{ url: string; stdout: () => string; stop: () => Promise<number | null> }> {
  let stdout = '';
  child.stdout!.setEncoding('utf8');
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: string) => {
      stdout += c;
      const m = SERVE_URL.exec(stdout);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`exited with ${code} before serving: ${stdout}`)));
  });
  return { url, stdout: () => stdout, stop: () => (child.kill('SIGTERM'), exited) };
}

beforeAll(() => ensurePrograms(), 900_000);

describe('the Linux single-file program', () => {
  it('gives the exit codes, output and bytes of node bin/cellctl for validate, render, report and plan', async () => {
    const [a, b] = [workspace(), workspace()];
    const env = bareEnv();
    const commands = [
      ['--version'],
      ['validate', CELL, '--as-of', '2026-12-31'],
      ['validate', COMMITTEE, '--as-of', '2026-12-31', '--format', 'json'],
      ['validate', 'khong-co-thu-muc-nay'],
      ['render', CELL, '-o', 'bien-ban'],
      ['report', COMMITTEE, '--as-of', '2026-12-31'],
      ['report', COMMITTEE, '--as-of', '2026-12-31', '--format', 'xlsx', '-o', 'bao-cao.xlsx'],
      ['report', COMMITTEE, '--as-of', '2026-12-31', '--format', 'docx', '-o', 'bao-cao.docx'],
      ['plan', CELL, '--year', '2027', '--dry-run'],
      ['plan', CELL, '--year', '2027', '--ics', 'lich-2027.ics', '--docx', 'ke-hoach-2027.docx', '--date', '2026-12-20'],
    ];
    const codes: (number | null)[] = [];
    for (const args of commands) {
      const [ours, theirs]: Run[] = [await program(args, a, env), await node(args, b)];
      expect(ours, args.join(' ')).toEqual(theirs);
      codes.push(ours.code);
    }
    // The commands did what they are for: a clean cell, a missing folder, the problems the committee example keeps (exit 1).
    expect(codes).toEqual([0, 0, 1, 2, 0, 1, 1, 1, 0, 0]);

    const files = filesUnder(a);
    expect(files).toEqual(filesUnder(b));
    const written = files.filter((f) => /\.(docx|xlsx|ics)$/.test(f));
    expect(written.filter((f) => f.endsWith('.docx')).length).toBeGreaterThan(40);
    expect(written).toContain('lich-2027.ics');
    for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    validateOoxml(...written.filter((f) => !f.endsWith('.ics')).map((f) => join(a, f)));
  }, 300_000);

  it('serves the same first answers as node bin/cellctl serve, and stops on SIGTERM', async () => {
    const dir = workspace();
    const ours = await started(spawn(LINUX, ['serve', CELL, '--no-open'], { cwd: dir, env: bareEnv() }));
    const theirs = await started(spawn(process.execPath, [join(ROOT, 'bin', 'cellctl'), 'serve', CELL, '--no-open'], { cwd: dir }));
    try {
      const [x, y] = [await firstAnswers(ours.url), await firstAnswers(theirs.url)];
      expect(x).toEqual(y);
      expect(x[3]).toContain('Chi bộ Khu dân cư số 12');
    } finally {
      expect(await ours.stop()).toBe(0);
      expect(await theirs.stop()).toBe(0);
    }
    expect(ours.stdout().replace(/127\.0\.0\.1:\d+\/#t=\w+/, '…')).toBe(theirs.stdout().replace(/127\.0\.0\.1:\d+\/#t=\w+/, '…'));
  }, 120_000);

  it('runs its validate, render and serve threads from the unpacked worker files, and says so when one is missing', async () => {
    const dir = workspace();
    // 48 cells of 18 files: enough for the validate pool to start a second thread (400 files a thread).
    for (let i = 1; i <= 48; i++) cpSync(join(dir, CELL), join(dir, 'nhieu', `chi-bo-${String(i).padStart(2, '0')}`), { recursive: true });
    const marker = join(dir, 'threads.log');
    const env = bareEnv({ CELLCTL_TEST_MARKER: marker });
    expect((await program(['--version'], dir, env)).stdout).toBe(`${VERSION}\n`);
    const [unpacked] = readdirSync(env.CELLCTL_CACHE_DIR!);
    const workers = join(env.CELLCTL_CACHE_DIR!, unpacked!, 'workers');
    // Each worker file is wrapped: the wrapper notes that a thread started, then runs the real one.
    for (const name of ['lint', 'render', 'serve']) {
      renameSync(join(workers, `${name}.cjs`), join(workers, `${name}-real.cjs`));
      writeFileSync(join(workers, `${name}.cjs`), `require('node:fs').appendFileSync(process.env.CELLCTL_TEST_MARKER, '${name}\\n');\nrequire('./${name}-real.cjs');\n`);
    }

    const many = await program(['validate', 'nhieu', '--as-of', '2026-12-31', '-j', '2'], dir, env);
    expect(many).toEqual(await node(['validate', 'nhieu', '--as-of', '2026-12-31', '-j', '2'], dir));
    expect(readFileSync(marker, 'utf8')).toBe('lint\n');
    // render takes a thread per core (two here, as on CI) once there are 40 documents, as the example has.
    const render = await program(['render', CELL, '-o', 'bien-ban'], dir, env);
    expect(render.code).toBe(0);
    expect(readFileSync(marker, 'utf8')).toBe('lint\nrender\n');
    const server = await started(spawn(LINUX, ['serve', CELL, '--no-open'], { cwd: dir, env }));
    try {
      expect((await firstAnswers(server.url))[3]).toContain('Chi bộ Khu dân cư số 12');
    } finally {
      await server.stop();
    }
    expect(readFileSync(marker, 'utf8')).toBe('lint\nrender\nserve\n');

    rmSync(join(workers, 'render.cjs'));
    const broken = await program(['render', CELL, '-o', 'lai'], dir, env);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`bản cài cellctl thiếu tệp ${join(workers, 'render.cjs')}`);
    expect(existsSync(join(dir, 'lai'))).toBe(false);
  }, 300_000);

  it('unpacks its files once per version into CELLCTL_CACHE_DIR, even when two start at once, and removes older versions', async () => {
    const dir = workspace();
    const env = bareEnv();
    const cache = env.CELLCTL_CACHE_DIR!;
    mkdirSync(join(cache, '0.0.1-000000000000', 'templates'), { recursive: true });
    const both = await Promise.all([program(['validate', CELL, '--as-of', '2026-12-31'], dir, env), program(['validate', CELL, '--as-of', '2026-12-31'], dir, env)]);
    expect(both.map((r) => r.code)).toEqual([0, 0]);
    const folders = readdirSync(cache);
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(new RegExp(`^${VERSION.replaceAll('.', '\\.')}-[0-9a-f]{12}$`));
    const unpacked = join(cache, folders[0]!);
    for (const f of ['templates/bien-ban.hbs', 'profiles/layout.yaml', 'schemas/cell.schema.json', 'dist/page/app.js', 'dist/schema/compiled.cjs', 'workers/lint.cjs']) {
      expect(existsSync(join(unpacked, f)), f).toBe(true);
    }
    // XDG_CACHE_HOME when CELLCTL_CACHE_DIR is not set.
    const xdg = mkdtempSync(join(tmpdir(), 'cellctl-xdg-'));
    const { CELLCTL_CACHE_DIR: _, ...rest } = env;
    expect((await program(['--version'], dir, { ...rest, XDG_CACHE_HOME: xdg })).code).toBe(0);
    expect(readdirSync(join(xdg, 'cellctl'))).toEqual(folders);
  }, 120_000);

  it('started with no arguments in a cell folder, serves it and says in Vietnamese how to stop', async () => {
    const dir = workspace();
    const server = await started(spawn(LINUX, [], { cwd: join(dir, CELL), env: bareEnv() }));
    try {
      expect((await firstAnswers(server.url))[3]).toContain('Chi bộ Khu dân cư số 12');
      expect(server.stdout()).toContain(`cho thư mục\n  ${join(dir, CELL)}\n`);
      expect(server.stdout()).toContain('Muốn dừng: nhấn Ctrl+C hoặc đóng cửa sổ.');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);

  it('started with no arguments elsewhere, opens Documents/Hồ sơ chi bộ, creating it, on the page that sets up a cell', async () => {
    const env = bareEnv({ XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'cellctl-config-')) });
    const empty = mkdtempSync(join(tmpdir(), 'cellctl-empty-'));
    const server = await started(spawn(LINUX, [], { cwd: empty, env }));
    try {
      const folder = join(env.HOME!, 'Documents', 'Hồ sơ chi bộ');
      expect(existsSync(folder)).toBe(true);
      expect(server.stdout()).toContain(`cho thư mục\n  ${folder}\n`);
      const token = new URL(server.url).hash.slice('#t='.length);
      const root = await fetch(new URL('/api/root', server.url), { headers: { 'X-Cellctl-Token': token } });
      expect(await root.json()).toEqual({ kind: 'new' });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);

  it('keeps its window open until Enter when the page cannot start', async () => {
    const env = bareEnv({ XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'cellctl-config-')) });
    // A file where the Documents folder should be: the workspace cannot be made.
    writeFileSync(join(env.HOME!, 'Documents'), '');
    const child = spawn(LINUX, [], { cwd: mkdtempSync(join(tmpdir(), 'cellctl-empty-')), env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout!, child.stderr!]) stream.setEncoding('utf8').on('data', (c: string) => (output += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await expect.poll(() => output, { timeout: 30_000 }).toMatch(/Nhấn Enter/);
    expect(child.exitCode).toBeNull();
    child.stdin!.end('\n');
    expect(await exited).toBe(2);
  }, 60_000);

  it('is byte-identical when built again from the same inputs', () => {
    const again = mkdtempSync(join(tmpdir(), 'cellctl-dist-again-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'dist.js'), '--out', again], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const sums = readFileSync(join(RELEASE, 'SHA256SUMS'), 'utf8');
    expect(sums).toMatch(new RegExp(`^[0-9a-f]{64}  cellctl-${VERSION}-linux-x64\\n[0-9a-f]{64}  cellctl-${VERSION}-win-x64\\.exe\\n$`));
    expect(readFileSync(join(again, 'SHA256SUMS'), 'utf8')).toBe(sums);
    rmSync(again, { recursive: true, force: true });
  }, 600_000);
});
