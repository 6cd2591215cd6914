// The HTML twin of the .docx builder: a document's blocks as an A4 sheet the page shows (one template, two outputs).
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
import { balancedLines, clean, headingLabel, keepNumeralsWithWord, typographicQuotes } from './docx.js';
import type { Layout } from './layout.js';
import { escapeHtml } from '../util/html.js';

const PARTY = 'ĐẢNG CỘNG SẢN VIỆT NAM';
const DRAFT = 'DỰ THẢO';
const VI = 'vi-VN';
/** CSS pixels per millimetre (96 px to the inch): `<col width>` takes pixels. */
const PX_PER_MM = 96 / 25.4;
/** Twips per millimetre: balancedLines() measures in twips, as the .docx builder does. */
const TWIP_PER_MM = 1440 / 25.4;

export { escapeHtml } from '../util/html.js';

function upper(text: string): string {
  return text.toLocaleUpperCase(VI);
}

function px(mm: number): number {
  return Math.round(mm * PX_PER_MM);
}

/**
 * The layout's figures as CSS custom properties of the sheet (unitless: points, or millimetres for
 * lengths). The page sets them on the preview's container through the CSSOM, which the strict CSP allows
 * where a `style` attribute would be refused; web/preview.css lays the sheet out from them.
 */
export function sheetVars(layout: Layout): Record<string, string> {
  return {
    '--sheet-font': JSON.stringify(layout.font),
    '--sheet-body': String(layout.bodySize),
    '--sheet-line': String(layout.lineSpacing),
    '--sheet-before': String(layout.spaceBefore),
    '--sheet-indent': String(layout.firstLineIndent),
    '--sheet-title': String(layout.titleSize),
    '--sheet-subtitle': String(layout.subtitleSize),
    '--sheet-party': String(layout.header.partySize),
    '--sheet-recipients': String(layout.recipientsSize),
    '--sheet-top': String(layout.margins.top),
    '--sheet-bottom': String(layout.margins.bottom),
    '--sheet-left': String(layout.margins.left),
    '--sheet-right': String(layout.margins.right),
    '--sheet-overhang': String(layout.header.overhang ?? 0),
    '--sheet-mark-top': String(layout.header.pageNumberTop),
  };
}

/** Runs as HTML: emphasis as `<b>`, `<i>`, `<u>`, a newline as `<br>`, a tab as a tab-wide space; all text escaped. */
function runs(list: Run[], base: { bold?: boolean; italic?: boolean; underline?: boolean } = {}, transform = (t: string) => t): string {
  return list
    .map((r) => {
      const text = typographicQuotes(clean(transform(r.text)));
      let out = text
        .split('\n')
        .map((line) => line.split('\t').map(escapeHtml).join('<span class="sh-tab"></span>'))
        .join('<br>');
      if (r.underline ?? base.underline) out = `<u>${out}</u>`;
      if (r.italic ?? base.italic) out = `<i>${out}</i>`;
      if (r.bold ?? base.bold) out = `<b>${out}</b>`;
      return out;
    })
    .join('');
}

/** A text as one run. */
function text(t: string, emphasis: { bold?: boolean; italic?: boolean; underline?: boolean } = {}): string {
  return runs([{ text: t, ...emphasis }]);
}

/** `<colgroup>` of widths in millimetres, with the table's own width: the CSP allows these attributes, not `style`. */
function columns(widthsMm: number[]): { width: number; cols: string } {
  const widths = widthsMm.map(px);
  return { width: widths.reduce((a, w) => a + w, 0), cols: `<colgroup>${widths.map((w) => `<col width="${w}">`).join('')}</colgroup>` };
}

class HtmlBuilder {
  constructor(private readonly layout: Layout) {}

  block(block: Block): string {
    switch (block.type) {
      case 'header':
        return this.header(block);
      case 'title':
        return this.title(block);
      case 'heading':
        return this.heading(block);
      case 'paragraph':
        return this.paragraph(block);
      case 'bullet':
        return this.bullet(block);
      case 'table':
        return this.table(block);
      case 'signatures':
        return this.signatures(block);
      case 'closing':
        return this.closing(block);
    }
  }

  /** Superior body, cell and `*` | ĐẢNG CỘNG SẢN VIỆT NAM over its rule; then number | place and date, in italics. */
  private header(block: HeaderBlock): string {
    const L = this.layout;
    const column = L.header.leftWidth * TWIP_PER_MM;
    // Broken between the same words as in the .docx, each line kept whole.
    const fitted = (name: string, cls: string) =>
      `<p class="sh-c sh-nowrap${cls}">${balancedLines(upper(name), L.bodySize, column).map((l) => text(l)).join('<br>')}</p>`;
    const { width, cols } = columns([L.header.leftWidth, L.header.rightWidth]);
    let rows =
      `<tr><td>${fitted(block.parent, '')}${fitted(block.cell, ' sh-b')}<p class="sh-c">*</p></td>` +
      `<td><p class="sh-c sh-party"><b>${escapeHtml(PARTY)}</b></p></td></tr>`;
    if (block.number !== undefined || block.dateline !== undefined) {
      rows +=
        `<tr><td>${block.number === undefined ? '' : `<p class="sh-c sh-row2">${text(block.number)}</p>`}</td>` +
        `<td>${block.dateline === undefined ? '' : `<p class="sh-c sh-row2 sh-dateline">${text(block.dateline, { italic: true })}</p>`}</td></tr>`;
    }
    return `<table class="sh-layout sh-party-header" width="${width}">${cols}<tbody>${rows}</tbody></table>`;
  }

