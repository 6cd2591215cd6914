// The OOXML check itself: a conforming package passes, a broken part fails by name, Word's extensions are ignored.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, runCli, writeTree } from '../helpers.js';
import { checkOoxml, standardPart } from './check.js';

/** A copy of `source` with one part's text changed. */
function withPart(source: string, target: string, part: string, change: (xml: string) => string): void {
  const entries = unzipSync(new Uint8Array(readFileSync(source)));
  entries[part] = strToU8(change(strFromU8(entries[part])));
  writeFileSync(target, zipSync(entries));
}

describe('checkOoxml', () => {
  let dir: string;
  let docx: string;
  beforeAll(async () => {
    dir = writeTree({ 'chi-bo/cell.yaml': BASE_CELL, 'chi-bo/meetings/2026-03.yaml': BASE_MEETING });
    const run = await runCli(['render', 'chi-bo', '--out', 'out'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    docx = join(dir, 'out', '2026-03-bien-ban.docx');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes every part of a document cellctl writes', () => {
    const results = checkOoxml([docx]);
    expect(results.map((r) => r.part)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']));
    expect(results.filter((r) => r.errors.length > 0)).toEqual([]);
  });

  it('fails a part whose elements break the schema, naming the part and the element', () => {
    const broken = join(dir, 'broken.docx');
    // w:jc must come after w:spacing inside w:pPr: the order Word insists on.
    withPart(docx, broken, 'word/document.xml', (xml) => xml.replace('<w:body>', '<w:body><w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/></w:pPr></w:p>'));
    const failed = checkOoxml([broken]).filter((r) => r.errors.length > 0);
    expect(failed.map((r) => r.part)).toEqual(['word/document.xml']);
    expect(failed[0].errors.join('\n')).toMatch(/word\/document\.xml:\d+: .*spacing/);
  });

  it('fails an attribute value the schema does not allow', () => {
    const broken = join(dir, 'bad-value.docx');
    withPart(docx, broken, 'word/document.xml', (xml) => xml.replace('<w:body>', '<w:body><w:p><w:pPr><w:jc w:val="middle"/></w:pPr></w:p>'));
    expect(checkOoxml([broken]).some((r) => r.errors.some((e) => /middle/.test(e)))).toBe(true);
  });

  it('ignores the extensions Word writes under mc:Ignorable and in extLst, keeping the rest', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body><w:p w14:paraId="1A2B3C4D"><w14:x/>' +
      '<w:r><w:t xml:space="preserve"> A &amp; B </w:t></w:r></w:p></w:body></w:document>';
    const standard = standardPart(xml);
    expect(standard).not.toContain('w14:paraId');
    expect(standard).not.toContain('<w14:x');
    expect(standard).toContain('<w:t xml:space="preserve"> A &amp; B </w:t>');
  });
});
