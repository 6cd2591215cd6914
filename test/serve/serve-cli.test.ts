// `cellctl serve` through the real binary: it prints its URL, answers on it, refuses without the token, stops on SIGTERM.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, ROOT, runCli } from '../helpers.js';

describe('cellctl serve (CLI)', () => {
  it('serves a cell folder on the printed URL until it is stopped', async () => {
    const cellDir = copyExample();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'cellctl'), 'serve', cellDir, '--no-open'], {
      env: { PATH: process.env.PATH ?? '' },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: string) => {
        stdout += c;
        const m = /Mở trang: (http:\/\/127\.0\.0\.1:\d+\/#t=[0-9a-f]{64})\n/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stdout}`)));
    });
    // A failed expectation must not leave the server running.
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // The token rides in the fragment, which is never sent: the page sends it in a header; no cookie is set.
      const shell = await fetch(url, { redirect: 'manual' });
      expect(shell.status).toBe(200);
      expect(shell.headers.get('set-cookie')).toBeNull();
      const token = new URL(url).hash.slice('#t='.length);
      const api = await fetch(new URL('/api/cell?year=2026', url), { headers: { 'X-Cellctl-Token': token } });
      expect(api.status).toBe(200);
      expect(((await api.json()) as { cell: { name: string } }).cell.name).toBe('Chi bộ Khu dân cư số 12');
      expect((await fetch(new URL('/api/cell', url))).status).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout).toContain('Đã dừng.');
  });

  it('stops at once, in Vietnamese, on a folder without cell.yaml or a bad port', async () => {
    const cellDir = copyExample();
    const none = await runCli(['serve', join(cellDir, 'meetings'), '--no-open']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('không có cell.yaml');
    const port = await runCli(['serve', cellDir, '--no-open', '--port', '70000']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('cổng phải từ 0 đến 65535');
  });
});
