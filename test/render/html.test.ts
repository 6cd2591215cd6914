// blocksToHtml(): the example's minutes and resolution as the HTML sheet, from the very blocks render() prints to .docx.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocksToHtml, recordBlocks, render, resolveLayout, type CellProfile, type DocumentKindName, type MeetingRecord } from '../../src/index.js';
import { parseYaml } from '../../src/source/yaml.js';
import { ROOT, writeTree } from '../helpers.js';
import { docxParagraphs } from '../ooxml.js';

const CELL_DIR = join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12');
const load = <T>(rel: string): T => parseYaml(readFileSync(join(CELL_DIR, rel), 'utf8')).data as T;
const CELL = load<CellProfile>('cell.yaml');
const meeting = (name: string): MeetingRecord => load<MeetingRecord>(`meetings/${name}.yaml`);

function sheet(kind: DocumentKindName, m: MeetingRecord, options: { draft?: boolean; templates?: string; cell?: CellProfile } = {}): string {
  const built = recordBlocks(kind, m, options.cell ?? CELL, { draft: options.draft ?? false, ...(options.templates ? { templates: options.templates } : {}) });
  if (!built) throw new Error(`no ${kind}`);
  return blocksToHtml(built.doc, built.layout);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_m, e: string) => ENTITIES[e]!);
const stripTags = (s: string) => decode(s.replace(/<br>/g, '').replace(/<[^>]+>/g, ''));

/**
 * The text of each paragraph of the sheet in order, one a line, as docxParagraphs() gives a .docx's:
 * paragraphs and headings, and the cells of tables that hold text directly; line breaks and tabs dropped.
 */
function htmlParagraphs(html: string): string {
  const out: string[] = [];
  for (const m of html.matchAll(/<(p|h2|h3|h4)\b[^>]*>([\s\S]*?)<\/\1>|<(th|td)>(?!<p)([\s\S]*?)<\/\3>/g)) {
    const text = stripTags(m[2] ?? m[4] ?? '');
    if (text.trim() !== '') out.push(text);
  }
  return out.join('\n');
}

/** The elements of one class, as their text. */
const byClass = (html: string, cls: string): string[] =>
  [...html.matchAll(new RegExp(`<(\\w+) class="[^"]*\\b${cls}\\b[^"]*"[^>]*>([\\s\\S]*?)</\\1>`, 'g'))].map((m) => stripTags(m[2]!));

