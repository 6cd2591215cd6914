import { describe, it, expect } from 'vitest';
import { lint, edit, only, BASE_CELL, BASE_MEETING, positionOf as at, lintMeeting } from '../helpers.js';

const RULE = 'attendance-roster';


/** Lint the meeting with a cell profile (none when `cell` is null). */
const run = (meeting: string, cell: string | null = BASE_CELL, options = {}) => lintMeeting(RULE, meeting, cell, options);

/** The baseline meeting with one more attendance entry. */
function addEntry(entry: Record<string, string>, text = BASE_MEETING): string {
  return edit(text, (d) => d.addIn(['attendance'], d.createNode(entry)));
}

/** The baseline cell with one more member. */
function addMember(member: Record<string, string>, text = BASE_CELL): string {
  return edit(text, (d) => d.addIn(['members'], d.createNode(member)));
}

describe('attendance-roster', () => {
  it('accepts the baseline', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('reports a member missing from the attendance at the attendance key', async () => {
    const text = edit(BASE_MEETING, (d) => d.deleteIn(['attendance', 2]));
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'missingMember',
      severity: 'error',
      path: '/attendance',
      data: { name: 'Lê Văn Cường' },
      ...at(text, 'attendance:'),
    });
  });

  it('reports a member listed twice, at the second entry (ids and names both resolve)', async () => {
    const text = addEntry({ member: 'cuong', status: 'present' });
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      messageId: 'duplicate',
      path: '/attendance/10/member',
      data: { name: 'Lê Văn Cường' },
      ...at(text, 'member: cuong', 'cuong'),
    });
  });

  it('accepts members given by id, and names with extra spaces', async () => {
    const text = edit(BASE_MEETING, (d) => {
      d.setIn(['attendance', 0, 'member'], 'an');
      d.setIn(['attendance', 1, 'member'], 'Trần  Thị Bình');
    });
    expect(await run(text)).toEqual([]);
  });

  it('reports a name not on the roster', async () => {
    const text = addEntry({ member: 'Lê Thị Hồng', status: 'present' });
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      messageId: 'unknownMember',
      path: '/attendance/10/member',
      data: { name: 'Lê Thị Hồng' },
      ...at(text, 'member: Lê Thị Hồng', 'Lê Thị Hồng'),
    });
  });

  it('reports a name shared by two members, without also listing them as missing', async () => {
    const cell = addMember({ id: 'cuong2', name: 'Lê Văn Cường', status: 'official' });
    const text = BASE_MEETING;
    const problems = await run(text, cell);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      messageId: 'ambiguous',
      path: '/attendance/2/member',
      data: { name: 'Lê Văn Cường', count: 2 },
      ...at(text, 'member: Lê Văn Cường', 'Lê Văn Cường'),
    });
  });

  it('accepts namesakes given by id', async () => {
    const cell = addMember({ id: 'cuong2', name: 'Lê Văn Cường', status: 'official' });
    const text = addEntry(
      { member: 'cuong2', status: 'excused', reason: 'Đi công tác' },
      edit(BASE_MEETING, (d) => d.setIn(['attendance', 2, 'member'], 'cuong')),
    );
    expect(await run(text, cell)).toEqual([]);
  });

  describe('membership dates (since ≤ date < until)', () => {
    it('reports a member who left before the meeting', async () => {
      const cell = addMember({ id: 'tu', name: 'Nguyễn Văn Tư', status: 'official', until: '2026-03-05' });
      const text = addEntry({ member: 'Nguyễn Văn Tư', status: 'present' });
      const problems = await run(text, cell);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'notActive',
        path: '/attendance/10/member',
        data: { name: 'Nguyễn Văn Tư', date: '2026-03-05' },
        ...at(text, 'member: Nguyễn Văn Tư', 'Nguyễn Văn Tư'),
      });
    });

    it('reports a member who joined after the meeting', async () => {
      const cell = addMember({ id: 'tu', name: 'Nguyễn Văn Tư', status: 'probationary', since: '2026-03-06' });
      const problems = await run(addEntry({ member: 'tu', status: 'present' }), cell);
      expect(problems.map((p) => [p.messageId, p.data])).toEqual([
        ['notActive', { name: 'Nguyễn Văn Tư', date: '2026-03-05' }],
      ]);
    });

    it('does not expect members outside their dates', async () => {
      const left = addMember({ id: 'tu', name: 'Nguyễn Văn Tư', status: 'official', until: '2026-03-05' });
      const joined = addMember({ id: 'sau', name: 'Trịnh Văn Sáu', status: 'official', since: '2026-03-06' }, left);
      expect(await run(BASE_MEETING, joined)).toEqual([]);
    });

    it('expects a member from the day they join and until the day before they leave', async () => {
      const joined = addMember({ id: 'tu', name: 'Nguyễn Văn Tư', status: 'probationary', since: '2026-03-05' });
      const leaving = addMember({ id: 'sau', name: 'Trịnh Văn Sáu', status: 'official', until: '2026-03-06' }, joined);
      const problems = await run(BASE_MEETING, leaving);
      expect(problems.map((p) => [p.messageId, p.data?.name])).toEqual([
        ['missingMember', 'Nguyễn Văn Tư'],
        ['missingMember', 'Trịnh Văn Sáu'],
      ]);
    });
  });

  it('checks a meeting of 2024 (hd12-2018) the same way', async () => {
    const text = edit(BASE_MEETING, (d) => {
      d.setIn(['date'], '2024-03-05');
      d.deleteIn(['attendance', 0]);
    });
    const problems = only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2024-03.yaml': text }), RULE);
    expect(problems.map((p) => [p.messageId, p.data?.name])).toEqual([['missingMember', 'Nguyễn Văn An']]);
  });

  it('is silent without a cell profile', async () => {
    const text = addEntry({ member: 'Người Lạ', status: 'present' });
    expect(await run(text, null)).toEqual([]);
  });

  it('can be lowered to a warning by the superior committee', async () => {
    const text = edit(BASE_MEETING, (d) => d.deleteIn(['attendance', 2]));
    const problems = await run(text, BASE_CELL, { rules: { [RULE]: { severity: 'warning' } } });
    expect(problems.map((p) => [p.messageId, p.severity])).toEqual([['missingMember', 'warning']]);
  });
});
