// Rule thematic-min: at least `min` thematic (or combined) sittings in the year, planned and held (rules.md C3).
import type { CellYearRule } from './types.js';
import { summaryDoc } from './calendar.js';
import { thematicCount } from '../facts/derive.js';
import { periodEnded } from '../util/time.js';

/** Options of thematic-min. */
export interface ThematicMinOptions {
  /** Fewest thematic sittings a year; 0 switches the rule off. */
  min: number;
}

const rule: CellYearRule<ThematicMinOptions> = {
  id: 'thematic-min',
  scope: 'year',
  description: {
    vi: 'Mỗi năm có ít nhất 4 buổi sinh hoạt chuyên đề (kể cả buổi thường kỳ kết hợp chuyên đề): kiểm tra trong kế hoạch năm, và trong hồ sơ khi năm đã kết thúc. Năm bắt đầu lưu hồ sơ giữa chừng (recordsFrom sau tháng 1) không bị kiểm tra.',
    en: 'At least 4 thematic sittings a year (combined ones included): checked in the year plan, and in the records once the year has ended. A year whose records start after January (recordsFrom) is not checked.',
  },
  source: 'HD 12-HD/BTCTW (2018): sinh hoạt chuyên đề ít nhất mỗi quý một lần, tức ít nhất 4 lần mỗi năm',
  defaultSeverity: 'error',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { min: { type: 'integer', minimum: 0 } },
  },
  defaultOptions: { min: 4 },
  messages: {
    planTooFew: {
      vi: 'Kế hoạch năm {year} chỉ có {count} buổi sinh hoạt chuyên đề, ít hơn mức tối thiểu {min} buổi.',
      en: 'The {year} plan has only {count} thematic sessions, fewer than the minimum of {min}.',
    },
    tooFew: {
      vi: 'Năm {year} chi bộ chỉ sinh hoạt chuyên đề {count} lần, ít hơn mức tối thiểu {min} lần.',
      en: 'The cell held only {count} thematic sessions in {year}, fewer than the minimum of {min}.',
    },
  },
  check(ctx) {
    const { year } = ctx;
    const { min } = ctx.options;
    const recordsFrom = ctx.cell?.data.recordsFrom;
    if (!min || (recordsFrom !== undefined && recordsFrom > `${year}-01`)) return;

    for (const plan of ctx.plans) {
      // The counts below are of this year's months: only this year's plan fits them.
      if (plan.data.year !== year) continue;
      const count = thematicCount(year, plan.data.meetings);
      if (count < min) {
        ctx.report(plan, { path: '/meetings', key: true, messageId: 'planTooFew', data: { count, min, year } });
      }
    }

    // Sessions may still be held until the last day of the year.
    if (!periodEnded(`${year}-12-31`, ctx.env.asOf)) return;
    const target = summaryDoc(ctx);
    if (!target) return;
    const count = thematicCount(year, ctx.meetings.map((m) => m.data));
    if (count < min) ctx.report(target, { path: '', messageId: 'tooFew', data: { count, min, year } });
  },
};

export default rule;
