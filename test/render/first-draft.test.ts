// HD 42 in a new cell: the first record `new` writes (no secretary chosen, nothing written yet) prints its draft resolution.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../helpers.js';
import { docxHeaders, docxParagraphs } from '../ooxml.js';

const ROSTER = `members:
  - { id: an, name: Nguyễn Văn An, status: official, role: secretary }
  - { id: binh, name: Trần Thị Bình, status: official, role: deputy-secretary }
  - { id: cuong, name: Lê Văn Cường, status: official }
  - { id: dung, name: Phạm Thị Dung, status: probationary, since: 2026-06-01 }
`;

describe('render --draft of a new cell’s first record', () => {
  it('prints minutes, resolution and quality sheet as DỰ THẢO, with blanks where the sitting will write', async () => {
    const dir = writeTree({});
    const init = await runCli(['init', 'cb', '--name', 'Chi bộ Khu dân cư số 3', '--parent', 'Đảng bộ phường Hoàng Liệt', '--place', 'Hoàng Liệt'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    const cellFile = join(dir, 'cb', 'cell.yaml');
    writeFileSync(cellFile, readFileSync(cellFile, 'utf8').replace(/^members:.*\n/m, ROSTER));
    expect((await runCli(['plan', 'cb', '--year', '2027'], { cwd: dir })).code).toBe(0);
    const made = await runCli(['new', 'cb'], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    expect(readFileSync(join(dir, 'cb', 'meetings', '2027-01.yaml'), 'utf8')).toMatch(/^secretary: ""/m);

    const run = await runCli(['render', 'cb', '--draft', '--as-of', '2026-12-20'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const out = join(dir, 'cb', 'out');
    const resolution = await docxParagraphs(join(out, '2027-01-nghi-quyet.docx'));
    expect(await docxHeaders(join(out, '2027-01-nghi-quyet.docx'))).toContain('DỰ THẢO');
    expect(resolution).toContain('Số …-NQ/CB');
    expect(resolution).toMatch(/đồng chí … làm thư ký/);
    expect(resolution).toContain('…/… đồng chí tán thành');
    expect(resolution).not.toMatch(/\d+\/\d+ đồng chí tán thành/);
    for (const doc of ['bien-ban', 'phieu-danh-gia']) expect(await docxHeaders(join(out, `2027-01-${doc}.docx`))).toContain('DỰ THẢO');
  });
});
