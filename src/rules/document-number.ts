// Rule document-number: resolution numbers run 1, 2, 3… without gaps or repeats within the committee's term.
import type { MeetingRecord } from '../model.js';
import type { CellYearContext, CellYearRule, DocRef } from './types.js';

/** The rule has no options; the term start comes from the cell profile (`numbering.termStart`). */
export type DocumentNumberOptions = Record<string, never>;

/** A numbered resolution of the year. */
interface Numbered {
  doc: DocRef<MeetingRecord>;
  number: number;
}

/** A document number as Party documents write it (HD 36-HD/VPTW): 01–09 padded, `Số 05-NQ/CB`. */
function docNo(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < 10 ? `0${n}` : String(n);
}

/** Report gaps and repeats in one run of numbers (date order); `start` is the required first number. */
function checkRun(
  ctx: CellYearContext<DocumentNumberOptions>,
  run: Numbered[],
  start: number | undefined,
): void {
  const seen = new Map<number, string>();
  let previous: number | undefined;
  for (const { doc, number } of run) {
    const firstDate = seen.get(number);
    if (firstDate !== undefined) {
      ctx.report(doc, { path: '/resolution/number', messageId: 'duplicate', data: { number, numberNo: docNo(number), firstDate } });
      continue;
    }
    seen.set(number, doc.data.date);
    const expected = previous === undefined ? start : previous + 1;
    if (expected !== undefined && number !== expected) {
      ctx.report(doc, { path: '/resolution/number', messageId: 'gap', data: { expected, actual: number, expectedNo: docNo(expected), actualNo: docNo(number) } });
    }
    previous = previous === undefined ? number : Math.max(previous, number);
  }
}

const rule: CellYearRule<DocumentNumberOptions> = {
  id: 'document-number',
  scope: 'year',
  description: {
    vi: 'Số nghị quyết của chi bộ đánh liên tục (01, 02, 03…) theo thứ tự ngày ban hành trong nhiệm kỳ, không bỏ số, không trùng số; đánh lại từ 01 khi bắt đầu nhiệm kỳ mới (numbering.termStart). Hạn chế: mỗi lần kiểm tra chỉ xem hồ sơ của một năm, nên số đầu tiên của năm không được so với số cuối của năm trước; chỉ kiểm tra số 01 ở năm bắt đầu nhiệm kỳ và cảnh báo khi số đánh lại từ 01 vào đầu năm giữa nhiệm kỳ.',
    en: "Resolution numbers run consecutively (1, 2, 3…) in date order within the term, with no gap and no repeat, restarting at 1 when a new term begins (numbering.termStart). Limitation: each check sees one year of records, so a year's first number is not compared with the previous year's last; the number 1 is required in the year the term starts, and a restart at 1 at the start of a later year of the term is flagged.",
  },
  source: 'Hướng dẫn 36-HD/VPTW (2018) về thể thức văn bản của Đảng: số văn bản đánh theo từng loại trong nhiệm kỳ cấp ủy; Quy định 399-QĐ/TW (2026)',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    gap: {
      vi: 'Số nghị quyết không liên tục: nghị quyết này phải mang số {expectedNo}, không phải số {actualNo}.',
      en: 'Resolution numbers are not consecutive: this one should be {expected}, not {actual}.',
    },
    duplicate: {
      vi: 'Số {numberNo} đã dùng cho nghị quyết ngày {firstDate|date}; mỗi nghị quyết trong nhiệm kỳ mang một số riêng.',
      en: 'Resolution number {number} was already used on {firstDate}.',
    },
    yearRestart: {
      vi: 'Số nghị quyết đánh lại từ 01 vào năm {year}, nhưng nhiệm kỳ bắt đầu từ {termStart|date}: số văn bản đánh liên tục trong cả nhiệm kỳ.',
      en: 'Resolution numbers restart at 1 in {year}, but the term began on {termStart}: numbers run through the whole term.',
    },
  },
  check(ctx) {
    const termStart = ctx.cell?.data.numbering?.termStart;
    const before: Numbered[] = [];
    const current: Numbered[] = [];
    for (const doc of ctx.meetings) {
      const number = doc.data.resolution?.number;
      if (number === undefined || Number(doc.data.date.slice(0, 4)) !== ctx.year) continue;
      // The term begins on termStart: a resolution of that day is already the new term's.
      (termStart !== undefined && doc.data.date < termStart ? before : current).push({ doc, number });
    }
    const recordsFrom = ctx.cell?.data.recordsFrom;
    // Only when the term's first resolution can be among the records is the number 1 required.
    const termStartsThisYear =
      termStart !== undefined &&
      termStart.startsWith(`${ctx.year}-`) &&
      (recordsFrom === undefined || termStart.slice(0, 7) >= recordsFrom);
    checkRun(ctx, before, undefined);
    checkRun(ctx, current, termStartsThisYear ? 1 : undefined);

    const first = current[0];
    // A term that began before December of last year must already have numbered resolutions, so
    // starting this year at 1 means the cell numbers by calendar year instead of by term.
    if (first && first.number === 1 && !termStartsThisYear && termStart !== undefined && termStart < `${ctx.year - 1}-12-01`) {
      ctx.report(first.doc, {
        path: '/resolution/number',
        messageId: 'yearRestart',
        data: { year: ctx.year, termStart },
      });
    }
  },
};

export default rule;
