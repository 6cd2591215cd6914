// Rule absence-streak: no member absent with reason more than 3 meetings in a row in a year (HD 12 §II.3.1).
import type { CellYearRule } from './types.js';
import { absenceRuns, meetingFacts } from '../facts/derive.js';

/** Options of absence-streak. */
export interface AbsenceStreakOptions {
  /** Most consecutive meetings a member may miss with reason. */
  maxConsecutive: number;
}

const rule: CellYearRule<AbsenceStreakOptions> = {
  id: 'absence-streak',
  scope: 'year',
  description: {
    vi: 'Trong năm không có đảng viên vắng sinh hoạt có lý do quá 3 lần liên tiếp.',
    en: 'No member is absent with reason more than 3 meetings in a row in a year.',
  },
  source: 'HD 12-HD/BTCTW (06/7/2018) §II.3.1: không có đảng viên vắng có lý do quá 3 lần liên tiếp trong năm',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { maxConsecutive: { type: 'integer', minimum: 1 } },
  },
  defaultOptions: { maxConsecutive: 3 },
  messages: {
    streak: {
      vi: 'Đồng chí {name} vắng sinh hoạt có lý do {count} lần liên tiếp trong năm (tối đa {max} lần).',
      en: '{name} has been absent with reason {count} meetings in a row this year (at most {max}).',
    },
  },
  check(ctx) {
    if (!ctx.cell) return;
    const cell = ctx.cell.data;
    // The same runs the report lists: counted once over the records' facts.
    const facts = ctx.meetings.map((doc) => meetingFacts(doc.data, doc.file, cell));
    const max = ctx.options.maxConsecutive;
    for (const e of absenceRuns(facts, max).events) {
      ctx.report(ctx.meetings[e.meeting]!, {
        path: `/attendance/${e.position}`,
        messageId: 'streak',
        data: { name: e.name, count: e.count, max },
      });
    }
  },
};

export default rule;
