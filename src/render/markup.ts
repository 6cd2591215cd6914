// The block markup templates write (<document>, <p>, <h1>, <table>…), parsed into the Block[] of blocks.ts.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ConfigError } from '../errors.js';
import { closest } from '../util/closest.js';
import type { Block, HeadingBlock, ParagraphBlock, Run, TableBlock } from './blocks.js';
import { stripForbidden, subItemLetter } from './viewmodel.js';
import { romanNumeral } from '../util/vi-date.js';

/**
 * A template that cannot be used: broken Handlebars, an unknown field or helper, or markup that is not
 * the block markup. The message names the file and, when known, the line, in Vietnamese and in English.
 */
export class TemplateError extends ConfigError {
  /** The template file (or the name given to parseMarkup). */
  readonly file: string;
  /** 1-based line in that file, when known. */
  readonly line: number | undefined;
  /** What is wrong, without the location, in Vietnamese. */
  readonly detail: string;
  /** What is wrong, without the location, in English. */
  readonly detailEn: string;
  /** Text to look for in the template sources to find the line (e.g. `<para`), when the line is not known. */
  readonly needle: string | undefined;
  /** 1-based line in the generated markup (after the data was filled in), for markup errors. */
  readonly markupLine: number | undefined;

  constructor(at: { file: string; line?: number; detail: string; detailEn: string; needle?: string; markupLine?: number }) {
    const where = at.line !== undefined ? `${at.file}:${at.line}` : at.file;
    const markup = at.markupLine !== undefined;
    super(
      `${where}: ${at.detail}${markup ? ` [dòng ${at.markupLine} của mã đánh dấu sinh ra]` : ''}`,
      `${where}: ${at.detailEn}${markup ? ` [line ${at.markupLine} of the generated markup]` : ''}`,
    );
    this.name = 'TemplateError';
    this.file = at.file;
    this.line = at.line;
    this.detail = at.detail;
    this.detailEn = at.detailEn;
    this.needle = at.needle;
    this.markupLine = at.markupLine;
  }
}

type XmlNode = Record<string, unknown>;
type Attrs = Record<string, string>;

/** Tags of the markup, with their attributes (true = required). */
const TAGS: Record<string, Record<string, boolean>> = {
  document: {},
  header: { parent: true, cell: true, number: false, dateline: false },
  title: { text: true, subtitle: false },
  h1: { n: false },
  h2: { n: false },
  h3: { n: false },
  p: { align: false, indent: false },
  li: {},
  table: { widths: true },
  tr: { header: false },
  td: {},
  signatures: { 'left-title': true, 'left-name': true, 'right-title': true, 'right-name': true },
  closing: { for: true, title: true, name: true },
  to: {},
  b: {},
  i: {},
  u: {},
};
const TAG_NAMES = Object.keys(TAGS);
/** Where the tags that cannot stand directly in <document> belong. */
const HOME: Record<string, string> = { b: 'p', i: 'p', u: 'p', tr: 'table', td: 'tr', to: 'closing' };
const INLINE = new Set(['b', 'i', 'u']);
const ALIGN = new Set(['justify', 'center', 'left', 'right']);
// An `&` that does not start one of the entities Handlebars escaping or XML writes: a literal ampersand.
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/g;
const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// Spaces, tabs and line ends of the template's indentation; a no-break space is kept on purpose.
const SPACES = /[ \t\r\n]+/g;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  // Entities are decoded here, in one pass, so that `&amp;lt;` becomes `&lt;` and never `<`.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

/** Decode the XML entities of a text exactly once; references to characters XML forbids are dropped. */
function decode(s: string): string {
  return s.replace(ENTITY, (_, name: string) => {
    if (name[0] !== '#') return NAMED[name] ?? '';
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
    return stripForbidden(String.fromCodePoint(code));
  });
}

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const value = node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function textOf(node: XmlNode): string {
  return String(node['#text'] ?? '');
}

