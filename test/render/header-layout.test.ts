// The header with the longest real names, the cached page number, unbroken dates and titles, one style of quotes: in the XML and in LibreOffice's PDF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocumentBlocks } from '../../src/render/blocks.js';
import { balancedLines, buildDocx, keepNumeralsWithWord, typographicQuotes } from '../../src/render/docx.js';
import { mmToTwip, resolveLayout } from '../../src/render/layout.js';
import { HAVE_OFFICE_TOOLS, copyExample, runCli } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';

const LAYOUT = resolveLayout();
const PARTY = 'ĐẢNG CỘNG SẢN VIỆT NAM';

/** Real superior bodies and cells, the longest found, with a short one as the usual case. */
const NAMES = {
  usual: { parent: 'Đảng bộ phường Khương Đình', cell: 'Chi bộ Khu dân cư số 12' },
  longest: { parent: 'Đảng ủy các cơ quan Đảng Thành phố Hồ Chí Minh', cell: 'Chi bộ Trường Trung học phổ thông chuyên Hà Nội - Amsterdam' },
  agency: { parent: 'Đảng ủy Cơ quan Ủy ban Kiểm tra Trung ương', cell: 'Chi bộ Vụ Địa phương I' },
};
type Name = keyof typeof NAMES;

function doc(name: Name): DocumentBlocks {
  const blocks: Block[] = [
    { type: 'header', ...NAMES[name], number: 'Số 05-NQ/CB', dateline: 'Khương Đình, ngày 05 tháng 6 năm 2026' },
    { type: 'title', text: 'Nghị quyết', subtitle: 'sinh hoạt thường kỳ tháng 12 năm 2026 kết hợp sinh hoạt chuyên đề số 3 quý III năm 2026' },
    { type: 'paragraph', runs: [{ text: 'Chi bộ tổ chức "Tết trồng cây đời đời nhớ ơn Bác Hồ" và phong trào "Ngày Chủ nhật xanh".' }] },
    ...Array.from({ length: 60 }, (_, i): Block => ({ type: 'paragraph', runs: [{ text: `Đoạn ${i + 1}: đảng viên thảo luận, thống nhất nội dung nghị quyết.` }] })),
    { type: 'closing', recipients: ['Đảng ủy phường (b/c)', 'Lưu Chi bộ'], for: 'T/M CHI BỘ', title: 'BÍ THƯ', name: 'Nguyễn Văn Hùng' },
  ];
  return { meta: { title: 'Nghị quyết', author: 'Chi bộ', date: '2026-06-05' }, draft: false, blocks };
}

async function xml(name: Name, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(await buildDocx(doc(name), LAYOUT));
  return zip.file(part)!.async('string');
}

