// `cellctl … | head`: a reader that closes the pipe early gets no Node stack trace on stderr.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, writeTree } from './helpers.js';

describe('output into a pipe closed early', () => {
  it('stops quietly, with no EPIPE stack trace', () => {
    // Twelve records of 300 unknown keys: far more JSON than a pipe holds, so writing goes on after head left.
    const files: Record<string, string> = {};
    for (let n = 1; n <= 12; n++) files[`meetings/2026-${String(n).padStart(2, '0')}.yaml`] = Array.from({ length: 300 }, (_, i) => `k${i}: 1`).join('\n');
    const dir = writeTree(files);
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${join(ROOT, 'bin', 'cellctl')}" validate . --format json | head -c 1 >/dev/null`], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|node:events/);
  }, 60_000);
});
