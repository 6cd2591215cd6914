// The one .docx builder: a document's blocks laid out the Party's way (shared/domain/document-format.md).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  Paragraph,
  SimpleField,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx';
import type {
  Block,
  BulletBlock,
  ClosingBlock,
  DocumentBlocks,
  HeaderBlock,
  HeadingBlock,
  ParagraphBlock,
  Run,
  SignaturesBlock,
  TableBlock,
  TitleBlock,
} from './blocks.js';
import { mmToTwip, type Layout } from './layout.js';
import { coreXml, pinZipTimes } from './zip.js';
import { curlyQuotes } from '../util/quotes.js';
import { stripInvisible } from '../util/invisible.js';

/** Paper sizes in millimetres. */
const PAPER_MM = { A4: { width: 210, height: 297 } } as const;
const PARTY = 'ĐẢNG CỘNG SẢN VIỆT NAM';
const DRAFT = 'DỰ THẢO';
const BLACK = '000000';
/**
 * Average advance of Times New Roman capitals, spaces included, in em: ĐẢNG CỘNG SẢN VIỆT NAM in bold is
 * 13.8 em for 22 characters (0.63), ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT in regular 0.61 (measured in LibreOffice).
 */
const CAPS_EM = 0.63;
/**
 * The widest such average seen, used to decide whether a line fits: ĐẢNG BỘ PHƯỜNG KHƯƠNG ĐÌNH is 0.65 em
 * per character (Ư, Ơ and W are wide), so judging by CAPS_EM let it wrap with its last word alone.
 */
const FIT_EM = 0.66;
/** The most a header line is condensed to fit its column, in em per character (1 pt at 14 pt). */
const MAX_CONDENSE_EM = 0.07;
/**
 * The page number a viewer that does not update fields shows (the field's cached result): numbers start on
 * page 2, and Word and LibreOffice replace it with the real number when they lay the page out.
 */
const CACHED_PAGE = '2';
/** Height of the paragraph that carries the rule under ĐẢNG CỘNG SẢN VIỆT NAM, in points. */
const RULE_PARA_PT = 3;
/** Border widths in eighths of a point: table grid ½ pt, rule under the party name ¾ pt, draft box 1 pt. */
const GRID_LINE = 4;
const RULE_LINE = 6;
const BOX_LINE = 8;
/** Word's own default cell padding (1.9 mm), written out so that LibreOffice pads the same. */
const CELL_PADDING = 108;
const VI = 'vi-VN';
/** Size of the empty paragraph kept between two tables and after a final one, in points. */
const SPACER_PT = 1;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
type Child = Paragraph | Table;

const ALIGN: Record<NonNullable<ParagraphBlock['align']>, Align> = {
  justify: AlignmentType.JUSTIFIED,
  center: AlignmentType.CENTER,
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
};

/** Character formatting a block gives its runs before each run's own emphasis. */
interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Character spacing in twips, negative to condense. */
  condense?: number;
}

/** Paragraph settings that differ from the body default (justified, first-line indent, 6 pt before). */
interface ParaStyle {
  align?: Align;
  indent?: boolean;
  before?: number;
  size?: number;
  keepNext?: boolean;
}

/**
 * The .docx of a document: A4, Times New Roman, the header table, title, body and closing blocks, page
 * numbers from page 2, a `DỰ THẢO` mark on every page of a draft. Identical input gives identical bytes.
 */
export async function buildDocx(doc: DocumentBlocks, layout: Layout): Promise<Buffer> {
  const b = new Builder(layout);
  const document = new Document({
    title: clean(doc.meta.title),
    subject: doc.meta.subject === undefined ? undefined : clean(doc.meta.subject),
    creator: clean(doc.meta.author),
    lastModifiedBy: clean(doc.meta.author),
    revision: 1,
    styles: b.styles(),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: b.paper.width, height: b.paper.height },
            margin: {
              top: mmToTwip(layout.margins.top),
              bottom: mmToTwip(layout.margins.bottom),
              left: mmToTwip(layout.margins.left),
              right: mmToTwip(layout.margins.right),
              header: mmToTwip(layout.header.pageNumberTop),
            },
          },
        },
        headers: { first: b.pageHeader(false, doc.draft), default: b.pageHeader(true, doc.draft) },
        children: b.body(doc.blocks),
      },
    ],
  });
  // docx stamps the current time into core.xml and every zip entry: supply core.xml with the meeting's date
  // and pin the entries' times, so identical input gives identical bytes.
  const meta = {
    title: clean(doc.meta.title),
    ...(doc.meta.subject === undefined ? {} : { subject: clean(doc.meta.subject) }),
    author: clean(doc.meta.author),
    date: doc.meta.date,
  };
  const packed = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreXml(meta) }]);
  return Buffer.from(pinZipTimes(packed, doc.meta.date));
}

