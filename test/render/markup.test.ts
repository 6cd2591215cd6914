// Block markup → Block[]: every tag, white space, entities decoded once, numbering, and errors naming the template.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/render/blocks.js';
import { parseMarkup } from '../../src/render/markup.js';
import { ConfigError } from '../../src/errors.js';
import { templateErrorOf } from './template-error.js';

const parse = (body: string): Block[] => parseMarkup(`<document>\n${body}\n</document>`, 'mau.hbs');


describe('parseMarkup', () => {
  it('reads every block of blocks.ts', () => {
    const blocks = parseMarkup(
      `<document>
        <header parent="ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT" cell="CHI BỘ KHU DÂN CƯ SỐ 12" number="Số 05-NQ/CB" dateline="Hoàng Liệt, ngày 05 tháng 6 năm 2024"/>
        <title text="NGHỊ QUYẾT" subtitle="lãnh đạo thực hiện nhiệm vụ tháng 6 năm 2024"/>
        <p>Ngày 05/6/2024, tại nhà văn hóa, <b>Chi bộ</b> họp.</p>
        <h1 n="I">ĐÁNH GIÁ</h1>
        <h2 n="1">Về chính trị</h2>
        <h3 n="a">Ưu điểm</h3>
        <li>Một việc</li>
        <table widths="12,88,40,25">
          <tr header="true"><td>TT</td><td>Nhiệm vụ</td><td>Phụ trách</td><td>Thời hạn</td></tr>
          <tr><td>1</td><td><i>Tuyên truyền</i></td><td>Lê Minh Tuấn</td><td>30/6/2026</td></tr>
        </table>
        <signatures left-title="THƯ KÝ" left-name="Phạm Thị Hoa" right-title="CHỦ TRÌ" right-name="Nguyễn Văn Hùng"/>
        <closing for="T/M CHI BỘ" title="BÍ THƯ" name="Nguyễn Văn Hùng"><to>Đảng ủy phường (b/c)</to><to>Lưu Chi bộ</to></closing>
      </document>`,
      'mau.hbs',
    );
    expect(blocks).toEqual([
      { type: 'header', parent: 'ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT', cell: 'CHI BỘ KHU DÂN CƯ SỐ 12', number: 'Số 05-NQ/CB', dateline: 'Hoàng Liệt, ngày 05 tháng 6 năm 2024' },
      { type: 'title', text: 'NGHỊ QUYẾT', subtitle: 'lãnh đạo thực hiện nhiệm vụ tháng 6 năm 2024' },
      { type: 'paragraph', runs: [{ text: 'Ngày 05/6/2024, tại nhà văn hóa, ' }, { text: 'Chi bộ', bold: true }, { text: ' họp.' }] },
      { type: 'heading', level: 1, number: 'I', runs: [{ text: 'ĐÁNH GIÁ' }] },
      { type: 'heading', level: 2, number: '1', runs: [{ text: 'Về chính trị' }] },
      { type: 'heading', level: 3, number: 'a', runs: [{ text: 'Ưu điểm' }] },
      { type: 'bullet', runs: [{ text: 'Một việc' }] },
      {
        type: 'table',
        widths: [12, 88, 40, 25],
        header: [[{ text: 'TT' }], [{ text: 'Nhiệm vụ' }], [{ text: 'Phụ trách' }], [{ text: 'Thời hạn' }]],
        rows: [[[{ text: '1' }], [{ text: 'Tuyên truyền', italic: true }], [{ text: 'Lê Minh Tuấn' }], [{ text: '30/6/2026' }]]],
      },
      { type: 'signatures', left: { title: 'THƯ KÝ', name: 'Phạm Thị Hoa' }, right: { title: 'CHỦ TRÌ', name: 'Nguyễn Văn Hùng' } },
      { type: 'closing', recipients: ['Đảng ủy phường (b/c)', 'Lưu Chi bộ'], for: 'T/M CHI BỘ', title: 'BÍ THƯ', name: 'Nguyễn Văn Hùng' },
    ]);
  });

  it('omits empty optional attributes and keeps paragraph options', () => {
    expect(parse('<header parent="A" cell="B" number="" dateline=" "/><title text="BIÊN BẢN" subtitle=""/>')).toEqual([
      { type: 'header', parent: 'A', cell: 'B' },
      { type: 'title', text: 'BIÊN BẢN' },
    ]);
    expect(parse('<p align="center" indent="false">x</p>')).toEqual([{ type: 'paragraph', runs: [{ text: 'x' }], align: 'center', indent: false }]);
  });

  it('collapses the template’s white space but keeps the spaces between runs', () => {
    const [p] = parse(`<p>
          Đồng chí   <b>Nguyễn
          Văn A</b> và <i>B</i><b> </b>,
          <u>C</u>
        </p>`);
    expect(p).toEqual({
      type: 'paragraph',
      runs: [{ text: 'Đồng chí ' }, { text: 'Nguyễn Văn A', bold: true }, { text: ' và ' }, { text: 'B', italic: true }, { text: ' ', bold: true }, { text: ', ' }, { text: 'C', underline: true }],
    });
    const [q] = parse('<p>a<b>b<i>c</i></b><b>d</b>\u00A0e</p>');
    expect(q).toEqual({ type: 'paragraph', runs: [{ text: 'a' }, { text: 'b', bold: true }, { text: 'c', bold: true, italic: true }, { text: 'd', bold: true }, { text: '\u00A0e' }] });
  });

  it('decodes entities exactly once: &amp;lt; stays &lt;, &#x27; becomes a quote, a bare & is an ampersand', () => {
    const [p] = parse('<p>A &amp; B &amp;lt;b&amp;gt; &lt;/p&gt; ]]&gt; &#x27;q&#x27; &#x3D; &#96; &quot;x&quot; Tổ chức & thực hiện</p>');
    expect(p).toEqual({ type: 'paragraph', runs: [{ text: 'A & B &lt;b&gt; </p> ]]> \'q\' = ` "x" Tổ chức & thực hiện' }] });
    const [h] = parse('<header parent="A &amp;amp; B" cell="C &lt;D&gt;"/>');
    expect(h).toEqual({ type: 'header', parent: 'A &amp; B', cell: 'C <D>' });
  });

  it('drops characters XML forbids, raw or as references, and returns NFC', () => {
    const [p] = parse('<p>a\u0001b&#1;c&#xFFFE;d ' + 'Hoàng Liệt'.normalize('NFD') + '</p>');
    expect(p).toEqual({ type: 'paragraph', runs: [{ text: 'abcd Hoàng Liệt'.normalize('NFC') }] });
  });

  it('drops empty paragraphs, bullets, headings and body-less tables', () => {
    expect(parse('<p> </p><li></li><h1>  </h1><p><b> </b></p><table widths="10,20"><tr header="true"><td>a</td><td>b</td></tr></table>')).toEqual([]);
  });

  it('numbers headings automatically (I, 1, a), restarting under each higher heading; n="" leaves one unnumbered', () => {
    const blocks = parse('<h1>A</h1><h2>x</h2><h2>y</h2><h3>p</h3><h3>q</h3><h3>r</h3><h3>s</h3><h3>t</h3><h1>B</h1><h2>z</h2><h1 n="">C</h1><h1>D</h1><h1 n="IX">E</h1>');
    const numbers = blocks.map((b) => (b.type === 'heading' ? `${b.level}:${b.number ?? '-'}` : ''));
    expect(numbers).toEqual(['1:I', '2:1', '2:2', '3:a', '3:b', '3:c', '3:d', '3:đ', '1:II', '2:1', '1:-', '1:III', '1:IX']);
  });

  it('is a ConfigError naming the template on an unknown tag, with a suggestion and the markup line', () => {
    const e = templateErrorOf(() => parse('<p>x</p>\n<h4>y</h4>'));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.file).toBe('mau.hbs');
    expect(e.message).toMatch(/^mau\.hbs: thẻ <h4> không có trong mã đánh dấu \(có phải <h1>\?\); các thẻ dùng được: <document>/);
    expect(e.markupLine).toBe(3);
    expect(e.needle).toBe('<h4');
    expect(templateErrorOf(() => parse('<para>y</para>')).message).toMatch(/thẻ <para> không có trong mã đánh dấu; các thẻ dùng được/);
  });

  it('refuses unknown and missing attributes, bad values and misplaced elements', () => {
    expect(templateErrorOf(() => parse('<table width="1"><tr><td>a</td></tr></table>')).message).toMatch(/thẻ <table> không có thuộc tính "width" \(có phải "widths"\?\)/);
    expect(templateErrorOf(() => parse('<header cell="B"/>')).message).toMatch(/thẻ <header> thiếu thuộc tính "parent"/);
    expect(templateErrorOf(() => parse('<p align="middle">x</p>')).message).toMatch(/align="middle" không hợp lệ/);
    expect(templateErrorOf(() => parse('<table widths="10,x"><tr><td>a</td><td>b</td></tr></table>')).message).toMatch(/widths="10,x" không hợp lệ/);
    expect(templateErrorOf(() => parse('<table widths="10,20"><tr><td>a</td></tr></table>')).message).toMatch(/1 ô nhưng widths có 2 cột/);
    expect(templateErrorOf(() => parse('<p>a <p>b</p></p>')).message).toMatch(/thẻ <p> không được đặt trong <p>/);
    expect(templateErrorOf(() => parse('<b>x</b>')).message).toMatch(/thẻ <b> không được đặt trực tiếp trong <document>/);
    expect(templateErrorOf(() => parse('chữ lạc')).message).toMatch(/chữ nằm ngoài đoạn văn: "chữ lạc"/);
    expect(templateErrorOf(() => parse('<title text="A">B</title>')).message).toMatch(/thẻ <title> không chứa nội dung/);
    expect(templateErrorOf(() => parse('<closing for="a" title="b" name="c"><p>x</p></closing>')).message).toMatch(/chỉ có các dòng nơi nhận <to>/);
  });

  it('gives the line of malformed markup with an excerpt', () => {
    const e = templateErrorOf(() => parseMarkup('<document>\n<p>một\n<b>hai</p>\n</document>', 'bien-ban.hbs'));
    expect(e.message).toMatch(/^bien-ban\.hbs: mã đánh dấu sai cấu trúc/);
    expect(e.markupLine).toBe(3);
    expect(e.message).toContain('«<b>hai</p>»');
  });

  it('wants exactly one <document> and no DOCTYPE, entity declarations or CDATA', () => {
    expect(templateErrorOf(() => parseMarkup('<p>x</p>', 'a.hbs')).message).toMatch(/một thẻ <document>/);
    expect(templateErrorOf(() => parseMarkup('<document></document><document></document>', 'a.hbs')).message).toMatch(/có hơn một thẻ ngoài cùng; mọi nội dung phải nằm trong <document>/);
    expect(templateErrorOf(() => parseMarkup('<!DOCTYPE d [<!ENTITY x "y">]><document><p>&x;</p></document>', 'a.hbs')).message).toMatch(/"<!DOCTYPE" không được dùng/);
    expect(templateErrorOf(() => parseMarkup('<document><p><![CDATA[x]]></p></document>', 'a.hbs')).message).toMatch(/CDATA/);
  });

  // Every markup error, the XML validator's included: Vietnamese with no English gloss, and a real English text.
  const broken: [string, string][] = [
    ['<document><p>x</p>', 'never closed'],
    ['<document><p>a<b>x</p></document>', 'is not closed by </b> before the closing </p>'],
    ['<document></document></p>', 'the closing </p> has no matching <p>'],
    ['<document><p align="a" align="b">x</p></document>', 'the attribute "align" is given twice'],
    ['<document><p align>x</p></document>', 'the attribute "align" has no value; write align="…"'],
    ['<document></document><document></document>', 'everything must be inside <document>…</document>'],
    ['<p>x</p>', 'a single <document>…</document>'],
    ['<document><h4>x</h4></document>', 'the markup has no tag <h4> (did you mean <h1>?)'],
    ['<document><table width="1"><tr><td>a</td></tr></table></document>', 'has no attribute "width" (did you mean "widths"?)'],
    ['<document><header cell="B"/></document>', 'the tag <header> lacks its attribute "parent"'],
    ['<document><p align="middle">x</p></document>', 'align="middle" is not valid; use justify, center, left or right'],
    ['<document><p indent="yes">x</p></document>', 'indent="yes" is not valid; use true or false'],
    ['<document><table widths="10,x"><tr><td>a</td><td>b</td></tr></table></document>', 'widths="10,x" is not valid'],
    ['<document><table widths="10,20"><tr><td>a</td></tr></table></document>', 'a row of the table has 1 cell but widths gives 2 columns'],
    ['<document><table widths="10"><tr><td>a</td></tr><tr header="true"><td>b</td></tr></table></document>', 'only the first row of a table may be a header row'],
    ['<document><table widths="10"><p>a</p></table></document>', 'a <table> holds only <tr> rows'],
    ['<document><table widths="10"><tr><p>a</p></tr></table></document>', 'a <tr> row holds only <td> cells'],
    ['<document><p>a <p>b</p></p></document>', 'the tag <p> cannot be inside <p>'],
    ['<document><b>x</b></document>', 'the tag <b> cannot stand directly inside <document>; put it inside <p>…</p>'],
    ['<document><td>x</td></document>', 'put it inside <tr>…</tr>'],
    ['<document>chữ lạc</document>', 'text outside a paragraph: "chữ lạc"; put it inside <p>…</p>'],
    ['<document><title text="A">B</title></document>', 'the tag <title> holds no content; write it in its attributes'],
    ['<document><closing for="a" title="b" name="c"><p>x</p></closing></document>', 'a <closing> holds only <to> recipient lines'],
    ['<document><p><![CDATA[x]]></p></document>', '"<![CDATA[" is not allowed in a document template'],
  ];
  for (const [markup, english] of broken) {
    it(`says what is wrong in Vietnamese and in English: ${markup}`, () => {
      const e = templateErrorOf(() => parseMarkup(markup, 'mau.hbs'));
      expect(e.message).toMatch(/^mau\.hbs: /u);
      expect(e.message).not.toMatch(/\([a-z][a-z ,'-]*\)|[A-Z][a-z]+ [a-z]+ [a-z]+/u); // no gloss, no English sentence
      expect(e.text('vi')).toBe(e.message);
      expect(e.text('en')).toMatch(/^mau\.hbs: /u);
      expect(e.text('en')).toContain(english);
      expect(e.text('en').replace(/"chữ lạc"/u, '')).not.toMatch(/[\u00C0-\u024F\u1E00-\u1EFF]/u);
      if (e.markupLine !== undefined) {
        expect(e.message).toContain(`[dòng ${e.markupLine} của mã đánh dấu sinh ra]`);
        expect(e.text('en')).toContain(`[line ${e.markupLine} of the generated markup]`);
      }
    });
  }
});