/** Collapse the template's white space inside one paragraph, keeping single spaces between runs. */
function normalizeRuns(raw: Run[]): Run[] {
  const out: Run[] = [];
  let afterSpace = true; // drops the spaces at the start of the paragraph
  for (const run of raw) {
    let text = run.text.replace(SPACES, ' ').normalize('NFC');
    if (afterSpace && text.startsWith(' ')) text = text.slice(1);
    if (text === '') continue;
    afterSpace = text.endsWith(' ');
    const last = out[out.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic && !!last.underline === !!run.underline) {
      last.text += text;
    } else {
      out.push({
        text,
        ...(run.bold ? { bold: true } : {}),
        ...(run.italic ? { italic: true } : {}),
        ...(run.underline ? { underline: true } : {}),
      });
    }
  }
  // Trim the end of the paragraph, dropping runs that were only a space.
  for (let last = out[out.length - 1]; last; last = out[out.length - 1]) {
    last.text = last.text.replace(/ +$/u, '');
    if (last.text !== '') break;
    out.pop();
  }
  return out;
}

/** Parser of one markup document; keeps the source text to point at lines in errors. */
class MarkupReader {
  private readonly counters = [0, 0, 0];

  constructor(
    private readonly xml: string,
    private readonly source: string,
  ) {}

  /** 1-based line of the first occurrence of `needle` in the markup, if any. */
  private lineOf(needle: string): number | undefined {
    const at = this.xml.indexOf(needle);
    return at < 0 ? undefined : this.xml.slice(0, at).split('\n').length;
  }

  /** Throw a TemplateError saying `detail` (Vietnamese) and `detailEn` (English), at the markup line of `needle`. */
  fail(detail: string, detailEn: string, needle?: string): never {
    const markupLine = needle ? this.lineOf(needle) : undefined;
    throw new TemplateError({
      file: this.source,
      detail,
      detailEn,
      ...(needle !== undefined ? { needle } : {}),
      ...(markupLine !== undefined ? { markupLine } : {}),
    });
  }

  read(nodes: XmlNode[]): Block[] {
    const roots = nodes.filter((n) => tagOf(n) !== '#text' || textOf(n).trim() !== '');
    const root = roots[0];
    if (roots.length !== 1 || !root || tagOf(root) !== 'document') {
      this.fail(
        'văn bản phải nằm trọn trong một thẻ <document>…</document>',
        'the markup must be a single <document>…</document> element holding everything',
      );
    }
    this.attrs(root, 'document');
    const blocks: Block[] = [];
    for (const node of childrenOf(root)) {
      const block = this.block(node);
      if (block) blocks.push(block);
    }
    return blocks;
  }

  /** The attributes of an element, checked against its tag: unknown ones and missing required ones fail. */
  private attrs(node: XmlNode, tag: string): Attrs {
    const raw = (node[':@'] ?? {}) as Record<string, unknown>;
    const allowed = TAGS[tag] ?? {};
    const out: Attrs = {};
    for (const [name, value] of Object.entries(raw)) {
      if (!(name in allowed)) {
        const known = Object.keys(allowed);
        const guess = closest(name, known);
        this.fail(
          `thẻ <${tag}> không có thuộc tính "${name}"${guess ? ` (có phải "${guess}"?)` : ''}; ` +
            `thuộc tính dùng được: ${known.length ? known.join(', ') : 'không có'}`,
          `the tag <${tag}> has no attribute "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}; ` +
            `${known.length ? `its attributes are: ${known.join(', ')}` : 'it takes no attributes'}`,
          `${name}=`,
        );
      }
      out[name] = decode(String(value)).replace(SPACES, ' ').trim().normalize('NFC');
    }
    for (const [name, required] of Object.entries(allowed)) {
      if (required && !(name in out)) {
        this.fail(`thẻ <${tag}> thiếu thuộc tính "${name}"`, `the tag <${tag}> lacks its attribute "${name}"; add ${name}="…"`, `<${tag}`);
      }
    }
    return out;
  }

