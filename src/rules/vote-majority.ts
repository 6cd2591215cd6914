// Rule vote-majority: an adopted resolution carries more than half of the eligible members (rules.md M5).
import type { MeetingRule } from './types.js';
import { eligibleVoters, rosterFor } from './roster.js';

/** Options of vote-majority. */
export interface VoteMajorityOptions {
  /** Whether members absent with reason stay in the eligible count (the texts are unclear; default yes). */
  excusedAbsentCount: boolean;
}

const rule: MeetingRule<VoteMajorityOptions> = {
  id: 'vote-majority',
  scope: 'meeting',
  description: {
    vi: 'Nghị quyết chỉ được thông qua khi có hơn một nửa số đảng viên có quyền biểu quyết tán thành; hồ sơ đã thông qua có nghị quyết phải ghi kết quả biểu quyết.',
    en: 'A resolution is adopted only when more than half of the members entitled to vote approve it; an adopted record with a resolution must record the vote.',
  },
  source: 'Quy định 294-QĐ/TW (2025), trước đó Quy định 24-QĐ/TW (2021) §9.3',
  defaultSeverity: 'error',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { excusedAbsentCount: { type: 'boolean' } },
  },
  defaultOptions: { excusedAbsentCount: true },
  messages: {
    noMajority: {
      vi: 'Nghị quyết có {for} đồng chí tán thành trên tổng số {eligible} đảng viên có quyền biểu quyết, chưa quá một nửa (cần ít nhất {needed} đồng chí tán thành).',
      en: 'The resolution has {for} votes for out of {eligible} members entitled to vote, not more than half (at least {needed} needed).',
    },
    missingVote: {
      vi: 'Hồ sơ đã thông qua có nghị quyết nhưng chưa ghi kết quả biểu quyết (số tán thành, không tán thành, ý kiến khác).',
      en: 'The record is adopted with a resolution but the vote (for, against, other) is not recorded.',
    },
  },
  check(ctx) {
    const { meeting, cell } = ctx;
    if (meeting.status !== 'adopted' || !meeting.resolution) return;
    if (!meeting.vote) {
      ctx.report({ path: '/resolution', messageId: 'missingVote', key: true });
      return;
    }
    if (!cell) return;
    const { eligible } = eligibleVoters(rosterFor(cell), meeting, ctx.options.excusedAbsentCount);
    // "More than half": the smallest whole number strictly above eligible / 2.
    const needed = Math.floor(eligible / 2) + 1;
    if (meeting.vote.for < needed) {
      ctx.report({
        path: '/vote/for',
        messageId: 'noMajority',
        data: { for: meeting.vote.for, eligible, needed },
      });
    }
  },
};

export default rule;
