// The bundled example cell is a whole realistic year and must validate clean, through the API and the CLI.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { ROOT } from './helpers.js';

const CELL = join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12');

describe('examples/chi-bo-khu-dan-cu-12', () => {
  it('holds a profile, a plan, 12 monthly records with a combined sitting and at least 4 thematic sessions', async () => {
    const files = readdirSync(join(CELL, 'meetings'));
    expect(files.filter((f) => /^2026-\d\d\.yaml$/.test(f))).toHaveLength(12);
    expect(files.filter((f) => f.includes('chuyen-de')).length).toBeGreaterThanOrEqual(4);
    const result = await validate([CELL], { asOf: '2026-12-31' });
    expect(result.results.map((r) => r.file.slice(CELL.length + 1))).toEqual(
      expect.arrayContaining(['cell.yaml', 'plan-2026.yaml', 'meetings/2026-05.yaml']),
    );
  });

  it('validates with no problem at all, as of the end of the year and mid-year', async () => {
    for (const asOf of ['2026-12-31', '2026-07-01']) {
      const result = await validate([CELL], { asOf });
      expect(result.results.flatMap((r) => r.problems)).toEqual([]);
    }
  });

  it('the README command exits 0 through the real binary', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'cellctl'), 'validate', 'examples/chi-bo-khu-dan-cu-12', '--as-of', '2026-12-31'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expect(out).toContain('Không có vấn đề nào');
  });

  it('has a combined sitting: one record, both blocks', async () => {
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const combined = readdirSync(join(CELL, 'meetings'))
      .map((f) => parse(readFileSync(join(CELL, 'meetings', f), 'utf8')) as { kind: string; steps: { step: string }[] })
      .filter((m) => m.kind === 'combined');
    expect(combined).toHaveLength(1);
    const steps = combined[0]!.steps.map((s) => s.step);
    expect(steps).toContain('vote-resolution');
    expect(steps).toContain('thematic-presentation');
  });
});
