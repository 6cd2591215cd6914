// The shipped templates on real meetings (block snapshots), injection, large input, and broken user templates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '../../src/errors.js';
import type { Block, Run } from '../../src/render/blocks.js';
import { resolveLayout } from '../../src/render/layout.js';
import { loadTemplates, renderBlocks, SHIPPED_TEMPLATES } from '../../src/render/templates.js';
import { buildViewModel, type MeetingView } from '../../src/render/viewmodel.js';
import type { CellProfile, MeetingRecord } from '../../src/model.js';
import { parseYaml } from '../../src/source/yaml.js';
import { lineOf, ROOT, writeTree } from '../helpers.js';
import { templateErrorOf } from './template-error.js';

const CELL_DIR = join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12');
const load = <T>(rel: string): T => parseYaml(readFileSync(join(CELL_DIR, rel), 'utf8')).data as T;
const CELL = load<CellProfile>('cell.yaml');
const meeting = (name: string): MeetingRecord => load<MeetingRecord>(`meetings/${name}.yaml`);
const view = (m: MeetingRecord, cell: CellProfile = CELL): MeetingView => buildViewModel(m, cell, resolveLayout());
const shipped = (rel: string): string => readFileSync(join(SHIPPED_TEMPLATES, rel), 'utf8');

/** All the text of a block, runs joined (tables cell by cell). */
function textOf(block: Block): string {
  const runs = (rs: Run[]) => rs.map((r) => r.text).join('');
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'bullet':
      return runs(block.runs);
    case 'table':
      return [...(block.header ? [block.header] : []), ...block.rows].map((row) => row.map(runs).join(' | ')).join('\n');
    case 'header':
      return `${block.parent} ${block.cell} ${block.number ?? ''} ${block.dateline ?? ''}`;
    case 'title':
      return `${block.text} ${block.subtitle ?? ''}`;
    case 'signatures':
      return `${block.left.title} ${block.left.name} ${block.right.title} ${block.right.name}`;
    case 'closing':
      return `${block.recipients.join('; ')} ${block.for} ${block.title} ${block.name}`;
  }
}
const allText = (blocks: Block[]): string => blocks.map(textOf).join('\n');
const headings = (blocks: Block[], level: number): string[] =>
  blocks.flatMap((b) => (b.type === 'heading' && b.level === level ? [`${b.number ?? ''}. ${textOf(b)}`] : []));

/** Level-1 headings with nothing under them before the next level-1 heading or the end. */
function emptySections(blocks: Block[]): string[] {
  return blocks.flatMap((b, i) => {
    if (b.type !== 'heading' || b.level !== 1) return [];
    const next = blocks[i + 1];
    const empty = !next || (next.type === 'heading' && next.level === 1) || next.type === 'signatures' || next.type === 'closing';
    return empty ? [textOf(b)] : [];
  });
}


