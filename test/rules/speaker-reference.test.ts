import { describe, it, expect } from 'vitest';
import { lint, edit, only, BASE_CELL, BASE_MEETING, positionOf as at, lintMeeting } from '../helpers.js';

const RULE = 'speaker-reference';
/** Indexes in the baseline: the news-briefing step (with a presenter) and the discussion step (with speakers). */
const NEWS = 5;
const DISCUSSION = 8;


/** Lint the meeting with a cell profile (none when `cell` is null). */
const run = (meeting: string, cell: string | null = BASE_CELL, options = {}) => lintMeeting(RULE, meeting, cell, options);

/** The baseline with the first speaker of the discussion replaced. */
function speaker(name: string, text = BASE_MEETING): string {
  return edit(text, (d) => d.setIn(['steps', DISCUSSION, 'speakers', 0, 'speaker'], name));
}

/** The baseline cell with members grouped in party groups (tổ đảng). */
const GROUPED_CELL = edit(BASE_CELL, (d) => {
  for (const i of [0, 1, 2, 3, 4]) d.setIn(['members', i, 'group'], 'Tổ đảng số 1');
  for (const i of [5, 6, 7, 8, 9]) d.setIn(['members', i, 'group'], 'Tổ đảng số 2');
});

/** A thematic session whose topic is presented by `presenter`. */
function thematic(presenter: string): string {
  return edit(BASE_MEETING, (d) => {
    d.setIn(['kind'], 'thematic');
    d.setIn(['topic'], d.createNode({ title: 'Xây dựng khu dân cư văn minh', presenter }));
  });
}

describe('speaker-reference', () => {
  it('accepts the baseline (a member present, a guest, the chair presenting)', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('accepts members given by id', async () => {
    expect(await run(speaker('cuong'))).toEqual([]);
  });

  describe('unknown people', () => {
    it('reports a speaker who is neither a member nor a guest, at the speaker', async () => {
      const text = speaker('Nguyễn Văn Tư');
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        ruleId: RULE,
        messageId: 'unknownSpeaker',
        severity: 'error',
        path: `/steps/${DISCUSSION}/speakers/0/speaker`,
        data: { name: 'Nguyễn Văn Tư' },
        ...at(text, 'speaker: Nguyễn Văn Tư', 'Nguyễn Văn Tư'),
      });
    });

    it('reports an unknown step presenter', async () => {
      const text = edit(BASE_MEETING, (d) => d.setIn(['steps', NEWS, 'presenter'], 'Phóng viên'));
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'unknownSpeaker',
        path: `/steps/${NEWS}/presenter`,
        data: { name: 'Phóng viên' },
        ...at(text, 'presenter: Phóng viên', 'Phóng viên'),
      });
    });

    it('reports a former member (no longer in the cell, not listed as a guest)', async () => {
      const cell = edit(BASE_CELL, (d) =>
        d.addIn(['members'], d.createNode({ id: 'tu', name: 'Nguyễn Văn Tư', status: 'official', until: '2026-01-01' })),
      );
      const problems = await run(speaker('tu'), cell);
      expect(problems.map((p) => [p.messageId, p.data])).toEqual([['unknownSpeaker', { name: 'tu' }]]);
    });

    it('reports a name shared by two members', async () => {
      const cell = edit(BASE_CELL, (d) =>
        d.addIn(['members'], d.createNode({ id: 'cuong2', name: 'Lê Văn Cường', status: 'official' })),
      );
      const problems = await run(BASE_MEETING, cell);
      expect(problems.map((p) => [p.messageId, p.path, p.data])).toEqual([
        ['ambiguousSpeaker', `/steps/${DISCUSSION}/speakers/0/speaker`, { name: 'Lê Văn Cường', count: 2 }],
      ]);
    });
  });

  describe('absent people', () => {
    it('reports a speaker recorded as absent', async () => {
      const text = edit(BASE_MEETING, (d) => {
        d.setIn(['attendance', 2, 'status'], 'excused');
        d.setIn(['attendance', 2, 'reason'], 'Ốm');
      });
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'absentSpeaker',
        path: `/steps/${DISCUSSION}/speakers/0/speaker`,
        data: { name: 'Lê Văn Cường', status: 'excused' },
        ...at(text, 'speaker: Lê Văn Cường', 'Lê Văn Cường'),
      });
    });

    it('reports a presenter recorded as absent without reason', async () => {
      const text = edit(BASE_MEETING, (d) => d.setIn(['attendance', 0, 'status'], 'unexcused'));
      const problems = await run(text);
      expect(problems.map((p) => [p.messageId, p.path, p.data])).toEqual([
        ['absentSpeaker', `/steps/${NEWS}/presenter`, { name: 'Nguyễn Văn An', status: 'unexcused' }],
      ]);
    });

    it('without a cell profile, checks names against the attendance as written', async () => {
      const text = edit(speaker('Người Khác'), (d) => d.setIn(['attendance', 0, 'status'], 'unexcused'));
      const problems = await run(text, null);
      expect(problems.map((p) => [p.messageId, p.path, p.data])).toEqual([
        ['absentSpeaker', `/steps/${NEWS}/presenter`, { name: 'Nguyễn Văn An', status: 'unexcused' }],
      ]);
    });
  });

  describe('topic presenter', () => {
    it('accepts a present member', async () => {
      expect(await run(thematic('Phạm Thị Dung'))).toEqual([]);
    });

    it('accepts a party group of the cell', async () => {
      expect(await run(thematic('Tổ đảng số 2'), GROUPED_CELL)).toEqual([]);
    });

    it('reports a group the cell does not have', async () => {
      const text = thematic('Tổ đảng số 9');
      const problems = await run(text, GROUPED_CELL);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'unknownSpeaker',
        path: '/topic/presenter',
        data: { name: 'Tổ đảng số 9' },
        ...at(text, 'presenter: Tổ đảng số 9', 'Tổ đảng số 9'),
      });
    });

    it('accepts a group only for the topic, not as a step presenter', async () => {
      const text = edit(BASE_MEETING, (d) => d.setIn(['steps', NEWS, 'presenter'], 'Tổ đảng số 1'));
      const problems = await run(text, GROUPED_CELL);
      expect(problems.map((p) => [p.messageId, p.path])).toEqual([['unknownSpeaker', `/steps/${NEWS}/presenter`]]);
    });

    it('accepts a guest', async () => {
      expect(await run(thematic('Lê Thị Hồng'))).toEqual([]);
    });
  });

  it('applies under hd12-2018 too', async () => {
    const text = speaker('Nguyễn Văn Tư', edit(BASE_MEETING, (d) => d.setIn(['date'], '2025-10-27')));
    const problems = only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2025-10.yaml': text }), RULE);
    expect(problems.map((p) => p.messageId)).toEqual(['unknownSpeaker']);
  });

  it('can be lowered to a warning by the cell overrides', async () => {
    const cell = edit(BASE_CELL, (d) => d.setIn(['overrides'], d.createNode({ [RULE]: { severity: 'warning' } })));
    const problems = await run(speaker('Nguyễn Văn Tư'), cell);
    expect(problems.map((p) => [p.messageId, p.severity])).toEqual([['unknownSpeaker', 'warning']]);
  });
});
