import { describe, it, expect } from 'vitest';
import { lint, edit, only, lineOf, BASE_CELL, BASE_MEETING, lintMeeting } from '../helpers.js';

const RULE = 'guests-not-members';

/** Lint the meeting with a cell profile (none when `cell` is null). */
const run = (meeting: string, cell: string | null = BASE_CELL, options = {}) => lintMeeting(RULE, meeting, cell, options);

/** The baseline meeting with one more guest. */
function addGuest(name: string, text = BASE_MEETING): string {
  return edit(text, (d) => d.addIn(['guests'], d.createNode({ name, office: 'Bí thư Đoàn phường' })));
}

describe('guests-not-members', () => {
  it('accepts the baseline', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('reports a member of the cell listed as a guest, at the guest name', async () => {
    const text = addGuest('Vũ Thị Lan');
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    const line = lineOf(text, 'name: Vũ Thị Lan');
    expect(problems[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'guestIsMember',
      severity: 'error',
      path: '/guests/1/name',
      data: { name: 'Vũ Thị Lan' },
      line,
      column: text.split('\n')[line - 1]!.indexOf('Vũ Thị Lan') + 1,
    });
  });

  it('matches names whatever the spacing', async () => {
    const problems = await run(addGuest(' Vũ  Thị Lan'));
    expect(problems.map((p) => [p.messageId, p.data])).toEqual([['guestIsMember', { name: 'Vũ Thị Lan' }]]);
  });

  it('accepts a former member coming back as a guest', async () => {
    const cell = edit(BASE_CELL, (d) =>
      d.addIn(['members'], d.createNode({ id: 'tu', name: 'Nguyễn Văn Tư', status: 'official', until: '2026-01-01' })),
    );
    expect(await run(addGuest('Nguyễn Văn Tư'), cell)).toEqual([]);
  });

  it('reports a member who joined on the meeting date', async () => {
    const cell = edit(BASE_CELL, (d) =>
      d.addIn(['members'], d.createNode({ id: 'tu', name: 'Nguyễn Văn Tư', status: 'probationary', since: '2026-03-05' })),
    );
    const problems = await run(addGuest('Nguyễn Văn Tư'), cell);
    expect(problems.map((p) => [p.messageId, p.path])).toEqual([['guestIsMember', '/guests/1/name']]);
  });

  it('leaves a guest listed in the attendance to attendance-roster', async () => {
    const text = edit(BASE_MEETING, (d) =>
      d.addIn(['attendance'], d.createNode({ member: 'Lê Thị Hồng', status: 'present' })),
    );
    expect(await run(text)).toEqual([]);
  });

  it('is silent without a cell profile', async () => {
    expect(await run(addGuest('Vũ Thị Lan'), null)).toEqual([]);
  });

  it('applies under hd12-2018 too', async () => {
    const text = addGuest('Vũ Thị Lan', edit(BASE_MEETING, (d) => d.setIn(['date'], '2025-10-27')));
    const problems = only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2025-10.yaml': text }), RULE);
    expect(problems.map((p) => p.messageId)).toEqual(['guestIsMember']);
  });

  it('can be lowered to a warning by the superior committee', async () => {
    const problems = await run(addGuest('Vũ Thị Lan'), BASE_CELL, { rules: { [RULE]: { severity: 'warning' } } });
    expect(problems.map((p) => [p.messageId, p.severity])).toEqual([['guestIsMember', 'warning']]);
  });
});