describe('header and text in the XML', () => {
  it('gives the page-number field a cached result, so a viewer that does not update fields still shows a number', async () => {
    const header = (await xml('usual', 'word/header1.xml')) + (await xml('usual', 'word/header2.xml'));
    expect(header).toMatch(/<w:fldSimple w:instr="PAGE"><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>2<\/w:t><\/w:r><\/w:fldSimple>/);
  });

  it('keeps "quý III" and "tháng 12" together in titles with a no-break space, in any case', async () => {
    expect(keepNumeralsWithWord('chuyên đề quý III năm 2026, tháng 12')).toBe('chuyên đề quý\u00A0III năm 2026, tháng\u00A012');
    expect(keepNumeralsWithWord('QUÝ IV THÁNG 6')).toBe('QUÝ\u00A0IV THÁNG\u00A06');
    expect(keepNumeralsWithWord('tháng này, quý Ivan')).toBe('tháng này, quý Ivan');
    const document = await xml('usual', 'word/document.xml');
    expect(document).toContain('tháng\u00A012 năm 2026 kết hợp sinh hoạt chuyên đề số 3 quý\u00A0III năm');
  });

  it('writes typographic “ ” for ASCII double quotes, opening and closing, and nothing else', async () => {
    expect(typographicQuotes('"Tết" và ("Ngày Chủ nhật xanh") - "x"')).toBe('“Tết” và (“Ngày Chủ nhật xanh”) - “x”');
    // A quotation inside a quotation takes the single marks, as Vietnamese print nests them: never “…“…”…”.
    expect(typographicQuotes('"Học tập và làm theo "tấm gương đạo đức" của Bác"')).toBe('“Học tập và làm theo ‘tấm gương đạo đức’ của Bác”');
    expect(typographicQuotes('“Học tập "tấm gương" của Bác”')).toBe('“Học tập ‘tấm gương’ của Bác”');
    expect(typographicQuotes('"a" và "b"')).toBe('“a” và “b”');
    const document = await xml('usual', 'word/document.xml');
    expect(document).toContain('“Tết trồng cây đời đời nhớ ơn Bác Hồ” và phong trào “Ngày Chủ nhật xanh”.');
    const text = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).not.toContain('"');
    expect(text).not.toContain('&quot;');
  });

  it('breaks a long name between words into even lines, and leaves a name that fits whole', () => {
    const column = mmToTwip(LAYOUT.header.leftWidth);
    expect(balancedLines('ĐẢNG BỘ PHƯỜNG KHƯƠNG ĐÌNH', 14, column)).toEqual(['ĐẢNG BỘ PHƯỜNG KHƯƠNG ĐÌNH']);
    expect(balancedLines('ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG THÀNH PHỐ HỒ CHÍ MINH', 14, column)).toEqual(['ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG', 'THÀNH PHỐ HỒ CHÍ MINH']);
    const cell = balancedLines('CHI BỘ TRƯỜNG TRUNG HỌC PHỔ THÔNG CHUYÊN HÀ NỘI - AMSTERDAM', 14, column);
    expect(cell.length).toBeGreaterThanOrEqual(2);
    expect(cell.length).toBeLessThanOrEqual(3);
    expect(cell.join(' ')).toBe('CHI BỘ TRƯỜNG TRUNG HỌC PHỔ THÔNG CHUYÊN HÀ NỘI - AMSTERDAM');
  });

  it('breaks lines as the exhaustive search did, and a 300-character name without trying every split', () => {
    const column = mmToTwip(LAYOUT.header.leftWidth);
    const fits = (line: string) => balancedLines(line, 14, column).length === 1;
    // The former search: fewest lines, then the narrowest widest line, the earliest breaks on a tie.
    const exhaustive = (text: string): string[] => {
      const words = text.split(' ');
      if (fits(text)) return [text];
      for (let count = 2; count <= words.length; count++) {
        let best: string[] | undefined;
        const split = (from: number, left: number, acc: string[]) => {
          if (left === 1) {
            const lines = [...acc, words.slice(from).join(' ')];
            const widest = Math.max(...lines.map((l) => [...l].length));
            if (lines.every(fits) && (!best || widest < Math.max(...best.map((l) => [...l].length)))) best = lines;
            return;
          }
          for (let end = from + 1; end <= words.length - left + 1; end++) split(end, left - 1, [...acc, words.slice(from, end).join(' ')]);
        };
        split(0, count, []);
        if (best) return best;
      }
      return words;
    };
    const pool = ['ĐẢNG', 'ỦY', 'CÁC', 'CƠ', 'QUAN', 'THÀNH', 'PHỐ', 'HỒ', 'CHÍ', 'MINH', 'TRƯỜNG', 'PHỔ', 'THÔNG', 'A', 'KHƯƠNG', 'ĐÌNH'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 2 + Math.floor(next() * 13) }, () => pool[Math.floor(next() * pool.length)]).join(' ');
      expect(balancedLines(text, 14, column), text).toEqual(exhaustive(text));
    }
    const long = Array.from({ length: 60 }, (_, i) => pool[i % pool.length]).join(' ').slice(0, 300).trim();
    const lines = balancedLines(long, 14, column);
    expect(lines.join(' ')).toBe(long);
    expect(lines.every(fits)).toBe(true);
    // As few lines as filling each one greedily takes.
    let greedy = 0;
    for (let rest = long.split(' '); rest.length > 0; greedy++) {
      let n = 1;
      while (n < rest.length && fits(rest.slice(0, n + 1).join(' '))) n++;
      rest = rest.slice(n);
    }
    expect(lines).toHaveLength(greedy);
  });

  it('keeps the header table within the profile: columns as configured, reaching overhang mm into the left margin', async () => {
    const document = await xml('usual', 'word/document.xml');
    const header = /<w:tbl>.*?<\/w:tbl>/s.exec(document)![0];
    expect(header).toContain(`<w:gridCol w:w="${mmToTwip(LAYOUT.header.leftWidth)}"/><w:gridCol w:w="${mmToTwip(LAYOUT.header.rightWidth)}"/>`);
    expect(header).toContain(`<w:tblInd w:type="dxa" w:w="-${mmToTwip(LAYOUT.header.overhang!)}"/>`);
    // No further into the right margin than into the left one.
    const text = 210 - LAYOUT.margins.left - LAYOUT.margins.right;
    expect(LAYOUT.header.leftWidth + LAYOUT.header.rightWidth - LAYOUT.header.overhang! - text).toBeLessThanOrEqual(LAYOUT.header.overhang!);
  });
});

/** Words of a PDF page with their boxes (pdftotext -bbox), in reading order. */
function words(pdf: string, page = 1): { text: string; xMin: number; xMax: number; yMin: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: m[4]!.replaceAll('&amp;', '&').normalize('NFC'),
  }));
}

/** The words of the page grouped into lines by their top edge. */
function lines(pdf: string): { text: string; xMin: number; xMax: number }[][] {
  const byY = new Map<number, { text: string; xMin: number; xMax: number }[]>();
  for (const w of words(pdf)) {
    const key = [...byY.keys()].find((y) => Math.abs(y - w.yMin) < 2) ?? w.yMin;
    byY.set(key, [...(byY.get(key) ?? []), w]);
  }
  return [...byY.entries()].sort((a, b) => a[0] - b[0]).map(([, ws]) => ws);
}

