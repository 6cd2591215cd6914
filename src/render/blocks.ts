// The block structure between templates and the docx builder: what a document says, not how it looks.

/** A stretch of text with its emphasis. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** The Party header: a borderless two-column table (HD 36-HD/VPTW). */
export interface HeaderBlock {
  type: 'header';
  /** Superior body, upper case: `ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT`. */
  parent: string;
  /** The cell, upper case: `CHI BỘ KHU DÂN CƯ SỐ 12`. */
  cell: string;
  /** `Số 05-NQ/CB`, when the document carries a number. */
  number?: string;
  /** `Hoàng Liệt, ngày 05 tháng 6 năm 2024`, when the document carries a place-date line. */
  dateline?: string;
}

/** Document type and summary: `NGHỊ QUYẾT` / `lãnh đạo thực hiện nhiệm vụ tháng 7 năm 2024` / `-----`. */
export interface TitleBlock {
  type: 'title';
  text: string;
  subtitle?: string;
}

/** A numbered heading; the builder writes the numbering in the layout's style (`I.` or `I-`). */
export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3;
  /** The number or letter as data: `I`, `1`, `a`; omitted for an unnumbered heading. */
  number?: string;
  runs: Run[];
}

/** A body paragraph: justified, first-line indent, unless told otherwise. */
export interface ParagraphBlock {
  type: 'paragraph';
  runs: Run[];
  align?: 'justify' | 'center' | 'left' | 'right';
  /** First-line indent (default true). */
  indent?: boolean;
}

/** A bullet line, written with a leading `- ` (never •). */
export interface BulletBlock {
  type: 'bullet';
  runs: Run[];
}

/** A table with explicit column widths in millimetres; the first row may be a repeated header. */
export interface TableBlock {
  type: 'table';
  widths: number[];
  header?: Run[][];
  rows: Run[][][];
}

/** Minutes: two signatures side by side (THƯ KÝ left, CHỦ TRÌ right). */
export interface SignaturesBlock {
  type: 'signatures';
  left: { title: string; name: string };
  right: { title: string; name: string };
}

/**
 * Resolution closing: recipients on the left, `T/M CHI BỘ` / `BÍ THƯ` / name on the right. Without
 * recipients (a score sheet signed for the cell) the left column stays empty, with no `Nơi nhận:`.
 */
export interface ClosingBlock {
  type: 'closing';
  recipients: string[];
  /** `T/M CHI BỘ` (or `T/M CHI ỦY`, per layout). */
  for: string;
  /** `BÍ THƯ` or `PHÓ BÍ THƯ`. */
  title: string;
  name: string;
}

export type Block =
  | HeaderBlock
  | TitleBlock
  | HeadingBlock
  | ParagraphBlock
  | BulletBlock
  | TableBlock
  | SignaturesBlock
  | ClosingBlock;

/** A whole document as blocks, with what the builder needs besides them. */
export interface DocumentBlocks {
  blocks: Block[];
  /** Shown as a visible "DỰ THẢO" mark on every page. */
  draft: boolean;
  /** Core properties; `date` (YYYY-MM-DD) is also the fixed timestamp inside the file, for identical bytes. */
  meta: { title: string; subject?: string; author: string; date: string };
}
