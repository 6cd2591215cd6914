// Rule task-deadline: a task the resolution sets is due after the sitting that sets it, not before.
import type { MeetingRule } from './types.js';

/** The rule has no options. */
export type TaskDeadlineOptions = Record<string, never>;

const rule: MeetingRule<TaskDeadlineOptions> = {
  id: 'task-deadline',
  scope: 'meeting',
  inputs: ['/date', '/resolution/tasks/*/deadline'],
  description: {
    vi: 'Thời hạn của mỗi nhiệm vụ nghị quyết giao không sớm hơn ngày họp (thường là một ngày trước kỳ sinh hoạt sau); một thời hạn đã qua khi giao việc là gõ nhầm năm hoặc tháng.',
    en: 'Each task the resolution sets is due no earlier than the sitting that sets it (usually before the next sitting); a deadline already past when the task is given is a mistyped year or month.',
  },
  source: 'HD 12-HD/BTCTW (06/7/2018) §II.1.2: nghị quyết xác định nhiệm vụ tháng tới, phân công người phụ trách và thời gian hoàn thành',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    beforeSitting: {
      vi: 'Thời hạn {deadline|date} của nhiệm vụ {index} sớm hơn ngày họp {date|date} giao nhiệm vụ này; sửa lại thời hạn (có nhầm năm hoặc tháng?).',
      en: 'Task {index} is due on {deadline}, before the sitting of {date} that sets it; correct the deadline (a mistyped year or month?).',
    },
  },
  check(ctx) {
    const { meeting } = ctx;
    (meeting.resolution?.tasks ?? []).forEach((t, i) => {
      // Both dates are YYYY-MM-DD (the schema's format), so text order is date order.
      if (t.deadline !== undefined && t.deadline < meeting.date) {
        ctx.report({ path: `/resolution/tasks/${i}/deadline`, messageId: 'beforeSitting', data: { index: i + 1, deadline: t.deadline, date: meeting.date } });
      }
    });
  },
};

export default rule;
