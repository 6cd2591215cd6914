// Faults on the way out, through the real binary: collisions, missing paths, full and read-only disks, links, races.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, ROOT, runCli, type CliRun } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';

const BASE = join(FIXTURES, 'base');

/** A fresh folder holding copies of the small valid cell (cell.yaml + meetings/2026-03.yaml) at each `rel`. */
function cells(...rels: string[]): string {
  const work = mkdtempSync(join(tmpdir(), 'cellctl-faults-'));
  for (const rel of rels) cpSync(BASE, join(work, rel), { recursive: true });
  return work;
}

/** Every file below `dir`, hidden ones included, relative to it. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** `sha256sum -c` of the lines a render printed, run where it ran: true when every file matches. */
function sha256Check(run: CliRun, cwd: string): boolean {
  try {
    execFileSync('sha256sum', ['-c', '--strict', '-'], { cwd, input: run.stdout, stdio: ['pipe', 'ignore', 'ignore'] });
    return true;
  } catch {
    return false;
  }
}

const render = (cwd: string, ...args: string[]) => runCli(['render', ...args, '--as-of', '2026-12-31'], { cwd });
const noInternalError = (run: CliRun) => {
  expect(run.stderr).not.toMatch(/lỗi nội bộ|internal error|\n\s+at /);
};

/** Mount a small tmpfs (we are root in CI); false when this system does not allow it. */
const mounts: string[] = [];
function tmpfs(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return true;
  } catch {
    return false;
  }
}
afterAll(() => {
  for (const dir of mounts.reverse()) execFileSync('umount', [dir]);
});
const CAN_MOUNT = (() => {
  const probe = mkdtempSync(join(tmpdir(), 'cellctl-mount-probe-'));
  const ok = tmpfs(probe, 'size=16k');
  if (ok) execFileSync('umount', [mounts.pop()!]);
  return ok;
})();

describe('outputs never collide', () => {
  it('two cells with the same folder name get their own sub-folders, and every printed SHA-256 line checks', async () => {
    const work = cells('a/chi-bo', 'b/chi-bo');
    const run = await render(work, 'a/chi-bo', 'b/chi-bo', '--force');
    expect(run.code, run.stderr).toBe(0);
    expect(tree(join(work, 'out'))).toEqual([
      'a/chi-bo/2026-03-bien-ban.docx',
      'a/chi-bo/2026-03-nghi-quyet.docx',
      'a/chi-bo/2026-03-phieu-danh-gia.docx',
      'b/chi-bo/2026-03-bien-ban.docx',
      'b/chi-bo/2026-03-nghi-quyet.docx',
      'b/chi-bo/2026-03-phieu-danh-gia.docx',
    ]);
    expect(run.stdout.trim().split('\n')).toHaveLength(6);
    expect(sha256Check(run, work)).toBe(true);
  });

  it("records with one name in different sub-folders of meetings/ keep their sub-folders in the output", async () => {
    const work = cells('chi-bo');
    mkdirSync(join(work, 'chi-bo', 'meetings', 'cu'));
    cpSync(join(BASE, 'meetings', '2026-03.yaml'), join(work, 'chi-bo', 'meetings', 'cu', '2026-03.yaml'));
    const run = await render(work, 'chi-bo');
    expect(run.code, run.stderr).toBe(0);
    expect(tree(join(work, 'chi-bo', 'out'))).toEqual([
      '2026-03-bien-ban.docx',
      '2026-03-nghi-quyet.docx',
      '2026-03-phieu-danh-gia.docx',
      'cu/2026-03-bien-ban.docx',
      'cu/2026-03-nghi-quyet.docx',
      'cu/2026-03-phieu-danh-gia.docx',
    ]);
    expect(sha256Check(run, work)).toBe(true);
  });

  it('names that are one file on Windows (case, .yaml and .yml) stop the run before anything is written', async () => {
    const work = cells('chi-bo');
    cpSync(join(BASE, 'meetings', '2026-03.yaml'), join(work, 'chi-bo', 'meetings', '2026-03.YML'));
    const run = await render(work, 'chi-bo');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('trùng một tên tệp');
    expect(run.stderr).toMatch(/out\/2026-03-bien-ban\.docx ← chi-bo\/meetings\/2026-03\.(YML|yaml), chi-bo\/meetings\/2026-03\.(YML|yaml)/);
    expect(run.stdout).toBe('');
    expect(existsSync(join(work, 'out'))).toBe(false);
    noInternalError(run);
  });
});

