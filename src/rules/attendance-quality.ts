// Rule attendance-quality: more than 85 % of the counted members present and no unexcused absence (HD 12 §II.3.1).
import type { MeetingRule } from './types.js';
import { meetingFacts } from '../facts/derive.js';

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
    // Counted once in the facts layer, so the report's attendance figures are this rule's figures.
    const facts = meetingFacts(ctx.meeting, ctx.file, ctx.cell);
    for (const u of facts.unexcused) {
      ctx.report({ path: `/attendance/${u.position}/status`, messageId: 'unexcused', data: { name: u.name } });
    }
    const { counted, present } = facts;
    if (counted === null || present === null || counted === 0) return;
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
