// The single-file program's start-up decisions (cache folder, unpacking, the folder a double-click opens), the package's file look-ups, and plan's diff header.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CellctlError } from '../../src/errors.js';
import { planDiff } from '../../src/plan/write-plan.js';
import { packageLayout, packagePath, packageVersion, setPackageRoot, startWorker, workerFile } from '../../src/resources.js';
import { cacheBase, chooseWorkspace, documentsDir, holdsRecords, unpack, type BundleManifest } from '../../src/single-file.js';
import { ROOT } from '../helpers.js';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), `cellctl-${prefix}-`));

describe('cacheBase()', () => {
  it('is %LOCALAPPDATA%\\cellctl on Windows, XDG_CACHE_HOME/cellctl or ~/.cache/cellctl elsewhere, CELLCTL_CACHE_DIR over both', () => {
    expect(cacheBase({ LOCALAPPDATA: 'C:\\Users\\An\\AppData\\Local' }, 'win32', 'C:\\Users\\An')).toBe('C:\\Users\\An\\AppData\\Local\\cellctl');
    expect(cacheBase({}, 'win32', 'C:\\Users\\An')).toBe('C:\\Users\\An\\AppData\\Local\\cellctl');
    expect(cacheBase({ XDG_CACHE_HOME: '/var/cache/an' }, 'linux', '/home/an')).toBe('/var/cache/an/cellctl');
    // A relative XDG_CACHE_HOME is invalid by the XDG spec and ignored.
    expect(cacheBase({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/an')).toBe('/home/an/.cache/cellctl');
    expect(cacheBase({}, 'linux', '/home/an')).toBe('/home/an/.cache/cellctl');
    expect(cacheBase({ CELLCTL_CACHE_DIR: '/srv/cellctl', XDG_CACHE_HOME: '/x' }, 'linux', '/home/an')).toBe('/srv/cellctl');
    expect(cacheBase({ CELLCTL_CACHE_DIR: 'D:\\cellctl' }, 'win32', 'C:\\Users\\An')).toBe('D:\\cellctl');
  });
});

describe('unpack()', () => {
  const manifest = (hash: string): BundleManifest => ({ version: '1.2.3', hash, files: ['templates/bien-ban.hbs', 'workers/lint.cjs'] });
  const bytes = (name: string) => new TextEncoder().encode(`nội dung ${name}`).buffer as ArrayBuffer;

  it('writes every asset once into <base>/<version>-<hash> and leaves it alone after', () => {
    const base = join(temp('cache'), 'cellctl');
    const dir = unpack(base, manifest('aaaaaaaaaaaa'), bytes);
    expect(dir).toBe(join(base, '1.2.3-aaaaaaaaaaaa'));
    expect(readFileSync(join(dir, 'templates', 'bien-ban.hbs'), 'utf8')).toBe('nội dung templates/bien-ban.hbs');
    let asked = 0;
    expect(unpack(base, manifest('aaaaaaaaaaaa'), (n) => (asked++, bytes(n)))).toBe(dir);
    expect(asked).toBe(0);
    expect(readdirSync(base)).toEqual(['1.2.3-aaaaaaaaaaaa']);
  });

  it('removes other versions and abandoned half-written folders, but not one another start is writing, nor what is not its own', () => {
    const base = temp('cache');
    mkdirSync(join(base, '1.2.2-bbbbbbbbbbbb', 'templates'), { recursive: true });
    mkdirSync(join(base, '.tmp-old123'));
    mkdirSync(join(base, '.tmp-now123'));
    mkdirSync(join(base, 'Hồ sơ chi bộ'));
    writeFileSync(join(base, '2026-01.yaml'), 'date: 2026-01-05\n');
    const hourAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(join(base, '.tmp-old123'), hourAgo, hourAgo);
    unpack(base, manifest('cccccccccccc'), bytes);
    expect(readdirSync(base).sort()).toEqual(['.tmp-now123', '1.2.3-cccccccccccc', '2026-01.yaml', 'Hồ sơ chi bộ']);
  });

  it('never leaves a half-written folder in place: a failing asset leaves no version folder, and a clear Vietnamese error', () => {
    const base = temp('cache');
    let error: unknown;
    try {
      unpack(base, manifest('dddddddddddd'), (n) => {
        if (n.startsWith('workers')) throw new Error('đĩa đầy');
        return bytes(n);
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CellctlError);
    expect((error as CellctlError).message).toContain('CELLCTL_CACHE_DIR');
    expect(existsSync(join(base, '1.2.3-dddddddddddd'))).toBe(false);
  });
});

describe('the folder a double-click opens', () => {
  it('is the start folder when it holds a cell, a committee or cell folders', () => {
    const cell = temp('cell');
    writeFileSync(join(cell, 'cell.yaml'), 'name: Chi bộ\n');
    const committee = temp('committee');
    writeFileSync(join(committee, 'committee.yaml'), 'name: Đảng ủy\n');
    const parent = temp('cells');
    mkdirSync(join(parent, 'chi-bo-1'));
    writeFileSync(join(parent, 'chi-bo-1', 'cell.yml'), 'name: Chi bộ\n');
    for (const dir of [cell, committee, parent]) {
      expect(holdsRecords(dir)).toBe(true);
      expect(chooseWorkspace(dir, {}, 'linux', temp('home'))).toBe(dir);
    }
  });

  it('is otherwise Documents/Hồ sơ chi bộ, created when missing, with the XDG documents folder honoured', () => {
    const home = temp('home');
    const downloads = temp('downloads');
    writeFileSync(join(downloads, 'cellctl.exe'), '');
    const config = temp('config');
    expect(chooseWorkspace(downloads, { XDG_CONFIG_HOME: config }, 'linux', home)).toBe(join(home, 'Documents', 'Hồ sơ chi bộ'));
    expect(existsSync(join(home, 'Documents', 'Hồ sơ chi bộ'))).toBe(true);
    writeFileSync(join(config, 'user-dirs.dirs'), '# xdg-user-dirs\nXDG_DOCUMENTS_DIR="$HOME/Tài liệu"\n');
    expect(documentsDir({ XDG_CONFIG_HOME: config }, 'linux', home)).toBe(join(home, 'Tài liệu'));
    expect(documentsDir({ XDG_DOCUMENTS_DIR: '/srv/docs' }, 'linux', home)).toBe('/srv/docs');
    expect(documentsDir({ USERPROFILE: 'C:\\Users\\An' }, 'win32', 'C:\\Users\\An')).toBe('C:\\Users\\An\\Documents');
  });
});

describe('the package’s own files (src/resources.ts)', () => {
  afterEach(() => setPackageRoot(ROOT, 'sources'));

  it('are found from the sources without any setup, and the sources start no threads', () => {
    expect(packagePath('templates')).toBe(join(ROOT, 'templates'));
    expect(packageVersion()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    expect(packageLayout()).toBe('sources');
    expect(workerFile('lint')).toBeUndefined();
  });

  it('a built install that lacks a worker file is a typed error naming the file, never one thread in silence', () => {
    const broken = temp('install');
    setPackageRoot(broken, 'package');
    expect(() => workerFile('render')).toThrow(CellctlError);
    expect(() => workerFile('render')).toThrow(`bản cài cellctl thiếu tệp ${join(broken, 'dist', 'render', 'build-worker.js')}; hãy cài lại cellctl`);
    setPackageRoot(broken, 'bundle');
    expect(() => startWorker('serve')).toThrow(`thiếu tệp ${join(broken, 'workers', 'serve.cjs')}`);
    setPackageRoot(ROOT, 'package');
    expect(workerFile('lint')).toBe(join(ROOT, 'dist', 'lint', 'worker.js'));
  });
});

describe('plan --dry-run’s diff header', () => {
  it('names the file as shown: no quotes or escapes for a Windows separator or a Vietnamese name', () => {
    const dir = temp('plan');
    const shown = 'Hồ sơ chi bộ\\plan-2027.yaml';
    const created = planDiff(join(dir, 'plan-2027.yaml'), 'year: 2027\n', shown);
    expect(created.split('\n').slice(1, 3)).toEqual(['--- /dev/null\thiện có', `+++ ${shown}\tkế hoạch mới`]);
    writeFileSync(join(dir, 'plan-2027.yaml'), 'year: 2026\n');
    const changed = planDiff(join(dir, 'plan-2027.yaml'), 'year: 2027\n--- @@label@@\n', shown);
    expect(changed.split('\n').slice(0, 4)).toEqual([`Index: ${shown}`, '='.repeat(67), `--- ${shown}\thiện có`, `+++ ${shown}\tkế hoạch mới`]);
    // A plan line that happens to read like the stand-in is left as it is.
    expect(changed).toContain('\n+--- @@label@@\n');
  });
});
