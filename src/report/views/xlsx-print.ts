// How the report workbook prints: A4 page setup, header and footer, and row heights that fit wrapped text (no office program fits them on load).
import type ExcelJS from 'exceljs';

/** The one face of every sheet: Times New Roman is on every office PC, and LibreOffice prints it with the same metrics (Liberation Serif). */
export const FONT_NAME = 'Times New Roman';
/** Body text size (pt). */
export const FONT_SIZE = 11;
/** Smallest text a sheet may print at once scaled to its page (pt). */
export const MIN_PRINTED_PT = 9;

/** A4 in points, and the margins the sheets print with (inches, as OOXML wants them). */
const A4 = { short: 595.3, long: 841.9 };
export const MARGINS = { left: 0.4, right: 0.4, top: 0.9, bottom: 0.75, header: 0.3, footer: 0.3 };

/**
 * Printed width of a column `width` characters wide (ECMA-376 §18.3.1.13: pixels = width × 7 + 5 for the
 * 7-pixel digit of an 11-pt default font, at 96 pixels an inch).
 */
export function columnPoints(width: number): number {
  return (Math.trunc(width * 7) + 5) * 0.75;
}

/** Width of the paper between the side margins, in points. */
export function printableWidth(orientation: 'portrait' | 'landscape'): number {
  const paper = orientation === 'portrait' ? A4.short : A4.long;
  return paper - (MARGINS.left + MARGINS.right) * 72;
}

/** Where each page's header and footer text comes from. */
export interface PrintHeading {
  /** The committee, left of the header. */
  committee: string;
  /** The report's title with its period, in the header's middle. */
  title: string;
  /** Left of the footer: the date the figures are as of. */
  asOf: string;
  /** "Trang" / "Page" before the page number. */
  page: string;
}

/** `&` starts a code in a header or footer: a literal one is doubled. */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

/** A header or footer section in the sheet's face at 10 pt (scaled with a fitted page, it stays above 9 pt). The size comes first, so text starting with a digit is not read as part of it. */
function section(code: 'L' | 'C' | 'R', text: string): string {
  return `&${code}&10&"${FONT_NAME},Regular"${text}`;
}

/**
 * The header and footer strings of every sheet: the committee over the title on the left (stacked, so a long
 * committee name cannot run into a centred title on a portrait page) and the sheet's name on the right; the
 * as-of date and "page x/y" below.
 */
export function headerFooter(h: PrintHeading): { oddHeader: string; oddFooter: string } {
  return {
    oddHeader: section('L', `${literal(h.committee)}\n&"${FONT_NAME},Bold"${literal(h.title)}`) + section('R', '&A'),
    oddFooter: section('L', literal(h.asOf)) + section('R', `${literal(h.page)} &P/&N`),
  };
}

/**
 * Page setup for a sheet whose printed columns are `widths` wide: portrait when they fit across A4,
 * otherwise landscape; scaled to one page wide only while its text stays at least MIN_PRINTED_PT, else
 * printed at full size over several pages, the `titleColumns` repeated on each.
 */
export function pageSetup(widths: number[], titleRows: number, titleColumns: number, printArea?: string): Partial<ExcelJS.PageSetup> {
  const total = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  const orientation = total <= printableWidth('portrait') ? 'portrait' : 'landscape';
  const room = printableWidth(orientation);
  const fits = total <= room;
  const shrinks = !fits && (room / total) * FONT_SIZE >= MIN_PRINTED_PT;
  const lastTitleColumn = columnLetter(titleColumns);
  return {
    paperSize: 9,
    orientation,
    margins: MARGINS,
    ...(shrinks ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: 100 }),
    ...(titleRows > 0 ? { printTitlesRow: `1:${titleRows}` } : {}),
    ...(!fits && !shrinks && titleColumns > 0 ? { printTitlesColumn: `A:${lastTitleColumn}` } : {}),
    ...(printArea ? { printArea } : {}),
  };
}

/** `1` → `A`, `27` → `AA`. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * Widths of Times New Roman glyphs in ems (its metrics, as Liberation Serif's), each rounded up to its
 * group's widest, so an estimate never has fewer lines than the print: a row too tall wastes a little
 * paper, a row too short prints one cell's text over the next one's. Vietnamese letters count as their
 * base letter; the horn of ơ and ư widens them.
 */
