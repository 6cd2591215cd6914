// Rule absence-streak: no member absent with reason more than 3 meetings in a row in a year (HD 12 §II.3.1).
import type { CellYearRule } from './types.js';
import { isActiveOn, statusOn, rosterFor } from './roster.js';

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
    const roster = rosterFor(ctx.cell.data);
    const max = ctx.options.maxConsecutive;
    const streak = new Map<number, number>();

    for (const doc of ctx.meetings) {
      const meeting = doc.data;
      const seen = new Set<number>();
      meeting.attendance.forEach((entry, position) => {
        const r = roster.resolve(entry.member);
        if (r.kind !== 'member' || seen.has(r.index)) return;
        seen.add(r.index);
        const { member, index } = r;
        // Exempted members are not counted (rules.md M3); inactive entries are attendance-roster's error.
        if (!isActiveOn(member, meeting.date) || statusOn(member, meeting.date) === 'exempted') return;
        // Only an unbroken run of absences *with reason* counts: attending or an unexcused absence
        // (reported on its own by attendance-quality) ends it.
        const count = entry.status === 'excused' ? (streak.get(index) ?? 0) + 1 : 0;
        streak.set(index, count);
        if (count === max + 1) {
          ctx.report(doc, {
            path: `/attendance/${position}`,
            messageId: 'streak',
            data: { name: member.name, count, max },
          });
        }
      });
    }
  },
};

export default rule;
