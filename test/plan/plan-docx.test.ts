// planDocx: the year's thematic plan from the example cell, its document XML, and a real LibreOffice conversion.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CellProfile, YearPlan } from '../../src/model.js';
import { planDocx } from '../../src/plan/plan-docx.js';
import { TemplateError } from '../../src/render/markup.js';
import { ROOT, HAVE_OFFICE_TOOLS } from '../helpers.js';

const EXAMPLE = join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12');
const CELL = parse(readFileSync(join(EXAMPLE, 'cell.yaml'), 'utf8')) as CellProfile;
const PLAN = parse(readFileSync(join(EXAMPLE, 'plan-2026.yaml'), 'utf8')) as YearPlan;
const TOPICS = PLAN.meetings.filter((m) => m.kind !== 'regular');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of each paragraph of word/document.xml, runs joined, entities decoded. */
async function paragraphs(docx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!))
      .join(''),
  );
}

describe('planDocx', () => {
  let docx: Uint8Array;
  let text: string[];

  beforeAll(async () => {
    docx = await planDocx(PLAN, CELL, { number: '1', date: '2025-12-22' });
    text = await paragraphs(docx);
  });

  it('has the Party header with the plan number and the dateline', () => {
    for (const line of ['ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT', 'CHI BỘ KHU DÂN CƯ SỐ 12', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 01-KH/CB', 'Hoàng Liệt, ngày 22 tháng 12 năm 2025']) {
      expect(text).toContain(line);
    }
  });

  it('has the title, the basis and the three sections', () => {
    const kh = text.indexOf('KẾ HOẠCH');
    expect(kh).toBeGreaterThan(0);
    expect(text[kh + 1]).toBe('sinh hoạt chuyên đề năm 2026');
    expect(text[kh + 2]).toBe('-----');
    expect(text).toContain(
      'Thực hiện Hướng dẫn số 42-HD/BTCTW, ngày 28/10/2025 của Ban Tổ chức Trung ương và sự chỉ đạo của Đảng ủy phường Hoàng Liệt, ' +
        'Chi bộ Khu dân cư số 12 xây dựng Kế hoạch sinh hoạt chuyên đề năm 2026 như sau:',
    );
    const headings = ['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '2. Yêu cầu', 'II. NỘI DUNG, THỜI GIAN', 'III. TỔ CHỨC THỰC HIỆN'];
    const at = headings.map((h) => text.indexOf(h));
    expect(at.every((i) => i > kh)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('Năm 2026, Chi bộ tổ chức sinh hoạt 05 chuyên đề, bảo đảm mỗi quý ít nhất một chuyên đề, cụ thể như sau:');
    const bullets = text.slice(text.indexOf('III. TỔ CHỨC THỰC HIỆN'), text.indexOf('Nơi nhận:'));
    expect(bullets.filter((p) => p.startsWith('- ')).length).toBe(5);
  });

  it('lists every topic with its date and presenter in a 165 mm table', async () => {
    const header = text.indexOf('TT');
    expect(text.slice(header, header + 4)).toEqual(['TT', 'Chuyên đề', 'Thời gian', 'Người (tổ đảng) thực hiện']);
    const rows = [
      ['1', TOPICS[0]!.topic, '19/3/2026', 'Đồng chí Nguyễn Văn Hùng, Bí thư Chi bộ'],
      ['2', TOPICS[1]!.topic, '05/5/2026 (kết hợp sinh hoạt thường kỳ)', 'Đồng chí Trần Thị Thu, Phó Bí thư Chi bộ'],
      ['3', TOPICS[2]!.topic, '16/7/2026', 'Tổ đảng số 3'],
      ['4', TOPICS[3]!.topic, '17/9/2026', 'Đồng chí Lý Thu Trang'],
      ['5', TOPICS[4]!.topic, '19/11/2026', 'Tổ đảng số 2'],
    ];
    // The builder prints typographic quotes for the ASCII ones typed in the plan.
    for (const row of rows.map((r) => r.map((c) => c.replace(/"([^"]*)"/g, '“$1”')))) {
      const at = text.indexOf(row[1]!);
      expect(at, row[1]).toBeGreaterThan(header);
      expect(text.slice(at - 1, at + 3)).toEqual(row);
    }
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    // 12 + 85 + 30 + 38 mm
    expect(xml).toContain('<w:tblGrid><w:gridCol w:w="680"/><w:gridCol w:w="4819"/><w:gridCol w:w="1701"/><w:gridCol w:w="2154"/></w:tblGrid>');
  });

  it('closes with the recipients and the bí thư signing for the cell', () => {
    const closing = text.indexOf('Nơi nhận:');
    expect(closing).toBeGreaterThan(text.indexOf('III. TỔ CHỨC THỰC HIỆN'));
    expect(text.slice(closing, closing + 4)).toEqual(['Nơi nhận:', '- Đảng ủy phường Hoàng Liệt (b/c),', '- Đảng viên chi bộ,', '- Lưu Chi bộ.']);
    expect(text.slice(closing + 4, closing + 6)).toEqual(['T/M CHI BỘ', 'BÍ THƯ']);
    expect(text.slice(closing + 6).find((p) => p !== '')).toBe('Nguyễn Văn Hùng');
  });

  it('is byte-identical when built twice, and takes the number and the layout overrides', async () => {
    expect(Buffer.from(await planDocx(PLAN, CELL, { number: '1', date: '2025-12-22' })).equals(Buffer.from(docx))).toBe(true);
    const other = await paragraphs(
      await planDocx(PLAN, { ...CELL, layout: { parentPrefix: 'ĐẢNG ỦY', onBehalfOf: 'T/M CHI ỦY' } }, { number: '3' }),
    );
    expect(other).toContain('ĐẢNG ỦY PHƯỜNG HOÀNG LIỆT');
    expect(other).toContain('Số 03-KH/CB');
    expect(other).toContain('T/M CHI ỦY');
    // No date given: the day is left for the clerk to write.
    expect(other).toContain('Hoàng Liệt, ngày … tháng … năm …');
  });

  it('uses an office template and names its file for a misspelt field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cellctl-kh-'));
    try {
      const shipped = readFileSync(join(ROOT, 'templates', 'ke-hoach.hbs'), 'utf8');
      writeFileSync(join(dir, 'ke-hoach.hbs'), shipped.replace('<h1>MỤC ĐÍCH, YÊU CẦU</h1>', '<p>Dòng riêng &amp; của chi bộ</p>\n<h1>MỤC ĐÍCH, YÊU CẦU</h1>'));
      expect(await paragraphs(await planDocx(PLAN, CELL, { templatesDir: dir }))).toContain('Dòng riêng & của chi bộ');
      // Templates load once per folder and process, as an office's run would: the broken one gets its own folder.
      const broken = mkdtempSync(join(tmpdir(), 'cellctl-kh-broken-'));
      writeFileSync(join(broken, 'ke-hoach.hbs'), shipped.replace('{{#each topics}}', '{{#each topcs}}'));
      const error = await planDocx(PLAN, CELL, { templatesDir: broken }).catch((e: unknown) => e);
      rmSync(broken, { recursive: true, force: true });
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).file).toBe(join(broken, 'ke-hoach.hbs'));
      expect((error as TemplateError).line).toBe(shipped.split('\n').findIndex((l) => l.includes('{{#each topics}}')) + 1);
      expect((error as Error).message).toContain('trường "topcs" không có trong dữ liệu');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the number blank like the date when neither is given: no real-looking number on a plan not yet issued', async () => {
    const blank = await paragraphs(await planDocx(PLAN, CELL));
    expect(blank).toContain('Số …-KH/CB');
    expect(blank).toContain('Hoàng Liệt, ngày … tháng … năm …');
    expect(blank.join('\n')).not.toMatch(/Số \d+-KH/);
  });

  it('refuses a malformed date', async () => {
    await expect(planDocx(PLAN, CELL, { date: '22/12/2025' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});


// On a developer's machine without LibreOffice this is skipped; in CI (which installs it) it must run.
describe.skipIf(!HAVE_OFFICE_TOOLS && !process.env.CI)('planDocx: opened by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-plan-docx-'));
  const profile = join(tmpdir(), `lo-${process.pid}`);
  const pdf = join(dir, 'ke-hoach.pdf');

  beforeAll(async () => {
    writeFileSync(join(dir, 'ke-hoach.docx'), await planDocx(PLAN, CELL, { number: '1', date: '2025-12-22' }));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'ke-hoach.docx')], {
      stdio: 'ignore',
      timeout: 60_000,
    });
  }, 60_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('is an A4 document of a few pages with the header, the table and the closing', () => {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(4);
    const all = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    const page1 = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const words of ['ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'CHI BỘ KHU DÂN CƯ SỐ 12', 'Số 01-KH/CB', 'Hoàng Liệt, ngày 22 tháng 12 năm 2025', 'KẾ HOẠCH', 'sinh hoạt chuyên đề năm 2026', 'I. MỤC ĐÍCH, YÊU CẦU']) {
      expect(page1).toContain(words);
    }
    // No page number on page 1.
    expect(page1).not.toMatch(/^\s*1\s*$/m);
    for (const words of ['II. NỘI DUNG, THỜI GIAN', 'III. TỔ CHỨC THỰC HIỆN', '19/3/2026', '19/11/2026', 'Tổ đảng số 3', 'Đồng chí Lý Thu', 'Nơi nhận:', '- Lưu Chi bộ.', 'T/M CHI BỘ', 'BÍ THƯ', 'Nguyễn Văn Hùng']) {
      expect(all).toContain(words);
    }
    const flat = all.replace(/\s+/g, ' ');
    for (const t of TOPICS) expect(flat).toContain(t.topic!.split(' ').slice(0, 3).join(' '));
  });
});
