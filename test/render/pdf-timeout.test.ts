// A LibreOffice that hangs is stopped after the timeout together with every process it started.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxToPdf } from '../../src/render/pdf.js';

/** Gone, or a zombie nobody reaps yet (a container's PID 1 may not): either way it no longer runs. */
function running(pid: number): boolean {
  if (existsSync('/proc')) {
    const status = join('/proc', String(pid), 'status');
    return existsSync(status) && !/^State:\s+Z/m.test(readFileSync(status, 'utf8'));
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

describe.skipIf(process.platform === 'win32')('docxToPdf timeout', () => {
  it('kills the whole process group of a hung soffice, grandchildren included, and says so in Vietnamese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cellctl-hang-'));
    const pidFile = join(dir, 'grandchild.pid');
    // Like soffice → soffice.bin: the launcher starts a worker in the background, which never finishes.
    const fake = join(dir, 'soffice');
    writeFileSync(fake, `#!/bin/sh\n(sleep 300 & echo $! > '${pidFile}'; wait) &\nsleep 300\n`);
    chmodSync(fake, 0o755);
    const docx = join(dir, 'a.docx');
    writeFileSync(docx, 'not used');

    const started = Date.now();
    const result = docxToPdf(docx, fake, { timeoutMs: 1000 });
    expect(await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 10_000)).toBe(true);
    const grandchild = Number(readFileSync(pidFile, 'utf8').trim());
    try {
      expect(running(grandchild)).toBe(true);
      await expect(result).rejects.toThrow(/LibreOffice không trả lời sau 1 giây/);
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(await until(() => !running(grandchild), 5000), `grandchild ${grandchild} still running`).toBe(true);
    } finally {
      if (running(grandchild)) process.kill(grandchild);
    }
  }, 60_000);
});
