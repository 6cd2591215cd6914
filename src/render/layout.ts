// The layout profile: every figure of the Party layout as data (profiles/layout.yaml), overridable per cell.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { packagePath } from '../resources.js';

/** The Party document layout (HD 36-HD/VPTW). Lengths in millimetres, sizes in points. */
export interface Layout {
  paper: 'A4';
  margins: { top: number; bottom: number; left: number; right: number };
  font: string;
  bodySize: number;
  lineSpacing: number;
  spaceBefore: number;
  firstLineIndent: number;
  /** `overhang`: how far the header (and closing) table reaches into the left margin, in mm. */
  /** `maxNameLines`: most lines a name may take in the header's left column (rule header-fits). */
  header: { leftWidth: number; rightWidth: number; overhang?: number; partySize: number; pageNumberTop: number; maxNameLines: number };
  titleSize: number;
  subtitleSize: number;
  recipientsSize: number;
  headingStyle: '.' | '-';
  parentPrefix: string;
  onBehalfOf: string;
  recipientEnding: ',' | ';';
  signatureSpace: number;
  minutesNumbered: boolean;
  /**
   * Who signs the score sheet (phiếu đánh giá): `minutes`, the secretary and the chair as on the minutes;
   * `cell`, the head of the cell on its behalf (T/M CHI BỘ / BÍ THƯ), as some superior committees ask.
   */
  scoreSheetSigners: 'minutes' | 'cell';
}

let base: Layout | undefined;

/** The shipped layout, with a cell's `layout:` overrides laid over it (nested objects key by key). */
export function resolveLayout(overrides?: Partial<Omit<Layout, 'margins' | 'header'>> & { margins?: Partial<Layout['margins']>; header?: Partial<Layout['header']> }): Layout {
  base ??= parse(readFileSync(packagePath('profiles', 'layout.yaml'), 'utf8')) as Layout;
  if (!overrides) return base;
  return {
    ...base,
    ...overrides,
    margins: { ...base.margins, ...overrides.margins },
    header: { ...base.header, ...overrides.header },
  } as Layout;
}

/** Millimetres to twentieths of a point (twips), the unit of Word's page geometry. */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}
