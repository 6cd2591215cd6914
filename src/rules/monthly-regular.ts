// Rule monthly-regular: every month has a regular (or combined) sitting, in the plan and in the records (Điều lệ Điều 24).
import type { CellYearRule } from './types.js';
import { lastDayOfMonth, periodEnded } from '../util/time.js';
import { monthKey, summaryDoc } from './calendar.js';

/** The rule has no options: one regular meeting a month is fixed by the Charter. */
export type MonthlyRegularOptions = Record<string, never>;

const rule: CellYearRule<MonthlyRegularOptions> = {
  id: 'monthly-regular',
  scope: 'year',
  description: {
    vi: 'Chi bộ sinh hoạt thường kỳ mỗi tháng một lần: kế hoạch năm có buổi sinh hoạt thường kỳ (hoặc thường kỳ kết hợp chuyên đề) trong cả 12 tháng, và mỗi tháng đã qua có hồ sơ buổi sinh hoạt đó (từ tháng bắt đầu lưu hồ sơ, recordsFrom). Tháng chỉ có sinh hoạt chuyên đề do quy tắc thematic-not-regular báo.',
    en: 'The cell holds a regular meeting every month: the year plan has a regular (or combined) sitting in each of the 12 months, and every month that has ended has its record (from the first month kept, recordsFrom). A month with only a thematic session is reported by thematic-not-regular.',
  },
  source: 'Điều lệ Đảng Điều 24 khoản 2: chi bộ, chi ủy họp thường lệ mỗi tháng một lần',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    missingPlannedMonth: {
      vi: 'Kế hoạch năm {year} chưa có buổi sinh hoạt thường kỳ nào trong tháng {month|month}.',
      en: 'The {year} plan has no regular meeting in month {month}.',
    },
    missingMonth: {
      vi: 'Chưa có hồ sơ sinh hoạt thường kỳ tháng {month|month}/{year}.',
      en: 'There is no record of a regular meeting for {month}/{year}.',
    },
  },
  check(ctx) {
    const { year } = ctx;
    const recordsFrom = ctx.cell?.data.recordsFrom;
    // Months before the cell started keeping records in cellctl are not expected to appear.
    const tracked = (month: number): boolean => recordsFrom === undefined || monthKey(year, month) >= recordsFrom;

    for (const plan of ctx.plans) {
      // The counts below are of this year's months: only this year's plan fits them.
      if (plan.data.year !== year) continue;
      // Any sitting counts: a regular or combined one satisfies the month, and a month with only a
      // thematic one is thematic-not-regular's finding.
      const planned = new Set(plan.data.meetings.map((m) => m.date.slice(0, 7)));
      for (let month = 1; month <= 12; month++) {
        if (!tracked(month) || planned.has(monthKey(year, month))) continue;
        ctx.report(plan, { path: '/meetings', key: true, messageId: 'missingPlannedMonth', data: { month, year } });
      }
    }

    // As in the plan, a month with only a thematic record is left to thematic-not-regular.
    const held = new Set(ctx.meetings.map((m) => m.data.date.slice(0, 7)));
    const target = summaryDoc(ctx);
    if (!target) return;
    for (let month = 1; month <= 12; month++) {
      if (!periodEnded(lastDayOfMonth(year, month), ctx.env.asOf)) break;
      if (!tracked(month) || held.has(monthKey(year, month))) continue;
      ctx.report(target, { path: '', messageId: 'missingMonth', data: { month, year } });
    }
  },
};

export default rule;
