// cellctl serve on a shared office computer: what an attack found (a cookie every port received, the token in the
// process list, modes lost, a thread held for minutes, records wiped, "internal error"s, a link out) stays fixed.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAtomic } from '../../src/render/write.js';
import { MAX_KEYS, MAX_VALUES } from '../../src/serve/body.js';
import { CODE_MS, startServer, type RunningServer } from '../../src/serve/server.js';
import { copyExample, ROOT } from '../helpers.js';
import { launchChromium } from './browser.js';

const JUNE = 'meetings/2026-06.yaml';

/** A real request to the server with the token in its header (or none); the reply as status and JSON. */
async function call(server: RunningServer, path: string, body?: unknown, token: string | null = server.token) {
  const res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(token === null ? {} : { 'X-Cellctl-Token': token }), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = { text };
  }
  return { status: res.status, json, headers: res.headers };
}

/** A raw GET with the path exactly as given (fetch would read `//host` as another server). */
function rawGet(port: number, path: string): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The record as the page reads it: its data and the hash a save must start from. */
async function readRecord(server: RunningServer, path = JUNE): Promise<{ data: Record<string, unknown>; hash: string }> {
  const r = await call(server, `/api/record?path=${path}`);
  expect(r.status).toBe(200);
  return r.json;
}

describe('cellctl serve: no ambient credential, no token in the process list', { timeout: 120_000 }, () => {
  let cellDir: string;
  let server: RunningServer;
  let clock = 0;
  beforeAll(async () => {
    cellDir = copyExample();
    clock = Date.now();
    server = await startServer({ root: cellDir, asOf: () => '2026-12-31', now: () => clock });
  });
  afterAll(async () => {
    await server.close();
  });

  it('sets no cookie: a page loaded in chromium talks with a header, and another port of 127.0.0.1 receives nothing', async () => {
    // Another program listening on this machine, as the attack had it.
    const seen: IncomingHttpHeaders[] = [];
    const other = createServer((req, res) => {
      if (req.url === '/') seen.push(req.headers);
      res.end('ok');
    });
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.waitForSelector('.months');
      // The token left the address at once, and lives in this tab's sessionStorage only.
      expect(page.url()).toBe(`http://127.0.0.1:${server.port}/#/`);
      expect(await page.evaluate(() => sessionStorage.getItem('cellctl-token'))).toBe(server.token);
      const cdp = await page.context().newCDPSession(page);
      const { cookies } = (await cdp.send('Network.getAllCookies')) as { cookies: unknown[] };
      expect(cookies).toEqual([]);
      expect(await page.evaluate(() => document.cookie)).toBe('');
      // What the browser sends of itself (no header) is refused.
      const bare = await page.request.get(`http://127.0.0.1:${server.port}/api/cell`);
      expect(bare.status()).toBe(403);
      for (let i = 0; i < 3; i++) await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      expect(seen.length).toBe(3);
      expect(seen.map((h) => h.cookie ?? '')).toEqual(['', '', '']);
      expect(JSON.stringify(seen)).not.toContain(server.token);
    } finally {
      await browser.close();
      other.close();
    }
  });

  it('trades an opener code for the token once, and not after a minute', async () => {
    const url = server.openUrl();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#c=[0-9a-f]{32}$`));
    expect(url).not.toContain(server.token);
    const code = url.slice(url.indexOf('#c=') + 3);
    const first = await call(server, '/session', { code }, null);
    expect(first).toMatchObject({ status: 200, json: { token: server.token } });
    const again = await call(server, '/session', { code }, null);
    expect(again.status).toBe(403);
    expect(again.json.error).toContain('đã dùng rồi hoặc đã hết hạn');
    const late = server.openUrl().split('#c=')[1]!;
    clock += CODE_MS + 1;
    expect((await call(server, '/session', { code: late }, null)).status).toBe(403);
    expect((await call(server, '/session', { code: 'x'.repeat(10) }, null)).status).toBe(403);
  });

  it('opens the page from an opener code in chromium, and says so in Vietnamese when the code is used up', async () => {
    const browser = await launchChromium();
    try {
      const url = server.openUrl();
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForSelector('.months');
      expect(page.url()).not.toContain('#c=');
      const twice = await browser.newPage();
      await twice.goto(url);
      await twice.waitForSelector('[role=alert]');
      expect(await twice.locator('[role=alert]').innerText()).toContain('Mã mở trang đã dùng rồi');
      // A tab opened on the bare address has no token: it says where to find the right one.
      const bare = await browser.newPage();
      await bare.goto(`http://127.0.0.1:${server.port}/`);
      await bare.waitForSelector('[role=alert]');
      expect(await bare.locator('[role=alert]').innerText()).toContain('mở đúng địa chỉ cellctl serve đã in');
    } finally {
      await browser.close();
    }
  });

  it('never redirects: a `//host` path or an old ?token= address gets the page or a 404, and no cookie', async () => {
    for (const path of ['//evil.example/', '//evil.example/?token=x', `/?token=${server.token}`, '/\\evil.example/']) {
      const r = await rawGet(server.port, path);
      expect(r.headers.location).toBeUndefined();
      expect(r.headers['set-cookie']).toBeUndefined();
      expect([200, 404]).toContain(r.status);
    }
  });
});

