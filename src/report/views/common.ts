// What the rich report views (xlsx, html, docx) share: their words in two languages, the thresholds they colour by, numbers the Party's way.
import type { RuleOverrides } from '../../model.js';
import { ruleOptions } from '../../rules/profiles.js';
import { partyMonth, shortDate } from '../../util/vi-date.js';
import type { CellStatus, CommitteeReport, MonthCell } from '../types.js';

/** Language of a report view: Vietnamese (default) or English. */
export type ReportLang = 'vi' | 'en';

/**
 * The lines the views colour by. Defaults come from the rules profile in force on the report's as-of date
 * (`attendance-quality.minPresentPercent`, `score-rating`); a committee whose rules differ passes its own.
 */
export interface Thresholds {
  /** Attendance below this share (0–1) is flagged. */
  attendance: number;
  /** Lowest score of each rating: Tốt, Khá, Trung bình (below `average` is Kém). */
  good: number;
  fair: number;
  average: number;
}

/** Options every rich view takes. */
export interface ReportViewOptions {
  lang?: ReportLang;
  /** The committee's rule overrides (committee.yaml `overrides:` with `--rules` over them), read for the thresholds. */
  rules?: RuleOverrides;
  /** Thresholds given outright, over everything else. */
  thresholds?: Partial<Thresholds>;
}

/** The thresholds of a report: the profile's in force on its as-of date, with the committee's rules, then the caller's figures. */
export function thresholdsOf(report: CommitteeReport, override: Partial<Thresholds> = {}, rules?: RuleOverrides): Thresholds {
  const date = report.asOf;
  const attendance = ruleOptions<{ minPresentPercent: number }>('attendance-quality', undefined, date, rules).minPresentPercent / 100;
  const rating = ruleOptions<{ good: number; fair: number; average: number }>('score-rating', undefined, date, rules);
  return { attendance, good: rating.good, fair: rating.fair, average: rating.average, ...override };
}

/** Strip what XML 1.0 forbids (and C1 controls) and normalise to NFC: user text goes into XML and HTML. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** `0.909` → `90,9%` (vi) or `90.9%` (en); one decimal, `,0` dropped; null → `–`. */
export function percent(rate: number | null, lang: ReportLang): string {
  if (rate === null) return '–';
  return `${decimal(Math.round(rate * 1000) / 10, lang)}%`;
}

/** A number with at most one decimal, comma in Vietnamese; null → `–`. */
export function decimal(value: number | null, lang: ReportLang): string {
  if (value === null) return '–';
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** `2026-08` → `8/2026`; `2026-01` → `01/2026` (the Party pads only January and February). */
export function monthShort(month: string): string {
  const [y, m] = month.split('-');
  return `${partyMonth(Number(m))}/${y}`;
}

/** A date for a table cell: `05/8/2026` (vi) or `2026-08-05` (en). */
export function dateShort(iso: string, lang: ReportLang): string {
  return lang === 'vi' ? shortDate(iso) : iso;
}

/** Roman numeral of a quarter (1–4). */
export function quarterRoman(q: number): string {
  return ['I', 'II', 'III', 'IV'][q - 1] ?? String(q);
}

/** What happened in one month, as the grid shows it. */
export type MonthState = 'combined' | 'both' | 'regular' | 'thematic-only' | 'missing' | 'not-due';

/** The colour each month state is shown in, by name: each view holds its own shade of each name (HTML, the workbook). */
export const MONTH_COLOUR: Readonly<Record<MonthState, 'combined' | 'thematic' | 'good' | 'bad' | 'notDue'>> = {
  combined: 'combined',
  both: 'thematic',
  regular: 'good',
  'thematic-only': 'thematic',
  missing: 'bad',
  'not-due': 'notDue',
};

/** The grid's reading of a month: a due month without a regular sitting is missing, whatever else was held. */
export function monthState(m: MonthCell): MonthState {
  if (m.combined) return 'combined';
  if (m.regular && m.thematic) return 'both';
  if (m.regular) return 'regular';
  if (m.due) return 'missing';
  if (m.thematic) return 'thematic-only';
  return 'not-due';
}

/** Rating band of a score. */
export function band(score: number | null, t: Thresholds): 'good' | 'fair' | 'average' | 'poor' | null {
  if (score === null) return null;
  return score >= t.good ? 'good' : score >= t.fair ? 'fair' : score >= t.average ? 'average' : 'poor';
}

const WORDS = {
  vi: {
    status: { ok: 'Đã báo cáo', missing: 'Không gửi hồ sơ', unlisted: 'Ngoài danh sách', duplicate: 'Trùng chi bộ', unreadable: 'Hồ sơ lỗi' },
    month: {
      combined: 'Kết hợp',
      both: 'TK + CĐ',
      regular: 'TK',
      'thematic-only': 'CĐ',
      missing: 'Thiếu',
      'not-due': '',
    },
    monthLegend: {
      combined: 'Kết hợp: sinh hoạt thường kỳ và chuyên đề trong một buổi',
      both: 'TK + CĐ: sinh hoạt thường kỳ và chuyên đề riêng',
      regular: 'TK: sinh hoạt thường kỳ',
      'thematic-only': 'CĐ: chỉ sinh hoạt chuyên đề (tháng chưa đến hạn)',
      missing: 'Thiếu: tháng đã qua mà không sinh hoạt thường kỳ',
      'not-due': 'Để trống: tháng chưa đến hạn',
    },
    rating: { good: 'Tốt', fair: 'Khá', average: 'Trung bình', poor: 'Kém' },
    yes: 'Có',
    no: 'Không',
    error: 'Lỗi',
    warning: 'Cảnh báo',
  },
  en: {
    status: { ok: 'Reported', missing: 'Sent nothing', unlisted: 'Not on the list', duplicate: 'Duplicate', unreadable: 'Unreadable files' },
    month: {
      combined: 'Combined',
      both: 'R + T',
      regular: 'R',
      'thematic-only': 'T',
      missing: 'Missing',
      'not-due': '',
    },
    monthLegend: {
      combined: 'Combined: regular and thematic in one sitting',
      both: 'R + T: regular and thematic sittings',
      regular: 'R: regular sitting',
      'thematic-only': 'T: thematic only (month not yet due)',
      missing: 'Missing: a month that ended without a regular sitting',
      'not-due': 'Blank: month not yet due',
    },
    rating: { good: 'Good', fair: 'Fair', average: 'Average', poor: 'Poor' },
    yes: 'Yes',
    no: 'No',
    error: 'Error',
    warning: 'Warning',
  },
} as const;

/** The shared words of a language. */
export function words(lang: ReportLang) {
  return WORDS[lang];
}

/** A cell's status in words. */
export function statusText(status: CellStatus, lang: ReportLang): string {
  return WORDS[lang].status[status];
}
