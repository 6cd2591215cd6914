// Rule cell-structure: the roster makes a lawful cell: ≥ 3 official members, one bí thư, a chi ủy from 9, unique members.
import type { Member } from '../model.js';
import type { CellProfileRule } from './types.js';
import { nameKey, normalizeName, statusOn } from './roster.js';

/** Options of cell-structure. */
export interface CellStructureOptions {
  /** Fewest official members of a cell. */
  minOfficial: number;
  /** Official members from which the cell elects a chi ủy (committee members). */
  committeeFrom: number;
}

const rule: CellProfileRule<CellStructureOptions> = {
  id: 'cell-structure',
  scope: 'cell',
  description: {
    vi: 'Chi bộ có ít nhất 3 đảng viên chính thức; có đúng một bí thư; chi bộ có từ 9 đảng viên chính thức trở lên bầu chi ủy; mã đảng viên không trùng nhau, họ tên trùng nhau phải có mã để phân biệt. Chỉ tính đảng viên chưa thôi sinh hoạt (không có until); đảng viên miễn công tác và sinh hoạt đảng không tính là đảng viên chính thức ở đây.',
    en: 'A cell has at least 3 official members and exactly one secretary; from 9 official members it elects a committee; member ids are unique and members sharing a name need ids. Only current members (no until) count; exempted members are not counted as official here.',
  },
  source: 'Điều lệ Đảng Điều 24 khoản 1 (mỗi chi bộ ít nhất có 3 đảng viên chính thức) và khoản 4 (dưới 9 đảng viên chính thức bầu bí thư; từ 9 trở lên bầu chi ủy)',
  defaultSeverity: 'error',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minOfficial: { type: 'integer', minimum: 1 },
      committeeFrom: { type: 'integer', minimum: 1 },
    },
  },
  defaultOptions: { minOfficial: 3, committeeFrom: 9 },
  messages: {
    tooFewOfficial: {
      vi: 'Chi bộ chỉ có {count} đảng viên chính thức; chi bộ phải có ít nhất {min} đảng viên chính thức.',
      en: 'The cell has only {count} official members; a cell needs at least {min}.',
    },
    needsCommittee: {
      vi: 'Chi bộ có {count} đảng viên chính thức (từ {min} trở lên) nên bầu chi ủy, nhưng danh sách chưa có chi ủy viên nào.',
      en: 'With {count} official members ({min} or more) the cell elects a committee, but no committee member is listed.',
    },
    noSecretary: {
      vi: 'Danh sách đảng viên chưa có bí thư chi bộ (role: secretary).',
      en: 'The roster has no cell secretary (role: secretary).',
    },
    manySecretaries: {
      vi: 'Đồng chí {name} cũng được ghi là bí thư; chi bộ chỉ có một bí thư (đã có đồng chí {first}).',
      en: '{name} is also listed as secretary; a cell has one secretary ({first} already is).',
    },
    duplicateId: {
      vi: 'Mã đảng viên "{id}" bị trùng; mỗi đảng viên phải có mã riêng.',
      en: 'Member id "{id}" is used twice; each member needs their own id.',
    },
    duplicateName: {
      vi: 'Có hơn một đảng viên tên "{name}"; hãy ghi mã (id) cho từng đồng chí để hồ sơ phân biệt được.',
      en: 'More than one member is named "{name}"; give each an id so records can tell them apart.',
    },
  },
  check(ctx) {
    const { cell, options } = ctx;
    const members = cell.members.map((member, index) => ({ member, index }));
    // Members who have left keep their entry for old records but no longer shape the cell.
    const current = members.filter(({ member }) => member.until === undefined);
    // Before officialSince a member is still probationary; asOf stands in for "today".
    const official = current.filter(({ member }) => statusOn(member, ctx.env.asOf) === 'official').length;
    if (official < options.minOfficial) {
      ctx.report({
        path: '/members',
        key: true,
        messageId: 'tooFewOfficial',
        data: { count: official, min: options.minOfficial },
      });
    }
    if (official >= options.committeeFrom && !current.some(({ member }) => member.role === 'committee-member')) {
      ctx.report({
        path: '/members',
        key: true,
        messageId: 'needsCommittee',
        data: { count: official, min: options.committeeFrom },
        severity: 'warning',
      });
    }

    const secretaries = current.filter(({ member }) => member.role === 'secretary');
    const first = secretaries[0];
    if (!first) {
      ctx.report({ path: '/members', key: true, messageId: 'noSecretary' });
    } else {
      for (const { member, index } of secretaries.slice(1)) {
        ctx.report({
          path: `/members/${index}/role`,
          messageId: 'manySecretaries',
          data: { name: member.name, first: first.member.name },
        });
      }
    }

    // Ids and names are checked across the whole roster: old records still refer to former members.
    const ids = new Set<string>();
    const names = new Map<string, Member>();
    for (const { member, index } of members) {
      if (member.id !== undefined) {
        if (ids.has(member.id)) {
          ctx.report({ path: `/members/${index}/id`, messageId: 'duplicateId', data: { id: member.id } });
        }
        ids.add(member.id);
      }
      const name = normalizeName(member.name);
      const key = nameKey(member.name);
      const earlier = names.get(key);
      if (earlier && (earlier.id === undefined || member.id === undefined)) {
        ctx.report({ path: `/members/${index}/name`, messageId: 'duplicateName', data: { name }, severity: 'warning' });
      }
      if (!earlier) names.set(key, member);
    }
  },
};

export default rule;
