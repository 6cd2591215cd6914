// Rule speaker-reference: every presenter and speaker named in the record is a present member or a guest.
import type { MeetingRule } from './types.js';
import { isActiveOn, nameKey, resolvedAttendance, rosterFor } from './roster.js';

const rule: MeetingRule<Record<string, never>> = {
  id: 'speaker-reference',
  scope: 'meeting',
  description: {
    vi: 'Người trình bày và người phát biểu được ghi trong biên bản là đảng viên có mặt hoặc đại biểu dự họp.',
    en: 'Every presenter and speaker named in the minutes is a member present at the sitting or a guest.',
  },
  source:
    'HD 12-HD/BTCTW (06/7/2018) §II.1.2; biên bản sinh hoạt chi bộ ghi họ tên từng người phát biểu và tóm tắt ý kiến',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    unknownSpeaker: {
      vi: '"{name}" không phải đảng viên của chi bộ có mặt tại buổi sinh hoạt, cũng không phải đại biểu dự họp.',
      en: '"{name}" is neither a member of the cell at the sitting nor a guest.',
    },
    absentSpeaker: {
      vi: 'Đồng chí {name} được điểm danh là {status|term} nhưng lại được ghi là người trình bày hoặc phát biểu.',
      en: '{name} is recorded as {status|term} but is named as presenting or speaking.',
    },
    ambiguousSpeaker: {
      vi: 'Chi bộ có {count} đồng chí cùng tên "{name}"; hãy ghi mã đảng viên (id) để phân biệt.',
      en: '{count} members are named "{name}"; use the member id to tell them apart.',
    },
  },
  check(ctx) {
    const { meeting, cell } = ctx;
    const roster = cell ? rosterFor(cell) : undefined;
    const guests = new Set((meeting.guests ?? []).map((g) => nameKey(g.name)));
    const attendance = roster ? resolvedAttendance(roster, meeting) : [];
    // A thematic topic may be prepared and presented by a party group (tổ đảng).
    const groups = new Set(
      roster
        ?.activeOn(meeting.date)
        .flatMap(({ member }) => (member.group ? [nameKey(member.group)] : [])) ?? [],
    );

    const checkRef = (ref: string, path: string, groupAllowed: boolean): void => {
      const key = nameKey(ref);
      if (guests.has(key)) return;
      if (!roster) {
        // Without a roster only a literal name in the attendance can be checked.
        const entry = meeting.attendance.find((a) => nameKey(a.member) === key);
        if (entry && entry.status !== 'present') {
          ctx.report({ path, messageId: 'absentSpeaker', data: { name: ref, status: entry.status } });
        }
        return;
      }
      const r = roster.resolve(ref);
      if (r.kind === 'ambiguous') {
        ctx.report({ path, messageId: 'ambiguousSpeaker', data: { name: ref, count: r.count } });
        return;
      }
      if (r.kind === 'unknown' || !isActiveOn(r.member, meeting.date)) {
        if (groupAllowed && groups.has(key)) return;
        const suggestion = r.kind === 'unknown' ? roster.suggest(ref) : undefined;
        ctx.report({ path, messageId: 'unknownSpeaker', data: { name: ref, ...(suggestion ? { suggestion } : {}) } });
        return;
      }
      const entry = attendance.find((a) => a.index === r.index)?.entry;
      // A member missing from the attendance is attendance-roster's missingMember, not reported twice.
      if (entry && entry.status !== 'present') {
        ctx.report({ path, messageId: 'absentSpeaker', data: { name: r.member.name, status: entry.status } });
      }
    };

    if (meeting.topic) checkRef(meeting.topic.presenter, '/topic/presenter', true);
    meeting.steps.forEach((step, i) => {
      if (step.presenter !== undefined) checkRef(step.presenter, `/steps/${i}/presenter`, false);
      (step.speakers ?? []).forEach((s, j) => checkRef(s.speaker, `/steps/${i}/speakers/${j}/speaker`, false));
    });
  },
};

export default rule;