describe('shipped templates on the example meetings', () => {
  const june = view(meeting('2026-06'));
  const may = view(meeting('2026-05'));
  const july = view(meeting('2026-07-chuyen-de'));

  it('load from the templates/ folder of the package', () => {
    const set = loadTemplates();
    expect([...set.documents.keys()].sort()).toEqual(['bao-cao', 'bien-ban', 'ke-hoach', 'nghi-quyet', 'phieu-danh-gia']);
    expect([...set.partials.keys()]).toEqual(expect.arrayContaining(['dau-van-ban', 'diem-danh', 'buoc-sinh-hoat', 'ten-buoi-sinh-hoat']));
  });

  it('minutes of the June regular meeting: blocks in the order of rules.md §6', () => {
    const blocks = renderBlocks('bien-ban', june);
    expect(blocks).toMatchSnapshot();
    expect(blocks[0]).toEqual({ type: 'header', parent: 'ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT', cell: 'CHI BỘ KHU DÂN CƯ SỐ 12' });
    expect(blocks[1]).toEqual({ type: 'title', text: 'BIÊN BẢN', subtitle: 'sinh hoạt chi bộ thường kỳ tháng 6 năm 2026' });
    expect(textOf(blocks[2]!)).toBe(
      'Vào lúc 19 giờ 30 phút, ngày 05 tháng 6 năm 2026, tại Nhà văn hóa Khu dân cư số 12, Chi bộ Khu dân cư số 12 tiến hành sinh hoạt thường kỳ tháng 6 năm 2026.',
    );
    expect(headings(blocks, 1)).toEqual(['I. THÀNH PHẦN DỰ SINH HOẠT', 'II. NỘI DUNG SINH HOẠT', 'III. KẾT QUẢ BUỔI SINH HOẠT']);
    expect(headings(blocks, 2)).toHaveLength(june.steps.length);
    const text = allText(blocks);
    expect(text).toContain('Có mặt: 21 đồng chí (18 chính thức, 2 dự bị, 1 được miễn sinh hoạt); số đảng viên phải dự có mặt 20/22 đồng chí, đạt 90,9%.');
    expect(text).toContain('Đồng chí Cao Văn Quân, lý do: Việc gia đình (cưới con);');
    expect(text).toContain('Vắng không lý do: không có.');
    expect(text).toContain('Đồng chí Ngô Quang Thắng: Nhất trí dự thảo.');
    expect(text).toContain('Biểu quyết thông qua nghị quyết: 19/20 đồng chí tán thành, đạt 95%; không có đồng chí nào không tán thành; không có ý kiến khác; 1 đồng chí không biểu quyết.');
    expect(text).toContain('Đảng phí: đã thu của 24/24 đồng chí, số tiền 1.255.000 đồng (Đảng phí tháng 5/2026).');
    expect(text).toContain('92 điểm, xếp loại Tốt.');
    expect(text).not.toMatch(/đồng ý|\d+h\d+/u);
    expect(textOf(blocks.at(-2)!)).toBe(
      'Buổi sinh hoạt kết thúc vào lúc 21 giờ 20 phút cùng ngày. Biên bản đã được thông qua trước chi bộ và được các đồng chí dự họp nhất trí.',
    );
    expect(blocks.at(-1)).toEqual({ type: 'signatures', left: { title: 'THƯ KÝ', name: 'Phạm Thị Hoa' }, right: { title: 'CHỦ TRÌ', name: 'Nguyễn Văn Hùng' } });
    expect(text).not.toContain('Đại biểu dự'); // no guests in June: the part disappears
    expect(emptySections(blocks)).toEqual([]);
  });

  it('resolution of the June meeting: number, summary, sections I–IV, vote sentence, closing', () => {
    const blocks = renderBlocks('nghi-quyet', june);
    expect(blocks).toMatchSnapshot();
    expect(blocks[0]).toEqual({
      type: 'header',
      parent: 'ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT',
      cell: 'CHI BỘ KHU DÂN CƯ SỐ 12',
      number: 'Số 12-NQ/CB',
      dateline: 'Hoàng Liệt, ngày 05 tháng 6 năm 2026',
    });
    expect(blocks[1]).toEqual({ type: 'title', text: 'NGHỊ QUYẾT', subtitle: 'lãnh đạo thực hiện nhiệm vụ tháng 6 năm 2026' });
    expect(headings(blocks, 1)).toEqual([
      'I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 5 NĂM 2026',
      'II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 6 NĂM 2026',
      'III. TỔ CHỨC THỰC HIỆN',
      'IV. TỰ ĐÁNH GIÁ CHẤT LƯỢNG KỲ SINH HOẠT',
    ]);
    expect(headings(blocks, 2)).toEqual(['1. Ưu điểm', '2. Hạn chế', '3. Kết quả thực hiện từng nhiệm vụ của Nghị quyết tháng 5 năm 2026']);
    const tables = blocks.filter((b) => b.type === 'table');
    expect(tables.map((t) => t.widths)).toEqual([[12, 57, 58, 38], [12, 83, 40, 30]]);
    expect(tables[1]!.rows).toHaveLength(7);
    expect(textOf(tables[1]!).split('\n')[1]).toBe('1 | Tuyên truyền quy định hạn chế xe máy chạy xăng trong Vành đai 1 từ 01/7/2026 | Lê Minh Tuấn | 30/6/2026');
    expect(allText(blocks)).toContain('Nghị quyết này đã được Chi bộ thông qua tại kỳ sinh hoạt ngày 05/6/2026, với 19/20 đồng chí tán thành, đạt 95%.');
    expect(blocks.at(-1)).toEqual({
      type: 'closing',
      recipients: ['Đảng ủy phường Hoàng Liệt (b/c)', 'Đảng viên chi bộ', 'Lưu Chi bộ'],
      for: 'T/M CHI BỘ',
      title: 'BÍ THƯ',
      name: 'Nguyễn Văn Hùng',
    });
    expect(emptySections(blocks)).toEqual([]);
  });

  it('minutes of the May combined sitting: guests, topic, the two parts and the common closing', () => {
    const blocks = renderBlocks('bien-ban', may);
    expect(blocks).toMatchSnapshot();
    expect(blocks[1]).toEqual({
      type: 'title',
      text: 'BIÊN BẢN',
      subtitle: 'sinh hoạt chi bộ thường kỳ tháng 5 năm 2026 kết hợp sinh hoạt chuyên đề quý II năm 2026',
    });
    const text = allText(blocks);
    expect(text).toContain('tiến hành sinh hoạt thường kỳ tháng 5 năm 2026 kết hợp sinh hoạt chuyên đề quý II năm 2026 với chuyên đề “Học tập và làm theo');
    expect(text).toContain('Đồng chí Đào Thanh Bình, Đảng ủy viên Đảng bộ phường Hoàng Liệt, phụ trách Chi bộ Khu dân cư số 12.');
    const parts = blocks.filter((b) => b.type === 'paragraph' && b.indent === false).map(textOf);
    expect(parts).toEqual(['Phần thứ nhất: sinh hoạt thường kỳ', 'Phần thứ hai: sinh hoạt chuyên đề', 'Kết thúc buổi sinh hoạt']);
    expect(emptySections(blocks)).toEqual([]);
  });

  it('resolution of the May combined sitting', () => {
    const blocks = renderBlocks('nghi-quyet', may);
    expect(blocks).toMatchSnapshot();
    expect(allText(blocks)).toContain('Dự buổi sinh hoạt có đồng chí Đào Thanh Bình, Đảng ủy viên Đảng bộ phường Hoàng Liệt');
    expect(allText(blocks)).toContain('với 19/20 đồng chí tán thành, đạt 95%.');
  });

  it('minutes of the July thematic session: no results section, nothing empty left behind', () => {
    const blocks = renderBlocks('bien-ban', july);
    expect(blocks).toMatchSnapshot();
    expect(blocks[1]).toEqual({ type: 'title', text: 'BIÊN BẢN', subtitle: 'sinh hoạt chuyên đề quý III năm 2026' });
    expect(headings(blocks, 1)).toEqual(['I. THÀNH PHẦN DỰ SINH HOẠT', 'II. NỘI DUNG SINH HOẠT']);
    expect(allText(blocks)).toContain('Chuyên đề do đồng chí Lê Minh Tuấn trình bày, đã được Chi ủy chi bộ duyệt ngày 02/7/2026.');
    expect(emptySections(blocks)).toEqual([]);
  });

  it('a thematic session’s resolution, when the record has one, with its own wording', () => {
    const m: MeetingRecord = {
      ...meeting('2026-07-chuyen-de'),
      resolution: {
        number: 15,
        tasks: [
          { task: 'Lập nhóm trao đổi của đảng viên chi bộ', owner: 'tuan', deadline: '2026-07-31' },
          { task: 'Tuyên truyền cách nhận biết lừa đảo qua điện thoại', owner: 'Chi hội Phụ nữ' },
        ],
      },
      vote: { for: 18, against: 0 },
    };
    const blocks = renderBlocks('nghi-quyet', view(m));
    expect(blocks[1]).toEqual({ type: 'title', text: 'NGHỊ QUYẾT', subtitle: 'thực hiện chuyên đề quý III năm 2026' });
    // No review: the tasks become section I, and no empty heading is left.
    expect(headings(blocks, 1)).toEqual(['I. NHIỆM VỤ, GIẢI PHÁP']);
    expect(allText(blocks)).toContain('2 | Tuyên truyền cách nhận biết lừa đảo qua điện thoại | Chi hội Phụ nữ | ');
    expect(emptySections(blocks)).toEqual([]);
  });

  it('refuses to print a resolution for a record without one', () => {
    expect(() => renderBlocks('nghi-quyet', july)).toThrow(InputError);
  });

  it('minutes carry the place-date line when the layout numbers minutes', () => {
    const v = buildViewModel(meeting('2026-06'), CELL, resolveLayout({ minutesNumbered: true }));
    expect(renderBlocks('bien-ban', v)[0]).toMatchObject({ dateline: 'Hoàng Liệt, ngày 05 tháng 6 năm 2026' });
  });
});