describe('names Windows refuses are replaced, and said once', () => {
  it('forbidden characters and reserved device names in a record name', async () => {
    const work = cells('chi-bo');
    renameSync(join(work, 'chi-bo', 'meetings', '2026-03.yaml'), join(work, 'chi-bo', 'meetings', 'họp: "lần 2"?.yaml'));
    cpSync(join(work, 'chi-bo', 'meetings', 'họp: "lần 2"?.yaml'), join(work, 'chi-bo', 'meetings', 'nul.2026.yaml'));
    const run = await render(work, 'chi-bo', '--only', 'minutes');
    expect(run.code, run.stderr).toBe(0);
    expect(tree(join(work, 'chi-bo', 'out'))).toEqual(['_nul.2026-bien-ban.docx', 'họp_ _lần 2__-bien-ban.docx']);
    expect(run.stderr.match(/Đã đổi 2 tên tệp/g)).toHaveLength(1);
    expect(run.stderr).toContain('nul.2026-bien-ban.docx → _nul.2026-bien-ban.docx');
    expect(sha256Check(run, work)).toBe(true);
  });

  it('a replacement that makes two names one is a collision', async () => {
    const work = cells('chi-bo');
    renameSync(join(work, 'chi-bo', 'meetings', '2026-03.yaml'), join(work, 'chi-bo', 'meetings', 'a?.yaml'));
    cpSync(join(work, 'chi-bo', 'meetings', 'a?.yaml'), join(work, 'chi-bo', 'meetings', 'a*.yaml'));
    const run = await render(work, 'chi-bo');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('trùng một tên tệp');
    expect(existsSync(join(work, 'out'))).toBe(false);
  });
});

describe('ordinary OS errors are plain messages, not internal errors', () => {
  it('a file where a folder should be (ENOTDIR, EEXIST) for templates export and render', async () => {
    const work = cells('chi-bo');
    writeFileSync(join(work, 'tep.txt'), 'x');
    const runs = [
      await runCli(['templates', 'export', 'tep.txt/mau'], { cwd: work }),
      await render(work, 'chi-bo', '--out', 'tep.txt'),
    ];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('tep.txt');
      expect(run.stderr).toMatch(/không phải thư mục|đã có tệp hoặc thư mục cùng tên/);
      noInternalError(run);
    }
    expect(readFileSync(join(work, 'tep.txt'), 'utf8')).toBe('x');
  });
});