describe.runIf(process.platform === 'linux')('cellctl serve hands the browser opener a one-time code, never the token', { timeout: 60_000 }, () => {
  it('runs xdg-open with a #c= code; the terminal shows the #t= address', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'cellctl-opener-'));
    const log = join(bin, 'args.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\n`, { mode: 0o755 });
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'cellctl'), 'serve', copyExample()], { env: { PATH: `${bin}:${process.env.PATH ?? ''}` } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let stdout = '';
    child.stdout.setEncoding('utf8');
    try {
      const token = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: string) => {
          stdout += c;
          const m = /#t=([0-9a-f]{64})\n/.exec(stdout);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(stdout)));
      });
      for (let i = 0; i < 100 && !safeRead(log); i++) await new Promise((r) => setTimeout(r, 50));
      const opened = safeRead(log);
      expect(opened).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#c=[0-9a-f]{32}\n$/);
      expect(opened).not.toContain(token);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

describe('cellctl serve saves only records, keeps their mode, and bounds what it reads', { timeout: 120_000 }, () => {
  let cellDir: string;
  let server: RunningServer;
  beforeAll(async () => {
    cellDir = copyExample();
    server = await startServer({ root: cellDir, asOf: () => '2026-12-31' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('keeps a private record private (0600) and a shared one shared (0664) after a save', async () => {
    for (const mode of [0o600, 0o664]) {
      chmodSync(join(cellDir, JUNE), mode);
      const { data, hash } = await readRecord(server);
      const saved = await call(server, '/api/save', { path: JUNE, base: hash, data: { ...data, place: `Phòng ${mode.toString(8)}` } });
      expect(saved.status).toBe(200);
      expect(statSync(join(cellDir, JUNE)).mode & 0o777).toBe(mode);
      expect(readFileSync(join(cellDir, JUNE), 'utf8')).toContain(`place: Phòng ${mode.toString(8)}`);
    }
    // No temporary file is left beside it.
    expect(readdirSync(join(cellDir, 'meetings')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner of a record another user of the machine owns', async () => {
    const file = join(cellDir, JUNE);
    chownSync(file, 65534, 65534);
    const { data, hash } = await readRecord(server);
    expect((await call(server, '/api/save', { path: JUNE, base: hash, data: { ...data, place: 'Nhà văn hóa' } })).status).toBe(200);
    expect(statSync(file)).toMatchObject({ uid: 65534, gid: 65534 });
    chownSync(file, 0, 0);
  });

  it('refuses to write over a read-only (0444) record, in Vietnamese, and leaves it as it was', async () => {
    const file = join(cellDir, 'meetings', '2026-05.yaml');
    const before = readFileSync(file, 'utf8');
    chmodSync(file, 0o444);
    const { data, hash } = await readRecord(server, 'meetings/2026-05.yaml');
    const r = await call(server, '/api/save', { path: 'meetings/2026-05.yaml', base: hash, data: { ...data, place: 'Khác' } });
    expect(r.status).toBe(422);
    expect(r.json.error).toContain('chỉ đọc');
    expect(r.json.error).toContain('meetings/2026-05.yaml');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    chmodSync(file, 0o644);
  });

  it('refuses null, {}, a text, a list or no data as the record, and keeps the file', async () => {
    const file = join(cellDir, JUNE);
    const before = readFileSync(file, 'utf8');
    const { hash } = await readRecord(server);
    for (const data of [null, {}, 'xoá', [1, 2], undefined, { kind: 'regular' }]) {
      const r = await call(server, '/api/save', { path: JUNE, base: hash, ...(data === undefined ? {} : { data }) });
      expect({ data, status: r.status }).toEqual({ data, status: 422 });
      expect(r.json.error).toMatch(/^(Chưa lưu|Trang không gửi lên)/);
      expect(r.json.error).not.toContain('Lỗi nội bộ');
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
    // A check without data says what is missing too.
    const check = await call(server, '/api/check', { path: JUNE });
    expect(check.status).toBe(422);
    expect(check.json.error).toContain('Trang không gửi lên dữ liệu');
  });

  it('refuses a body of 100,000 keys, a very deep one and an oversized one before any route runs', async () => {
    const { hash } = await readRecord(server);
    // The attack's body: 100,000 keys, 1.6 MB.
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    const attack = await call(server, '/api/save', { path: JUNE, base: hash, data: wide });
    expect(attack.status).toBe(413);
    // As many in fewer bytes: counted, not only measured.
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [i.toString(36), 0]));
    for (const data of [{ steps: new Array(100_000).fill(0) }, keys(30_000), { steps: [keys(MAX_KEYS + 1)] }, { steps: Array.from({ length: 30 }, () => keys(MAX_KEYS)) }]) {
      const many = await call(server, '/api/save', { path: JUNE, base: hash, data });
      expect(many.status).toBe(413);
      expect(many.json.error).toContain('quá nhiều mục');
    }
    const deep = `{"path":"${JUNE}","data":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const tooDeep = await call(server, '/api/check', deep);
    expect(tooDeep.status).toBe(413);
    expect(tooDeep.json.error).toContain('lồng nhau quá sâu');
    const big = await call(server, '/api/check', { path: JUNE, data: { place: 'x'.repeat(1_200_000) } });
    expect(big.status).toBe(413);
    expect(big.json.error).toContain('quá lớn');
    // Under the bounds, the routes still answer: a cell of 1,000 members is checked.
    const { data } = await readRecord(server);
    const attendance = Array.from({ length: 1000 }, (_, i) => ({ member: `Đảng viên ${i}`, status: 'present' }));
    expect(3 * attendance.length).toBeLessThan(MAX_VALUES);
    const r = await call(server, '/api/check', { path: JUNE, data: { ...data, attendance } });
    expect(r.status).toBe(200);
    expect(r.json.problems.length).toBeGreaterThan(0);
  });

  it('refuses to print through an out/ link that leads outside the folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'cellctl-outside-'));
    symlinkSync(outside, join(cellDir, 'out'));
    const { hash } = await readRecord(server, 'meetings/2026-05.yaml');
    const r = await call(server, '/api/print', { path: 'meetings/2026-05.yaml', base: hash });
    expect(r.status).toBe(403);
    expect(r.json.error).toContain('liên kết dẫn ra ngoài');
    expect(readdirSync(outside)).toEqual([]);
  });
});

/** Whether this test may mount a small tmpfs (root on Linux), for a disk that is really full or read-only. */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'cellctl-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.runIf(canMount())('cellctl serve on a full or read-only disk says what failed, in Vietnamese', { timeout: 120_000 }, () => {
  let mnt: string;
  let server: RunningServer;
  let cellDir: string;
  beforeAll(async () => {
    mnt = mkdtempSync(join(tmpdir(), 'cellctl-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]);
    cellDir = join(mnt, 'chi-bo');
    execFileSync('cp', ['-r', join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12'), cellDir]);
    server = await startServer({ root: cellDir, asOf: () => '2026-12-31' });
  });
  afterAll(async () => {
    await server?.close();
    execFileSync('umount', [mnt]);
  });

  it('a save on a full disk: "ổ đĩa đã đầy", the record unchanged', async () => {
    const { data, hash } = await readRecord(server);
    const before = readFileSync(join(cellDir, JUNE), 'utf8');
    // Fill what is left of the disk.
    try {
      writeFileSync(join(mnt, 'filler'), Buffer.alloc(2 * 1024 * 1024));
    } catch {
      // ENOSPC: the disk is full, as wanted.
    }
    const r = await call(server, '/api/save', { path: JUNE, base: hash, data: { ...data, place: 'Hội trường lớn' } });
    expect(r.status).toBe(422);
    expect(r.json.error).toContain('ổ đĩa đã đầy');
    expect(r.json.error).toContain(JUNE);
    expect(r.json.error).not.toContain('--out');
    expect(readFileSync(join(cellDir, JUNE), 'utf8')).toBe(before);
    execFileSync('rm', [join(mnt, 'filler')]);
  });

  it('a new record in a read-only folder: "chỉ cho đọc", naming the folder', async () => {
    execFileSync('mount', ['-o', 'remount,ro', mnt]);
    try {
      const r = await call(server, '/api/new', { date: '2027-01-15' });
      expect(r.status).toBe(422);
      expect(r.json.error).toContain('chỉ cho đọc');
      expect(r.json.error).toContain('meetings');
      expect(r.json.error).not.toContain('--out');
      expect(r.json.error).not.toContain('Lỗi nội bộ');
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mnt]);
    }
  });
});


describe('writing over a file with --force keeps its mode', () => {
  it('a 0600 file replaced by writeAtomic(…, force) is still 0600, a 0640 one 0640', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cellctl-mode-'));
    for (const mode of [0o600, 0o640]) {
      const file = join(dir, `f${mode.toString(8)}.docx`);
      writeFileSync(file, 'old');
      chmodSync(file, mode);
      writeAtomic(file, Buffer.from('new'), true);
      expect(readFileSync(file, 'utf8')).toBe('new');
      expect(statSync(file).mode & 0o777).toBe(mode);
    }
  });
});