describe('user text is data, never template or markup', () => {
  const hostile = 'Ý kiến {{cell.name}} {{#each steps}}x{{/each}} <b>x</b> & </p> ]]> <!-- c --> &amp; "q" \'a\' `b` =\u0001\u0008\u000B\u001F\u007F y';

  it('comes out verbatim in one plain run, control characters stripped, straight double quotes curly', () => {
    const m = meeting('2026-06');
    const steps = m.steps.map((s) => (s.step === 'discussion' ? { ...s, speakers: [{ speaker: 'Ngô Quang Thắng', opinion: hostile }] } : s));
    const blocks = renderBlocks('bien-ban', view({ ...m, steps }));
    const bullet = blocks.find((b) => b.type === 'bullet' && textOf(b).startsWith('Đồng chí Ngô Quang Thắng'));
    expect(bullet).toEqual({
      type: 'bullet',
      runs: [{ text: 'Đồng chí Ngô Quang Thắng: Ý kiến {{cell.name}} {{#each steps}}x{{/each}} <b>x</b> & </p> ]]> <!-- c --> &amp; “q” \'a\' `b` = y' }],
    });
  });

  it('stays data in attributes too (the cell’s name in the header)', () => {
    const cell = { ...CELL, name: 'Chi bộ "A" <b>&amp;</b> {{x}}' };
    const [header] = renderBlocks('bien-ban', view(meeting('2026-06'), cell));
    // Straight quotes print as the templates' curly ones (one style of quotation marks).
    expect(header).toMatchObject({ cell: 'CHI BỘ “A” <B>&AMP;</B> {{X}}' });
  });

  it('decomposed (NFD) input renders as NFC', () => {
    const m = meeting('2026-06');
    const nfd: MeetingRecord = { ...m, place: m.place.normalize('NFD'), steps: m.steps.map((s) => ({ ...s, ...(s.content ? { content: s.content.normalize('NFD') } : {}) })) };
    const cell = { ...CELL, name: CELL.name.normalize('NFD'), parent: { name: CELL.parent.name.normalize('NFD') } };
    const text = allText(renderBlocks('bien-ban', view(nfd, cell)));
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('CHI BỘ KHU DÂN CƯ SỐ 12');
    expect(text).toContain('tại Nhà văn hóa Khu dân cư số 12');
  });
});