describe.skipIf(!HAVE_OFFICE_TOOLS && !process.env.CI)('header and tables in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-header-'));
  const names = Object.keys(NAMES) as Name[];
  const pdf = (name: Name) => join(dir, `${name}.pdf`);

  beforeAll(async () => {
    for (const name of names) writeFileSync(join(dir, `${name}.docx`), await buildDocx(doc(name), LAYOUT));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => join(dir, `${n}.docx`))],
      { stdio: 'ignore', timeout: 180_000 },
    );
  }, 200_000);

  it('writes schema-valid OOXML', () => {
    validateOoxml(...names.map((n) => join(dir, `${n}.docx`)));
  });

  it.each(Object.keys(NAMES) as Name[])('%s: ĐẢNG CỘNG SẢN VIỆT NAM on one line, every word of the names whole, long names on even centred lines', (name) => {
    const page = lines(pdf(name));
    const partyLine = page.find((l) => l.some((w) => w.text === 'CỘNG'))!;
    expect(partyLine.map((w) => w.text).join(' ')).toContain(PARTY);
    const all = new Set(page.flat().map((w) => w.text));
    for (const text of [NAMES[name].parent, NAMES[name].cell]) {
      for (const word of text.toLocaleUpperCase('vi-VN').split(' ')) expect(all, `"${word}" split or missing`).toContain(word);
    }
    // The left column's lines: each centred on the column, none longer than it, and a long name's lines even.
    const left = mmToTwip(LAYOUT.margins.left - LAYOUT.header.overhang!) / 20;
    const right = left + mmToTwip(LAYOUT.header.leftWidth) / 20;
    const centre = (left + right) / 2;
    const star = page.findIndex((l) => l.some((w) => w.text === '*'));
    expect(star).toBeGreaterThan(1);
    const headerLines = page.slice(0, star).map((l) => l.filter((w) => w.xMax <= right + 1)).filter((l) => l.length > 0);
    for (const l of headerLines) {
      expect(l[0]!.xMin, l.map((w) => w.text).join(' ')).toBeGreaterThanOrEqual(left - 1);
      expect(Math.abs((l[0]!.xMin + l[l.length - 1]!.xMax) / 2 - centre), l.map((w) => w.text).join(' ')).toBeLessThan(3);
    }
    if (name === 'usual') expect(headerLines[0]!.map((w) => w.text).join(' ')).toBe('ĐẢNG BỘ PHƯỜNG KHƯƠNG ĐÌNH');
    if (name === 'longest') {
      expect(headerLines[0]!.map((w) => w.text).join(' ')).toBe('ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG');
      expect(headerLines[1]!.map((w) => w.text).join(' ')).toBe('THÀNH PHỐ HỒ CHÍ MINH');
    }
  });

  // Without the no-break space this subtitle breaks after "quý", leaving "III" to start the next line.
  it('prints the cached-or-real page number 2 on page 2, and the title with "quý III" on one line', () => {
    const page2 = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf('usual'), '-'], { encoding: 'utf8' });
    expect(page2.split('\n').find((l) => l.trim() !== '')!.trim()).toBe('2');
    const page1 = execFileSync('pdftotext', ['-layout', '-l', '1', pdf('usual'), '-'], { encoding: 'utf8' }).replaceAll('\u00A0', ' ');
    expect(page1).toMatch(/quý[ \t]+III/);
  });

  it('fits dates and "Hoàn thành" in their table columns: the example resolution through the real CLI', async () => {
    const cell = copyExample();
    const r = await runCli(['render', 'meetings/2026-02.yaml', '--only', 'resolution', '--pdf', '--out', 'in', '--as-of', '2026-12-31'], { cwd: cell });
    expect(r.code, r.stderr).toBe(0);
    validateOoxml(join(cell, 'in', '2026-02-nghi-quyet.docx'));
    const text = execFileSync('pdftotext', ['-layout', join(cell, 'in', '2026-02-nghi-quyet.pdf'), '-'], { encoding: 'utf8' });
    const record = readFileSync(join(cell, 'meetings', '2026-02.yaml'), 'utf8');
    const deadlines = [...record.matchAll(/deadline: (\d{4})-(\d\d)-(\d\d)/g)].map(([, y, m, d]) => `${d}/${Number(m) <= 2 ? m : Number(m)}/${y}`);
    expect(deadlines.length).toBeGreaterThan(3);
    for (const date of deadlines) expect(text, date).toContain(date);
    // The assessment is the last column: each whole at the end of its row's first line.
    expect(text.match(/(?<!Chưa )Hoàn thành[ \t]*$/gm), 'Hoàn thành on one line').toHaveLength(record.match(/done: true/g)!.length);
    expect(text.match(/Chưa hoàn thành[ \t]*$/gm), 'Chưa hoàn thành on one line').toHaveLength(record.match(/done: false/g)!.length);
    expect(text).toContain('“Tết trồng cây');
    expect(text).not.toContain('"');
  }, 120_000);
});