  private checkTag(tag: string): void {
    if (tag in TAGS) return;
    const guess = closest(tag, TAG_NAMES);
    const tags = TAG_NAMES.map((t) => `<${t}>`).join(' ');
    this.fail(
      `thẻ <${tag}> không có trong mã đánh dấu${guess ? ` (có phải <${guess}>?)` : ''}; các thẻ dùng được: ${tags}`,
      `the markup has no tag <${tag}>${guess ? ` (did you mean <${guess}>?)` : ''}; the tags are: ${tags}`,
      `<${tag}`,
    );
  }

  /** Element content that must be empty (or white space only). */
  private noContent(node: XmlNode, tag: string): void {
    for (const child of childrenOf(node)) {
      const childTag = tagOf(child);
      if (childTag === '#text' && textOf(child).trim() === '') continue;
      this.fail(
        `thẻ <${tag}> không chứa nội dung; ghi bằng thuộc tính`,
        `the tag <${tag}> holds no content; write it in its attributes`,
        `<${tag}`,
      );
    }
  }

  /** The runs of an inline container (p, li, h1–h3, td, to), formatting nested through b, i, u. */
  private runs(node: XmlNode, container: string, format: Omit<Run, 'text'> = {}): Run[] {
    const out: Run[] = [];
    for (const child of childrenOf(node)) {
      const tag = tagOf(child);
      if (tag === '#text') {
        out.push({ text: decode(textOf(child)), ...format });
        continue;
      }
      this.checkTag(tag);
      if (!INLINE.has(tag)) {
        this.fail(
          `thẻ <${tag}> không được đặt trong <${container}>; trong đoạn văn chỉ dùng <b>, <i>, <u>`,
          `the tag <${tag}> cannot be inside <${container}>; a paragraph holds only <b>, <i>, <u>`,
          `<${tag}`,
        );
      }
      this.attrs(child, tag);
      const nested = tag === 'b' ? { bold: true } : tag === 'i' ? { italic: true } : { underline: true };
      out.push(...this.runs(child, container, { ...format, ...nested }));
    }
    return out;
  }

  private block(node: XmlNode): Block | undefined {
    const tag = tagOf(node);
    if (tag === '#text') {
      const text = textOf(node).trim();
      if (text === '') return undefined;
      const shown = decode(text).slice(0, 60);
      this.fail(
        `chữ nằm ngoài đoạn văn: "${shown}"; hãy đặt trong <p>…</p>`,
        `text outside a paragraph: "${shown}"; put it inside <p>…</p>`,
        text.slice(0, 40),
      );
    }
    this.checkTag(tag);
    const attrs = this.attrs(node, tag);
    switch (tag) {
      case 'header':
        this.noContent(node, tag);
        return {
          type: 'header',
          parent: attrs['parent'] ?? '',
          cell: attrs['cell'] ?? '',
          ...(attrs['number'] ? { number: attrs['number'] } : {}),
          ...(attrs['dateline'] ? { dateline: attrs['dateline'] } : {}),
        };
      case 'title':
        this.noContent(node, tag);
        return { type: 'title', text: attrs['text'] ?? '', ...(attrs['subtitle'] ? { subtitle: attrs['subtitle'] } : {}) };
      case 'h1':
      case 'h2':
      case 'h3':
        return this.heading(node, tag, attrs);
      case 'p':
        return this.paragraph(node, attrs);
      case 'li': {
        const runs = normalizeRuns(this.runs(node, tag));
        return runs.length ? { type: 'bullet', runs } : undefined;
      }
      case 'table':
        return this.table(node, attrs);
      case 'signatures':
        this.noContent(node, tag);
        return {
          type: 'signatures',
          left: { title: attrs['left-title'] ?? '', name: attrs['left-name'] ?? '' },
          right: { title: attrs['right-title'] ?? '', name: attrs['right-name'] ?? '' },
        };
      case 'closing':
        return this.closing(node, attrs);
      default:
      {
        const home = HOME[tag];
        return this.fail(
          `thẻ <${tag}> không được đặt trực tiếp trong <document>${home ? `; hãy đặt trong <${home}>…</${home}>` : ''}`,
          `the tag <${tag}> cannot stand directly inside <document>${home ? `; put it inside <${home}>…</${home}>` : ''}`,
          `<${tag}`,
        );
      }
    }
  }

