// Rule public-holiday: no sitting is held or planned on a Vietnamese public holiday (Bộ luật Lao động 2019 Điều 112).
import { dayOff, extraDays, type ExtraDate, type HolidayOptions } from '../util/holidays.js';
import type { CellYearRule } from './types.js';

export type { ExtraDate };

/** Options of public-holiday. */
export interface PublicHolidayOptions extends HolidayOptions {
  /** The cell's own blackout dates (YYYY-MM-DD). */
  extraDates: ExtraDate[];
}

const ISO_DATE = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

const rule: CellYearRule<PublicHolidayOptions> = {
  id: 'public-holiday',
  scope: 'year',
  description: {
    vi: 'Không tổ chức hoặc dự kiến sinh hoạt chi bộ vào ngày nghỉ lễ, Tết (1/1; Tết Nguyên Đán; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; 2/9 và một ngày liền kề) hoặc ngày chi bộ tự quy định không họp.',
    en: 'No sitting is held or planned on a public holiday (1 January; Tết; Hùng Kings 10/3 lunar; 30 April; 1 May; 2 September and an adjacent day) or on a blackout date of the cell.',
  },
  source: 'Bộ luật Lao động 2019 Điều 112',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      tetBefore: { type: 'integer', minimum: 0, maximum: 30 },
      tetAfter: { type: 'integer', minimum: 0, maximum: 30 },
      nationalDayAdjacent: { type: 'boolean' },
      extraDates: {
        type: 'array',
        items: {
          anyOf: [
            { type: 'string', pattern: ISO_DATE },
            {
              type: 'object',
              required: ['date'],
              additionalProperties: false,
              properties: { date: { type: 'string', pattern: ISO_DATE }, name: { type: 'string', minLength: 1 } },
            },
          ],
        },
      },
    },
  },
  defaultOptions: { tetBefore: 1, tetAfter: 3, nationalDayAdjacent: true, extraDates: [] },
  messages: {
    holiday: {
      vi: 'Ngày {date|date} là ngày nghỉ: {name}. Nên chọn ngày khác để sinh hoạt chi bộ.',
      en: '{date} is a day off: {nameEn}. Choose another day for the cell meeting.',
    },
  },
  check(ctx) {
    const extra = extraDays(ctx.options.extraDates ?? []);
    const check = (date: string, report: (data: Record<string, string>) => void): void => {
      const off = dayOff(date, ctx.options, extra);
      if (off) report({ date, name: off.vi, nameEn: off.en });
    };
    for (const meeting of ctx.meetings) {
      check(meeting.data.date, (data) => ctx.report(meeting, { path: '/date', messageId: 'holiday', data }));
    }
    for (const plan of ctx.plans) {
      // Checked in its own year only, so a plan listed under two years is not reported twice.
      if (plan.data.year !== ctx.year) continue;
      plan.data.meetings.forEach((m, i) => {
        check(m.date, (data) =>
          ctx.report(plan, { path: `/meetings/${i}/date`, messageId: 'holiday', data }),
        );
      });
    }
  },
};

export default rule;
