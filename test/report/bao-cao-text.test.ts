// The BÁO CÁO's words follow the figures: read from the real .docx (through validateOoxml), no fixed sentence contradicts them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportToDocx } from '../../src/report/views/docx.js';
import type { CommitteeReport } from '../../src/report/types.js';
import { FIXTURES } from '../helpers.js';
import { docxParagraphs } from '../ooxml.js';

const REPORT = JSON.parse(readFileSync(join(FIXTURES, 'report', 'committee-report.json'), 'utf8')) as CommitteeReport;
const dir = mkdtempSync(join(tmpdir(), 'bao-cao-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function text(report: CommitteeReport, name: string): Promise<string> {
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, await reportToDocx(report, { number: '15', date: '2026-12-22' }));
  return docxParagraphs(file);
}

/** The fixture reduced to its cells with nothing to say against them. */
function flawless(): CommitteeReport {
  const attention = new Set(REPORT.attention.map((a) => a.folder));
  const cells = REPORT.cells.filter(
    (c) => c.status === 'ok' && !attention.has(c.folder) && c.errorCount + c.warningCount === 0 && c.shortfalls.length === 0 && c.visits.assignments.every((a) => a.kept),
  );
  return { ...REPORT, cells, attention: [], totals: { ...REPORT.totals, cells: cells.length, reporting: cells.length } };
}

describe('BÁO CÁO text', () => {
  it('names the cell that sent nothing and never says all cells keep their rhythm', async () => {
    const t = await text(REPORT, 'fixture');
    expect(t).toContain('Chi bộ Khu dân cư số 15 chưa gửi hồ sơ sinh hoạt nên chưa đánh giá được');
    expect(t).not.toMatch(/cơ bản duy trì nền nếp/u);
    expect(t).not.toMatch(/Tất cả \d+ chi bộ/u);
    expect(t).toContain('Chi bộ Khu dân cư số 13 chưa sinh hoạt đủ các tháng đến hạn');
    // The old fixed cause, printed whatever the figures said, is gone.
    expect(t).not.toContain('chưa quan tâm đúng mức');
  });

  it('makes one recommendation per cell on the attention list, naming it', async () => {
    const t = await text(REPORT, 'recommend');
    expect(t).toContain('ĐỀ XUẤT, KIẾN NGHỊ');
    const recs = t.split('\n').filter((l) => /^\W*Đề nghị /u.test(l));
    expect(recs).toHaveLength(REPORT.attention.length);
    REPORT.attention.forEach((a, i) => expect(recs[i]).toContain(a.name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')));
  });

  it('gives a flawless committee no invented shortcoming, cause or recommendation', async () => {
    const report = flawless();
    expect(report.cells.length).toBeGreaterThan(0);
    const t = await text(report, 'flawless');
    expect(t).toContain('không có chi bộ nào có hạn chế cần nêu');
    expect(t).not.toContain('ĐỀ XUẤT, KIẾN NGHỊ');
    expect(t).not.toMatch(/chưa gửi hồ sơ|chưa sinh hoạt đủ|vắng không lý do tại|chưa dự đủ/u);
    for (const c of report.cells) expect(t).toContain(c.name);
  });
});