  private heading(node: XmlNode, tag: 'h1' | 'h2' | 'h3', attrs: Attrs): HeadingBlock | undefined {
    const runs = normalizeRuns(this.runs(node, tag));
    if (runs.length === 0) return undefined; // an empty optional heading disappears, numbering untouched
    const level = Number(tag[1]) as 1 | 2 | 3;
    const index = level - 1;
    for (let deeper = index + 1; deeper < this.counters.length; deeper++) this.counters[deeper] = 0;
    const given = (node[':@'] as Record<string, unknown> | undefined)?.['n'];
    let number: string | undefined;
    if (given === undefined) {
      // No n: numbered automatically, I II III / 1 2 3 / a b c, restarting under each higher heading.
      const n = ++this.counters[index]!;
      number = level === 1 ? romanNumeral(n) : level === 2 ? String(n) : subItemLetter(n);
    } else if (attrs['n'] !== '') {
      this.counters[index]!++;
      number = attrs['n'];
    }
    return { type: 'heading', level, ...(number !== undefined ? { number } : {}), runs };
  }

  private paragraph(node: XmlNode, attrs: Attrs): ParagraphBlock | undefined {
    const runs = normalizeRuns(this.runs(node, 'p'));
    if (runs.length === 0) return undefined;
    const align = attrs['align'];
    if (align !== undefined && !ALIGN.has(align)) {
      this.fail(
        `align="${align}" không hợp lệ; dùng justify, center, left hoặc right`,
        `align="${align}" is not valid; use justify, center, left or right`,
        `align="${align}"`,
      );
    }
    const indent = attrs['indent'];
    if (indent !== undefined && indent !== 'true' && indent !== 'false') {
      this.fail(`indent="${indent}" không hợp lệ; dùng true hoặc false`, `indent="${indent}" is not valid; use true or false`, `indent="${indent}"`);
    }
    return {
      type: 'paragraph',
      runs,
      ...(align !== undefined ? { align: align as ParagraphBlock['align'] } : {}),
      ...(indent !== undefined ? { indent: indent === 'true' } : {}),
    };
  }

  private table(node: XmlNode, attrs: Attrs): TableBlock | undefined {
    const widths = (attrs['widths'] ?? '').split(',').map((w) => Number(w.trim()));
    if (widths.length === 0 || widths.some((w) => !Number.isFinite(w) || w <= 0)) {
      this.fail(
        `widths="${attrs['widths']}" không hợp lệ; ghi độ rộng từng cột bằng milimét, cách nhau bởi dấu phẩy, ví dụ widths="12,88,40,25"`,
        `widths="${attrs['widths']}" is not valid; give each column's width in millimetres, separated by commas, e.g. widths="12,88,40,25"`,
        'widths=',
      );
    }
    let header: Run[][] | undefined;
    const rows: Run[][][] = [];
    for (const row of childrenOf(node)) {
      const tag = tagOf(row);
      if (tag === '#text' && textOf(row).trim() === '') continue;
      if (tag !== 'tr') {
        if (tag !== '#text') this.checkTag(tag);
        this.fail('trong <table> chỉ có các dòng <tr>', 'a <table> holds only <tr> rows', tag === '#text' ? '<table' : `<${tag}`);
      }
      const rowAttrs = this.attrs(row, 'tr');
      const cells: Run[][] = [];
      for (const cell of childrenOf(row)) {
        const cellTag = tagOf(cell);
        if (cellTag === '#text' && textOf(cell).trim() === '') continue;
        if (cellTag !== 'td') {
          if (cellTag !== '#text') this.checkTag(cellTag);
          this.fail('trong <tr> chỉ có các ô <td>', 'a <tr> row holds only <td> cells', cellTag === '#text' ? '<tr' : `<${cellTag}`);
        }
        this.attrs(cell, 'td');
        cells.push(normalizeRuns(this.runs(cell, 'td')));
      }
      if (cells.length !== widths.length) {
        this.fail(
          `một dòng của bảng có ${cells.length} ô nhưng widths có ${widths.length} cột`,
          `a row of the table has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but widths gives ${widths.length} ${widths.length === 1 ? 'column' : 'columns'}`,
          '<table',
        );
      }
      const isHeader = rowAttrs['header'] === 'true';
      if (isHeader) {
        if (header || rows.length > 0) {
          this.fail('chỉ dòng đầu tiên của bảng được là dòng tiêu đề header="true"', 'only the first row of a table may be a header row, header="true"', 'header=');
        }
        header = cells;
      } else {
        rows.push(cells);
      }
    }
    if (rows.length === 0) return undefined; // a table with no rows is an empty optional section
    return { type: 'table', widths, ...(header ? { header } : {}), rows };
  }

