// The npm package: `npm pack`'s tarball installs globally into a temporary prefix without warnings, and every command runs from there, the page included.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';
import { filesUnder, firstAnswers, runToFiles, SERVE_URL, VERSION } from './program.js';

const CELL = 'chi-bo-khu-dan-cu-12';
const COMMITTEE = 'dang-uy-phuong-hoang-liet';
const prefix = mkdtempSync(join(tmpdir(), 'cellctl-prefix-'));
const bin = join(prefix, 'bin', 'cellctl');
let install: { status: number | null; log: string };

beforeAll(() => {
  // dist/ is built by npm test; packing must not build it again (prepack) while other tests read it.
  const out = mkdtempSync(join(tmpdir(), 'cellctl-pack-'));
  const name = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' }).trim();
  expect(name).toBe(`cellctl-${VERSION}.tgz`);
  const args = ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-fund', '--no-audit', join(out, name)];
  const r = spawnSync('npm', args, { encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  install = { status: r.status, log: `${r.stdout}${r.stderr}` };
}, 300_000);

describe('the npm package, installed globally from its tarball', () => {
  it('installs with no warning', () => {
    expect(install.status, install.log).toBe(0);
    const warnings = install.log.split('\n').filter((l) => /^npm (warn|notice|ERR)/i.test(l));
    // docx travels inside the tarball (bundleDependencies): its nanoid ^6, which wants Node 22, is never fetched.
    expect(warnings, install.log).toEqual([]);
    expect(existsSync(bin)).toBe(true);
  });

  it('runs validate, render, report and plan from the installed copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cellctl-installed-'));
    for (const name of [CELL, COMMITTEE]) cpSync(join(ROOT, 'examples', name), join(dir, name), { recursive: true });
    const env = { PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}` };
    const run = (args: string[]) => runToFiles(bin, args, dir, env);
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const validate = await run(['validate', CELL, '--as-of', '2026-12-31']);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toContain('Không có vấn đề nào');
    expect((await run(['render', CELL, '-o', 'bien-ban'])).code).toBe(0);
    const docx = filesUnder(join(dir, 'bien-ban'));
    expect(docx).toHaveLength(40);
    // Exit 1: the committee example keeps cells with problems, which the report shows.
    expect(await run(['report', COMMITTEE, '--as-of', '2026-12-31', '--format', 'xlsx', '-o', 'bao-cao.xlsx'])).toEqual({ code: 1, stdout: '', stderr: 'bao-cao.xlsx\n' });
    expect((await run(['plan', CELL, '--year', '2027', '--ics', 'lich.ics'])).code).toBe(0);
    expect(readFileSync(join(dir, 'lich.ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
    expect((await run(['schema', 'cell'])).stdout).toContain('"$id"');
    validateOoxml(join(dir, 'bien-ban', docx[0]!), join(dir, 'bao-cao.xlsx'));
  }, 300_000);

  it('serves the page from the installed copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cellctl-installed-'));
    cpSync(join(ROOT, 'examples', CELL), join(dir, CELL), { recursive: true });
    const child = spawn(bin, ['serve', CELL, '--no-open'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: string) => {
        stdout += c;
        const m = SERVE_URL.exec(stdout);
        if (m) resolve(m[1]!);
      });
      void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stdout}`)));
    });
    try {
      const [page, script, , api] = await firstAnswers(url);
      expect(page).toContain('<script type="module" src="/app.js"></script>');
      expect(script!.startsWith('/app.js 200 text/javascript')).toBe(true);
      expect(script!.length).toBeGreaterThan(10_000);
      expect(api).toContain('"name":"Chi bộ Khu dân cư số 12"');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 120_000);
});
