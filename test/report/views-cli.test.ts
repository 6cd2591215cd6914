// `cellctl report --format xlsx|html|docx` on the real example committee, through the real binary.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { docxParagraphs, validateOoxml } from '../ooxml.js';

const ARGS = ['report', 'dang-uy-phuong-hoang-liet', '--period', '2026-Q4', '--as-of', '2026-12-31'];

describe('cellctl report --format xlsx|html|docx', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cellctl-report-views-'));
    cpSync(join(ROOT, 'examples', 'dang-uy-phuong-hoang-liet'), join(dir, 'dang-uy-phuong-hoang-liet'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the workbook, which exceljs reads back and the OOXML check passes; never over it without --force', async () => {
    const run = await runCli([...ARGS, '--format', 'xlsx', '--out', 'bao-cao.xlsx'], { cwd: dir });
    // Exit 1: chi-bo-khu-dan-cu-15 sent nothing, the picture is incomplete.
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bao-cao.xlsx');
    const file = join(dir, 'bao-cao.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const cells = wb.getWorksheet('Chi bộ')!;
    const names = cells.getColumn(2).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['Chi bộ Khu dân cư số 12', 'Chi bộ Khu dân cư số 15', 'Chi bộ Khu dân cư số 16']));
    expect(wb.getWorksheet('Theo tháng')!.getRow(1).values).toEqual([undefined, 'Chi bộ', '10/2026', '11/2026', '12/2026']);
    validateOoxml(file);

    const before = statSync(file).mtimeMs;
    const again = await runCli([...ARGS, '--format', 'xlsx', '--out', 'bao-cao.xlsx'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('tệp đã có; dùng --force để ghi đè');
    expect(statSync(file).mtimeMs).toBe(before);
    const forced = await runCli([...ARGS, '--format', 'xlsx', '--out', 'bao-cao.xlsx', '--force'], { cwd: dir });
    expect(forced.code).toBe(1);
  }, 120_000);

  it('refuses a binary format without --out, writing nothing', async () => {
    const run = await runCli([...ARGS, '--format', 'docx'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out');
    expect(run.stdout).toBe('');
    expect(readdirSync(dir).filter((f) => f.endsWith('.docx'))).toEqual([]);
  }, 60_000);

  it('writes the BÁO CÁO with the number and signer of committee.yaml, passing the OOXML check', async () => {
    const run = await runCli([...ARGS, '--format', 'docx', '--out', 'bao-cao.docx'], { cwd: dir });
    expect(run.code).toBe(1);
    const file = join(dir, 'bao-cao.docx');
    validateOoxml(file);
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    // The builder ties numerals to their word with a no-break space (quý IV); compare as plain spaces.
    const text = xml.replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' ');
    for (const words of ['ĐẢNG ỦY PHƯỜNG HOÀNG LIỆT', 'Số 15-BC/ĐU', 'Hoàng Liệt, ngày 31 tháng 12 năm 2026', 'kết quả sinh hoạt chi bộ quý IV năm 2026', 'Lê Văn Cường', 'Chi bộ Khu dân cư số 15']) {
      expect(text).toContain(words);
    }
  }, 60_000);

  it("colours by the committee's own attendance minimum from committee.yaml", async () => {
    const own = join(dir, 'own');
    cpSync(join(dir, 'dang-uy-phuong-hoang-liet'), join(own, 'dang-uy-phuong-hoang-liet'), { recursive: true });
    const yaml = join(own, 'dang-uy-phuong-hoang-liet', 'committee.yaml');
    writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}overrides:\n  attendance-quality:\n    options: { minPresentPercent: 95 }\n`);
    const run = await runCli([...ARGS, '--format', 'html', '--out', 'bao-cao.html'], { cwd: own });
    expect(run.code).toBe(1);
    const html = readFileSync(join(own, 'bao-cao.html'), 'utf8');
    expect(html).toContain('ngưỡng 95%');
  }, 60_000);

  it('prints the HTML page to stdout when no file is named', async () => {
    const run = await runCli([...ARGS, '--format', 'html'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(run.stdout).toContain('Đảng ủy phường Hoàng Liệt');
    expect(run.stdout).toContain('<svg');
    expect(existsSync(join(dir, 'bao-cao.html'))).toBe(false);
  }, 60_000);

  it("prints the BÁO CÁO from the office's own template (--templates), and refuses it where no template is used", async () => {
    const exported = await runCli(['templates', 'export', 'mau'], { cwd: dir });
    expect(exported.code).toBe(0);
    const own = join(dir, 'mau', 'bao-cao.hbs');
    writeFileSync(own, readFileSync(own, 'utf8').replace('<h1>TÌNH HÌNH CHUNG</h1>', '<h1>TÌNH HÌNH CHUNG CỦA ĐẢNG BỘ</h1>'));
    const run = await runCli([...ARGS, '--format', 'docx', '--out', 'bao-cao-rieng.docx', '--templates', 'mau'], { cwd: dir });
    expect(run.code).toBe(1);
    const text = await docxParagraphs(join(dir, 'bao-cao-rieng.docx'));
    expect(text).toContain('TÌNH HÌNH CHUNG CỦA ĐẢNG BỘ');

    const wrong = await runCli([...ARGS, '--format', 'csv', '--templates', 'mau'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--templates chỉ dùng với --format docx');
    const missing = await runCli([...ARGS, '--format', 'docx', '--out', 'x.docx', '--templates', 'khong-co'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('khong-co');
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  }, 120_000);
});
