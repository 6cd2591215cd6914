import { describe, it, expect } from 'vitest';
import { lint, edit, only, BASE_CELL, BASE_MEETING } from '../helpers.js';
import { at } from './year-fixtures.js';

const RULE = 'vote-eligibility';
const FILE = 'meetings/2026-03.yaml';

/** The baseline meeting with another vote. */
function withVote(vote: Record<string, number>, base = BASE_MEETING): string {
  return edit(base, (d) => d.setIn(['vote'], d.createNode(vote)));
}

/** The baseline cell with changes to one member (by index). */
function cellWith(index: number, change: Record<string, string>): string {
  return edit(BASE_CELL, (d) => {
    for (const [k, v] of Object.entries(change)) d.setIn(['members', index, k], v);
  });
}

async function run(meeting: string, cell: string | null = BASE_CELL) {
  const files: Record<string, string> = { [FILE]: meeting };
  if (cell !== null) files['cell.yaml'] = cell;
  return only(await lint(files), RULE);
}

describe('vote-eligibility', () => {
  it('accepts the baseline: 7 votes, 7 official members present', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('reports more votes than eligible members present, at the vote', async () => {
    const text = withVote({ for: 8, against: 0 });
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'tooManyVotes',
      severity: 'error',
      path: '/vote',
      data: { total: 8, eligiblePresent: 7 },
      ...at(text, '  for: 8', 'for'),
    });
  });

  it('adds for, against and other', async () => {
    expect(await run(withVote({ for: 5, against: 1, other: 1 }))).toEqual([]);
    const problems = await run(withVote({ for: 5, against: 1, other: 2 }));
    expect(problems.map((p) => p.data)).toEqual([{ total: 8, eligiblePresent: 7 }]);
  });

  it('does not let the probationary and the attached member vote', async () => {
    // Nga (probationary) and Phúc (attached) are present in the baseline: 9 present, 7 eligible.
    const problems = await run(withVote({ for: 9, against: 0 }));
    expect(problems.map((p) => p.data)).toEqual([{ total: 9, eligiblePresent: 7 }]);
  });

  it('treats an official member as probationary before officialSince', async () => {
    // Minh (index 6) becomes official the day after the meeting.
    const later = await run(BASE_MEETING, cellWith(6, { officialSince: '2026-03-06' }));
    expect(later.map((p) => p.data)).toEqual([{ total: 7, eligiblePresent: 6 }]);
    // Official on the meeting day itself: he votes.
    expect(await run(BASE_MEETING, cellWith(6, { officialSince: '2026-03-05' }))).toEqual([]);
  });

  it('lets an exempted member who attends vote', async () => {
    const present = edit(BASE_MEETING, (d) => {
      d.setIn(['attendance', 9], d.createNode({ member: 'Ngô Văn Quang', status: 'present' }, { flow: true }));
    });
    expect(await run(withVote({ for: 8, against: 0 }, present))).toEqual([]);
  });

  it('does not count a member who had left the cell', async () => {
    // Cường (index 2) left before the meeting but is still marked present.
    const problems = await run(BASE_MEETING, cellWith(2, { until: '2026-03-01' }));
    expect(problems.map((p) => p.data)).toEqual([{ total: 7, eligiblePresent: 6 }]);
  });

  it('says nothing without a vote', async () => {
    expect(await run(edit(BASE_MEETING, (d) => d.deleteIn(['vote'])))).toEqual([]);
  });

  it('says nothing without a cell profile', async () => {
    expect(await run(withVote({ for: 20, against: 0 }), null)).toEqual([]);
  });
});