  private closing(node: XmlNode, attrs: Attrs): Block {
    const recipients: string[] = [];
    for (const child of childrenOf(node)) {
      const tag = tagOf(child);
      if (tag === '#text' && textOf(child).trim() === '') continue;
      if (tag !== 'to') {
        if (tag !== '#text') this.checkTag(tag);
        this.fail('trong <closing> chỉ có các dòng nơi nhận <to>', 'a <closing> holds only <to> recipient lines', tag === '#text' ? '<closing' : `<${tag}`);
      }
      this.attrs(child, 'to');
      const line = normalizeRuns(this.runs(child, 'to'))
        .map((r) => r.text)
        .join('');
      if (line !== '') recipients.push(line);
    }
    return { type: 'closing', recipients, for: attrs['for'] ?? '', title: attrs['title'] ?? '', name: attrs['name'] ?? '' };
  }
}

/** The XML validator's reasons (fast-xml-parser), said in Vietnamese and English; an unforeseen one is quoted as it is. */
const XML_REASONS: [RegExp, (m: RegExpExecArray, line: number) => { vi: string; en: string }][] = [
  [
    /^Expected closing tag '([^']*)' \(opened in line (\d+), col \d+\) instead of closing tag '([^']*)'/u,
    // The opening line is worth saying only when it is not the line the error is reported at.
    (m, line) => ({
      vi: `thẻ <${m[1]}>${Number(m[2]) !== line ? ` mở ở dòng ${m[2]} của mã đánh dấu sinh ra` : ''} chưa được đóng bằng </${m[1]}> trước thẻ đóng </${m[3]}>`,
      en: `<${m[1]}>${Number(m[2]) !== line ? `, opened on line ${m[2]} of the generated markup,` : ''} is not closed by </${m[1]}> before the closing </${m[3]}>`,
    }),
  ],
  [/^Closing tag '([^']*)' has not been opened/u, (m) => ({ vi: `thẻ đóng </${m[1]}> không có thẻ mở <${m[1]}> tương ứng`, en: `the closing </${m[1]}> has no matching <${m[1]}>` })],
  [/^Closing tag '([^']*)' doesn't have proper closing/u, (m) => ({ vi: `thẻ đóng </${m[1]}> thiếu dấu ">"`, en: `the closing </${m[1]}> lacks its ">"` })],
  [/^Closing tag '([^']*)' can't have attributes/u, (m) => ({ vi: `thẻ đóng </${m[1]}> không được có thuộc tính`, en: `the closing </${m[1]}> cannot have attributes` })],
  [/^Unclosed tag '([^']*)'/u, (m) => ({ vi: `thẻ <${m[1]}> chưa được đóng bằng </${m[1]}>`, en: `<${m[1]}> is never closed by </${m[1]}>` })],
  [/^Invalid '\[(.*)\]' found/u, (m) => {
    const tags = [...m[1]!.matchAll(/"([^"]*)"/gu)].map((t) => `<${t[1]}>`).join(', ');
    return { vi: `các thẻ chưa được đóng: ${tags}`, en: `tags left open: ${tags}` };
  }],
  [/^Tag '([^']*)' is an invalid name/u, (m) => ({ vi: `"${m[1]}" không phải tên thẻ hợp lệ`, en: `"${m[1]}" is not a valid tag name` })],
  [/^Invalid space after '<'/u, () => ({ vi: 'có khoảng trắng ngay sau dấu "<"; muốn in dấu < thì viết &lt;', en: 'a space right after "<"; to print "<", write &lt;' })],
  [/^Attributes for '([^']*)' have open quote/u, (m) => ({ vi: `một thuộc tính của thẻ <${m[1]}> có dấu nháy chưa đóng`, en: `an attribute of <${m[1]}> has a quote left open` })],
  [/^Attribute '([^']*)' has no space in starting/u, (m) => ({ vi: `thuộc tính "${m[1]}" phải cách thuộc tính trước bằng một khoảng trắng`, en: `the attribute "${m[1]}" must be separated from the one before by a space` })],
  [/^(?:boolean attribute|Attribute) '([^']*)' is (?:without value|not allowed)/u, (m) => ({ vi: `thuộc tính "${m[1]}" thiếu giá trị; ghi ${m[1]}="…"`, en: `the attribute "${m[1]}" has no value; write ${m[1]}="…"` })],
  [/^Attribute '([^']*)' is an invalid name/u, (m) => ({ vi: `"${m[1]}" không phải tên thuộc tính hợp lệ`, en: `"${m[1]}" is not a valid attribute name` })],
  [/^Attribute '([^']*)' is repeated/u, (m) => ({ vi: `thuộc tính "${m[1]}" được ghi hai lần`, en: `the attribute "${m[1]}" is given twice` })],
  [/^Multiple possible root nodes found/u, () => ({ vi: 'có hơn một thẻ ngoài cùng; mọi nội dung phải nằm trong <document>…</document>', en: 'more than one outermost tag; everything must be inside <document>…</document>' })],
  [/^Extra text at the end/u, () => ({ vi: 'có chữ sau thẻ đóng </document>', en: 'text after the closing </document>' })],
  [/^Start tag expected/u, () => ({ vi: 'không có thẻ nào; văn bản phải là <document>…</document>', en: 'no tag at all; the markup must be <document>…</document>' })],
  [/^char '(.)' is not expected/u, (m) => ({ vi: `ký tự "${m[1]}" không được đặt ở đây`, en: `the character "${m[1]}" is not expected here` })],
];

