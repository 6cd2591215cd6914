import { describe, it, expect } from 'vitest';
import { lint, edit, only, BASE_CELL, BASE_MEETING, positionOf as at } from '../helpers.js';

const RULE = 'attendance-quality';


/** Lint the meeting with a cell profile (none when `cell` is null). */
async function run(meeting: string, cell: string | null = BASE_CELL, options = {}, file = 'meetings/2026-03.yaml') {
  const files: Record<string, string> = { [file]: meeting };
  if (cell !== null) files['cell.yaml'] = cell;
  return only(await lint(files, options), RULE);
}

/** The baseline meeting with the given attendance entries (by index) set to a status. */
function absent(indexes: number[], status = 'excused', text = BASE_MEETING): string {
  return edit(text, (d) => {
    for (const i of indexes) {
      d.setIn(['attendance', i, 'status'], status);
      if (status === 'excused') d.setIn(['attendance', i, 'reason'], 'Đi công tác');
    }
  });
}

/** A cell of `n` official members m1…mn, and a meeting where the first `present` of them attend. */
function bigCell(n: number, present: number): { cell: string; meeting: string } {
  const members = Array.from({ length: n }, (_, i) => ({ id: `m${i + 1}`, name: `Đảng viên Số ${i + 1}`, status: 'official' }));
  const cell = edit(BASE_CELL, (d) => d.setIn(['members'], d.createNode(members)));
  const attendance = members.map((m, i) =>
    i < present ? { member: m.id, status: 'present' } : { member: m.id, status: 'excused', reason: 'Ốm' },
  );
  const meeting = edit(BASE_MEETING, (d) => {
    d.setIn(['attendance'], d.createNode(attendance));
    d.setIn(['chair'], 'm1');
    d.setIn(['secretary'], 'm2');
  });
  return { cell, meeting };
}

describe('attendance-quality', () => {
  it('accepts the baseline (9 of 9 counted members present)', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  describe('present share (> 85 %)', () => {
    it('warns at exactly 85 %, at the attendance key', async () => {
      const { cell, meeting } = bigCell(20, 17);
      const problems = await run(meeting, cell);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        ruleId: RULE,
        messageId: 'lowAttendance',
        severity: 'warning',
        path: '/attendance',
        data: { present: 17, counted: 20, percent: 85, min: 85 },
        ...at(meeting, 'attendance:'),
      });
    });

    it('accepts 18 of 20 (90 %)', async () => {
      const { cell, meeting } = bigCell(20, 18);
      expect(await run(meeting, cell)).toEqual([]);
    });

    it('accepts 8 of 9 (88.9 %)', async () => {
      expect(await run(absent([2]))).toEqual([]);
    });

    it('gives the share with one decimal', async () => {
      const problems = await run(absent([2, 3]));
      expect(problems.map((p) => p.data)).toEqual([{ present: 7, counted: 9, percent: 77.8, min: 85 }]);
    });

    it('does not count exempted members, present or not', async () => {
      // Ngô Văn Quang (index 9) is exempted: 7 of the 9 others present is 77.8 %, not 8 of 10.
      const text = edit(absent([2, 3]), (d) => {
        d.setIn(['attendance', 9, 'status'], 'present');
        d.deleteIn(['attendance', 9, 'reason']);
      });
      expect((await run(text)).map((p) => p.data)).toEqual([{ present: 7, counted: 9, percent: 77.8, min: 85 }]);
    });

    it('counts a member missing from the attendance as not present', async () => {
      const text = edit(absent([2]), (d) => d.deleteIn(['attendance', 3]));
      expect((await run(text)).map((p) => p.data)).toEqual([{ present: 7, counted: 9, percent: 77.8, min: 85 }]);
    });

    it('counts only members of the cell on the date', async () => {
      const cell = edit(BASE_CELL, (d) =>
        d.addIn(['members'], d.createNode({ id: 'tu', name: 'Nguyễn Văn Tư', status: 'official', until: '2026-01-01' })),
      );
      expect(await run(BASE_MEETING, cell)).toEqual([]);
    });
  });

  describe('unexcused absences', () => {
    it('reports each one at its status', async () => {
      const text = absent([2], 'unexcused');
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'unexcused',
        severity: 'warning',
        path: '/attendance/2/status',
        data: { name: 'Lê Văn Cường' },
        ...at(text, 'Lê Văn Cường', 'unexcused'),
      });
    });

    it('names the member from the roster when the entry uses the id', async () => {
      const text = edit(absent([2], 'unexcused'), (d) => d.setIn(['attendance', 2, 'member'], 'cuong'));
      expect((await run(text)).map((p) => p.data)).toEqual([{ name: 'Lê Văn Cường' }]);
    });

    it('does not report an exempted member', async () => {
      const text = edit(BASE_MEETING, (d) => {
        d.setIn(['attendance', 9, 'status'], 'unexcused');
        d.deleteIn(['attendance', 9, 'reason']);
      });
      expect(await run(text)).toEqual([]);
    });

    it('reports unexcused absences even without a cell profile', async () => {
      const text = absent([2, 4], 'unexcused');
      const problems = await run(text, null);
      expect(problems.map((p) => [p.messageId, p.path, p.data?.name])).toEqual([
        ['unexcused', '/attendance/2/status', 'Lê Văn Cường'],
        ['unexcused', '/attendance/4/status', 'Hoàng Văn Hải'],
      ]);
    });
  });

  describe('options', () => {
    it('takes minPresentPercent from the options given to validate', async () => {
      const options = { rules: { [RULE]: { options: { minPresentPercent: 90 } } } };
      const problems = await run(absent([2]), BASE_CELL, options);
      expect(problems.map((p) => p.data)).toEqual([{ present: 8, counted: 9, percent: 88.9, min: 90 }]);
    });

    it('takes minPresentPercent from the cell overrides', async () => {
      const cell = edit(BASE_CELL, (d) =>
        d.setIn(['overrides'], d.createNode({ [RULE]: { options: { minPresentPercent: 75 } } })),
      );
      expect(await run(absent([2, 3]), cell)).toEqual([]);
    });

    it('applies the same threshold under hd12-2018', async () => {
      const text = edit(absent([2, 3]), (d) => d.setIn(['date'], '2025-10-27'));
      const problems = await run(text, BASE_CELL, {}, 'meetings/2025-10.yaml');
      expect(problems.map((p) => [p.messageId, p.data?.percent])).toEqual([['lowAttendance', 77.8]]);
    });

    it('can be raised to an error', async () => {
      const problems = await run(absent([2], 'unexcused'), BASE_CELL, { rules: { [RULE]: { severity: 'error' } } });
      expect(problems.map((p) => [p.messageId, p.severity])).toEqual([['unexcused', 'error']]);
    });
  });
});
