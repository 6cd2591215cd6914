// Rule meeting-outcome: a regular sitting ends with a resolution or a conclusion, and the record holds it.
import type { MeetingRule } from './types.js';

const rule: MeetingRule<Record<string, never>> = {
  id: 'meeting-outcome',
  scope: 'meeting',
  description: {
    vi: 'Buổi sinh hoạt thường kỳ kết thúc bằng nghị quyết (có biểu quyết) hoặc kết luận, và hồ sơ ghi đủ nội dung đó.',
    en: 'A regular sitting ends with a resolution (with its vote) or a conclusion, and the record holds it.',
  },
  source: 'HD 12-HD/BTCTW (06/7/2018) §II.1.2: biểu quyết thông qua nghị quyết (nếu có) hoặc kết luận; Điều lệ Đảng Điều 24',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    missingResolution: {
      vi: 'Có bước biểu quyết thông qua nghị quyết nhưng hồ sơ chưa có nội dung nghị quyết (resolution).',
      en: 'The resolution was voted on, but the record has no resolution.',
    },
    missingVote: {
      vi: 'Nghị quyết được thông qua nhưng hồ sơ chưa ghi kết quả biểu quyết (vote).',
      en: 'A resolution was adopted, but the record has no vote result.',
    },
    missingConclusion: {
      vi: 'Có bước thông qua kết luận nhưng hồ sơ chưa có nội dung kết luận (conclusion).',
      en: 'A conclusion was adopted, but the record has no conclusion.',
    },
    noOutcome: {
      vi: 'Hồ sơ {kind|term} chưa có nghị quyết hoặc kết luận; buổi sinh hoạt phải kết thúc bằng một trong hai.',
      en: 'The record of a {kind|term} has neither a resolution nor a conclusion; the sitting must end with one of them.',
    },
  },
  check(ctx) {
    const { meeting } = ctx;
    const voteStep = meeting.steps.findIndex((s) => s.step === 'vote-resolution');
    const conclusionStep = meeting.steps.findIndex((s) => s.step === 'adopt-conclusion');

    // A step that was held must have its content recorded, whatever the kind of sitting.
    if (voteStep >= 0) {
      const path = `/steps/${voteStep}/step`;
      if (!meeting.resolution) ctx.report({ path, messageId: 'missingResolution' });
      if (!meeting.vote) ctx.report({ path, messageId: 'missingVote' });
    } else if (meeting.resolution && !meeting.vote) {
      // Adoption needs a majority of the eligible members (rules.md M5): without the vote it cannot be shown.
      ctx.report({ path: '/resolution', key: true, messageId: 'missingVote' });
    }
    if (conclusionStep >= 0 && meeting.conclusion === undefined) {
      ctx.report({ path: `/steps/${conclusionStep}/step`, messageId: 'missingConclusion' });
    }

    // A thematic session may end without a resolution (rules.md §3).
    if (meeting.kind === 'thematic') return;
    if (voteStep < 0 && conclusionStep < 0 && !meeting.resolution && meeting.conclusion === undefined) {
      ctx.report({ path: '', messageId: 'noOutcome', data: { kind: meeting.kind } });
    }
  },
};

export default rule;