/** The reason of a validator error reported at markup line `line`, in both languages. */
function xmlReason(msg: string, line: number): { vi: string; en: string } {
  for (const [pattern, say] of XML_REASONS) {
    const m = pattern.exec(msg);
    if (m) return say(m, line);
  }
  return { vi: `chi tiết kỹ thuật: ${msg}`, en: msg };
}

/**
 * Parse the block markup a template produced into blocks. Entities are decoded exactly once, white space
 * from the template's layout is collapsed, characters XML forbids are dropped. Unknown tags or attributes
 * and malformed markup throw a TemplateError naming `source` and, when it can be found, the line.
 */
export function parseMarkup(xml: string, source: string): Block[] {
  const text = stripForbidden(xml).replace(BARE_AMPERSAND, '&amp;');
  const reader = new MarkupReader(text, source);
  const special = /<!DOCTYPE|<!ENTITY|<\?|<!\[CDATA\[/u.exec(text);
  if (special) {
    reader.fail(`"${special[0]}" không được dùng trong mẫu văn bản`, `"${special[0]}" is not allowed in a document template`, special[0]);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line } = valid.err;
    const excerpt = (text.split('\n')[line - 1] ?? '').trim().slice(0, 100);
    const said = xmlReason(msg, line);
    const quoted = excerpt ? ` — «${excerpt}»` : '';
    throw new TemplateError({
      file: source,
      detail: `mã đánh dấu sai cấu trúc (thẻ chưa đóng hoặc đóng sai thứ tự?): ${said.vi}${quoted}`,
      detailEn: `malformed markup (a tag left open or closed out of order?): ${said.en}${quoted}`,
      markupLine: line,
    });
  }
  return reader.read(parser.parse(text) as XmlNode[]);
}
