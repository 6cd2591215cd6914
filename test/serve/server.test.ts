// cellctl serve's server, through real HTTP requests on 127.0.0.1: who gets in, what it serves, what never leaves.
import { request } from 'node:http';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP, startServer, type RunningServer } from '../../src/serve/server.js';
import type { YearView } from '../../src/serve/year-view.js';
import { copyExample } from '../helpers.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One real HTTP request to the server (node:http lets a test set Host and Origin as an attacker would). */
function get(server: RunningServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method, headers: { host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A real POST with a body (JSON unless the test says otherwise). */
function post(server: RunningServer, path: string, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1', port: server.port, path, method: 'POST',
        headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('cellctl serve: the server', () => {
  let server: RunningServer;
  let cellDir: string;
  const auth = () => ({ 'x-cellctl-token': server.token });

  beforeAll(async () => {
    cellDir = copyExample();
    rmSync(join(cellDir, 'meetings', '2026-09-chuyen-de.yaml'));
    // A record with an error: 60 minutes instead of 90.
    writeFileSync(
      join(cellDir, 'meetings', '2026-06.yaml'),
      readFileSync(join(cellDir, 'meetings', '2026-06.yaml'), 'utf8').replace(/^end: ".*"$/m, 'end: "20:30"'),
    );
    symlinkSync('/etc/passwd', join(cellDir, 'meetings', 'passwd.yaml'));
    server = await startServer({ root: cellDir, asOf: () => '2026-12-31' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 only, with a long random token in its URL\'s fragment', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#t=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    // Another address of this machine (the office network) gets no answer at all.
    const lan = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4');
    if (lan) {
      const reached = await new Promise<string>((resolve) => {
        const req = request({ host: lan.address, port: server.port, path: '/' }, () => resolve('answered'));
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        req.end();
      });
      expect(reached).toBe('ECONNREFUSED');
    }
  });

  it('serves the page shell to anyone on this machine, with no cookie: the token is for the API', async () => {
    const page = await get(server, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="vi">');
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    const none = await get(server, '/api/cell');
    expect(none.status).toBe(403);
    expect(JSON.parse(none.body).error).toContain('Thiếu mã truy cập');
    expect((await get(server, '/api/cell', { 'x-cellctl-token': '0'.repeat(64) })).status).toBe(403);
    expect((await get(server, '/api/cell', { 'x-cellctl-token': server.token })).status).toBe(200);
    expect((await get(server, '/api/cell', { authorization: `Bearer ${server.token}` })).status).toBe(200);
    // A POST without the token is refused as such, before any route is looked up; other methods never get in.
    const post = await get(server, '/api/check', {}, 'POST');
    expect(post.status).toBe(403);
    expect(JSON.parse(post.body).error).toContain('Thiếu mã truy cập');
    expect((await get(server, '/api/check', {}, 'PUT')).status).toBe(405);
  });

  it('refuses a Host that is not this machine (DNS rebinding), even with the token', async () => {
    const r = await get(server, '/api/cell', { ...auth(), host: `evil.example:${server.port}` });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error).toContain('Host');
    expect((await get(server, '/api/cell', { ...auth(), host: `127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await get(server, '/api/cell', { ...auth(), host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses requests from another site (Origin, Sec-Fetch-Site) and methods it does not serve', async () => {
    expect((await get(server, '/api/cell', { ...auth(), origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(server, '/api/cell', { ...auth(), origin: 'null' })).status).toBe(403);
    expect((await get(server, '/api/cell', { ...auth(), 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await get(server, '/api/cell', { ...auth(), origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
    expect((await get(server, '/api/cell', auth(), 'POST')).status).toBe(405);
  });

  it('sends the strict security headers on every response, refusals included', async () => {
    for (const r of [await get(server, '/', auth()), await get(server, '/api/cell'), await get(server, '/nothing', auth())]) {
      expect(r.headers['content-security-policy']).toBe(CSP);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toContain('unsafe');
  });

  it('serves the year view: every sitting of the plan with its state, from validate', async () => {
    const r = await get(server, '/api/cell?year=2026', auth());
    expect(r.status).toBe(200);
    const view = JSON.parse(r.body) as YearView;
    expect(view.cell.name).toBe('Chi bộ Khu dân cư số 12');
    expect(view.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    const sittings = view.months.flatMap((m) => m.sittings);
    expect(sittings.find((s) => s.date === '2026-05-05')).toMatchObject({ kind: 'combined', state: 'adopted', file: 'meetings/2026-05.yaml', errors: 0 });
    expect(sittings.find((s) => s.date === '2026-09-17')).toEqual({
      date: '2026-09-17', kind: 'thematic', state: 'to-fill', topic: expect.stringContaining('Chuyển đổi số') as string, errors: 0, warnings: 0,
    });
    const june = sittings.find((s) => s.date === '2026-06-05')!;
    expect(june.state).toBe('problems');
    expect(june.errors).toBeGreaterThan(0);
    expect(view.months[8]!.sittings.map((s) => s.kind)).toEqual(['regular', 'thematic']);
    // The next year has no plan yet: twelve empty months, not an error.
    const next = JSON.parse((await get(server, '/api/cell?year=2027', auth())).body) as YearView;
    expect(next.months.every((m) => m.sittings.length === 0)).toBe(true);
    expect((await get(server, '/api/cell?year=abc', auth())).status).toBe(400);
  });

  it('reads records inside the folder and no path outside it', async () => {
    const ok = await get(server, '/api/file?path=meetings/2026-05.yaml', auth());
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('kind: combined');
    for (const path of [
      '../cell.yaml',
      'meetings/../../chi-bo-khu-dan-cu-12/cell.yaml',
      '..%2F..%2Fetc%2Fpasswd',
      '%2E%2E/%2E%2E/etc/passwd',
      'meetings\\..\\..\\x.yaml',
      '/etc/passwd',
      encodeURIComponent(join(cellDir, 'cell.yaml')),
      'C:%5CWindows%5Cwin.ini',
      'meetings/passwd.yaml',
      'cell.yaml%00.txt',
    ]) {
      const r = await get(server, `/api/file?path=${path}`, auth());
      expect({ path, status: r.status }).toEqual({ path, status: 403 });
      expect(r.body).not.toContain('root:');
    }
    expect((await get(server, '/api/file?path=meetings/2030-01.yaml', auth())).status).toBe(404);
    expect((await get(server, '/api/file?path=meetings', auth())).status).toBe(404);
  });

  it('writes only with the token, from this site, as JSON, inside the folder, and from the version the page read', async () => {
    const file = join(cellDir, 'meetings', '2026-05.yaml');
    const record = JSON.parse((await get(server, '/api/record?path=meetings/2026-05.yaml', auth())).body) as { hash: string; data: Record<string, unknown>; text: string };
    expect(record.text).toBe(readFileSync(file, 'utf8'));
    const changed = JSON.stringify({ path: 'meetings/2026-05.yaml', base: record.hash, data: { ...record.data, place: 'Hội trường' } });
    // No token, a foreign Origin, a form post (not JSON), a path outside: refused, and nothing written.
    expect((await post(server, '/api/save', changed)).status).toBe(403);
    expect((await post(server, '/api/save', changed, { ...auth(), origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(server, '/api/save', changed, { ...auth(), 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(400);
    for (const path of ['../cell.yaml', 'meetings/passwd.yaml', '/etc/passwd']) {
      const r = await post(server, '/api/save', JSON.stringify({ path, base: record.hash, data: {} }), auth());
      expect({ path, status: r.status }).toEqual({ path, status: 403 });
    }
    expect(readFileSync(file, 'utf8')).toBe(record.text);
    // From a stale version: 409 with the text on disk and the difference; the file is untouched.
    const stale = await post(server, '/api/save', JSON.stringify({ path: 'meetings/2026-05.yaml', base: '0'.repeat(64), data: { ...record.data, place: 'Hội trường' } }), auth());
    expect(stale.status).toBe(409);
    const conflict = JSON.parse(stale.body) as { error: string; current: string; diff: string };
    expect(conflict.error).toContain('đã bị thay đổi trên đĩa');
    expect(conflict.current).toBe(record.text);
    expect(conflict.diff).toContain('+place: Hội trường');
    expect(readFileSync(file, 'utf8')).toBe(record.text);
    // From the version read: written, comments kept.
    const saved = await post(server, '/api/save', changed, auth());
    expect(saved.status).toBe(200);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(record.text.replace(/^place: .*$/m, 'place: Hội trường'));
    expect(after).toContain('# yaml-language-server');
  });

  it('checks an unsaved edit with the whole cell, without writing it', async () => {
    const record = JSON.parse((await get(server, '/api/record?path=meetings/2026-05.yaml', auth())).body) as { data: Record<string, unknown>; text: string };
    const r = await post(server, '/api/check', JSON.stringify({ path: 'meetings/2026-05.yaml', data: { ...record.data, end: '20:00' } }), auth());
    expect(r.status).toBe(200);
    const { problems } = JSON.parse(r.body) as { problems: { path: string; ruleId: string }[] };
    expect(problems.map((p) => p.ruleId)).toContain('duration-min');
    expect(readFileSync(join(cellDir, 'meetings', '2026-05.yaml'), 'utf8')).toBe(record.text);
  });
});
