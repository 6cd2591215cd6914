// Report periods: `2026`, `2026-Q4`, `2026-11`, `2026-01..2026-06`, parsed into days, months and the Party's label; and which problems belong to one.
import { UsageError } from '../errors.js';
import type { Lang } from '../messages/format.js';
import { isoDay, lastDayOfMonth } from '../util/time.js';
import type { ReportPeriod } from './types.js';

const ROMAN = ['I', 'II', 'III', 'IV'];

function monthList(fromYear: number, fromMonth: number, toYear: number, toMonth: number): string[] {
  const out: string[] = [];
  for (let y = fromYear, m = fromMonth; y < toYear || (y === toYear && m <= toMonth); m === 12 ? ((m = 1), y++) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

function label(fromYear: number, fromMonth: number, toYear: number, toMonth: number, lang: Lang): string {
  const en = lang === 'en';
  if (fromMonth === 1 && toMonth === 12 && fromYear === toYear) return en ? `year ${fromYear}` : `năm ${fromYear}`;
  if (fromYear === toYear && fromMonth === toMonth) return en ? `month ${fromMonth} of ${fromYear}` : `tháng ${fromMonth} năm ${fromYear}`;
  if (fromYear === toYear && fromMonth % 3 === 1 && toMonth === fromMonth + 2) {
    const q = ROMAN[(fromMonth - 1) / 3]!;
    return en ? `quarter ${q} of ${fromYear}` : `quý ${q} năm ${fromYear}`;
  }
  if (fromYear === toYear) {
    return en ? `months ${fromMonth} to ${toMonth} of ${fromYear}` : `từ tháng ${fromMonth} đến tháng ${toMonth} năm ${fromYear}`;
  }
  return en
    ? `month ${fromMonth} of ${fromYear} to month ${toMonth} of ${toYear}`
    : `từ tháng ${fromMonth} năm ${fromYear} đến tháng ${toMonth} năm ${toYear}`;
}

function build(fy: number, fm: number, ty: number, tm: number, lang: Lang): ReportPeriod {
  return {
    from: isoDay(fy, fm, 1),
    to: lastDayOfMonth(ty, tm),
    label: label(fy, fm, ty, tm, lang),
    months: monthList(fy, fm, ty, tm),
  };
}

/** Parse a period as written on the command line; a bad one is a usage error naming the accepted forms. */
export function parsePeriod(text: string, lang: Lang = 'vi'): ReportPeriod {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) return build(Number(m[1]), 1, Number(m[1]), 12, lang);
  if ((m = /^(\d{4})-[Qq]([1-4])$/.exec(t))) {
    const q = Number(m[2]);
    return build(Number(m[1]), q * 3 - 2, Number(m[1]), q * 3, lang);
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(t)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return build(Number(m[1]), Number(m[2]), Number(m[1]), Number(m[2]), lang);
  }
  if ((m = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/.exec(t))) {
    const [fy, fm, ty, tm] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    if (fm >= 1 && fm <= 12 && tm >= 1 && tm <= 12 && (fy < ty || (fy === ty && fm <= tm))) return build(fy, fm, ty, tm, lang);
  }
  throw new UsageError(
    `kỳ báo cáo "${text}" không hợp lệ; hãy ghi năm (2026), quý (2026-Q4), tháng (2026-11) hoặc khoảng tháng (2026-01..2026-06) ` +
      `(invalid --period: use 2026, 2026-Q4, 2026-11 or 2026-01..2026-06).`,
  );
}

/**
 * The month a year-level finding belongs to: the year's last month once the year is over by `asOf`, else the
 * month of `asOf` (a finding about a year still running is news of the report that holds the as-of day).
 */
export function yearAnchor(year: number, asOf: string): string {
  const asOfMonth = asOf.slice(0, 7);
  const first = `${year}-01`;
  const last = `${year}-12`;
  return asOfMonth > last ? last : asOfMonth < first ? first : asOfMonth;
}

/**
 * Whether a problem is one the period speaks about (docs/report.md, "What a period counts"). A finding naming
 * a month or a quarter belongs to a period that holds that whole month or quarter; any other problem of a
 * record belongs to the record's date; any other finding about a year (a plan, a year-level rule) belongs
 * to the period holding the year's anchor (yearAnchor). A problem of the cell profile, which no date
 * bounds, is in every period.
 */
export function problemInPeriod(
  p: { file: string; data?: Record<string, string | number> },
  recordDate: string | undefined,
  period: ReportPeriod,
  asOf: string,
): boolean {
  const plan = /plan-(\d{4})\.ya?ml$/i.exec(p.file);
  const year = p.data?.year !== undefined ? Number(p.data.year) : plan ? Number(plan[1]) : undefined;
  // A year rule may name its month or quarter on a record it reports on (when there is no cell.yaml): the month wins.
  if (year !== undefined && Number.isInteger(year)) {
    const pad = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
    const month = Number(p.data?.month);
    if (month >= 1 && month <= 12) return period.months.includes(pad(month));
    const quarter = Number(p.data?.quarter);
    if (quarter >= 1 && quarter <= 4) return [0, 1, 2].every((i) => period.months.includes(pad(quarter * 3 - 2 + i)));
  }
  if (recordDate !== undefined) return recordDate >= period.from && recordDate <= period.to;
  if (year === undefined || !Number.isInteger(year)) return true;
  return period.months.includes(yearAnchor(year, asOf));
}