/**
 * Strips what XML 1.0 forbids (and C1 controls), bidi controls and zero-width characters (never printed,
 * whatever a template or a record holds), keeping tab and newline; docx escapes `&`, `<`, `>` itself.
 */
export function clean(text: string): string {
  return stripInvisible(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/**
 * Titles never break inside "quý II" or "tháng 6": the space between the word and its numeral becomes a
 * no-break space (U+00A0), in any case.
 */
export function keepNumeralsWithWord(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])(quý|tháng)[ \t]+(?=(?:[IVX]+|\d+)(?![\p{L}\p{N}]))/giu, '$1\u00A0');
}

/** One style of quotation marks in every document (the templates' text too): see curlyQuotes. */
export const typographicQuotes = curlyQuotes;

/** A heading's number as printed, with the space after it: `I. ` (or `I- `, per layout), `1. `, `a) `. */
export function headingLabel(block: HeadingBlock, layout: Layout): string {
  const mark = block.level === 1 ? layout.headingStyle : block.level === 2 ? '.' : ')';
  return block.number === undefined ? '' : `${block.number}${mark} `;
}

function upper(text: string): string {
  return text.toLocaleUpperCase(VI);
}

/** Estimated width of a line of capitals in twips (see CAPS_EM; FIT_EM to judge whether it fits). */
function capsWidth(text: string, size: number, em = CAPS_EM): number {
  return [...text].length * size * 20 * em;
}

/**
 * The negative character spacing (twips) that squeezes a line of capitals into `width`, as a clerk would
 * condense it in Word rather than let one word wrap; 0 when it fits. Past MAX_CONDENSE_EM it wraps after all.
 */
function condensing(text: string, size: number, width: number): number {
  const excess = capsWidth(text, size, FIT_EM) - width;
  if (excess <= 0) return 0;
  return -Math.min(Math.ceil(excess / [...text].length), Math.round(size * 20 * MAX_CONDENSE_EM));
}

/** Most capitals (spaces included) one line of `width` twips holds at `size` points, condensed as far as allowed. */
export function lineCapacity(size: number, width: number): number {
  return Math.floor(width / (size * 20 * (FIT_EM - MAX_CONDENSE_EM)) + 1e-9);
}

/**
 * A line of capitals broken between words into as few lines as fit `width` (after at most MAX_CONDENSE_EM
 * of condensing), the breaks placed so that the longest line is as short as can be: "ĐẢNG ỦY CÁC CƠ QUAN
 * ĐẢNG / THÀNH PHỐ HỒ CHÍ MINH", not a long line and a word or two left over. A single word longer than
 * the column stays whole on its own line.
 */
