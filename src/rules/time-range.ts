// Rule time-range: a sitting ends after it starts (giờ kết thúc sau giờ bắt đầu).
import type { MeetingRule } from './types.js';
import { minutesOf } from '../util/time.js';

const rule: MeetingRule<Record<string, never>> = {
  id: 'time-range',
  scope: 'meeting',
  inputs: ['/start', '/end'],
  description: {
    vi: 'Giờ kết thúc buổi sinh hoạt phải sau giờ bắt đầu.',
    en: 'A sitting ends after it starts.',
  },
  source: 'Biên bản sinh hoạt chi bộ: giờ bắt đầu, giờ kết thúc (HD 12-HD/BTCTW §II.1.2; HD 42-HD/BTCTW)',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    endBeforeStart: {
      vi: 'Giờ kết thúc ({end}) phải sau giờ bắt đầu ({start}).',
      en: 'The end time ({end}) must be after the start time ({start}).',
    },
  },
  check(ctx) {
    const { start, end } = ctx.meeting;
    // Sittings do not run past midnight, so an earlier clock time is an error, not the next day.
    if (minutesOf(end) <= minutesOf(start)) {
      ctx.report({ path: '/end', messageId: 'endBeforeStart', data: { start, end } });
    }
  },
};

export default rule;
