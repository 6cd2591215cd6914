// Rule vote-eligibility: no more votes are cast than eligible members present (probationary members do not vote).
import type { MeetingRule } from './types.js';
import { eligibleVoters, rosterFor } from './roster.js';

/** The rule has no options: who may vote is fixed by the Charter. */
export type VoteEligibilityOptions = Record<string, never>;

const rule: MeetingRule<VoteEligibilityOptions> = {
  id: 'vote-eligibility',
  scope: 'meeting',
  description: {
    vi: 'Tổng số đồng chí biểu quyết (tán thành, không tán thành, có ý kiến khác) không vượt quá số đảng viên có quyền biểu quyết có mặt; chi bộ biểu quyết bằng giơ tay, đảng viên dự bị, đảng viên sinh hoạt tạm thời không biểu quyết.',
    en: 'The members voting (for, against, other) do not exceed the members present who may vote; probationary and temporarily attached members do not vote.',
  },
  source: 'Điều lệ Đảng Điều 3; Quy định 294-QĐ/TW (2025), trước đó Quy định 24-QĐ/TW (2021) §9.3',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    tooManyVotes: {
      vi: 'Có {total} đồng chí biểu quyết nhưng chỉ có {eligiblePresent} đảng viên có quyền biểu quyết có mặt (đảng viên dự bị, đảng viên sinh hoạt tạm thời không biểu quyết).',
      en: '{total} members voted but only {eligiblePresent} members present may vote (probationary and temporarily attached members do not vote).',
    },
  },
  check(ctx) {
    const { meeting, cell } = ctx;
    // Without the roster nobody's status is known, so there is nothing to compare the vote with.
    if (!meeting.vote || !cell) return;
    const total = meeting.vote.for + meeting.vote.against + (meeting.vote.other ?? 0);
    // Whether excused absentees count does not change who is present.
    const { eligiblePresent } = eligibleVoters(rosterFor(cell), meeting, true);
    if (total > eligiblePresent) {
      ctx.report({ path: '/vote', messageId: 'tooManyVotes', data: { total, eligiblePresent } });
    }
  },
};

export default rule;
