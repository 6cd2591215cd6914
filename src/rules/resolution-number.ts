// Rule resolution-number: an adopted resolution carries its number (Số …-NQ/CB), which document-number then checks for gaps.
import type { MeetingRule } from './types.js';

/** The rule has no options. */
export type ResolutionNumberOptions = Record<string, never>;

const rule: MeetingRule<ResolutionNumberOptions> = {
  id: 'resolution-number',
  scope: 'meeting',
  inputs: ['/status', '/resolution/number'],
  description: {
    vi: 'Nghị quyết đã thông qua có số (Số 05-NQ/CB): không có số thì bản in để trống chỗ số văn bản. Bản dự thảo chưa cần số.',
    en: 'An adopted resolution has its number (No. 05-NQ/CB): without one the printed resolution leaves the number blank. A draft needs none yet.',
  },
  source: 'Hướng dẫn 36-HD/VPTW (2018) về thể thức văn bản của Đảng: số và ký hiệu văn bản',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    missing: {
      vi: 'Nghị quyết đã thông qua nhưng chưa có số: ghi số nghị quyết (số tiếp theo sau nghị quyết trước của chi bộ).',
      en: 'The resolution is adopted but has no number: give it the next number after the cell\'s previous resolution.',
    },
  },
  check(ctx) {
    const { meeting } = ctx;
    if (meeting.status === 'adopted' && meeting.resolution !== undefined && meeting.resolution.number === undefined) {
      ctx.report({ path: '/resolution', messageId: 'missing', key: true });
    }
  },
};

export default rule;
