import { describe, it, expect } from 'vitest';
import { lint, edit, only, BASE_CELL, BASE_MEETING } from '../helpers.js';
import { at, cellWithOverrides } from './year-fixtures.js';

const RULE = 'vote-majority';
const FILE = 'meetings/2026-03.yaml';

/** The baseline meeting with `for` votes and, optionally, members marked absent with reason. */
function meeting(votesFor: number, excused: number[] = []): string {
  return edit(BASE_MEETING, (d) => {
    d.setIn(['vote', 'for'], votesFor);
    for (const i of excused) {
      d.setIn(['attendance', i, 'status'], 'excused');
      d.setIn(['attendance', i, 'reason'], 'Đi công tác');
    }
  });
}

/** The baseline cell with one more official member, who is not on the attendance list (absent). */
const CELL_8 = edit(BASE_CELL, (d) => {
  d.addIn(['members'], d.createNode({ id: 'tuan', name: 'Tạ Văn Tuấn', status: 'official' }));
});

async function run(text: string, options = {}, cell: string | null = BASE_CELL) {
  const files: Record<string, string> = { [FILE]: text };
  if (cell !== null) files['cell.yaml'] = cell;
  return only(await lint(files, options), RULE);
}

describe('vote-majority', () => {
  it('accepts the baseline: 7 of 7', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('reports a resolution without more than half, at the votes for', async () => {
    const text = meeting(3);
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'noMajority',
      severity: 'error',
      path: '/vote/for',
      data: { for: 3, eligible: 7, needed: 4 },
      ...at(text, '  for: 3', '3'),
    });
    expect(await run(meeting(4))).toEqual([]);
  });

  it('needs more than half, not half, of an even count', async () => {
    // 7 official present + Tuấn absent without reason = 8 eligible: 4 is only half.
    const half = await run(meeting(4), {}, CELL_8);
    expect(half.map((p) => p.data)).toEqual([{ for: 4, eligible: 8, needed: 5 }]);
    expect(await run(meeting(5), {}, CELL_8)).toEqual([]);
  });

  it('does not count probationary, attached or absent exempted members', async () => {
    // Eligible stays 7 although 9 are present and Quang (exempted) is excused.
    const problems = await run(meeting(3));
    expect(problems[0]?.data).toMatchObject({ eligible: 7 });
  });

  it('keeps excused absentees in the count by default', async () => {
    // Cường and Dung absent with reason: still 7 eligible, 3 is not enough.
    const problems = await run(meeting(3, [2, 3]));
    expect(problems.map((p) => p.data)).toEqual([{ for: 3, eligible: 7, needed: 4 }]);
  });

  it('leaves excused absentees out with excusedAbsentCount: false (validate options)', async () => {
    const options = { rules: { [RULE]: { options: { excusedAbsentCount: false } } } };
    expect(await run(meeting(3, [2, 3]), options)).toEqual([]);
    const problems = await run(meeting(2, [2, 3]), options);
    expect(problems.map((p) => p.data)).toEqual([{ for: 2, eligible: 5, needed: 3 }]);
  });

  it('takes excusedAbsentCount from the cell overrides', async () => {
    const cell = cellWithOverrides({ [RULE]: { options: { excusedAbsentCount: false } } });
    expect(await run(meeting(3, [2, 3]), {}, cell)).toEqual([]);
  });

  it('reports an adopted resolution without a vote, at the resolution key', async () => {
    const text = edit(BASE_MEETING, (d) => d.deleteIn(['vote']));
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'missingVote',
      severity: 'error',
      path: '/resolution',
      ...at(text, 'resolution:', 'resolution'),
    });
    expect(problems[0]!.data).toBeUndefined();
  });

  it('reports a missing vote even without a cell profile', async () => {
    const problems = await run(edit(BASE_MEETING, (d) => d.deleteIn(['vote'])), {}, null);
    expect(problems.map((p) => p.messageId)).toEqual(['missingVote']);
    // Without the roster the majority cannot be computed.
    expect(await run(meeting(0), {}, null)).toEqual([]);
  });

  it('says nothing of a draft or of a meeting without a resolution', async () => {
    const draft = edit(BASE_MEETING, (d) => {
      d.setIn(['status'], 'draft');
      d.deleteIn(['vote']);
    });
    expect(await run(draft)).toEqual([]);
    const conclusion = edit(BASE_MEETING, (d) => {
      d.deleteIn(['resolution']);
      d.deleteIn(['vote']);
      d.setIn(['conclusion'], 'Chi bộ thống nhất kết luận của đồng chí Bí thư.');
    });
    expect(await run(conclusion)).toEqual([]);
  });

  it('is switched off with severity off', async () => {
    expect(await run(meeting(1), { rules: { [RULE]: { severity: 'off' } } })).toEqual([]);
  });
});