export function balancedLines(text: string, size: number, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const capacity = lineCapacity(size, width);
  const fits = (chars: number) => chars <= capacity;
  const n = words.length;
  if (n <= 1 || fits([...words.join(' ')].length)) return [words.join(' ')];
  // Line lengths in characters from prefix sums, so a line's width costs O(1).
  const lengths = words.map((w) => [...w].length);
  const prefix = [0];
  for (const len of lengths) prefix.push(prefix[prefix.length - 1]! + len);
  const chars = (from: number, to: number) => prefix[to]! - prefix[from]! + (to - from - 1);
  if (!lengths.every(fits)) return words;
  // Fewest lines: filling each line greedily is optimal when a line's fit depends only on its length.
  let count = 0;
  for (let from = 0; from < n; count++) {
    let to = from + 1;
    while (to < n && fits(chars(from, to + 1))) to++;
    from = to;
  }
  // widest[c][i]: the narrowest widest line (in characters) that sets words i… on exactly c lines, each
  // fitting; Infinity when none does. Dynamic programming in O(count · n²), instead of trying every split
  // (exponential: a 45-word name took minutes).
  const widest: number[][] = [Array.from({ length: n + 1 }, (_, i) => (i === n ? 0 : Infinity))];
  for (let c = 1; c <= count; c++) {
    const row: number[] = new Array<number>(n + 1).fill(Infinity);
    for (let i = 0; i < n; i++) {
      for (let end = i + 1; end <= n; end++) {
        const len = chars(i, end);
        if (!fits(len)) break;
        const rest = widest[c - 1]![end]!;
        if (rest !== Infinity) row[i] = Math.min(row[i]!, Math.max(len, rest));
      }
    }
    widest.push(row);
  }
  const best = widest[count]![0]!;
  // Of the best splits, the one whose first lines end earliest (as the exhaustive search chose).
  const lines: string[] = [];
  let from = 0;
  for (let left = count; left > 1; left--) {
    let end = from + 1;
    while (!(chars(from, end) <= best && widest[left - 1]![end]! <= best)) end++;
    lines.push(words.slice(from, end).join(' '));
    from = end;
  }
  lines.push(words.slice(from).join(' '));
  return lines;
}

/** Points to half-points, the unit of `w:sz`. */
function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Points to twips. */
function ptTwip(pt: number): number {
  return Math.round(pt * 20);
}

class Builder {
  readonly paper: { width: number; height: number };
  /** Width between the margins, in twips. */
  readonly textWidth: number;

  constructor(private readonly layout: Layout) {
    const mm = PAPER_MM[layout.paper];
    this.paper = { width: mmToTwip(mm.width), height: mmToTwip(mm.height) };
    this.textWidth = mmToTwip(mm.width - layout.margins.left - layout.margins.right);
  }

