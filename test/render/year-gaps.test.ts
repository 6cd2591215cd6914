// A year's gaps (months without a record) are the year's problem: they never stop a sitting's final documents.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, runCli, writeTree } from '../helpers.js';
import { docxParagraphs } from '../ooxml.js';

describe('render with the year incomplete', () => {
  it('prints the final minutes while validate reports the missing months on cell.yaml', async () => {
    const dir = writeTree({ 'chi-bo/cell.yaml': BASE_CELL, 'chi-bo/meetings/2026-03.yaml': BASE_MEETING });
    const check = await runCli(['validate', 'chi-bo', '--as-of', '2026-12-31'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/monthly-regular/);
    const run = await runCli(['render', 'chi-bo', '--as-of', '2026-12-31', '--out', 'out'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const text = await docxParagraphs(join(dir, 'out', '2026-03-bien-ban.docx'));
    expect(text).toContain('BIÊN BẢN');
    expect(text).not.toContain('DỰ THẢO');
  });
});
