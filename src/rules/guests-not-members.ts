// Rule guests-not-members: a guest (đại biểu) is not a member of the cell; members are listed in the attendance.
import type { MeetingRule } from './types.js';
import { nameKey, rosterFor } from './roster.js';

const rule: MeetingRule<Record<string, never>> = {
  id: 'guests-not-members',
  scope: 'meeting',
  description: {
    vi: 'Đại biểu khách mời không phải đảng viên của chi bộ; đảng viên của chi bộ được ghi trong điểm danh.',
    en: 'A guest is not a member of the cell; members of the cell belong in the attendance.',
  },
  source: 'HD 12-HD/BTCTW (06/7/2018) §II.1.2: giới thiệu đại biểu; biên bản ghi riêng đại biểu và đảng viên dự họp',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    guestIsMember: {
      vi: 'Đồng chí {name} là đảng viên của chi bộ, không ghi là đại biểu khách mời; hãy điểm danh trong mục attendance.',
      en: '{name} is a member of the cell, not a guest; list them in the attendance.',
    },
  },
  check(ctx) {
    const { meeting, cell } = ctx;
    if (!cell) return;
    const roster = rosterFor(cell);
    // Only members on the date: a former member may well come back as the ward's cadre in charge.
    const names = new Map(roster.activeOn(meeting.date).map(({ member }) => [nameKey(member.name), member]));
    (meeting.guests ?? []).forEach((guest, i) => {
      const member = names.get(nameKey(guest.name));
      if (member) ctx.report({ path: `/guests/${i}/name`, messageId: 'guestIsMember', data: { name: member.name } });
    });
  },
};

export default rule;
