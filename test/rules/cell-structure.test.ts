import { describe, it, expect } from 'vitest';
import { lint, only, BASE_CELL } from '../helpers.js';
import { at } from './year-fixtures.js';

const RULE = 'cell-structure';

/** BASE_CELL's header (everything before the roster). */
const HEADER = BASE_CELL.slice(0, BASE_CELL.indexOf('members:'));

/** One roster line: `{ id, name, status, ...extra }` as a flow mapping. */
function member(id: string | undefined, name: string, status = 'official', extra: Record<string, string> = {}): string {
  const fields = { ...(id ? { id } : {}), name, status, ...extra };
  return `  - { ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
}

/** A cell profile with the given roster lines (and, optionally, overrides). */
function cell(lines: string[], overrides = ''): string {
  return `${HEADER}members:\n${lines.join('\n')}\n${overrides}`;
}

/** A secretary and `n - 1` further official members. */
function officials(n: number, extra: string[] = []): string[] {
  const lines = [member('bt', 'Nguyễn Văn An', 'official', { role: 'secretary' })];
  for (let i = 2; i <= n; i++) lines.push(member(`dv${i}`, `Đảng viên số ${i}`));
  return [...lines, ...extra];
}

async function run(text: string, options = {}) {
  return only(await lint({ 'cell.yaml': text }, options), RULE);
}

describe('cell-structure', () => {
  it('accepts the baseline cell (7 official members, one secretary)', async () => {
    expect(await run(BASE_CELL)).toEqual([]);
  });

  it('reports fewer than 3 official members at the members key', async () => {
    const text = cell(officials(2, [member('nga', 'Bùi Thị Nga', 'probationary'), member('quang', 'Ngô Văn Quang', 'exempted')]));
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'tooFewOfficial',
      severity: 'error',
      path: '/members',
      data: { count: 2, min: 3 },
      ...at(text, 'members:', 'members'),
    });
    expect(await run(cell(officials(3)))).toEqual([]);
  });

  it('does not count members who have left', async () => {
    const left = cell([...officials(2), member('cu', 'Lý Văn Cũ', 'official', { until: '2025-06-01' })]);
    expect((await run(left)).map((p) => p.data)).toEqual([{ count: 2, min: 3 }]);
  });

  it('counts a member as official only from officialSince (as of the validation date)', async () => {
    const text = cell([...officials(2), member('moi', 'Hà Văn Mới', 'official', { officialSince: '2027-03-01' })]);
    expect((await run(text)).map((p) => p.data)).toEqual([{ count: 2, min: 3 }]);
    expect(await run(text, { asOf: '2027-03-01' })).toEqual([]);
  });

  it('warns when 9 official members have no committee member', async () => {
    const text = cell(officials(9));
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      messageId: 'needsCommittee',
      severity: 'warning',
      path: '/members',
      data: { count: 9, min: 9 },
      ...at(text, 'members:', 'members'),
    });
    expect(await run(cell(officials(8)))).toEqual([]);
    const elected = cell(officials(9, [member('cu', 'Chi Ủy Viên', 'official', { role: 'committee-member' })]));
    expect(await run(elected)).toEqual([]);
  });

  it('reports a roster without a secretary', async () => {
    const text = cell([member('a', 'Người Thứ Nhất'), member('b', 'Người Thứ Hai'), member('c', 'Người Thứ Ba')]);
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ messageId: 'noSecretary', severity: 'error', path: '/members', ...at(text, 'members:', 'members') });
  });

  it('does not count a former secretary', async () => {
    const former = member('cu', 'Bí Thư Cũ', 'official', { role: 'secretary', until: '2025-01-01' });
    expect(await run(cell(officials(3, [former])))).toEqual([]);
    const onlyFormer = cell([former, member('a', 'Người Thứ Nhất'), member('b', 'Người Thứ Hai'), member('c', 'Người Thứ Ba')]);
    expect((await run(onlyFormer)).map((p) => p.messageId)).toEqual(['noSecretary']);
  });

  it('reports a second secretary at its role', async () => {
    const text = cell(officials(4, [member('hai', 'Trần Văn Hai', 'official', { role: 'secretary' })]));
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      messageId: 'manySecretaries',
      severity: 'error',
      path: '/members/4/role',
      data: { name: 'Trần Văn Hai', first: 'Nguyễn Văn An' },
      ...at(text, 'id: hai', 'secretary'),
    });
  });

  it('reports a repeated member id at the second one', async () => {
    const text = cell(officials(3, [member('dv2', 'Lê Thị Khác')]));
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      messageId: 'duplicateId',
      severity: 'error',
      path: '/members/3/id',
      data: { id: 'dv2' },
      ...at(text, 'Lê Thị Khác', 'dv2'),
    });
  });

  it('warns about a repeated name unless ids tell the two apart', async () => {
    const text = cell(officials(3, [member(undefined, 'Nguyễn  Văn An', 'probationary')]));
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      messageId: 'duplicateName',
      severity: 'warning',
      path: '/members/3/name',
      data: { name: 'Nguyễn Văn An' },
      ...at(text, 'Nguyễn  Văn An', 'Nguyễn  Văn An'),
    });
    expect(await run(cell(officials(3, [member('an2', 'Nguyễn Văn An', 'probationary')])))).toEqual([]);
  });

  it('takes thresholds from the cell overrides', async () => {
    const overrides = `overrides:\n  ${RULE}:\n    options: { minOfficial: 8, committeeFrom: 7 }\n`;
    const problems = await run(cell(officials(7), overrides));
    expect(problems.map((p) => [p.messageId, p.data])).toEqual([
      ['needsCommittee', { count: 7, min: 7 }],
      ['tooFewOfficial', { count: 7, min: 8 }],
    ]);
  });

  it('takes thresholds from validate options', async () => {
    const problems = await run(BASE_CELL, { rules: { [RULE]: { options: { minOfficial: 10 } } } });
    expect(problems.map((p) => p.data)).toEqual([{ count: 7, min: 10 }]);
  });
});
