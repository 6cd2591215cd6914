// The BÁO CÁO's words follow the figures: read from the real .docx (through validateOoxml), no fixed sentence contradicts them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OFFICE_SECTIONS_FILE, readOfficeSections } from '../../src/report/office-sections.js';
import { reportToDocx } from '../../src/report/views/docx.js';
import type { CommitteeReport } from '../../src/report/types.js';
import { FIXTURES, ROOT, runCli } from '../helpers.js';
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

describe("the office's own sections (bao-cao-dang-uy.md)", () => {
  it('prints the paragraphs the office wrote, cleaned, under their headings', async () => {
    const folder = mkdtempSync(join(dir, 'du-'));
    writeFileSync(
      join(folder, OFFICE_SECTIONS_FILE),
      '\uFEFF# Phần Đảng ủy tự viết\r\n\r\n## Lãnh đạo, chỉ đạo\r\nĐảng ủy ban hành 3 nghị quyết chuyên đề\r\nvề chỉnh trang đô thị.\r\n\r\nBan Thường vụ họp 6 kỳ.\u202E\r\n\r\n## Kiểm tra, giám sát\r\nUỷ ban Kiểm tra giám sát 2 chi bộ.\u200B\r\n',
    );
    const office = readOfficeSections(folder);
    expect(office).toEqual({
      leadership: ['Đảng ủy ban hành 3 nghị quyết chuyên đề về chỉnh trang đô thị.', 'Ban Thường vụ họp 6 kỳ.'],
      inspection: ['Uỷ ban Kiểm tra giám sát 2 chi bộ.'],
    });
    const file = join(dir, 'office.docx');
    writeFileSync(file, await reportToDocx(REPORT, { number: '15', date: '2026-12-22', office }));
    const t = await docxParagraphs(file);
    const lines = t.split('\n');
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(at('Lãnh đạo, chỉ đạo')).toBeLessThan(at('Đảng ủy ban hành 3 nghị quyết chuyên đề về chỉnh trang đô thị.'));
    expect(at('Ban Thường vụ họp 6 kỳ.')).toBeLessThan(at('Kiểm tra, giám sát'));
    expect(at('Kiểm tra, giám sát')).toBeLessThan(at('Uỷ ban Kiểm tra giám sát 2 chi bộ.'));
    expect(t).not.toMatch(/[\u200B\u202E\uFEFF]/u);
    expect(t).not.toContain('……………………');
  });

  it('prints a blank to fill by hand when the file is absent, and refuses a file that is not UTF-8', async () => {
    const folder = mkdtempSync(join(dir, 'empty-'));
    const office = readOfficeSections(folder);
    expect(office).toEqual({ leadership: [], inspection: [] });
    const t = await text({ ...REPORT }, 'no-office');
    const lines = t.split('\n');
    const lead = lines.findIndex((l) => l.includes('Lãnh đạo, chỉ đạo'));
    expect(lines[lead + 1]).toMatch(/^…{10,}$/u);
    expect(lines[lines.findIndex((l) => l.includes('Kiểm tra, giám sát')) + 1]).toMatch(/^…{10,}$/u);
    writeFileSync(join(folder, OFFICE_SECTIONS_FILE), Buffer.from([0x23, 0x23, 0x20, 0x4c, 0xe3, 0x6e, 0x68, 0x0a]));
    expect(() => readOfficeSections(folder)).toThrow(/bao-cao-dang-uy\.md.*UTF-8/u);
  });
});

describe('cellctl report --format docx on the example committee, with and without bao-cao-dang-uy.md', () => {
  it('names the cell that sent nothing, prints the office file, and validate does not read it', async () => {
    const work = mkdtempSync(join(dir, 'cli-'));
    const committee = join(work, 'du');
    cpSync(join(ROOT, 'examples', 'dang-uy-phuong-hoang-liet'), committee, { recursive: true });
    const args = ['report', 'du', '--period', '2026', '--as-of', '2026-12-31', '--format', 'docx', '--number', '15'];
    await runCli([...args, '--out', 'blank.docx'], { cwd: work });
    const blank = await docxParagraphs(join(work, 'blank.docx'));
    expect(blank).toContain('Chi bộ Khu dân cư số 15 chưa gửi hồ sơ sinh hoạt nên chưa đánh giá được');
    expect(blank).not.toMatch(/cơ bản duy trì nền nếp|Tất cả \d+ chi bộ/u);
    expect(blank).toMatch(/Lãnh đạo, chỉ đạo\n…{10,}\n/u);

    writeFileSync(join(committee, 'bao-cao-dang-uy.md'), '## Lãnh đạo, chỉ đạo\n\nĐảng ủy ban hành Nghị quyết chuyên đề về chỉnh trang đô thị.\n\n## Kiểm tra, giám sát\n\nỦy ban Kiểm tra Đảng ủy kiểm tra 2 chi bộ.\n');
    await runCli([...args, '--out', 'office.docx'], { cwd: work });
    const office = await docxParagraphs(join(work, 'office.docx'));
    expect(office).toContain('Lãnh đạo, chỉ đạo\nĐảng ủy ban hành Nghị quyết chuyên đề về chỉnh trang đô thị.\n');
    expect(office).toContain('Kiểm tra, giám sát\nỦy ban Kiểm tra Đảng ủy kiểm tra 2 chi bộ.\n');
    const validate = await runCli(['validate', 'du'], { cwd: work });
    expect(validate.stdout + validate.stderr).not.toContain('bao-cao-dang-uy');
  }, 60_000);
});
