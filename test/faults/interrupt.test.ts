// Ctrl+C while render puts its files in place: the real binary, interrupted inside the staging window, leaves all or nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript without types.
import { generateProvince } from '../../bench/generate.js';
import { ROOT } from '../helpers.js';

describe('Ctrl+C during render', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cellctl-sigint-'));
    // Three synthetic cells: 120 documents, so that staging takes long enough to be interrupted inside it.
    generateProvince(join(dir, 'cells'), 3);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const listing = (out: string): string[] => {
    try {
      return (readdirSync(out, { recursive: true }) as string[]).map(String);
    } catch {
      return [];
    }
  };

  /** The real binary rendering the three cells into `out`: the child, its stderr so far, and its exit code. */
  const renderInto = (out: string) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'cellctl'), 'render', join(dir, 'cells'), '--out', out, '--as-of', '2026-12-31', '--draft'], {
      env: { PATH: process.env.PATH ?? '' },
    });
    const run = { child, stderr: '', exit: new Promise<number | null>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? -1 : null)))) };
    child.stderr.setEncoding('utf8').on('data', (c: string) => (run.stderr += c));
    child.stdout.resume();
    return run;
  };

  it('leaves no temporary file and either every document or none', async () => {
    const out = join(dir, 'out');
    const run = renderInto(out);
    let interrupted = false;
    // Interrupt the moment the first staged file shows: that is when an unhandled signal would strand it.
    const poll = setInterval(() => {
      if (!interrupted && listing(out).some((f) => /\.cellctl-[0-9a-f]+\.tmp$/.test(f))) {
        interrupted = true;
        run.child.kill('SIGINT');
      }
    }, 2);
    const code = await run.exit;
    clearInterval(poll);
    expect(interrupted, 'the run ended before its files were staged; the test did not interrupt anything').toBe(true);
    const files = listing(out);
    expect(files.filter((f) => f.includes('.cellctl-'))).toEqual([]);
    const docs = files.filter((f) => f.endsWith('.docx'));
    expect([0, 120]).toContain(docs.length);
    if (docs.length === 0) {
      expect(code).toBe(130);
      expect(run.stderr).toContain('Đã dừng (Ctrl+C)');
    } else {
      // The signal came while the files were being put in place: the write finished, whole, before it was heard.
      expect([0, 130]).toContain(code);
    }
  }, 180_000);

  it('stops with exit 130 and writes nothing when interrupted while the documents are being built', async () => {
    const out = join(dir, 'out-early');
    const run = renderInto(out);
    // Building 120 documents takes seconds; the output folder does not exist until they are all built.
    setTimeout(() => run.child.kill('SIGINT'), 800);
    const code = await run.exit;
    expect(listing(out)).toEqual([]);
    expect(code).toBe(130);
    expect(run.stderr).toContain('Đã dừng (Ctrl+C); không tệp nào bị ghi dở.');
  }, 180_000);
});
