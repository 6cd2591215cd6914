// The docx builder: the document XML against the layout spec, identical bytes, and a real LibreOffice conversion.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocumentBlocks, Run } from '../../src/render/blocks.js';
import { buildDocx } from '../../src/render/docx.js';
import { mmToTwip, resolveLayout } from '../../src/render/layout.js';
import { HAVE_OFFICE_TOOLS } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';

const LAYOUT = resolveLayout();
const DASH_LAYOUT = resolveLayout({ headingStyle: '-' });

const t = (text: string, emphasis: Omit<Run, 'text'> = {}): Run => ({ text, ...emphasis });

const HEADER: Block = {
  type: 'header',
  parent: 'ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT',
  cell: 'CHI BỘ KHU DÂN CƯ SỐ 12',
  number: 'Số 05-NQ/CB',
  dateline: 'Hoàng Liệt, ngày 05 tháng 6 năm 2024',
};

const CLOSING: Block = {
  type: 'closing',
  recipients: ['Đảng ủy phường (b/c)', 'Đảng viên chi bộ', 'Lưu Chi bộ'],
  for: 'T/M CHI BỘ',
  title: 'BÍ THƯ',
  name: 'Nguyễn Văn An',
};

const SIGNATURES: Block = {
  type: 'signatures',
  left: { title: 'THƯ KÝ', name: 'Trần Thị Bình' },
  right: { title: 'CHỦ TRÌ', name: 'Nguyễn Văn An' },
};

/** A one-page monthly resolution, with one `&` and two control characters in its text. */
function resolution(): DocumentBlocks {
  return {
    draft: false,
    meta: { title: 'Nghị quyết tháng 6 năm 2024', subject: 'Nghị quyết chi bộ', author: 'Chi bộ Khu dân cư số 12', date: '2024-06-05' },
    blocks: [
      HEADER,
      { type: 'title', text: 'NGHỊ QUYẾT', subtitle: 'lãnh đạo thực hiện nhiệm vụ tháng 6 năm 2024' },
      {
        type: 'paragraph',
        runs: [t('Ngày 05/6/2024, tại Nhà văn hóa khu dân cư số 12, Chi bộ sinh hoạt thường kỳ tháng 6 năm 2024, bàn về vệ sinh môi trường & an ninh trật tự.')],
      },
      { type: 'heading', level: 1, number: 'I', runs: [t('Đánh giá kết quả thực hiện nhiệm vụ tháng 5 năm 2024')] },
      { type: 'heading', level: 2, number: '1', runs: [t('Về công tác chính trị, tư tưởng')] },
      { type: 'paragraph', runs: [t('Đảng viên chấp hành tốt\u0007 chủ trương của Đảng\u000B; '), t('20/22 đồng chí tán thành', { bold: true }), t(', đạt 90,9%.')] },
      { type: 'bullet', runs: [t('Tổ chức học tập nghị quyết đầy đủ.')] },
      { type: 'heading', level: 1, number: 'II', runs: [t('Nhiệm vụ tháng 6 năm 2024')] },
      { type: 'paragraph', runs: [t('Nghị quyết này được phổ biến đến toàn thể đảng viên trong chi bộ.')] },
      CLOSING,
    ],
  };
}

/** Minutes: no number, no place-date line, a 30-row attendance table, signatures side by side. */
function minutes(): DocumentBlocks {
  return {
    draft: false,
    meta: { title: 'Biên bản tháng 6 năm 2024', author: 'Chi bộ Khu dân cư số 12', date: '2024-06-05' },
    blocks: [
      { type: 'header', parent: 'ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT', cell: 'CHI BỘ KHU DÂN CƯ SỐ 12' },
      { type: 'title', text: 'BIÊN BẢN', subtitle: 'sinh hoạt chi bộ thường kỳ tháng 6 năm 2024' },
      { type: 'paragraph', runs: [t('Vào lúc 14 giờ 00 phút, ngày 05 tháng 6 năm 2024, tại Nhà văn hóa khu dân cư số 12, Chi bộ tiến hành sinh hoạt thường kỳ.')] },
      table(30),
      { type: 'paragraph', runs: [t('Cuộc họp kết thúc vào lúc 16 giờ 30 phút cùng ngày; biên bản đã được đọc lại và nhất trí thông qua.')] },
      SIGNATURES,
    ],
  };
}