function glyphEm(ch: string): number {
  if (ch === ' ') return 0.25;
  if (/[ơưƠƯ]/.test(ch)) return ch === ch.toLowerCase() ? 0.56 : 0.8;
  const base = ch.normalize('NFD')[0] ?? ch;
  if (/[0-9]/.test(base)) return 0.5;
  if (/[.,:;'’|!]/.test(base)) return 0.28;
  if (/[fijlrt]/.test(base)) return 0.34;
  if (/[()/\-–“”"]/.test(base)) return 0.5;
  if (/[mMW%&]/.test(base)) return 0.95;
  if (base === 'w') return 0.73;
  if (base !== base.toLowerCase()) return 0.73;
  if (/[acez]/.test(base)) return 0.45;
  if (base === 's') return 0.4;
  return 0.5;
}

function textEm(text: string): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) em += glyphEm(ch);
  return em;
}

/**
 * Lines a text wraps into in a column `width` characters wide, at `size` pt: greedy word wrap, as Calc and
 * Excel do. Where they may also break after a hyphen or a slash (paths, `chi-bo-29`) depends on the
 * program and the next character, so both readings are counted and the larger is kept.
 */
export function wrappedLines(text: string, width: number, size = FONT_SIZE, bold = false): number {
  // A cell's inner padding (about 2 pt each side) is not room for text.
  const room = (columnPoints(width) - 5) / (size * (bold ? 1.1 : 1));
  const count = (pieces: (word: string) => string[]) => {
    let lines = 0;
    for (const paragraph of text.split('\n')) {
      let used = 0;
      lines++;
      for (const word of paragraph.split(' ').filter((w) => w !== '')) {
        pieces(word).forEach((piece, k) => {
          const em = textEm(piece);
          const gap = k === 0 && used > 0 ? textEm(' ') : 0;
          if (used + gap + em <= room) {
            used += gap + em;
            return;
          }
          if (used > 0) lines++;
          // A piece wider than the column breaks inside itself.
          lines += Math.max(0, Math.ceil(em / room) - 1);
          used = em % room || room;
        });
      }
    }
    return lines;
  };
  return Math.max(
    count((word) => [word]),
    count((word) => word.split(/(?<=[-/])/)),
  );
}

/** Height of one printed line at `size` pt (Times New Roman's ascent plus descent is 1.107 em; the rest is leading). */
export function lineHeight(size = FONT_SIZE): number {
  return Math.ceil(size * 1.2 * 4) / 4;
}

/** Set a row's height to fit its tallest wrapped cell, since LibreOffice keeps a stored height and Excel does not re-measure on open. */
export function fitRowHeight(row: ExcelJS.Row, widths: number[], size = FONT_SIZE, bold = false): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    const value = cell.value;
    if (typeof value !== 'string' || !cell.alignment?.wrapText) return;
    lines = Math.max(lines, wrappedLines(value, widths[col - 1] ?? 10, size, bold));
  });
  row.height = lines * lineHeight(size) + 3;
}

/** The parts of exceljs's writer that useDefaultFont reaches into (exceljs 4: XLSX.prepareModel, StylesXform). */
interface StylesManager {
  model?: { fonts?: string[] };
  map?: { font?: { toXml(font: Partial<ExcelJS.Font>): string } };
}

/**
 * Make the sheet's face the workbook's default font (font 0, the Normal style). Column widths are counted in
 * the default font's digits, and exceljs always writes Calibri there; where Calibri is missing, LibreOffice
 * measures with whatever replaces it (DejaVu Sans: a third wider), so every column printed a third too wide.
 * Times New Roman's digit is 7 pixels like Calibri's, and LibreOffice has its metric twin everywhere.
 * exceljs offers no setting for it, so the workbook's model is amended once the writer has prepared it;
 * if a later exceljs prepares it differently, this leaves the workbook as exceljs made it.
 */
export function useDefaultFont(wb: ExcelJS.Workbook): void {
  const xlsx = wb.xlsx as unknown as { prepareModel?: (model: { styles?: StylesManager }, options: unknown) => void };
  const prepare = xlsx.prepareModel;
  if (typeof prepare !== 'function') return;
  xlsx.prepareModel = function (model, options) {
    prepare.call(this, model, options);
    const fonts = model.styles?.model?.fonts;
    const toXml = model.styles?.map?.font?.toXml.bind(model.styles.map.font);
    if (fonts && fonts.length > 0 && toXml) fonts[0] = toXml({ size: FONT_SIZE, name: FONT_NAME });
  };
}
