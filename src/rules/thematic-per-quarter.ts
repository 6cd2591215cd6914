// Rule thematic-per-quarter: at least one thematic (or combined) sitting in every quarter (rules.md C2).
import type { MeetingKind } from '../model.js';
import type { CellYearRule } from './types.js';
import { lastDayOfMonth, periodEnded, quarterOf } from '../util/time.js';
import { monthKey, isThematic, summaryDoc } from './calendar.js';

/** The rule has no options. */
export type ThematicPerQuarterOptions = Record<string, never>;

/** Quarters (1–4) of `year` with a thematic or combined sitting among the dates given. */
function quartersWithThematic(year: number, sittings: { date: string; kind: MeetingKind }[]): Set<number> {
  const quarters = new Set<number>();
  for (const s of sittings) {
    if (isThematic(s.kind) && s.date.startsWith(`${year}-`)) quarters.add(quarterOf(Number(s.date.slice(5, 7))));
  }
  return quarters;
}

const rule: CellYearRule<ThematicPerQuarterOptions> = {
  id: 'thematic-per-quarter',
  scope: 'year',
  description: {
    vi: 'Mỗi quý có ít nhất một buổi sinh hoạt chuyên đề (hoặc thường kỳ kết hợp chuyên đề): trong kế hoạch năm cho cả bốn quý, và trong hồ sơ cho các quý đã kết thúc (chỉ xét quý nằm trọn từ tháng bắt đầu lưu hồ sơ).',
    en: 'Each quarter has at least one thematic (or combined) sitting: in the year plan for all four quarters, and in the records for quarters that have ended (only quarters wholly from the first month kept).',
  },
  source: 'HD 12-HD/BTCTW (2018): sinh hoạt chuyên đề ít nhất mỗi quý một lần',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    missingPlannedQuarter: {
      vi: 'Kế hoạch năm {year} chưa có buổi sinh hoạt chuyên đề nào trong quý {quarter|roman}.',
      en: 'The {year} plan has no thematic session in quarter {quarter}.',
    },
    missingQuarter: {
      vi: 'Quý {quarter|roman} năm {year} không có buổi sinh hoạt chuyên đề nào (mỗi quý ít nhất một lần).',
      en: 'Quarter {quarter} of {year} had no thematic session (at least one a quarter).',
    },
  },
  check(ctx) {
    const { year } = ctx;
    const recordsFrom = ctx.cell?.data.recordsFrom;
    // A quarter only partly kept in cellctl may have had its session in a month without records.
    const tracked = (quarter: number): boolean =>
      recordsFrom === undefined || monthKey(year, quarter * 3 - 2) >= recordsFrom;

    for (const plan of ctx.plans) {
      // The counts below are of this year's months: only this year's plan fits them.
      if (plan.data.year !== year) continue;
      const planned = quartersWithThematic(year, plan.data.meetings);
      for (let quarter = 1; quarter <= 4; quarter++) {
        if (planned.has(quarter) || !tracked(quarter)) continue;
        ctx.report(plan, { path: '/meetings', key: true, messageId: 'missingPlannedQuarter', data: { quarter, year } });
      }
    }

    const target = summaryDoc(ctx);
    if (!target) return;
    const held = quartersWithThematic(year, ctx.meetings.map((m) => m.data));
    for (let quarter = 1; quarter <= 4; quarter++) {
      if (!periodEnded(lastDayOfMonth(year, quarter * 3), ctx.env.asOf)) break;
      if (held.has(quarter) || !tracked(quarter)) continue;
      ctx.report(target, { path: '', messageId: 'missingQuarter', data: { quarter, year } });
    }
  },
};

export default rule;