/** A draft with every kind of block: three heading levels, bullets, a 60-row table, signatures and closing. */
function everything(): DocumentBlocks {
  const body: Block[] = [];
  for (const [roman, title] of [['I', 'Đánh giá kết quả'], ['II', 'Nhiệm vụ tháng tới']] as const) {
    body.push({ type: 'heading', level: 1, number: roman, runs: [t(title)] });
    body.push({ type: 'heading', level: 2, number: '1', runs: [t('Về công tác xây dựng Đảng')] });
    body.push({ type: 'heading', level: 3, number: 'a', runs: [t('Ưu điểm')] });
    body.push({ type: 'paragraph', runs: [t('Đảng viên '), t('gương mẫu', { italic: true }), t(' thực hiện '), t('nhiệm vụ', { underline: true }), t('.')] });
    body.push({ type: 'bullet', runs: [t('Duy trì sinh hoạt đều đặn.')] });
    body.push({ type: 'bullet', runs: [t('Tham gia đầy đủ các buổi học tập.')] });
  }
  return {
    draft: true,
    meta: { title: 'Dự thảo', author: 'Chi bộ Khu dân cư số 12', date: '2024-06-05' },
    blocks: [
      HEADER,
      { type: 'title', text: 'NGHỊ QUYẾT', subtitle: 'lãnh đạo thực hiện nhiệm vụ tháng 6 năm 2024' },
      ...body,
      { type: 'paragraph', runs: [t('Danh sách phân công:')], indent: false, align: 'left' },
      table(60),
      SIGNATURES,
      CLOSING,
    ],
  };
}

function table(rows: number): Block {
  return {
    type: 'table',
    widths: [15, 90, 60],
    header: [[t('STT')], [t('Họ và tên')], [t('Ghi chú')]],
    rows: Array.from({ length: rows }, (_, i) => [[t(String(i + 1))], [t(`Đảng viên số ${i + 1}`)], [t(i % 7 ? 'Có mặt' : 'Vắng có lý do')]]),
  };
}

/** The parts of a built package, as XML text. */
interface Parts {
  zip: JSZip;
  document: string;
  styles: string;
  settings: string;
  core: string;
  firstHeader: string;
  defaultHeader: string;
}

async function parts(bytes: Buffer): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)!.async('string');
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const header = async (type: string) => {
    const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(document)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    return read(`word/${target}`);
  };
  return {
    zip,
    document,
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    core: await read('docProps/core.xml'),
    firstHeader: await header('first'),
    defaultHeader: await header('default'),
  };
}

/** Every paragraph of a part (there are no nested paragraphs: no text boxes). */
function paragraphs(xml: string): string[] {
  return xml.match(/<w:p[ >].*?<\/w:p>/gs) ?? [];
}

