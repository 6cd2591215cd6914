// Rule thematic-not-regular: a thematic session never replaces the month's regular meeting (rules.md C4).
import type { MeetingKind } from '../model.js';
import type { CellYearRule } from './types.js';
import { lastDayOfMonth, periodEnded } from '../util/time.js';
import { monthKey } from './calendar.js';

/** The rule has no options. */
export type ThematicNotRegularOptions = Record<string, never>;

/** Months (YYYY-MM) with a regular or combined sitting, and the first thematic sitting of each month. */
function byMonth<T>(items: T[], dateOf: (t: T) => string, kindOf: (t: T) => MeetingKind) {
  const regular = new Set<string>();
  const thematic = new Map<string, { item: T; index: number }>();
  items.forEach((item, index) => {
    const month = dateOf(item).slice(0, 7);
    if (kindOf(item) === 'thematic') {
      if (!thematic.has(month)) thematic.set(month, { item, index });
    } else {
      regular.add(month);
    }
  });
  return { regular, thematic };
}

const rule: CellYearRule<ThematicNotRegularOptions> = {
  id: 'thematic-not-regular',
  scope: 'year',
  description: {
    vi: 'Sinh hoạt chuyên đề không thay thế sinh hoạt thường kỳ: tháng có sinh hoạt chuyên đề vẫn phải có buổi sinh hoạt thường kỳ (có thể kết hợp trong cùng một buổi, tiến hành lần lượt).',
    en: 'A thematic session never replaces the regular meeting: a month with a thematic session still needs its regular meeting (both may share one sitting, one after the other).',
  },
  source: 'HD 12-HD/BTCTW (2018): sinh hoạt chuyên đề không thay thế sinh hoạt thường kỳ, có thể tiến hành nối tiếp trong cùng một buổi; Điều lệ Đảng Điều 24 khoản 2',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    planThematicOnly: {
      vi: 'Tháng {month|month}/{year} trong kế hoạch chỉ có sinh hoạt chuyên đề; sinh hoạt chuyên đề không thay thế sinh hoạt thường kỳ (có thể chuyển thành buổi thường kỳ kết hợp chuyên đề).',
      en: 'Month {month}/{year} of the plan has only a thematic session; it does not replace the regular meeting (make it a combined sitting).',
    },
    thematicOnly: {
      vi: 'Tháng {month|month}/{year} chỉ có sinh hoạt chuyên đề, không có sinh hoạt thường kỳ; sinh hoạt chuyên đề không thay thế sinh hoạt thường kỳ.',
      en: 'Month {month}/{year} has only a thematic session and no regular meeting; a thematic session does not replace it.',
    },
  },
  check(ctx) {
    const { year } = ctx;
    const recordsFrom = ctx.cell?.data.recordsFrom;
    const tracked = (key: string): boolean => recordsFrom === undefined || key >= recordsFrom;

    for (const plan of ctx.plans) {
      // The counts below are of this year's months: only this year's plan fits them.
      if (plan.data.year !== year) continue;
      const { regular, thematic } = byMonth(plan.data.meetings, (m) => m.date, (m) => m.kind);
      for (let month = 1; month <= 12; month++) {
        const key = monthKey(year, month);
        const first = thematic.get(key);
        if (!first || regular.has(key) || !tracked(key)) continue;
        ctx.report(plan, {
          path: `/meetings/${first.index}/kind`,
          messageId: 'planThematicOnly',
          data: { month, year },
        });
      }
    }

    const { regular, thematic } = byMonth(ctx.meetings, (m) => m.data.date, (m) => m.data.kind);
    for (let month = 1; month <= 12; month++) {
      // The regular meeting may still come later in a month that has not ended.
      if (!periodEnded(lastDayOfMonth(year, month), ctx.env.asOf)) break;
      const key = monthKey(year, month);
      const first = thematic.get(key);
      if (!first || regular.has(key) || !tracked(key)) continue;
      ctx.report(first.item, { path: '/kind', messageId: 'thematicOnly', data: { month, year } });
    }
  },
};

export default rule;
