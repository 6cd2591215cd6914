// Rule duration-min: a sitting lasts at least the profile's minimum for its kind (HD 42: 90 / 120 minutes).
import type { MeetingKind } from '../model.js';
import type { MeetingRule } from './types.js';
import { minutesOf } from '../util/time.js';

/** Minimum minutes per kind of sitting; 0 switches the check off for that kind. */
export type DurationOptions = Record<MeetingKind, number>;

const rule: MeetingRule<DurationOptions> = {
  id: 'duration-min',
  scope: 'meeting',
  inputs: ['/kind', '/start', '/end'],
  description: {
    vi: 'Thời lượng buổi sinh hoạt không ít hơn mức tối thiểu (90 phút; kết hợp chuyên đề 120 phút).',
    en: 'A sitting lasts at least the minimum (90 minutes; 120 when combined with a thematic session).',
  },
  source: 'HD 42-HD/BTCTW (28/10/2025) §II; HD 12-HD/BTCTW (2018): 90 phút cho sinh hoạt chuyên đề',
  defaultSeverity: 'error',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      regular: { type: 'integer', minimum: 0 },
      thematic: { type: 'integer', minimum: 0 },
      combined: { type: 'integer', minimum: 0 },
    },
  },
  defaultOptions: { regular: 90, thematic: 90, combined: 120 },
  messages: {
    tooShort: {
      vi: 'Buổi sinh hoạt kéo dài {actual} phút, ít hơn mức tối thiểu {min} phút đối với {kind|term}.',
      en: 'The sitting lasted {actual} minutes, less than the minimum of {min} minutes for a {kind|term}.',
    },
  },
  check(ctx) {
    const { meeting } = ctx;
    const min = ctx.options[meeting.kind];
    if (!min) return;
    const actual = minutesOf(meeting.end) - minutesOf(meeting.start);
    // An end before the start is time-range's to report; a negative figure here would only confuse.
    if (actual <= 0) return;
    if (actual < min) {
      ctx.report({ path: '/end', messageId: 'tooShort', data: { actual, min, kind: meeting.kind } });
    }
  },
};

export default rule;
