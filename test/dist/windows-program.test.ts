// The Windows single-file program under wine: validate and render on the example give node bin/cellctl's verdict and byte-identical .docx.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';
import { ensurePrograms, filesUnder, runToFiles, VERSION, WINDOWS } from './program.js';

const CELL = 'chi-bo-khu-dan-cu-12';
/** One wine prefix for every run on this machine: making one takes a while. */
const PREFIX = join(tmpdir(), `cellctl-wine-${userInfo().uid}`);
const WINE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), WINEPREFIX: PREFIX, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };

/** A wine prefix that reports Windows 10 (Node 22 refuses to start on the older Windows wine reports by default). */
function winePrefix(): void {
  const ready = join(PREFIX, '.cellctl-win10');
  if (existsSync(ready)) return;
  mkdirSync(PREFIX, { recursive: true });
  const opts = { env: WINE_ENV, stdio: 'ignore' as const, timeout: 300_000 };
  execFileSync('wineboot', ['-i'], opts);
  execFileSync('wine', ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/t', 'REG_SZ', '/d', 'win10', '/f'], opts);
  execFileSync('wineserver', ['-w'], opts);
  writeFileSync(ready, '');
}

const windows = (args: string[], cwd: string) => runToFiles('wine', [WINDOWS, ...args], cwd, WINE_ENV);
const node = (args: string[], cwd: string) => runToFiles(process.execPath, [join(ROOT, 'bin', 'cellctl'), ...args], cwd, { PATH: process.env.PATH ?? '' });

beforeAll(() => {
  ensurePrograms();
  winePrefix();
}, 900_000);

describe('the Windows single-file program (under wine)', () => {
  it('starts on Windows 10 and prints its version', async () => {
    const run = await windows(['--version'], tmpdir());
    expect(run).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  }, 120_000);

  it('validates and renders the example as node bin/cellctl does, with byte-identical .docx', async () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), 'cellctl-win-')), mkdtempSync(join(tmpdir(), 'cellctl-win-'))];
    for (const dir of [a, b]) cpSync(join(ROOT, 'examples', CELL), join(dir, CELL), { recursive: true });
    // A problem, so the verdict and the path it names are compared too.
    const bad = join('meetings', '2026-01.yaml');
    for (const dir of [a, b]) writeFileSync(join(dir, CELL, bad), readFileSync(join(dir, CELL, bad), 'utf8').replace(/^date: .*$/m, 'date: 2026-02-30'));

    const validate = ['validate', CELL, '--as-of', '2026-12-31'];
    const [ours, theirs] = [await windows(validate, a), await node(validate, b)];
    expect(ours.code).toBe(1);
    // Windows names the file with its own separator, and only that one.
    expect(ours.stdout).toContain(`${CELL}\\meetings\\2026-01.yaml`);
    expect({ ...ours, stdout: ours.stdout.replaceAll('\\', '/') }).toEqual(theirs);

    const render = ['render', CELL, '-o', 'bien-ban'];
    const [r1, r2] = [await windows(render, a), await node(render, b)];
    expect(r1.code).toBe(r2.code);
    expect(r1.stdout.replaceAll('\\', '/')).toBe(r2.stdout);
    const docx = filesUnder(join(b, 'bien-ban'));
    // The record with the impossible date is not rendered: its three documents are missing from both.
    expect(docx.length).toBe(37);
    expect(filesUnder(join(a, 'bien-ban'))).toEqual(docx);
    for (const f of docx) expect(readFileSync(join(a, 'bien-ban', f)).equals(readFileSync(join(b, 'bien-ban', f))), f).toBe(true);
    validateOoxml(join(a, 'bien-ban', docx[0]!));
  }, 300_000);
});
