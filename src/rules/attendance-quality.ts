// Rule attendance-quality: more than 85 % of the counted members present and no unexcused absence (HD 12 §II.3.1).
import type { MeetingRule } from './types.js';
import { resolvedAttendance, statusOn, rosterFor } from './roster.js';

/** Options of attendance-quality. */
export interface AttendanceQualityOptions {
  /** The present share must be strictly above this percentage of the counted members. */
  minPresentPercent: number;
}

const rule: MeetingRule<AttendanceQualityOptions> = {
  id: 'attendance-quality',
  scope: 'meeting',
  description: {
    vi: 'Trên 85% đảng viên dự sinh hoạt (không tính đảng viên được miễn sinh hoạt) và không có đảng viên vắng không lý do.',
    en: 'More than 85 % of the members attend (members exempted from meetings are not counted) and nobody is absent without reason.',
  },
  source: 'HD 12-HD/BTCTW (06/7/2018) §II.3.1: tiêu chí đảng viên dự sinh hoạt',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { minPresentPercent: { type: 'number', minimum: 0, maximum: 100 } },
  },
  defaultOptions: { minPresentPercent: 85 },
  messages: {
    lowAttendance: {
      vi: 'Chỉ có {present}/{counted} đảng viên dự sinh hoạt ({percent}%), chưa đạt trên {min}%.',
      en: 'Only {present} of {counted} members attended ({percent} %), not more than {min} %.',
    },
    unexcused: {
      vi: 'Đồng chí {name} vắng không lý do.',
      en: '{name} was absent without reason.',
    },
  },
  check(ctx) {
    const { meeting, cell } = ctx;
    const roster = cell ? rosterFor(cell) : undefined;

    meeting.attendance.forEach((entry, i) => {
      if (entry.status !== 'unexcused') return;
      const r = roster?.resolve(entry.member);
      const member = r?.kind === 'member' ? r.member : undefined;
      // Exempted members are not expected at meetings (rules.md M3).
      if (member && statusOn(member, meeting.date) === 'exempted') return;
      ctx.report({
        path: `/attendance/${i}/status`,
        messageId: 'unexcused',
        data: { name: member?.name ?? entry.member },
      });
    });

    if (!roster) return;
    const statusByMember = new Map<number, string>();
    for (const a of resolvedAttendance(roster, meeting)) {
      if (!statusByMember.has(a.index)) statusByMember.set(a.index, a.entry.status);
    }
    let counted = 0;
    let present = 0;
    for (const { member, index } of roster.activeOn(meeting.date)) {
      if (statusOn(member, meeting.date) === 'exempted') continue;
      counted++;
      // A member missing from the attendance is attendance-roster's error; here they simply were not seen.
      if (statusByMember.get(index) === 'present') present++;
    }
    if (counted === 0) return;
    const min = ctx.options.minPresentPercent;
    // Compare exactly; the rounded percentage is only for the message.
    if (present * 100 > min * counted) return;
    const percent = Math.round((present * 1000) / counted) / 10;
    ctx.report({
      path: '/attendance',
      key: true,
      messageId: 'lowAttendance',
      data: { present, counted, percent, min },
    });
  },
};

export default rule;
