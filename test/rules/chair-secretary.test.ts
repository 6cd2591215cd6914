import { describe, it, expect } from 'vitest';
import { lint, edit, only, lineOf, BASE_CELL, BASE_MEETING, positionOf as at, lintMeeting } from '../helpers.js';

const RULE = 'chair-secretary';


/** Lint the meeting with a cell profile (none when `cell` is null). */
const run = (meeting: string, cell: string | null = BASE_CELL, options = {}) => lintMeeting(RULE, meeting, cell, options);

function set(path: (string | number)[], value: string, text = BASE_MEETING): string {
  return edit(text, (d) => d.setIn(path, value));
}

describe('chair-secretary', () => {
  it('accepts the baseline', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('accepts members given by id', async () => {
    expect(await run(set(['secretary'], 'binh', set(['chair'], 'an')))).toEqual([]);
  });

  describe('chair', () => {
    it('reports a guest in the chair', async () => {
      const text = set(['chair'], 'Lê Thị Hồng');
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        ruleId: RULE,
        messageId: 'chairNotMember',
        severity: 'error',
        path: '/chair',
        data: { name: 'Lê Thị Hồng' },
        ...at(text, 'chair:', 'Lê Thị Hồng'),
      });
    });

    it('reports a chair who left the cell before the meeting', async () => {
      const cell = edit(BASE_CELL, (d) => d.setIn(['members', 0, 'until'], '2026-03-01'));
      const problems = await run(BASE_MEETING, cell);
      expect(problems.map((p) => [p.messageId, p.data])).toEqual([['chairNotMember', { name: 'Nguyễn Văn An' }]]);
    });

    it('reports a chair recorded as absent', async () => {
      const text = edit(BASE_MEETING, (d) => {
        d.setIn(['chair'], 'cuong');
        d.setIn(['attendance', 2, 'status'], 'excused');
        d.setIn(['attendance', 2, 'reason'], 'Ốm');
      });
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'chairAbsent',
        path: '/chair',
        data: { name: 'Lê Văn Cường', status: 'excused' },
        ...at(text, 'chair:', 'cuong'),
      });
    });

    it('reports a name shared by two members', async () => {
      const cell = edit(BASE_CELL, (d) =>
        d.addIn(['members'], d.createNode({ id: 'an2', name: 'Nguyễn Văn An', status: 'official' })),
      );
      const problems = await run(BASE_MEETING, cell);
      expect(problems.map((p) => [p.messageId, p.path, p.data])).toEqual([
        ['chairAmbiguous', '/chair', { name: 'Nguyễn Văn An', count: 2 }],
      ]);
    });
  });

  describe('secretary (minute-taker)', () => {
    it('reports a guest taking the minutes', async () => {
      const text = set(['secretary'], 'Lê Thị Hồng');
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'secretaryNotMember',
        path: '/secretary',
        data: { name: 'Lê Thị Hồng' },
        ...at(text, 'secretary:', 'Lê Thị Hồng'),
      });
    });

    it('reports a name not on the roster', async () => {
      const problems = await run(set(['secretary'], 'Nguyễn Thị Xuân'));
      expect(problems.map((p) => [p.messageId, p.data])).toEqual([['secretaryNotMember', { name: 'Nguyễn Thị Xuân' }]]);
    });

    it('reports a secretary recorded as absent without reason', async () => {
      const problems = await run(set(['attendance', 1, 'status'], 'unexcused'));
      expect(problems.map((p) => [p.messageId, p.path, p.data])).toEqual([
        ['secretaryAbsent', '/secretary', { name: 'Trần Thị Bình', status: 'unexcused' }],
      ]);
    });

    it('reports a name shared by two members', async () => {
      const cell = edit(BASE_CELL, (d) =>
        d.addIn(['members'], d.createNode({ id: 'binh2', name: 'Trần Thị Bình', status: 'official' })),
      );
      const problems = await run(BASE_MEETING, cell);
      expect(problems.map((p) => [p.messageId, p.data])).toEqual([
        ['secretaryAmbiguous', { name: 'Trần Thị Bình', count: 2 }],
      ]);
    });
  });

  it('leaves a chair missing from the attendance to attendance-roster', async () => {
    expect(await run(edit(BASE_MEETING, (d) => d.deleteIn(['attendance', 0])))).toEqual([]);
  });

  it('without a cell profile, still recognises a guest in either role', async () => {
    const text = set(['secretary'], 'Lê Thị Hồng', set(['chair'], 'Lê  Thị Hồng'));
    const problems = await run(text, null);
    expect(problems.map((p) => [p.messageId, p.data])).toEqual([
      ['chairNotMember', { name: 'Lê  Thị Hồng' }],
      ['secretaryNotMember', { name: 'Lê Thị Hồng' }],
    ]);
    expect(await run(set(['chair'], 'Người Khác'), null)).toEqual([]);
  });

  it('applies under hd12-2018 too', async () => {
    const text = set(['chair'], 'Lê Thị Hồng', set(['date'], '2025-10-27'));
    const problems = only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2025-10.yaml': text }), RULE);
    expect(problems.map((p) => p.messageId)).toEqual(['chairNotMember']);
  });

  it('can be lowered to a warning by the cell overrides', async () => {
    const cell = edit(BASE_CELL, (d) => d.setIn(['overrides'], d.createNode({ [RULE]: { severity: 'warning' } })));
    const problems = await run(set(['chair'], 'Lê Thị Hồng'), cell);
    expect(problems.map((p) => [p.messageId, p.severity])).toEqual([['chairNotMember', 'warning']]);
  });
});

describe('chair-secretary: the resolution signer', () => {
  const withSigner = (name: string) => edit(BASE_MEETING, (d) => d.setIn(['resolution', 'signer'], name));

  it('accepts the bí thư or the phó bí thư as signer', async () => {
    for (const name of ['Nguyễn Văn An', 'binh']) {
      const problems = only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': withSigner(name) }), 'chair-secretary');
      expect(problems, name).toEqual([]);
    }
  });

  it('reports a signer who is not a member, with the likely intended name', async () => {
    const text = withSigner('Nguyễn Văn Ann');
    const [p] = only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': text }), 'chair-secretary');
    expect(p).toMatchObject({ messageId: 'signerNotMember', severity: 'error', data: { name: 'Nguyễn Văn Ann', suggestion: 'Nguyễn Văn An' }, line: lineOf(text, 'signer:') });
  });

  it('warns when an ordinary member signs on behalf of the cell', async () => {
    const text = withSigner('Lê Văn Cường');
    const [p] = only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': text }), 'chair-secretary');
    expect(p).toMatchObject({ messageId: 'signerRole', severity: 'warning', data: { name: 'Lê Văn Cường' } });
  });

  describe('one person in both roles', () => {
    it('reports the chair named again as secretary, at the secretary', async () => {
      const text = set(['secretary'], 'Nguyễn Văn An');
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'samePerson', severity: 'error', path: '/secretary', data: { name: 'Nguyễn Văn An' },
        ...at(text, 'secretary:', 'Nguyễn Văn An'),
      });
      expect(problems[0]!.message).toContain('hai người khác nhau');
    });

    it('sees one member given once by name and once by id', async () => {
      const problems = await run(set(['secretary'], 'an'));
      expect(problems.map((p) => [p.messageId, p.data])).toEqual([['samePerson', { name: 'Nguyễn Văn An' }]]);
    });

    it('sees the same name without a cell profile', async () => {
      const problems = await run(set(['secretary'], 'Nguyễn Văn An'), null);
      expect(problems.map((p) => p.messageId)).toEqual(['samePerson']);
    });
  });
});