  /** NGHỊ QUYẾT / summary line / `-----`, centred. */
  private title(block: TitleBlock): string {
    const subtitle = block.subtitle === undefined ? '' : `<p class="sh-c sh-subtitle"><b>${text(keepNumeralsWithWord(block.subtitle))}</b></p>`;
    return `<p class="sh-c sh-title"><b>${text(keepNumeralsWithWord(upper(block.text)))}</b></p>${subtitle}<p class="sh-c sh-dash">-----</p>`;
  }

  /** `I. ĐÁNH GIÁ…` bold capitals at the margin; `1. Về…` bold, indented; `a) …` italic, indented. */
  private heading(block: HeadingBlock): string {
    const label = [{ text: headingLabel(block, this.layout) }];
    if (block.level === 1) return `<h2 class="sh-h1">${runs([...label, ...block.runs], { bold: true }, upper)}</h2>`;
    if (block.level === 2) return `<h3 class="sh-h2">${runs([...label, ...block.runs], { bold: true })}</h3>`;
    return `<h4 class="sh-h3">${runs([...label, ...block.runs], { italic: true })}</h4>`;
  }

  private paragraph(block: ParagraphBlock): string {
    const align = block.align === undefined || block.align === 'justify' ? '' : ` sh-${block.align}`;
    const indent = block.indent === false ? ' sh-noindent' : '';
    return `<p class="sh-body${align}${indent}">${runs(block.runs)}</p>`;
  }

  /** A bullet is a body paragraph starting with a hyphen, as in the .docx. */
  private bullet(block: BulletBlock): string {
    return `<p class="sh-body">${runs([{ text: '- ' }, ...block.runs])}</p>`;
  }

  /** A gridded table with its widths; the header row bold and centred. */
  private table(block: TableBlock): string {
    const { width, cols } = columns(block.widths);
    const cells = (row: Run[][], tag: 'th' | 'td') => block.widths.map((_, i) => `<${tag}>${runs(row[i] ?? [])}</${tag}>`).join('');
    const head = block.header ? `<thead><tr>${cells(block.header, 'th')}</tr></thead>` : '';
    const body = block.rows.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('');
    return `<table class="sh-grid" width="${width}">${cols}${head}<tbody>${body}</tbody></table>`;
  }

  /** Minutes: THƯ KÝ left, CHỦ TRÌ right, space to sign, the names. */
  private signatures(block: SignaturesBlock): string {
    const side = (s: { title: string; name: string }) => this.signature([{ text: upper(s.title), bold: true }], s.name);
    return this.layoutTable(side(block.left), side(block.right));
  }

  /** Resolution: Nơi nhận and the recipients left; T/M CHI BỘ, BÍ THƯ, space to sign, the name right. */
  private closing(block: ClosingBlock): string {
    const L = this.layout;
    const recipients = block.recipients.map((r) => r.trim().replace(/^-\s*/, '').replace(/[,;.]+$/, ''));
    const left = recipients.length === 0 ? '' :
      `<p class="sh-left sh-first"><u>Nơi nhận:</u></p>` +
      recipients.map((r, i) => `<p class="sh-left sh-recipient">${text(`- ${r}${i === recipients.length - 1 ? '.' : L.recipientEnding}`)}</p>`).join('');
    const right = this.signature([{ text: upper(block.for), bold: true }, { text: upper(block.title), bold: false }], block.name);
    return this.layoutTable(left, right);
  }

  /** Title lines, the layout's empty lines to sign in, then the name in bold, all centred. */
  private signature(titles: { text: string; bold: boolean }[], name: string): string {
    return (
      titles.map((t, i) => `<p class="sh-c${i === 0 ? ' sh-first' : ''}">${text(t.text, { bold: t.bold })}</p>`).join('') +
      '<p class="sh-blank"></p>'.repeat(this.layout.signatureSpace) +
      `<p class="sh-c">${text(name, { bold: true })}</p>`
    );
  }

  /** The borderless two-column table of the header's widths, which the signature and closing share. */
  private layoutTable(left: string, right: string): string {
    const L = this.layout;
    const { width, cols } = columns([L.header.leftWidth, L.header.rightWidth]);
    return `<table class="sh-layout" width="${width}">${cols}<tbody><tr><td>${left}</td><td>${right}</td></tr></tbody></table>`;
  }
}

/**
 * A document's blocks as HTML: one `<article class="sheet">` laid out like the printed page by the
 * stylesheet web/preview.css (A4, the layout's margins, fonts and sizes through sheetVars()), with the
 * Party header, title, numbered headings, justified indented paragraphs, `- ` bullets, tables with their
 * widths, the signatures or Nơi nhận closing, and a DỰ THẢO mark on a draft. Every text is escaped; no
 * `style` attribute is written (the page's CSP refuses them), widths go through `<col width>`.
 */
export function blocksToHtml(doc: DocumentBlocks, layout: Layout): string {
  const b = new HtmlBuilder(layout);
  const mark = doc.draft ? `<p class="sh-draft-mark">${DRAFT}</p>` : '';
  return (
    `<article class="sheet${doc.draft ? ' sh-draft' : ''}" lang="vi" aria-label="${escapeHtml(clean(doc.meta.title))}">` +
    mark +
    doc.blocks.map((block) => b.block(block)).join('\n') +
    '</article>'
  );
}