describe('blocksToHtml on the example cell', () => {
  it('lays out June\'s minutes: the Party header, title, numbered headings, body, signatures', () => {
    const html = sheet('minutes', meeting('2026-06'));
    expect(html.startsWith('<article class="sheet" lang="vi"')).toBe(true);
    const header = html.slice(0, html.indexOf('</table>'));
    expect(stripTags(header)).toBe('ĐẢNG BỘ PHƯỜNG HOÀNG LIỆTCHI BỘ KHU DÂN CƯ SỐ 12*ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(header).toContain('<p class="sh-c sh-nowrap sh-b">CHI BỘ KHU DÂN CƯ SỐ 12</p>'); // the cell in bold
    expect(header).toContain('<p class="sh-c sh-party"><b>ĐẢNG CỘNG SẢN VIỆT NAM</b></p>');
    // The header's two columns at the layout's widths (85 and 90 mm), in CSS pixels.
    expect(header).toContain('<colgroup><col width="321"><col width="340"></colgroup>');
    expect(byClass(html, 'sh-title')).toEqual(['BIÊN BẢN']);
    expect(byClass(html, 'sh-subtitle')).toEqual(['sinh hoạt chi bộ thường kỳ tháng\u00A06 năm 2026']);
    expect(byClass(html, 'sh-h1')).toEqual(['I. THÀNH PHẦN DỰ SINH HOẠT', 'II. NỘI DUNG SINH HOẠT', 'III. KẾT QUẢ BUỔI SINH HOẠT']);
    expect(byClass(html, 'sh-h2').slice(0, 2)).toEqual(['1. Tuyên bố lý do, giới thiệu đại biểu', '2. Cử thư ký ghi biên bản']);
    expect(html).toContain('<p class="sh-body">- Đồng chí Nguyễn Văn Toàn, lý do: Miễn sinh hoạt;</p>');
    const signatures = html.slice(html.lastIndexOf('<table'));
    expect(stripTags(signatures)).toBe('THƯ KÝPhạm Thị HoaCHỦ TRÌNguyễn Văn Hùng');
    expect(signatures.match(/<p class="sh-blank"><\/p>/g)).toHaveLength(resolveLayout().signatureSpace * 2);
    expect(html).not.toContain('DỰ THẢO');
  });

  it('lays out the resolution: number and italic place-date line, tables with their widths, the Nơi nhận closing', () => {
    const html = sheet('resolution', meeting('2026-06'));
    expect(html).toContain('<p class="sh-c sh-row2">Số 12-NQ/CB</p>');
    expect(html).toContain('<p class="sh-c sh-row2 sh-dateline"><i>Hoàng Liệt, ngày 05 tháng 6 năm 2026</i></p>');
    const built = recordBlocks('resolution', meeting('2026-06'), CELL, { draft: false })!;
    const tables = built.doc.blocks.filter((b) => b.type === 'table');
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const cols = t.widths.map((mm) => `<col width="${Math.round((mm * 96) / 25.4)}">`).join('');
      expect(html).toContain(`<table class="sh-grid" width="${t.widths.reduce((a, mm) => a + Math.round((mm * 96) / 25.4), 0)}"><colgroup>${cols}</colgroup>`);
    }
    expect(html).toContain('<thead><tr><th><b>TT</b></th><th><b>Nhiệm vụ</b></th><th><b>Phụ trách</b></th><th><b>Thời hạn</b></th></tr></thead>');
    expect(html).toContain('<td>Tuyên truyền quy định hạn chế xe máy chạy xăng trong Vành đai 1 từ 01/7/2026</td>');
    expect(byClass(html, 'sh-recipient')).toEqual(['- Đảng ủy phường Hoàng Liệt (b/c),', '- Đảng viên chi bộ,', '- Lưu Chi bộ.']);
    expect(html).toContain('<p class="sh-left sh-first"><u>Nơi nhận:</u></p>');
    const closing = stripTags(html.slice(html.lastIndexOf('<table')));
    expect(closing.endsWith('T/M CHI BỘBÍ THƯNguyễn Văn Hùng')).toBe(true);
  });

  it('says on the sheet what the .docx says, paragraph by paragraph: one template, two outputs', async () => {
    const out = writeTree({});
    await render([join(CELL_DIR, 'meetings', '2026-06.yaml')], { cwd: out, out: '.', asOf: '2026-12-31' });
    expect(readdirSync(out).sort()).toEqual(['2026-06-bien-ban.docx', '2026-06-nghi-quyet.docx', '2026-06-phieu-danh-gia.docx']);
    for (const [kind, file] of [['minutes', 'bien-ban'], ['resolution', 'nghi-quyet'], ['score-sheet', 'phieu-danh-gia']] as const) {
      const docx = decode(await docxParagraphs(join(out, `2026-06-${file}.docx`)));
      expect(htmlParagraphs(sheet(kind, meeting('2026-06'))), kind).toBe(docx);
    }
  });

  it('marks a draft DỰ THẢO and prints blank what has not happened, as render --draft does', () => {
    const planned = { ...meeting('2026-06'), status: 'draft' as const };
    const html = sheet('minutes', planned, { draft: true });
    expect(html.startsWith('<article class="sheet sh-draft" lang="vi"')).toBe(true);
    expect(byClass(html, 'sh-draft-mark')).toEqual(['DỰ THẢO']);
    expect(html).toContain('Buổi sinh hoạt kết thúc vào lúc … giờ … phút cùng ngày.');
    // A draft of a regular meeting gets the quality sheet as a blank form.
    const score = sheet('score-sheet', planned, { draft: true });
    expect(score).toContain('DỰ THẢO');
    expect(htmlParagraphs(score)).toContain('Xếp loại: …');
  });

  it('escapes every piece of user text and writes only its own tags and attributes, no style attribute', () => {
    const evil = '<script>alert(1)</script> & <img src=x onerror=alert(2)> "q" \'a\'';
    const m = meeting('2026-06');
    const bad: MeetingRecord = {
      ...m,
      place: evil,
      resolution: { ...m.resolution!, tasks: m.resolution!.tasks!.map((t, i) => (i === 0 ? { ...t, task: evil } : t)) },
    };
    const cell: CellProfile = { ...CELL, name: `Chi bộ <b>số 12</b> & <i>x</i>` };
    for (const kind of ['minutes', 'resolution'] as const) {
      const html = sheet(kind, bad, { cell });
      const tags = new Set([...html.matchAll(/<([a-z0-9]+)/g)].map((t) => t[1]));
      expect([...tags].filter((t) => !['article', 'p', 'b', 'i', 'u', 'br', 'span', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'h2', 'h3', 'h4'].includes(t!))).toEqual([]);
      const attributes = new Set([...html.matchAll(/<[a-z0-9]+((?:\s+[a-z-]+="[^"]*")*)>/g)].flatMap((t) => [...t[1]!.matchAll(/([a-z-]+)=/g)].map((a) => a[1])));
      expect([...attributes].sort()).toEqual(['aria-label', 'class', 'lang', 'width']);
      expect(html).not.toMatch(/<(script|img)|style=/);
      // The cell's name in the header, upper-cased and broken into even lines, is still text.
      const header = html.slice(0, html.indexOf('</table>'));
      expect(header).toContain('<p class="sh-c sh-nowrap sh-b">CHI BỘ &lt;B&gt;SỐ<br>12&lt;/B&gt; &amp; &lt;I&gt;X&lt;/I&gt;</p>');
    }
    const minutes = sheet('minutes', bad, { cell });
    expect(htmlParagraphs(minutes)).toContain('tại <script>alert(1)</script> & <img src=x onerror=alert(2)> “q” \'a\', Chi bộ <b>số 12</b> & <i>x</i> tiến hành');
    expect(htmlParagraphs(sheet('resolution', bad, { cell }))).toContain('<script>alert(1)</script> & <img src=x onerror=alert(2)> “q” \'a\'');
  });

  it('follows a custom template folder exactly as the .docx does (the same blocks)', async () => {
    const templates = writeTree({
      'partials/diem-danh.hbs': '<p>Điểm danh riêng của chi bộ: {{attendance.present.all}}/{{attendance.total.all}} đồng chí.</p>\n<h2 n="9">Mục riêng</h2>\n',
    });
    const html = sheet('minutes', meeting('2026-06'), { templates });
    expect(html).toContain('<p class="sh-body">Điểm danh riêng của chi bộ: 21/24 đồng chí.</p>');
    expect(html).not.toContain('Vắng có lý do: 3 đồng chí');
    const out = writeTree({});
    await render([join(CELL_DIR, 'meetings', '2026-06.yaml')], { cwd: out, out: '.', only: 'minutes', templates, asOf: '2026-12-31' });
    expect(htmlParagraphs(html)).toBe(decode(await docxParagraphs(join(out, '2026-06-bien-ban.docx'))));
  });
});
