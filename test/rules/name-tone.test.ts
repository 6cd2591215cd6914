// A name typed with the other tone-mark placement (Unikey's old and new styles: hoà / hòa) is the same member.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, lint, runCli, writeTree } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';

/** The roster spells four members one way (old style: hoà, thuỷ, khoẻ; quỳnh)… */
const CELL = BASE_CELL.replace('Phạm Thị Dung', 'Phạm Thị Hoà')
  .replace('Vũ Thị Lan', 'Vũ Thị Thuỷ')
  .replace('Lê Văn Cường', 'Lê Văn Khoẻ')
  .replace('Hoàng Văn Hải', 'Hoàng Thị Quỳnh');
/** …and the record the other (new style: hòa, thủy, khỏe; the mark typed on the u: qùynh), in attendance and as a speaker. */
const MEETING = BASE_MEETING.replaceAll('Phạm Thị Dung', 'Phạm Thị Hòa')
  .replaceAll('Vũ Thị Lan', 'Vũ Thị Thủy')
  .replaceAll('Lê Văn Cường', 'Lê Văn Khỏe')
  .replaceAll('Hoàng Văn Hải', 'Hoàng Thị Qùynh');

describe('tone-mark placement in names', () => {
  it('the fixture really spells them differently, byte for byte, even after NFC', () => {
    expect(CELL.normalize('NFC')).toContain('Phạm Thị Hoà');
    expect(MEETING.normalize('NFC')).toContain('Phạm Thị Hòa');
    expect('Phạm Thị Hoà'.normalize('NFC')).not.toBe('Phạm Thị Hòa'.normalize('NFC'));
    expect(MEETING).not.toContain('Lê Văn Khoẻ');
  });

  it('either style finds the member: no problem at all on the record', async () => {
    const problems = await lint({ 'cell.yaml': CELL, 'meetings/2026-03.yaml': MEETING }, { asOf: '2026-03-05' });
    expect(problems.filter((p) => p.rel === 'meetings/2026-03.yaml')).toEqual([]);
  });

  it('the roster in new style and the record in old style also match', async () => {
    const cell = CELL.replace('Phạm Thị Hoà', 'Phạm Thị Hòa');
    const meeting = MEETING.replaceAll('Phạm Thị Hòa', 'Phạm Thị Hoà');
    const problems = await lint({ 'cell.yaml': cell, 'meetings/2026-03.yaml': meeting }, { asOf: '2026-03-05' });
    expect(problems.filter((p) => p.rel === 'meetings/2026-03.yaml')).toEqual([]);
  });

  it('a different tone, or none, is still a different name, reported in the spelling typed', async () => {
    const meeting = MEETING.replaceAll('Phạm Thị Hòa', 'Phạm Thị Hoa').replaceAll('Vũ Thị Thủy', 'Vũ Thị Thụy');
    const problems = await lint({ 'cell.yaml': CELL, 'meetings/2026-03.yaml': meeting }, { asOf: '2026-03-05' });
    const unknown = problems.filter((p) => p.ruleId === 'attendance-roster' && p.messageId.startsWith('unknown'));
    expect(unknown.map((p) => p.data?.name).sort()).toEqual(['Phạm Thị Hoa', 'Vũ Thị Thụy']);
    expect(unknown.map((p) => p.message).join('\n')).toContain('"Vũ Thị Thụy"');
  });

  it('two roster entries that differ only in tone-mark placement are one name twice', async () => {
    // Without an id, records could not tell the two apart.
    const cell = CELL.replace('  - id: lan\n    name: Vũ Thị Thuỷ', '  - name: Phạm Thị Hòa');
    expect(cell).toContain('  - name: Phạm Thị Hòa');
    const problems = await lint({ 'cell.yaml': cell }, { asOf: '2026-03-05' });
    const duplicate = problems.filter((p) => p.ruleId === 'cell-structure' && p.messageId === 'duplicateName');
    expect(duplicate.map((p) => p.data?.name)).toEqual(['Phạm Thị Hòa']);
  });

  it('validate exits 0 and the signed minutes count everyone present, in the roster spelling (real binary)', async () => {
    const dir = writeTree({ 'cell.yaml': CELL, 'meetings/2026-03.yaml': MEETING });
    const file = join(dir, 'meetings', '2026-03.yaml');
    const checked = await runCli(['validate', file, '--as-of', '2026-03-05']);
    expect(checked.stdout).toContain('Không có vấn đề nào');
    expect(checked.code).toBe(0);

    const out = join(dir, 'out');
    const rendered = await runCli(['render', file, '--out', out, '--only', 'minutes']);
    expect(rendered.code, rendered.stderr).toBe(0);
    const docx = join(out, readdirSync(out).find((f) => f.endsWith('.docx'))!);
    validateOoxml(docx);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '').normalize('NFC');
    expect(text).toContain('Vắng không lý do: không có.');
    expect(text).toContain('Lê Văn Khoẻ');
    expect(text).not.toContain('Lê Văn Khỏe');
  });
});
