// Rule chair-secretary: the chair and minute-taker are two present members; the resolution is signed by the bí thư or phó bí thư (rules.md M7).
import type { MeetingRecord } from '../model.js';
import type { MeetingRule } from './types.js';
import { Roster, isActiveOn, nameKey, resolvedAttendance, rosterFor } from './roster.js';

type Role = 'chair' | 'secretary';

const rule: MeetingRule<Record<string, never>> = {
  id: 'chair-secretary',
  scope: 'meeting',
  inputs: ['/date', '/chair', '/secretary', '/attendance/*/member', '/attendance/*/status', '/guests/*/name', '/resolution/signer'],
  description: {
    vi: 'Chủ trì và thư ký là hai đảng viên khác nhau của chi bộ có mặt tại buổi sinh hoạt (biên bản có hai chữ ký); đại biểu khách mời không chủ trì, không ghi biên bản.',
    en: 'The chair and the minute-taker are two different members of the cell present at the sitting (the minutes bear two signatures); a guest may do neither.',
  },
  source:
    'HD 12-HD/BTCTW (06/7/2018) §II.1.2: cử thư ký ghi biên bản; QĐ 399-QĐ/TW, HD 36-HD/VPTW: chủ trì và thư ký ký biên bản',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  messages: {
    chairNotMember: {
      vi: 'Chủ trì "{name}" không phải đảng viên của chi bộ vào ngày họp; đại biểu khách mời không chủ trì buổi sinh hoạt.',
      en: 'The chair "{name}" is not a member of the cell on the meeting date; a guest may not chair.',
    },
    chairAbsent: {
      vi: 'Chủ trì {name} được điểm danh là {status|term}.',
      en: 'The chair {name} is recorded as {status|term}.',
    },
    chairAmbiguous: {
      vi: 'Chi bộ có {count} đồng chí cùng tên "{name}"; hãy ghi mã đảng viên (id) của người chủ trì.',
      en: '{count} members are named "{name}"; give the chair by member id.',
    },
    secretaryNotMember: {
      vi: 'Thư ký "{name}" không phải đảng viên của chi bộ vào ngày họp; đại biểu khách mời không ghi biên bản.',
      en: 'The minute-taker "{name}" is not a member of the cell on the meeting date; a guest may not take the minutes.',
    },
    secretaryAbsent: {
      vi: 'Thư ký {name} được điểm danh là {status|term}.',
      en: 'The minute-taker {name} is recorded as {status|term}.',
    },
    signerNotMember: {
      vi: 'Người ký nghị quyết "{name}" không phải đảng viên của chi bộ vào ngày họp.',
      en: 'The resolution\'s signer "{name}" is not a member of the cell on the meeting date.',
    },
    signerRole: {
      vi: 'Đồng chí {name} ký T/M chi bộ nhưng không phải bí thư hay phó bí thư của chi bộ.',
      en: '{name} signs on behalf of the cell but is neither its secretary nor deputy secretary.',
    },
    samePerson: {
      vi: 'Đồng chí {name} vừa chủ trì vừa làm thư ký: biên bản cần hai chữ ký của hai người khác nhau; hãy cử một đồng chí khác ghi biên bản.',
      en: '{name} is both the chair and the minute-taker: the minutes need two signatures by two different people.',
    },
    secretaryAmbiguous: {
      vi: 'Chi bộ có {count} đồng chí cùng tên "{name}"; hãy ghi mã đảng viên (id) của thư ký.',
      en: '{count} members are named "{name}"; give the minute-taker by member id.',
    },
  },
  check(ctx) {
    const { meeting, cell } = ctx;
    const roster = cell ? rosterFor(cell) : undefined;
    for (const role of ['chair', 'secretary'] as const) {
      const ref = meeting[role];
      const path = `/${role}`;
      if (!roster) {
        // Without a roster only a guest in the role can be recognised.
        if (isGuest(meeting, ref)) ctx.report({ path, messageId: `${role}NotMember`, data: { name: ref } });
        continue;
      }
      checkRole(role, ref, meeting, roster, (messageId, data) => ctx.report({ path, messageId, data }));
    }
    // The minutes are signed by the chair and by the minute-taker (M7): two signatures, two people.
    const same = samePerson(meeting, roster);
    if (same !== undefined) ctx.report({ path: '/secretary', messageId: 'samePerson', data: { name: same } });
    // The resolution is signed on behalf of the cell (T/M CHI BỘ) by its bí thư or phó bí thư.
    const signer = meeting.resolution?.signer;
    if (signer !== undefined && roster) {
      const r = roster.resolve(signer);
      if (r.kind === 'unknown' || (r.kind === 'member' && !isActiveOn(r.member, meeting.date))) {
        const suggestion = r.kind === 'unknown' ? roster.suggest(signer) : undefined;
        ctx.report({ path: '/resolution/signer', messageId: 'signerNotMember', data: { name: signer, ...(suggestion ? { suggestion } : {}) } });
      } else if (r.kind === 'member' && r.member.role !== 'secretary' && r.member.role !== 'deputy-secretary') {
        ctx.report({ path: '/resolution/signer', messageId: 'signerRole', data: { name: r.member.name }, severity: 'warning' });
      }
    }
  },
};

/** The one member named as both chair and secretary (by name or id, either way round), or undefined. */
function samePerson(meeting: MeetingRecord, roster: Roster | undefined): string | undefined {
  const { chair, secretary } = meeting;
  if (typeof chair !== 'string' || typeof secretary !== 'string' || chair.trim() === '') return undefined;
  // Someone not a member in either role is reported as such already: one mistake, one message.
  if (!roster) return nameKey(chair) === nameKey(secretary) && !isGuest(meeting, chair) ? chair : undefined;
  const a = roster.resolve(chair);
  const b = roster.resolve(secretary);
  return a.kind === 'member' && b.kind === 'member' && a.index === b.index ? a.member.name : undefined;
}

function isGuest(meeting: MeetingRecord, ref: string): boolean {
  const key = nameKey(ref);
  return (meeting.guests ?? []).some((g) => nameKey(g.name) === key);
}

function checkRole(
  role: Role,
  ref: string,
  meeting: MeetingRecord,
  roster: Roster,
  report: (messageId: string, data: Record<string, string | number>) => void,
): void {
  const r = roster.resolve(ref);
  if (r.kind === 'ambiguous') return report(`${role}Ambiguous`, { name: ref, count: r.count });
  if (r.kind === 'unknown') {
    const suggestion = roster.suggest(ref);
    return report(`${role}NotMember`, { name: ref, ...(suggestion ? { suggestion } : {}) });
  }
  if (!isActiveOn(r.member, meeting.date)) return report(`${role}NotMember`, { name: r.member.name });
  const entry = resolvedAttendance(roster, meeting).find((a) => a.index === r.index)?.entry;
  // No entry at all is attendance-roster's missingMember; only a recorded absence is reported here.
  if (entry && entry.status !== 'present') report(`${role}Absent`, { name: r.member.name, status: entry.status });
}

export default rule;