  /** Document defaults and the Normal style: the body text of the spec. */
  styles() {
    const L = this.layout;
    const run = {
      font: { ascii: L.font, hAnsi: L.font, cs: L.font, eastAsia: L.font },
      size: halfPoints(L.bodySize),
      sizeComplexScript: halfPoints(L.bodySize),
      color: BLACK,
      language: { value: VI },
    };
    const paragraph = {
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: mmToTwip(L.firstLineIndent) },
      spacing: { before: ptTwip(L.spaceBefore), after: 0, line: ptTwip(L.lineSpacing), lineRule: LineRuleType.EXACT },
    };
    return {
      default: { document: { run, paragraph } },
      paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run, paragraph }],
    };
  }

  /** The page header: the page number centred (not on page 1), and the draft mark top right. */
  pageHeader(numbered: boolean, draft: boolean): Header {
    const L = this.layout;
    const children: (TextRun | SimpleField)[] = [];
    const tabStops = [];
    if (numbered) {
      // Tab stops put the number in the centre and the draft mark at the right edge on one line.
      if (draft) tabStops.push({ type: TabStopType.CENTER, position: Math.floor(this.textWidth / 2) });
      if (draft) children.push(new TextRun({ children: [new Tab()] }));
      children.push(new SimpleField('PAGE', CACHED_PAGE));
    }
    if (draft) {
      tabStops.push({ type: TabStopType.RIGHT, position: this.textWidth });
      const box: IBorderOptions = { style: BorderStyle.SINGLE, size: BOX_LINE, color: BLACK, space: 1 };
      children.push(new TextRun({ children: [new Tab()] }));
      children.push(new TextRun({ text: DRAFT, bold: true, size: halfPoints(L.titleSize), border: box }));
    }
    const align = draft ? AlignmentType.LEFT : AlignmentType.CENTER;
    return new Header({
      children: [
        new Paragraph({ ...this.paraProps({ align, indent: false, before: 0, size: draft ? L.titleSize : L.bodySize }), tabStops, children }),
      ],
    });
  }

  /**
   * The blocks in order, with a tiny empty paragraph after a table that is followed by another or ends the
   * document: Word and LibreOffice join adjacent tables into one (the second takes the first's borders), and
   * a document must end with a paragraph, which would otherwise be a full line that can spill onto a new page.
   */
  body(blocks: Block[]): Child[] {
    const children = blocks.flatMap((block, i) => this.block(block, blocks[i + 1]));
    return children.flatMap((child, i) => {
      const next = children[i + 1];
      return child instanceof Table && (next === undefined || next instanceof Table) ? [child, this.spacer()] : [child];
    });
  }

  private block(block: Block, next: Block | undefined): Child[] {
    // A signature must never stand alone on a page: the last lines of text travel with it.
    const keepNext = next?.type === 'signatures' || next?.type === 'closing';
    switch (block.type) {
      case 'header':
        return [this.header(block)];
      case 'title':
        return this.title(block);
      case 'heading':
        return [this.heading(block)];
      case 'paragraph':
        return [this.paragraph(block, keepNext)];
      case 'bullet':
        return [this.bullet(block, keepNext)];
      case 'table':
        return [this.table(block)];
      case 'signatures':
        return [this.signatures(block)];
      case 'closing':
        return [this.closing(block)];
    }
  }

  /** Superior body, cell and `*` | ĐẢNG CỘNG SẢN VIỆT NAM with its rule; then number | place and date. */
  private header(block: HeaderBlock): Table {
    const L = this.layout;
    const line = (text: string, style: RunStyle, before = 0) =>
      this.para(this.runs([{ text }], style), { align: AlignmentType.CENTER, indent: false, before, size: style.size });
    const column = mmToTwip(L.header.leftWidth);
    // A name too long for one line is broken by hand, between words, into lines of even length (as offices
    // do), each centred; a line only slightly too long is condensed instead.
    const fitted = (text: string, bold: boolean) => {
      const lines = balancedLines(upper(text), L.bodySize, column);
      return line(lines.join('\n'), { bold, condense: Math.min(0, ...lines.map((l) => condensing(l, L.bodySize, column))) });
    };
    const rows: Paragraph[][][] = [
      [
        [fitted(block.parent, false), fitted(block.cell, true), line('*', {})],
        this.partyName(),
      ],
    ];
    if (block.number !== undefined || block.dateline !== undefined) {
      // Row 2 sits a little below the `*` and the rule, as on the printed forms.
      const before = L.spaceBefore;
      rows.push([
        [block.number === undefined ? this.empty() : line(block.number, {}, before)],
        [block.dateline === undefined ? this.empty() : line(block.dateline, { italic: true }, before)],
      ]);
    }
    return this.layoutTable([L.header.leftWidth, L.header.rightWidth], rows);
  }

  /**
   * ĐẢNG CỘNG SẢN VIỆT NAM, then a rule as wide as the words. The rule is the bottom border of a separate,
   * empty paragraph a few points high, narrowed by equal left and right indents to the width of the words;
   * a docx cannot size a border to its text, so the width is estimated from the character count and the
   * size (see CAPS_EM). Narrowing the words' own paragraph instead left them about 0.5 mm to spare, and any
   * wider substitute font wrapped the heading. Character underline is not the printed form: it hugs the
   * letters and cuts the dots under Ộ and Ệ.
   */
  private partyName(): Paragraph[] {
    const L = this.layout;
    const textWidth = capsWidth(PARTY, L.header.partySize);
    const side = Math.max(0, Math.round((mmToTwip(L.header.rightWidth) - textWidth) / 2));
    return [
      this.para([this.run(PARTY, { bold: true, size: L.header.partySize })], {
        align: AlignmentType.CENTER,
        indent: false,
        before: 0,
        size: L.header.partySize,
      }),
      new Paragraph({
        ...this.paraProps({ align: AlignmentType.CENTER, indent: false, before: 0, size: L.bodySize }),
        spacing: { before: 0, after: 0, line: ptTwip(RULE_PARA_PT), lineRule: LineRuleType.EXACT },
        indent: { left: side, right: side, firstLine: 0 },
        border: { bottom: { style: BorderStyle.SINGLE, size: RULE_LINE, color: BLACK, space: 0 } },
        run: { size: halfPoints(RULE_PARA_PT) },
      }),
    ];
  }

  /** NGHỊ QUYẾT / summary line / `-----`, centred; one blank line's worth of space above. */
  private title(block: TitleBlock): Paragraph[] {
    const L = this.layout;
    const out = [
      this.para([this.run(keepNumeralsWithWord(upper(block.text)), { bold: true, size: L.titleSize })], {
        align: AlignmentType.CENTER,
        indent: false,
        before: L.lineSpacing,
        size: L.titleSize,
      }),
    ];
    if (block.subtitle !== undefined) {
      out.push(
        this.para([this.run(keepNumeralsWithWord(block.subtitle), { bold: true, size: L.subtitleSize })], {
          align: AlignmentType.CENTER,
          indent: false,
          before: 0,
          size: L.subtitleSize,
        }),
      );
    }
    out.push(this.para([this.run('-----', {})], { align: AlignmentType.CENTER, indent: false, before: 0 }));
    return out;
  }

  /** `I. ĐÁNH GIÁ…` (or `I- …`) bold caps at the margin; `1. Về…` bold; `a) …` italic; kept with the next paragraph. */
  private heading(block: HeadingBlock): Paragraph {
    const runs = block.number === undefined ? block.runs : [{ text: headingLabel(block, this.layout) }, ...block.runs];
    if (block.level === 1) {
      return this.para(this.runs(runs.map((r) => ({ ...r, text: upper(r.text) })), { bold: true }), { indent: false, keepNext: true });
    }
    return this.para(this.runs(runs, block.level === 2 ? { bold: true } : { italic: true }), { keepNext: true });
  }

  private paragraph(block: ParagraphBlock, keepNext = false): Paragraph {
    return this.para(this.runs(block.runs, {}), { align: ALIGN[block.align ?? 'justify'], indent: block.indent ?? true, keepNext });
  }

  /** A bullet is a body paragraph starting with a hyphen, never a Word list bullet. */
  private bullet(block: BulletBlock, keepNext = false): Paragraph {
    return this.para(this.runs([{ text: '- ' }, ...block.runs], {}), { keepNext });
  }

  /** A gridded table; the header row, bold and centred, repeats on each page; no row splits across pages. */
  private table(block: TableBlock): Table {
    const widths = block.widths.map(mmToTwip);
    const border: IBorderOptions = { style: BorderStyle.SINGLE, size: GRID_LINE, color: BLACK };
    const row = (cells: Run[][], header: boolean) =>
      new TableRow({
        tableHeader: header,
        cantSplit: true,
        children: widths.map(
          (width, i) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              verticalAlign: header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
              children: [
                this.para(this.runs(cells[i] ?? [], header ? { bold: true } : {}), {
                  align: header ? AlignmentType.CENTER : AlignmentType.LEFT,
                  indent: false,
                  before: 0,
                }),
              ],
            }),
        ),
      });
    return new Table({
      width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [...(block.header ? [row(block.header, true)] : []), ...block.rows.map((cells) => row(cells, false))],
    });
  }

  /** Minutes: THƯ KÝ left, CHỦ TRÌ right, space to sign, the names. */
  private signatures(block: SignaturesBlock): Table {
    const L = this.layout;
    const side = (s: { title: string; name: string }) => this.signature([{ text: upper(s.title), bold: true }], s.name);
    return this.layoutTable([L.header.leftWidth, L.header.rightWidth], [[side(block.left), side(block.right)]]);
  }

  /** Resolution: Nơi nhận and the recipients left; T/M CHI BỘ, BÍ THƯ, space to sign, the name right. */
  private closing(block: ClosingBlock): Table {
    const L = this.layout;
    const recipients = block.recipients.map((r) => r.trim().replace(/^-\s*/, '').replace(/[,;.]+$/, ''));
    const left = recipients.length === 0 ? [this.para([], { align: AlignmentType.LEFT, indent: false, before: 0 })] : [
      this.para([this.run('Nơi nhận:', { underline: true })], { align: AlignmentType.LEFT, indent: false, before: L.lineSpacing }),
      ...recipients.map((r, i) =>
        this.para([this.run(`- ${r}${i === recipients.length - 1 ? '.' : L.recipientEnding}`, { size: L.recipientsSize })], {
          align: AlignmentType.LEFT,
          indent: false,
          before: 0,
          size: L.recipientsSize,
        }),
      ),
    ];
    const right = this.signature(
      [
        { text: upper(block.for), bold: true },
        { text: upper(block.title), bold: false },
      ],
      block.name,
    );
    return this.layoutTable([L.header.leftWidth, L.header.rightWidth], [[left, right]]);
  }

  /** Title lines, signatureSpace empty lines, then the name in bold, all centred. */
  private signature(titles: { text: string; bold: boolean }[], name: string): Paragraph[] {
    const L = this.layout;
    const centred = (text: string, bold: boolean, before: number) =>
      this.para([this.run(text, { bold })], { align: AlignmentType.CENTER, indent: false, before });
    return [
      ...titles.map((t, i) => centred(t.text, t.bold, i === 0 ? L.lineSpacing : 0)),
      ...Array.from({ length: L.signatureSpace }, () => this.empty()),
      centred(name, true, 0),
    ];
  }

  /**
   * A borderless table with fixed column widths in mm and no cell padding, rows kept whole. It starts
   * `header.overhang` mm into the left margin, as offices let the header reach into the margins to give
   * long names room; the closing and signature tables follow it so that the columns line up.
   */
  private layoutTable(widthsMm: number[], rows: Paragraph[][][]): Table {
    const widths = widthsMm.map(mmToTwip);
    const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
    const overhang = mmToTwip(this.layout.header.overhang ?? 0);
    return new Table({
      width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
      ...(overhang ? { indent: { size: -overhang, type: WidthType.DXA } } : {}),
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: rows.map(
        (cells) =>
          new TableRow({
            cantSplit: true,
            children: widths.map(
              (width, i) => new TableCell({ width: { size: width, type: WidthType.DXA }, children: cells[i] ?? [this.empty()] }),
            ),
          }),
      ),
    });
  }

  /** An empty paragraph a point high. */
  private spacer(): Paragraph {
    return new Paragraph({
      ...this.paraProps({ indent: false, before: 0, size: SPACER_PT }),
      run: { size: halfPoints(SPACER_PT) },
    });
  }

  private empty(): Paragraph {
    return this.para([], { indent: false, before: 0 });
  }

  private para(children: TextRun[], style: ParaStyle): Paragraph {
    return new Paragraph({ ...this.paraProps(style), children });
  }

  /**
   * Paragraph properties beyond the defaults. Lines are exactly 18 pt for body text and in proportion for
   * other sizes: larger text needs more, or the stacked diacritics of capitals (Ế, Ộ) are clipped.
   */
  private paraProps(style: ParaStyle): IParagraphOptions {
    const L = this.layout;
    const size = style.size ?? L.bodySize;
    const props: { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] } = {};
    if (style.align !== undefined && style.align !== AlignmentType.JUSTIFIED) props.alignment = style.align;
    if (style.indent === false) props.indent = { firstLine: 0 };
    if (style.before !== undefined || size !== L.bodySize) {
      props.spacing = {
        before: ptTwip(style.before ?? L.spaceBefore),
        line: ptTwip((L.lineSpacing * size) / L.bodySize),
        lineRule: LineRuleType.EXACT,
      };
    }
    if (style.keepNext) props.keepNext = true;
    return props;
  }

  private run(text: string, style: RunStyle): TextRun {
    return this.runs([{ text }], style)[0]!;
  }

  /** Runs with the block's formatting under each run's own; a newline becomes a line break, a tab a tab. */
  private runs(runs: Run[], style: RunStyle): TextRun[] {
    const L = this.layout;
    const size = style.size !== undefined && style.size !== L.bodySize ? halfPoints(style.size) : undefined;
    return runs.flatMap((r) =>
      typographicQuotes(clean(r.text))
        .split('\n')
        .map(
          (line, i) =>
            new TextRun({
              children: line.split('\t').flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part])),
              break: i > 0 ? 1 : undefined,
              bold: r.bold ?? style.bold,
              italics: r.italic ?? style.italic,
              underline: (r.underline ?? style.underline) ? {} : undefined,
              size,
              sizeComplexScript: size,
              characterSpacing: style.condense || undefined,
            }),
        ),
    );
  }
}
