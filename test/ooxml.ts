// Test helper: assert that a written .docx/.xlsx conforms to the ISO/IEC 29500 schemas (test/ooxml/check.ts).
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { checkOoxml } from './ooxml/check.js';

/**
 * Assert that every XML part of each file is valid OOXML (transitional schemas, via xmllint). Fails with
 * the validator's own messages, naming the part and the element, so a schema error is fixed where it is made.
 */
export function validateOoxml(...files: string[]): void {
  const results = checkOoxml(files);
  expect(results.length, `no XML part checked in ${files.join(', ')}`).toBeGreaterThan(0);
  const failures = results.filter((r) => r.errors.length > 0).flatMap((r) => [`${r.file}:`, ...r.errors.slice(0, 15)]);
  expect(failures.join('\n'), 'OOXML schema errors').toBe('');
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

/** The text of a .docx's page headers, where the DỰ THẢO mark of a draft is printed. */
export async function docxHeaders(file: string): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n)).sort();
  const texts = await Promise.all(parts.map(async (n) => [...(await zip.file(n)!.async('string')).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
  return texts.join('\n');
}
