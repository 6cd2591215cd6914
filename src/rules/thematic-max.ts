// Rule thematic-max: more than `max` thematic sittings a year is unusual (rules.md C3: 4–6, no national maximum).
import type { CellYearRule } from './types.js';
import { isThematicKind } from '../facts/derive.js';

/** Options of thematic-max. */
export interface ThematicMaxOptions {
  /** Most thematic sittings a year before a warning. */
  max: number;
}

const rule: CellYearRule<ThematicMaxOptions> = {
  id: 'thematic-max',
  scope: 'year',
  description: {
    vi: 'Số buổi sinh hoạt chuyên đề trong năm (kể cả buổi kết hợp) không nên vượt quá 6; không có mức tối đa chung toàn quốc, nên chỉ là cảnh báo và có thể điều chỉnh.',
    en: 'A year should have no more than 6 thematic sittings (combined ones included); there is no national maximum, so this is a configurable warning.',
  },
  source: 'Không có mức tối đa toàn quốc; mức 4–6 chuyên đề mỗi năm theo hướng dẫn của nhiều cấp ủy, mức 6 là tham số có thể điều chỉnh',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { max: { type: 'integer', minimum: 0 } },
  },
  defaultOptions: { max: 6 },
  messages: {
    planTooMany: {
      vi: 'Kế hoạch năm {year} có {count} buổi sinh hoạt chuyên đề, nhiều hơn mức {max} buổi; buổi này là buổi thứ {nth}.',
      en: 'The {year} plan has {count} thematic sessions, more than {max}; this is number {nth}.',
    },
    tooMany: {
      vi: 'Năm {year} chi bộ đã sinh hoạt chuyên đề {count} lần, nhiều hơn mức {max} lần; buổi này là buổi thứ {nth}.',
      en: 'The cell has held {count} thematic sessions in {year}, more than {max}; this is number {nth}.',
    },
  },
  check(ctx) {
    const { year } = ctx;
    const { max } = ctx.options;
    const inYear = `${year}-`;

    for (const plan of ctx.plans) {
      // The counts below are of this year's months: only this year's plan fits them.
      if (plan.data.year !== year) continue;
      const indexes: number[] = [];
      plan.data.meetings.forEach((m, i) => {
        if (isThematicKind(m.kind) && m.date.startsWith(inYear)) indexes.push(i);
      });
      const dates = plan.data.meetings;
      indexes.sort((a, b) => (dates[a]!.date < dates[b]!.date ? -1 : dates[a]!.date > dates[b]!.date ? 1 : a - b));
      // Reported once, on the first sitting (by date) over the limit: that is the one to move or drop.
      const over = indexes[max];
      if (over !== undefined) {
        ctx.report(plan, {
          path: `/meetings/${over}/kind`,
          messageId: 'planTooMany',
          data: { count: indexes.length, max, year, nth: max + 1 },
        });
      }
    }

    const held = ctx.meetings.filter((m) => isThematicKind(m.data.kind) && m.data.date.startsWith(inYear));
    const over = held[max];
    if (over) {
      ctx.report(over, { path: '/kind', messageId: 'tooMany', data: { count: held.length, max, year, nth: max + 1 } });
    }
  },
};

export default rule;