/** The text of a paragraph or part, with docx's escapes as written. */
function text(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** The one paragraph whose text starts with `start`. */
function para(xml: string, start: string): string {
  const found = paragraphs(xml).filter((p) => text(p).startsWith(start));
  expect(found, `paragraph starting "${start}"`).toHaveLength(1);
  return found[0]!;
}

/** The tables of a part, in order (none are nested). */
function tables(xml: string): string[] {
  return xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('buildDocx: document XML', () => {
  let res: Parts;
  let min: Parts;
  let all: Parts;
  let dash: Parts;

  beforeAll(async () => {
    [res, min, all, dash] = await Promise.all([
      buildDocx(resolution(), LAYOUT).then(parts),
      buildDocx(minutes(), LAYOUT).then(parts),
      buildDocx(everything(), LAYOUT).then(parts),
      buildDocx(everything(), DASH_LAYOUT).then(parts),
    ]);
  });

  it('lays out an A4 portrait page with the Party margins and a header 10 mm from the top', () => {
    expect(res.document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const margins = /<w:pgMar ([^>]*)\/>/.exec(res.document)![1]!;
    expect(margins).toContain('w:top="1134"');
    expect(margins).toContain('w:bottom="1134"');
    expect(margins).toContain('w:left="1701"');
    expect(margins).toContain('w:right="850"');
    expect(margins).toContain('w:header="567"');
  });

  it('sets Times New Roman for every script, 14 pt black, in the defaults and the Normal style', () => {
    const rFonts = '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>';
    const defaults = /<w:rPrDefault>.*?<\/w:rPrDefault>/s.exec(res.styles)![0];
    const normal = /<w:style w:type="paragraph" w:styleId="Normal"[^>]*>.*?<\/w:style>/s.exec(res.styles)![0];
    for (const rPr of [defaults, normal]) {
      expect(rPr).toContain(rFonts);
      expect(rPr).toContain('<w:sz w:val="28"/>');
      expect(rPr).toContain('<w:color w:val="000000"/>');
    }
    // No run anywhere names another font.
    for (const part of [res.document, res.firstHeader, res.defaultHeader]) {
      expect(part.match(/<w:rFonts [^>]*>/g) ?? []).toEqual([]);
    }
  });

  it('sets the body paragraph: justified, first-line indent 10 mm, exactly 18 pt lines, 6 pt before', () => {
    const defaults = /<w:pPrDefault>.*?<\/w:pPrDefault>/s.exec(res.styles)![0];
    expect(defaults).toContain('<w:spacing w:after="0" w:before="120" w:line="360" w:lineRule="exact"/>');
    expect(defaults).toContain('<w:ind w:firstLine="567"/>');
    expect(defaults).toContain('<w:jc w:val="both"/>');
    // A body paragraph takes them as they are.
    const body = para(res.document, 'Ngày 05/6/2024');
    expect(body).not.toContain('<w:ind');
    expect(body).not.toContain('<w:spacing');
  });

  it('numbers pages from page 2 only: a different, empty first-page header', () => {
    expect(res.document).toContain('<w:titlePg/>');
    expect(res.defaultHeader).toContain('<w:fldSimple w:instr="PAGE">');
    expect(res.defaultHeader).toMatch(/<w:jc w:val="center"\/>/);
    expect(res.firstHeader).not.toContain('PAGE');
    expect(text(res.firstHeader)).toBe('');
  });

  it('writes the header as a borderless fixed table of 85 mm | 90 mm, 5 mm into the left margin', () => {
    const header = tables(res.document)[0]!;
    expect(header).toContain(`<w:gridCol w:w="${mmToTwip(85)}"/><w:gridCol w:w="${mmToTwip(90)}"/>`);
    expect(mmToTwip(85)).toBe(4819);
    expect(mmToTwip(90)).toBe(5102);
    expect(header).toContain(`<w:tblInd w:type="dxa" w:w="-${mmToTwip(5)}"/>`);
    expect(header).toContain('<w:tblLayout w:type="fixed"/>');
    expect(header).toContain(`<w:tcW w:type="dxa" w:w="${mmToTwip(85)}"/>`);
    expect(header).toContain(`<w:tcW w:type="dxa" w:w="${mmToTwip(90)}"/>`);
    const borders = /<w:tblBorders>.*?<\/w:tblBorders>/s.exec(header)![0];
    expect(borders.match(/w:val="(\w+)"/g)).toEqual(Array(6).fill('w:val="none"'));
    for (const p of paragraphs(header)) expect(p).toContain('<w:jc w:val="center"/>');
  });

  it('writes the left column: superior body not bold, cell bold, the star, then the number', () => {
    const header = tables(res.document)[0]!;
    expect(para(header, 'ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT')).not.toContain('<w:b/>');
    expect(para(header, 'CHI BỘ KHU DÂN CƯ SỐ 12')).toContain('<w:b/>');
    expect(text(para(header, '*'))).toBe('*');
    expect(para(header, 'Số 05-NQ/CB')).not.toContain('<w:b/>');
    // Minutes carry neither number nor place-date line: one row only.
    const minHeader = tables(min.document)[0]!;
    expect(count(minHeader, '<w:tr>')).toBe(1);
    expect(minHeader).not.toContain('Số ');
  });

  it('rules ĐẢNG CỘNG SẢN VIỆT NAM with a paragraph border narrowed to the words, not an underline', () => {
    const cell = paragraphs(tables(res.document)[0]!);
    const at = cell.findIndex((p) => text(p) === 'ĐẢNG CỘNG SẢN VIỆT NAM');
    const party = cell[at]!;
    // The words' paragraph keeps the whole column (it cannot wrap); the empty one under it carries the rule.
    expect(party).not.toContain('<w:pBdr>');
    expect(party).not.toContain('<w:u ');
    expect(party).toContain('<w:b/>');
    expect(party).toContain('<w:sz w:val="30"/>');
    const rule = cell[at + 1]!;
    expect(text(rule)).toBe('');
    expect(rule).toMatch(/<w:pBdr><w:bottom w:val="single"[^>]*\/><\/w:pBdr>/);
    const indent = /<w:ind w:left="(\d+)" w:right="(\d+)"/.exec(rule)!;
    const left = Number(indent[1]);
    expect(left).toBe(Number(indent[2]));
    // 22 capitals at 15 pt are about 73 mm wide: the rule spans that, not the 90 mm column.
    const ruleMm = ((mmToTwip(90) - 2 * left) * 25.4) / 1440;
    expect(ruleMm).toBeGreaterThan(68);
    expect(ruleMm).toBeLessThan(78);
  });

  it('sets the place-date line in italics', () => {
    const dateline = para(tables(res.document)[0]!, 'Hoàng Liệt, ngày 05 tháng 6 năm 2024');
    expect(dateline).toContain('<w:i/>');
    expect(dateline).not.toContain('<w:b/>');
  });

  it('writes the title 16 pt bold, the summary 14 pt bold, then -----, all centred', () => {
    const title = para(res.document, 'NGHỊ QUYẾT');
    expect(title).toContain('<w:sz w:val="32"/>');
    expect(title).toContain('<w:b/>');
    const subtitle = para(res.document, 'lãnh đạo thực hiện nhiệm vụ tháng\u00A06 năm 2024');
    expect(subtitle).toContain('<w:b/>');
    expect(subtitle).not.toContain('<w:sz ');
    const rule = para(res.document, '-----');
    for (const p of [title, subtitle, rule]) expect(p).toContain('<w:jc w:val="center"/>');
  });

  it('numbers level-1 headings I. or I- by the layout, in bold capitals, kept with the next paragraph', () => {
    expect(text(para(all.document, 'I. '))).toBe('I. ĐÁNH GIÁ KẾT QUẢ');
    expect(text(para(all.document, 'II. '))).toBe('II. NHIỆM VỤ THÁNG TỚI');
    expect(text(para(dash.document, 'I- '))).toBe('I- ĐÁNH GIÁ KẾT QUẢ');
    expect(dash.document).not.toContain('>I. ');
    const heading = para(all.document, 'I. ');
    expect(heading).toContain('<w:keepNext/>');
    expect(heading).toContain('<w:b/>');
  });

  it('writes level 2 as bold 1. and level 3 as italic a), both kept with the next paragraph', () => {
    const [level2] = paragraphs(all.document).filter((p) => text(p) === '1. Về công tác xây dựng Đảng');
    expect(level2).toContain('<w:b/>');
    expect(level2).toContain('<w:keepNext/>');
    const [level3] = paragraphs(all.document).filter((p) => text(p) === 'a) Ưu điểm');
    expect(level3).toContain('<w:i/>');
    expect(level3).not.toContain('<w:b/>');
    expect(level3).toContain('<w:keepNext/>');
  });

  it('writes bullets as body paragraphs starting with a hyphen, never a Word list', () => {
    const bullets = paragraphs(all.document).filter((p) => text(p).startsWith('- Duy trì'));
    expect(bullets).toHaveLength(2);
    expect(bullets[0]).not.toContain('<w:ind');
    expect(all.document).not.toContain('<w:numPr>');
    expect(all.document).not.toContain('•');
  });

  it('keeps run emphasis: bold, italic, underline', () => {
    const p = paragraphs(all.document).find((x) => text(x).startsWith('Đảng viên gương mẫu'))!;
    expect(p).toMatch(/<w:i\/>.*gương mẫu/s);
    expect(p).toMatch(/<w:u w:val="single"\/>.*nhiệm vụ/s);
    expect(para(res.document, 'Đảng viên chấp hành')).toMatch(/<w:b\/>.*20\/22 đồng chí tán thành/s);
  });

  it('writes data tables with fixed widths in grid and cells, a repeated header row and unsplittable rows', () => {
    const grid = tables(all.document).find((x) => x.includes('STT'))!;
    const widths = [15, 90, 60].map(mmToTwip);
    expect(grid).toContain(widths.map((w) => `<w:gridCol w:w="${w}"/>`).join(''));
    expect(grid).toContain('<w:tblLayout w:type="fixed"/>');
    expect(grid).toMatch(/<w:insideH w:val="single"/);
    const rows = grid.match(/<w:tr>.*?<\/w:tr>/gs)!;
    expect(rows).toHaveLength(61);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    for (const row of rows) {
      expect(row).toContain('<w:cantSplit/>');
      widths.forEach((w) => expect(row).toContain(`<w:tcW w:type="dxa" w:w="${w}"/>`));
    }
  });

  it('writes the minutes signatures side by side: THƯ KÝ left, CHỦ TRÌ right, space, names bold', () => {
    const signatures = tables(min.document).at(-1)!;
    const cells = signatures.match(/<w:tc>.*?<\/w:tc>/gs)!;
    expect(cells).toHaveLength(2);
    expect(text(cells[0]!)).toBe('THƯ KÝTrần Thị Bình');
    expect(text(cells[1]!)).toBe('CHỦ TRÌNguyễn Văn An');
    for (const cell of cells) {
      const ps = paragraphs(cell);
      expect(ps).toHaveLength(2 + LAYOUT.signatureSpace);
      expect(ps[0]).toContain('<w:b/>');
      expect(ps.at(-1)).toContain('<w:b/>');
    }
  });

  it('writes the closing: Nơi nhận underlined, recipients 12 pt ending "," and "- Lưu Chi bộ."', () => {
    const closing = tables(res.document).at(-1)!;
    const [left, right] = closing.match(/<w:tc>.*?<\/w:tc>/gs)!;
    const heading = para(left!, 'Nơi nhận:');
    expect(heading).toContain('<w:u w:val="single"/>');
    expect(heading).not.toContain('<w:b/>');
    expect(heading).not.toContain('<w:i/>');
    const lines = paragraphs(left!).slice(1);
    expect(lines.map(text)).toEqual(['- Đảng ủy phường (b/c),', '- Đảng viên chi bộ,', '- Lưu Chi bộ.']);
    for (const line of lines) expect(line).toContain('<w:sz w:val="24"/>');
    expect(para(right!, 'T/M CHI BỘ')).toContain('<w:b/>');
    expect(para(right!, 'BÍ THƯ')).not.toContain('<w:b/>');
    expect(para(right!, 'Nguyễn Văn An')).toContain('<w:b/>');
    expect(paragraphs(right!)).toHaveLength(3 + LAYOUT.signatureSpace);
    for (const p of paragraphs(right!).filter((x) => text(x) !== '')) expect(p).toContain('<w:jc w:val="center"/>');
  });

  it('ends recipient lines with the layout\'s ending, the last with a full stop', async () => {
    const semi = await parts(await buildDocx(resolution(), resolveLayout({ recipientEnding: ';' })));
    const left = tables(semi.document).at(-1)!.match(/<w:tc>.*?<\/w:tc>/s)![0];
    expect(paragraphs(left).slice(1).map(text)).toEqual(['- Đảng ủy phường (b/c);', '- Đảng viên chi bộ;', '- Lưu Chi bộ.']);
  });

  it('keeps tables apart and ends on a paragraph, so that no editor joins two tables into one', () => {
    for (const part of [res.document, min.document, all.document]) {
      expect(part).not.toMatch(/<\/w:tbl>\s*<w:tbl>/);
      expect(part).toMatch(/<\/w:p>\s*<w:sectPr>/);
    }
  });

  it('escapes & exactly once and strips control characters', () => {
    expect(count(res.document, '&amp;')).toBe(1);
    expect(res.document).not.toContain('&amp;amp;');
    expect(res.document).toContain('vệ sinh môi trường &amp; an ninh trật tự');
    expect(res.document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(res.document).toContain('chấp hành tốt chủ trương của Đảng; ');
  });

  it('writes the core properties, dated the document date, with no random parts', () => {
    expect(res.core).toContain('<dc:title>Nghị quyết tháng 6 năm 2024</dc:title>');
    expect(res.core).toContain('<dc:subject>Nghị quyết chi bộ</dc:subject>');
    expect(res.core).toContain('<dc:creator>Chi bộ Khu dân cư số 12</dc:creator>');
    expect(res.core).toContain('<cp:lastModifiedBy>Chi bộ Khu dân cư số 12</cp:lastModifiedBy>');
    expect(res.core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-06-05T00:00:00Z</dcterms:created>');
    expect(res.core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-06-05T00:00:00Z</dcterms:modified>');
    const names = Object.keys(res.zip.files);
    expect(names).toContain('[Content_Types].xml');
    for (const name of names) {
      expect(res.zip.files[name]!.dir).toBe(false);
      expect(res.zip.files[name]!.date.toISOString()).toBe('2024-06-05T00:00:00.000Z');
    }
  });

  it('compresses every entry with DEFLATE', async () => {
    const bytes = await buildDocx(resolution(), LAYOUT);
    const methods: number[] = [];
    for (let at = bytes.indexOf('PK\u0003\u0004'); at >= 0; at = bytes.indexOf('PK\u0003\u0004', at + 4)) methods.push(bytes.readUInt16LE(at + 8));
    expect(methods).toHaveLength(Object.keys(res.zip.files).length);
    expect(new Set(methods)).toEqual(new Set([8]));
  });

  it('gives identical bytes for identical input, built a second apart', async () => {
    for (const doc of [resolution, everything]) {
      const first = await buildDocx(doc(), LAYOUT);
      await sleep(1100);
      const second = await buildDocx(doc(), LAYOUT);
      expect(first.equals(second)).toBe(true);
    }
  });

  it('marks a draft DỰ THẢO in the header of every page, page 1 included, and nothing else', () => {
    for (const header of [all.firstHeader, all.defaultHeader]) {
      const mark = paragraphs(header).find((p) => text(p).includes('DỰ THẢO'))!;
      expect(mark).toBeDefined();
      expect(mark).toMatch(/<w:b\/>.*<w:bdr w:val="single"/s);
    }
    expect(all.defaultHeader).toContain('PAGE');
    expect(all.firstHeader).not.toContain('PAGE');
    for (const part of [res.firstHeader, res.defaultHeader, res.document]) expect(part).not.toContain('DỰ THẢO');
  });

  it('rejects a date that cannot stamp the package', async () => {
    await expect(buildDocx({ ...resolution(), meta: { ...resolution().meta, date: '5/6/2024' } }, LAYOUT)).rejects.toThrow(/date/);
  });
});


// On a developer's machine without LibreOffice these are skipped; in CI (which installs it) they must run.
describe.skipIf(!HAVE_OFFICE_TOOLS && !process.env.CI)('buildDocx: opened by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-docx-'));
  const profile = join(tmpdir(), `lo-profile-${process.pid}`);
  const docs = { resolution, minutes, everything };
  type Name = keyof typeof docs;

  beforeAll(async () => {
    for (const [name, doc] of Object.entries(docs)) writeFileSync(join(dir, `${name}.docx`), await buildDocx(doc(), LAYOUT));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(docs).map((n) => join(dir, `${n}.docx`))],
      { stdio: 'ignore', timeout: 60_000 },
    );
  }, 60_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  const pdf = (name: Name) => join(dir, `${name}.pdf`);
  const info = (name: Name) => execFileSync('pdfinfo', [pdf(name)], { encoding: 'utf8' });
  const pages = (name: Name) => Number(/^Pages:\s+(\d+)/m.exec(info(name))![1]);
  const pdfText = (name: Name, page?: number) =>
    execFileSync('pdftotext', ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), pdf(name), '-'], { encoding: 'utf8' }).normalize('NFC');

  it('converts every document to an A4 PDF of the expected length', () => {
    for (const name of Object.keys(docs) as Name[]) {
      expect(existsSync(pdf(name)), name).toBe(true);
      expect(info(name)).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
    }
    expect(pages('resolution')).toBe(1);
    expect(pages('minutes')).toBe(2);
    expect(pages('everything')).toBeGreaterThanOrEqual(3);
    expect(pages('everything')).toBeLessThanOrEqual(5);
  });

  it('writes schema-valid OOXML: every part passes the ISO/IEC 29500 schemas', () => {
    validateOoxml(...Object.keys(docs).map((n) => join(dir, `${n}.docx`)));
  }, 60_000);

  it('shows the header, the title, the closing and the names', () => {
    const res = pdfText('resolution');
    // The superior body on one line: condensed a little rather than wrapped in its 75 mm column.
    for (const words of ['ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT', 'CHI BỘ KHU DÂN CƯ SỐ 12', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 05-NQ/CB', 'Hoàng Liệt, ngày 05 tháng 6 năm 2024', 'NGHỊ QUYẾT', 'I. ĐÁNH GIÁ KẾT QUẢ', 'Nơi nhận:', '- Lưu Chi bộ.', 'T/M CHI BỘ', 'BÍ THƯ', 'Nguyễn Văn An']) {
      expect(res).toContain(words);
    }
    expect(res).toMatch(/^\s*\*\s*$/m);
    const min = pdfText('minutes');
    for (const words of ['BIÊN BẢN', 'THƯ KÝ', 'CHỦ TRÌ', 'Trần Thị Bình', 'Nguyễn Văn An']) expect(min).toContain(words);
    // Side by side: both titles on one line, both names on one line.
    expect(min).toMatch(/THƯ KÝ\s+CHỦ TRÌ/);
    expect(min).toMatch(/Trần Thị Bình\s+Nguyễn Văn An/);
    expect(min).not.toContain('Nơi nhận');
  });

  it('numbers page 2 but not page 1', () => {
    expect(pdfText('resolution', 1)).not.toMatch(/^\s*1\s*$/m);
    expect(pdfText('minutes', 1)).not.toMatch(/^\s*1\s*$/m);
    const page2 = pdfText('minutes', 2).split('\n').find((l) => l.trim() !== '');
    expect(page2?.trim()).toBe('2');
  });

  it('shows DỰ THẢO on every page of a draft, beside the page number from page 2', () => {
    const n = pages('everything');
    for (let page = 1; page <= n; page++) expect(pdfText('everything', page), `page ${page}`).toContain('DỰ THẢO');
    expect(pdfText('everything', 2).split('\n').find((l) => l.trim() !== '')).toMatch(/^\s+2\s+DỰ THẢO\s*$/);
    expect(pdfText('resolution')).not.toContain('DỰ THẢO');
  });
});

describe('pinZipTimes', () => {
  it('dates every entry of any zip, keeps the content, and refuses what is not a zip', async () => {
    const { zipSync, unzipSync, strToU8 } = await import('fflate');
    const { pinZipTimes } = await import('../../src/render/zip.js');
    const zip = zipSync({ 'a.txt': strToU8('xin chào'), 'b/c.xml': strToU8('<x/>') }, { mtime: new Date('2031-07-09T13:45:10Z') });
    const pinned = pinZipTimes(zip, '2026-06-05');
    expect(unzipSync(pinned)).toEqual({ 'a.txt': strToU8('xin chào'), 'b/c.xml': strToU8('<x/>') });
    // DOS times carry no zone: read the raw fields of each local header (time at +10, date at +12).
    const bytes = Buffer.from(pinned);
    const dosDate = ((2026 - 1980) << 9) | (6 << 5) | 5;
    let headers = 0;
    for (let at = bytes.indexOf('PK\u0003\u0004'); at >= 0; at = bytes.indexOf('PK\u0003\u0004', at + 4)) {
      expect([bytes.readUInt16LE(at + 10), bytes.readUInt16LE(at + 12)]).toEqual([0, dosDate]);
      headers++;
    }
    expect(headers).toBe(2);
    expect(() => pinZipTimes(strToU8('not a zip at all, definitely not'), '2026-06-05')).toThrow(/zip/);
    expect(() => pinZipTimes(zip, '2026-13-40')).toThrow(/date/);
  });
});
