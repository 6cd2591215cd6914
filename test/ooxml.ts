// Test helper: check a written .docx/.xlsx against the ISO/IEC 29500 schemas with shared/ooxml/validate.py.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './helpers.js';

/** The validator beside the clone (CI has shared/ next to it; a worktree at /work/wt-x finds /work/shared). */
export const OOXML_VALIDATOR = join(ROOT, '..', 'shared', 'ooxml', 'validate.py');

/**
 * Assert that every XML part of each file is valid OOXML (transitional schemas, via xmllint). Fails with
 * the validator's own messages, naming the part and the element, so a schema error is fixed where it is made.
 */
export function validateOoxml(...files: string[]): void {
  expect(existsSync(OOXML_VALIDATOR), `OOXML validator missing: ${OOXML_VALIDATOR}`).toBe(true);
  const run = spawnSync('python3', [OOXML_VALIDATOR, ...files], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(run.error, 'python3 could not be started').toBeUndefined();
  const failures = run.stdout
    .split('\n')
    .filter((l) => !/\bOK\b/.test(l) && l.trim() !== '')
    .join('\n');
  expect(run.status, `OOXML schema errors in ${files.join(', ')}:\n${failures}\n${run.stderr}`).toBe(0);
}

/** The body of a .docx, one paragraph a line (table cells one per line), after checking it with validateOoxml. */
export async function docxParagraphs(file: string): Promise<string> {
  validateOoxml(file);
  const { default: JSZip } = await import('jszip');
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter((l) => l.trim() !== '')
    .join('\n');
}