describe('a path that does not exist', () => {
  it('is exit 2 with a message naming it, and nothing is written', async () => {
    const work = cells('chi-bo');
    const run = await render(work, 'chi-bo', 'no/such.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('không tìm thấy');
    expect(run.stderr).toContain('no/such.yaml');
    expect(existsSync(join(work, 'out'))).toBe(false);
  });
});

describe('all outputs or none, never a temporary file left', () => {
  it('a dangling symbolic link at an output name counts as existing: nothing written, nothing created through it', async () => {
    const work = cells('chi-bo');
    mkdirSync(join(work, 'chi-bo', 'out'));
    symlinkSync(join(work, 'elsewhere.docx'), join(work, 'chi-bo', 'out', '2026-03-nghi-quyet.docx'));
    const run = await render(work, 'chi-bo');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('chi-bo/out/2026-03-nghi-quyet.docx');
    expect(run.stderr).toContain('--force');
    expect(tree(join(work, 'chi-bo', 'out'))).toEqual(['2026-03-nghi-quyet.docx']);
    expect(existsSync(join(work, 'elsewhere.docx'))).toBe(false);
  });

  it('a failing PDF conversion writes no document at all', async () => {
    const work = cells('chi-bo');
    const run = await runCli(['render', 'chi-bo', '--pdf', '--as-of', '2026-12-31'], { cwd: work, env: { CELLCTL_SOFFICE: '/bin/false' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PDF');
    expect(run.stdout).toBe('');
    expect(existsSync(join(work, 'out'))).toBe(false);
    noInternalError(run);
  });

  it('an output name of 250 bytes is written (its temporary name is short); one over 255 bytes is a plain message', async () => {
    const work = cells('chi-bo');
    // The longest of the three names (the quality sheet's) is 250 bytes.
    const long = 'a'.repeat(250 - '-phieu-danh-gia.docx'.length);
    renameSync(join(work, 'chi-bo', 'meetings', '2026-03.yaml'), join(work, 'chi-bo', 'meetings', `${long}.yaml`));
    const ok = await render(work, 'chi-bo');
    expect(ok.code, ok.stderr).toBe(0);
    expect(tree(join(work, 'chi-bo', 'out'))).toEqual([`${long}-bien-ban.docx`, `${long}-nghi-quyet.docx`, `${long}-phieu-danh-gia.docx`]);

    const tooLong = 'b'.repeat(250);
    const work2 = cells('chi-bo');
    renameSync(join(work2, 'chi-bo', 'meetings', '2026-03.yaml'), join(work2, 'chi-bo', 'meetings', `${tooLong}.yaml`));
    const bad = await render(work2, 'chi-bo');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('quá dài');
    noInternalError(bad);
    expect(tree(join(work2, 'out'))).toEqual([]);
  });
});

describe.skipIf(!CAN_MOUNT)('a full disk and a read-only folder (tmpfs mounted by the test)', () => {
  it('a disk that fills half-way leaves no document, no temporary file and no SHA-256 line', async () => {
    const work = cells('chi-bo');
    // 16 KiB: the first document (about 13 KB) fits, the second does not.
    expect(tmpfs(join(work, 'chi-bo', 'out'), 'size=16k')).toBe(true);
    const run = await render(work, 'chi-bo');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ổ đĩa đã đầy');
    expect(run.stdout).toBe('');
    noInternalError(run);
    expect(tree(join(work, 'chi-bo', 'out'))).toEqual([]);
  });

  it('a read-only folder is a plain message for render, plan, init and templates export', async () => {
    const work = cells('chi-bo');
    const ro = join(work, 'ro');
    expect(tmpfs(ro, 'ro,size=16k')).toBe(true);
    const runs = [
      await render(work, 'chi-bo', '--out', 'ro'),
      await runCli(['plan', 'chi-bo', '--year', '2027', '--out', 'ro/plan-2027.yaml'], { cwd: work }),
      await runCli(['init', 'ro/moi', '--name', 'Chi bộ Mới', '--parent', 'Đảng bộ phường Hoàng Liệt', '--place', 'Hoàng Liệt'], { cwd: work }),
      await runCli(['templates', 'export', 'ro/mau'], { cwd: work }),
    ];
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain('chỉ cho đọc');
      noInternalError(run);
    }
  });
});

if (!CAN_MOUNT) {
  it.skip('full disk and read-only folder: this system does not allow mounting a tmpfs (needs root in CI)', () => {});
}

/** Run the real binary as the unprivileged user nobody (root reads and writes everywhere). */
function runAsNobody(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(ROOT, 'bin', 'cellctl'), ...args],
      { cwd, env: { PATH: process.env.PATH ?? '' } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr }),
    );
  });
}
const CAN_DROP_PRIVILEGES = (() => {
  try {
    execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!CAN_DROP_PRIVILEGES)('folders the user may not write or read', () => {
  it('an output folder without write permission: a plain message naming it, exit 2', async () => {
    const work = cells('chi-bo');
    chmodSync(work, 0o755);
    mkdirSync(join(work, 'khoa'), { mode: 0o555 });
    const run = await runAsNobody(['render', 'chi-bo', '--out', 'khoa', '--as-of', '2026-12-31'], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('không có quyền');
    expect(run.stderr).toContain('khoa');
    noInternalError(run);
    expect(tree(join(work, 'khoa'))).toEqual([]);
  });

  it('an output folder that cannot be read or entered: a plain message, exit 2', async () => {
    const work = cells('chi-bo');
    chmodSync(work, 0o755);
    mkdirSync(join(work, 'kin'), { mode: 0o000 });
    const run = await runAsNobody(['render', 'chi-bo', '--out', 'kin/ban-in', '--as-of', '2026-12-31'], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('không có quyền');
    noInternalError(run);
  });
});

describe('two renders racing for one folder', () => {
  it('one wins whole, the other fails cleanly; the folder is not mixed and the winner’s SHA-256 lines check', async () => {
    const work = cells('chi-bo');
    // The loser's record differs, so a mixed folder would show.
    cpSync(join(work, 'chi-bo'), join(work, 'chi-bo-2'), { recursive: true });
    const rec = join(work, 'chi-bo-2', 'meetings', '2026-03.yaml');
    writeFileSync(rec, readFileSync(rec, 'utf8').replace('khu dân cư số 5', 'khu dân cư số 6'));
    const [a, b] = await Promise.all([render(work, 'chi-bo', '--out', 'chung'), render(work, 'chi-bo-2', '--out', 'chung')]);
    const codes = [a.code, b.code].sort();
    expect(codes).toEqual([0, 2]);
    const [winner, loser] = a.code === 0 ? [a, b] : [b, a];
    expect(loser.stdout).toBe('');
    noInternalError(loser);
    expect(tree(join(work, 'chung'))).toEqual(['2026-03-bien-ban.docx', '2026-03-nghi-quyet.docx', '2026-03-phieu-danh-gia.docx']);
    expect(sha256Check(winner, work)).toBe(true);
  });
});

describe('two renders racing for one folder with --force', () => {
  it('never leave it mixed: the folder is exactly one run’s output, a run that overlaps fails cleanly', async () => {
    const work = cells('chi-bo');
    cpSync(join(work, 'chi-bo'), join(work, 'chi-bo-2'), { recursive: true });
    const rec = join(work, 'chi-bo-2', 'meetings', '2026-03.yaml');
    writeFileSync(rec, readFileSync(rec, 'utf8').replace('khu dân cư số 5', 'khu dân cư số 6'));
    const runs = await Promise.all([render(work, 'chi-bo', '--out', 'chung', '--force'), render(work, 'chi-bo-2', '--out', 'chung', '--force')]);
    for (const run of runs) {
      expect([0, 2]).toContain(run.code);
      if (run.code === 2) {
        expect(run.stderr).toContain('đang ghi vào thư mục này');
        expect(run.stdout).toBe('');
      }
      noInternalError(run);
    }
    expect(tree(join(work, 'chung'))).toEqual(['2026-03-bien-ban.docx', '2026-03-nghi-quyet.docx', '2026-03-phieu-danh-gia.docx']);
    expect(runs.some((run) => run.code === 0 && sha256Check(run, work))).toBe(true);
  });
});

describe('init writes values through the YAML library', () => {
  it('": ", "#" and quotes in --name, --parent, --place come back exactly; a line break is refused with the fix', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cellctl-init-'));
    const name = 'Chi bộ "Khu 12": số #1';
    const parent = "Đảng bộ phường Hoàng Liệt # 'cũ'";
    const place = '- Hoàng: Liệt';
    const run = await runCli(['init', 'moi', '--name', name, '--parent', parent, '--place', place], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(join(work, 'moi', 'cell.yaml'), 'utf8');
    const data = parse(text) as { name: string; parent: { name: string }; place: string };
    expect([data.name, data.parent.name, data.place]).toEqual([name, parent, place]);
    expect(text).toContain('# Bỏ dấu # ở đầu các dòng mẫu');

    const broken = await runCli(['init', 'hai', '--name', 'Chi bộ\nKhu 12', '--parent', 'Đảng bộ phường X', '--place', 'X'], { cwd: work });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('--name: có ký tự xuống dòng');
    expect(existsSync(join(work, 'hai'))).toBe(false);
  });
});

describe('documents written by these tests', () => {
  it('pass the OOXML schema check', async () => {
    const work = cells('chi-bo');
    renameSync(join(work, 'chi-bo', 'meetings', '2026-03.yaml'), join(work, 'chi-bo', 'meetings', 'con.yaml'));
    const run = await render(work, 'chi-bo');
    expect(run.code, run.stderr).toBe(0);
    validateOoxml(...tree(join(work, 'chi-bo', 'out')).map((f) => join(work, 'chi-bo', 'out', f)));
  });
});

describe('failure messages in the language asked for', () => {
  it('are Vietnamese without an English gloss by default, and English with CELLCTL_LANG=en or --lang en', async () => {
    const work = cells('chi-bo');
    const first = await render(work, 'chi-bo', '--out', 'in');
    expect(first.code).toBe(0);
    const vi = await render(work, 'chi-bo', '--out', 'in');
    expect(vi.code).toBe(2);
    expect(vi.stderr).toMatch(/tệp đã có, không ghi đè khi không có --force:\n  in\//);
    expect(vi.stderr).not.toMatch(/file exists|\([a-z][a-z ;,-]+\)/);
    const en = await runCli(['render', 'chi-bo', '--out', 'in', '--as-of', '2026-12-31'], { cwd: work, env: { CELLCTL_LANG: 'en' } });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/files exist; use --force to overwrite them:\n  in\//);
    expect(en.stderr).not.toContain('tệp đã có');
    // An OS error explained the same way: a file where the output folder should be.
    writeFileSync(join(work, 'tep'), 'x');
    const osVi = await render(work, 'chi-bo', '--out', 'tep/in');
    expect(osVi.stderr).toContain('một phần của đường dẫn là tệp chứ không phải thư mục');
    expect(osVi.stderr).not.toContain('not a directory');
    const osEn = await runCli(['render', 'chi-bo', '--out', 'tep/in', '--as-of', '2026-12-31', '--lang', 'en'], { cwd: work });
    expect(osEn.stderr).toContain('part of the path is a file, not a folder');
    noInternalError(osVi);
    noInternalError(osEn);
  }, 120_000);
});
