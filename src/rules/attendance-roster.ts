// Rule attendance-roster: the attendance lists every member of the cell on that date, once, and nobody else.
import type { MeetingRule } from './types.js';
import { isActiveOn, nameKey, rosterFor } from './roster.js';

const rule: MeetingRule<Record<string, never>> = {
  id: 'attendance-roster',
  scope: 'meeting',
  description: {
    vi: 'Điểm danh ghi đúng một lần mỗi đảng viên của chi bộ vào ngày họp, không ghi người ngoài danh sách.',
    en: 'The attendance lists each member of the cell on the meeting date exactly once, and nobody else.',
  },
  source:
    'Điều lệ Đảng Điều 24; HD 12-HD/BTCTW (06/7/2018) §II.1.2: thông báo tình hình đảng viên dự sinh hoạt (có mặt, vắng có lý do, vắng không lý do)',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    missingMember: {
      vi: 'Điểm danh thiếu đồng chí {name} (có mặt, vắng có lý do hay vắng không lý do?).',
      en: 'The attendance does not list {name} (present, absent with or without reason?).',
    },
    duplicate: {
      vi: 'Đồng chí {name} được điểm danh nhiều lần.',
      en: '{name} is listed more than once in the attendance.',
    },
    unknownMember: {
      vi: '"{name}" không có trong danh sách đảng viên của chi bộ (đại biểu khách mời ghi ở mục guests).',
      en: '"{name}" is not on the cell roster (guests belong under guests).',
    },
    ambiguous: {
      vi: 'Chi bộ có {count} đồng chí cùng tên "{name}"; hãy ghi mã đảng viên (id) để phân biệt.',
      en: '{count} members are named "{name}"; use the member id to tell them apart.',
    },
    notActive: {
      vi: 'Đồng chí {name} không sinh hoạt tại chi bộ vào ngày {date|date}.',
      en: '{name} was not a member of the cell on {date}.',
    },
  },
  check(ctx) {
    const { meeting, cell } = ctx;
    if (!cell) return;
    const roster = rosterFor(cell);
    const seen = new Set<number>();
    const ambiguousNames = new Set<string>();

    meeting.attendance.forEach((entry, i) => {
      const path = `/attendance/${i}/member`;
      const r = roster.resolve(entry.member);
      if (r.kind === 'unknown') {
        const suggestion = roster.suggest(entry.member);
        ctx.report({ path, messageId: 'unknownMember', data: { name: entry.member, ...(suggestion ? { suggestion } : {}) } });
        return;
      }
      if (r.kind === 'ambiguous') {
        ambiguousNames.add(nameKey(entry.member));
        ctx.report({ path, messageId: 'ambiguous', data: { name: entry.member, count: r.count } });
        return;
      }
      const { member, index } = r;
      if (seen.has(index)) {
        ctx.report({ path, messageId: 'duplicate', data: { name: member.name } });
        return;
      }
      seen.add(index);
      if (!isActiveOn(member, meeting.date)) {
        ctx.report({ path, messageId: 'notActive', data: { name: member.name, date: meeting.date } });
      }
    });

    for (const { member, index } of roster.activeOn(meeting.date)) {
      if (seen.has(index)) continue;
      // An ambiguous entry already asks for ids; listing each namesake as missing would only add noise.
      if (ambiguousNames.has(nameKey(member.name))) continue;
      ctx.report({ path: '/attendance', key: true, messageId: 'missingMember', data: { name: member.name } });
    }
  },
};

export default rule;