describe('large input', () => {
  it('60 speakers and a 20,000-character speech produce blocks', () => {
    const m = meeting('2026-06');
    const members = CELL.members.filter((x) => !x.until).map((x) => x.name);
    const long = 'Đảng viên phát biểu ý kiến xây dựng. '.repeat(560).slice(0, 20000);
    const speakers = Array.from({ length: 60 }, (_, i) => ({ speaker: members[i % members.length]!, opinion: i === 7 ? long : `Ý kiến thứ ${i + 1}.` }));
    const steps = m.steps.map((s) => (s.step === 'discussion' ? { ...s, speakers } : s));
    const blocks = renderBlocks('bien-ban', view({ ...m, steps }));
    const bullets = blocks.filter((b) => b.type === 'bullet' && textOf(b).includes(': '));
    expect(bullets.filter((b) => /Ý kiến thứ|Đảng viên phát biểu/u.test(textOf(b)))).toHaveLength(60);
    expect(Math.max(...bullets.map((b) => textOf(b).length))).toBeGreaterThan(19000);
  });
});

describe('user templates (--templates DIR)', () => {
  const BIEN_BAN = shipped('bien-ban.hbs');

  it('override the shipped files one by one, partials too, and may add partials', () => {
    const dir = writeTree({
      'partials/diem-danh.hbs': '<p>Điểm danh riêng: {{attendance.present.all}}/{{attendance.total.all}}.</p>\n',
      'nghi-quyet.hbs': '<document>\n{{> tieu-de-rieng}}\n</document>\n',
      'partials/tieu-de-rieng.hbs': '<title text="NGHỊ QUYẾT" subtitle="{{resolution.summary}}"/>\n',
    });
    const june = view(meeting('2026-06'));
    const minutes = renderBlocks('bien-ban', june, dir);
    expect(allText(minutes)).toContain('Điểm danh riêng: 21/24.');
    expect(allText(minutes)).toContain('Đồng chí Ngô Quang Thắng'); // the rest is the shipped bien-ban.hbs
    expect(renderBlocks('nghi-quyet', june, dir)).toEqual([{ type: 'title', text: 'NGHỊ QUYẾT', subtitle: 'lãnh đạo thực hiện nhiệm vụ tháng 6 năm 2026' }]);
  });

  it('a missing folder is a ConfigError', () => {
    expect(() => loadTemplates(join(ROOT, 'khong-co-thu-muc-nay'))).toThrow(ConfigError);
  });

  const cases: { name: string; files: Record<string, string>; file: string; needle: string; message: RegExp; meeting?: string }[] = [
    {
      name: 'an unclosed {{#unless}}',
      files: { 'bien-ban.hbs': BIEN_BAN.replace('<h1>NỘI DUNG SINH HOẠT</h1>', '{{#unless draft}}\n<h1>NỘI DUNG SINH HOẠT</h1>') },
      file: 'bien-ban.hbs',
      needle: '{{#unless draft}}',
      message: /khối \{\{#unless\}\} mở ở dòng này chưa được đóng bằng \{\{\/unless\}\}/,
    },
    {
      name: 'an unknown helper',
      files: { 'bien-ban.hbs': BIEN_BAN.replace('<h1>THÀNH PHẦN DỰ SINH HOẠT</h1>', '<h1>{{uper cellName}}</h1>') },
      file: 'bien-ban.hbs',
      needle: '{{uper cellName}}',
      message: /không có hàm trợ giúp "uper" \(có phải "upper"\?\)/,
    },
    {
      name: 'a misspelt field (strict mode)',
      files: { 'bien-ban.hbs': BIEN_BAN.replace('Thư ký: đồng chí {{secretary.name}}', 'Thư ký: đồng chí {{secretary.nam}}') },
      file: 'bien-ban.hbs',
      needle: '{{secretary.nam}}',
      message: /trường "secretary\.nam" không có trong dữ liệu \(có phải "name"\?\)/,
    },
    {
      name: 'a misspelt field in {{#if}}, which strict mode alone lets through',
      files: { 'bien-ban.hbs': BIEN_BAN.replace('{{#if draft}}\n<p>Đại biểu dự', '{{#if guets}}\n<p>Đại biểu dự') },
      file: 'bien-ban.hbs',
      needle: '{{#if guets}}',
      message: /trường "guets" không có trong dữ liệu \(có phải "guests"\?\)/,
    },
    {
      name: 'a misspelt field in a helper value inside a user partial',
      files: { 'partials/diem-danh.hbs': '<p>x</p>\n<p>{{upper attendance.rat}}</p>\n' },
      file: 'partials/diem-danh.hbs',
      needle: 'attendance.rat',
      message: /trường "attendance\.rat" không có trong dữ liệu \(có phải "rate"\?\)/,
    },
    {
      name: 'a property of Object.prototype, which is not data',
      files: { 'partials/diem-danh.hbs': '<p>x</p>\n<p>{{chair.constructor.name}}</p>\n' },
      file: 'partials/diem-danh.hbs',
      needle: 'chair.constructor',
      message: /trường "chair\.constructor" không có trong dữ liệu/,
    },
    {
      name: 'a group printed as text',
      files: { 'partials/diem-danh.hbs': '<p>\n{{chair}}</p>\n' },
      file: 'partials/diem-danh.hbs',
      needle: '{{chair}}',
      message: /"chair" là một nhóm trường \(name, roleTitle\), không in trực tiếp được/,
    },
    {
      name: 'a field of an empty group',
      files: { 'bien-ban.hbs': BIEN_BAN.replace('<h1>NỘI DUNG SINH HOẠT</h1>', '<h1>NỘI DUNG SINH HOẠT</h1>\n{{#if resolution.summary}}<p>x</p>{{/if}}') },
      file: 'bien-ban.hbs',
      needle: '{{#if resolution.summary}}',
      message: /không đọc được trường "summary" vì nhóm chứa nó đang trống/,
      meeting: '2026-07-chuyen-de',
    },
    {
      name: 'an unknown markup tag',
      files: { 'bien-ban.hbs': BIEN_BAN.replace('<p>Chủ trì:', '<para>Chủ trì:').replace('{{/if}}.</p>\n<p>Thư ký', '{{/if}}.</para>\n<p>Thư ký') },
      file: 'bien-ban.hbs',
      needle: '<para>Chủ trì:',
      message: /thẻ <para> không có trong mã đánh dấu/,
    },
    {
      name: 'triple-stash output',
      files: { 'bien-ban.hbs': BIEN_BAN.replace('{{venue}}', '{{{venue}}}') },
      file: 'bien-ban.hbs',
      needle: '{{{venue}}}',
      message: /không dùng \{\{\{…\}\}\}/,
    },
    {
      name: 'an unknown partial',
      files: { 'bien-ban.hbs': BIEN_BAN.replace('{{> diem-danh}}', '{{> diem-dan}}') },
      file: 'bien-ban.hbs',
      needle: '{{> diem-dan}}',
      message: /không có mẫu con "diem-dan" trong thư mục partials \(có phải "diem-danh"\?\)/,
    },
    {
      name: 'a helper given a wrong value',
      files: { 'partials/diem-danh.hbs': '\n<p>{{money cellName}}</p>\n' },
      file: 'partials/diem-danh.hbs',
      needle: '{{money cellName}}',
      message: /\{\{money\}\}: cần một số, nhận được "Chi bộ Khu dân cư số 12"/,
    },
    {
      // The shipped bien-ban.hbs uses <title> too: the error is in the office's partial, not in a shipped line.
      name: 'a markup error inside a user partial whose tag the shipped template also uses',
      files: { 'partials/diem-danh.hbs': '<p>x</p>\n<title text="a">b</title>\n' },
      file: 'partials/diem-danh.hbs',
      needle: '<title text="a">',
      message: /thẻ <title> không chứa nội dung/,
    },
    {
      name: 'a stray <b> outside a paragraph in a user partial',
      files: { 'partials/diem-danh.hbs': '<p>x</p>\n<b>y</b>\n' },
      file: 'partials/diem-danh.hbs',
      needle: '<b>y</b>',
      message: /thẻ <b> không được đặt trực tiếp trong <document>|chữ nằm ngoài đoạn văn|<b>/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: a TemplateError naming the file and the line`, () => {
      const dir = writeTree(c.files);
      const e = templateErrorOf(() => renderBlocks('bien-ban', view(meeting(c.meeting ?? '2026-06')), dir));
      expect(e).toBeInstanceOf(ConfigError);
      expect(e.file).toBe(join(dir, c.file));
      expect(e.line).toBe(lineOf(c.files[c.file]!, c.needle.split('\n')[0]!));
      expect(e.message.startsWith(`${join(dir, c.file)}:${e.line}: `)).toBe(true);
      expect(e.message).toMatch(c.message);
      expect(e.message).not.toMatch(/\n\s+at /u); // a message, not a stack trace
    });
  }

  it('a Handlebars syntax error names the file and the line', () => {
    const dir = writeTree({ 'bien-ban.hbs': '<document>\n<p>{{#if cellName}}x{{/each}}</p>\n</document>\n' });
    const e = templateErrorOf(() => loadTemplates(dir));
    expect(e.message).toMatch(new RegExp(`^${join(dir, 'bien-ban.hbs').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: lỗi cú pháp Handlebars: if doesn't match each`));
  });
});
