import { describe, it, expect } from 'vitest';
import { lint, edit, only, lineOf, BASE_CELL, BASE_MEETING } from '../helpers.js';

const RULE = 'absence-streak';
/** Lê Văn Cường's entry in the baseline attendance. */
const CUONG = 2;

type Status = 'present' | 'excused' | 'unexcused';

/** The baseline meeting moved to `date` with Lê Văn Cường's attendance set to `status`. */
function meeting(date: string, status: Status): string {
  return edit(BASE_MEETING, (d) => {
    d.setIn(['date'], date);
    d.setIn(['attendance', CUONG, 'status'], status);
    if (status === 'excused') d.setIn(['attendance', CUONG, 'reason'], 'Đi công tác xa');
  });
}

/** A tree of monthly meetings of 2026 from January, Lê Văn Cường's status in each. */
function year(statuses: Status[], cell = BASE_CELL, firstMonth = 1, yearNo = 2026): Record<string, string> {
  const files: Record<string, string> = { 'cell.yaml': cell };
  statuses.forEach((status, i) => {
    const month = String(firstMonth + i).padStart(2, '0');
    files[`meetings/${yearNo}-${month}.yaml`] = meeting(`${yearNo}-${month}-05`, status);
  });
  return files;
}

describe('absence-streak', () => {
  it('accepts the baseline', async () => {
    expect(only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': BASE_MEETING }), RULE)).toEqual([]);
  });

  it('accepts three absences with reason in a row', async () => {
    expect(only(await lint(year(['excused', 'excused', 'excused', 'present'])), RULE)).toEqual([]);
  });

  it('reports the fourth in a row, on that meeting at the member entry', async () => {
    const files = year(['present', 'excused', 'excused', 'excused', 'excused', 'present']);
    const problems = only(await lint(files), RULE);
    expect(problems).toHaveLength(1);
    const text = files['meetings/2026-05.yaml']!;
    const line = lineOf(text, 'member: Lê Văn Cường');
    expect(problems[0]).toMatchObject({
      rel: 'meetings/2026-05.yaml',
      ruleId: RULE,
      messageId: 'streak',
      severity: 'warning',
      path: `/attendance/${CUONG}`,
      data: { name: 'Lê Văn Cường', count: 4, max: 3 },
      line,
      column: text.split('\n')[line - 1]!.indexOf('{') + 1,
    });
  });

  it('reports a long streak once', async () => {
    const problems = only(await lint(year(Array<Status>(7).fill('excused'))), RULE);
    expect(problems.map((p) => [p.rel, p.data?.count])).toEqual([['meetings/2026-04.yaml', 4]]);
  });

  it('starts again after the member attends', async () => {
    const statuses: Status[] = ['excused', 'excused', 'excused', 'present', 'excused', 'excused', 'excused', 'excused'];
    const problems = only(await lint(year(statuses)), RULE);
    expect(problems.map((p) => p.rel)).toEqual(['meetings/2026-08.yaml']);
  });

  it('counts only absences with reason: an unexcused absence ends the run', async () => {
    const statuses: Status[] = ['excused', 'excused', 'unexcused', 'excused', 'excused'];
    expect(only(await lint(year(statuses)), RULE)).toEqual([]);
  });

  it('counts within one calendar year', async () => {
    const files = {
      ...year(['excused', 'excused'], BASE_CELL, 11, 2025),
      ...year(['excused', 'excused'], BASE_CELL, 1, 2026),
    };
    expect(only(await lint(files), RULE)).toEqual([]);
  });

  it('does not count exempted members (the baseline exempted member is always absent)', async () => {
    const problems = only(await lint(year(Array<Status>(5).fill('present'))), RULE);
    expect(problems).toEqual([]);
  });

  it('counts meetings of every kind in date order', async () => {
    const files = year(['excused', 'excused', 'excused']);
    files['meetings/2026-03-thematic.yaml'] = edit(meeting('2026-03-20', 'excused'), (d) => {
      d.setIn(['kind'], 'thematic');
      d.setIn(['topic'], d.createNode({ title: 'Chuyên đề quý I', presenter: 'Nguyễn Văn An' }));
    });
    const problems = only(await lint(files), RULE);
    expect(problems.map((p) => [p.rel, p.data?.count])).toEqual([['meetings/2026-03-thematic.yaml', 4]]);
  });

  it('is silent without a cell profile', async () => {
    const files = year(Array<Status>(5).fill('excused'));
    delete files['cell.yaml'];
    expect(only(await lint(files), RULE)).toEqual([]);
  });

  describe('options', () => {
    it('takes maxConsecutive from the options given to validate', async () => {
      const options = { rules: { [RULE]: { options: { maxConsecutive: 2 } } } };
      const problems = only(await lint(year(['excused', 'excused', 'excused']), options), RULE);
      expect(problems.map((p) => [p.rel, p.data])).toEqual([
        ['meetings/2026-03.yaml', { name: 'Lê Văn Cường', count: 3, max: 2 }],
      ]);
    });

    it('takes maxConsecutive from the cell overrides', async () => {
      const cell = edit(BASE_CELL, (d) =>
        d.setIn(['overrides'], d.createNode({ [RULE]: { options: { maxConsecutive: 4 } } })),
      );
      expect(only(await lint(year(Array<Status>(4).fill('excused'), cell)), RULE)).toEqual([]);
      const problems = only(await lint(year(Array<Status>(5).fill('excused'), cell)), RULE);
      expect(problems.map((p) => p.data?.count)).toEqual([5]);
    });

    it('applies the same limit under hd12-2018', async () => {
      const problems = only(await lint(year(Array<Status>(4).fill('excused'), BASE_CELL, 1, 2025)), RULE);
      expect(problems.map((p) => [p.rel, p.data?.count])).toEqual([['meetings/2025-04.yaml', 4]]);
    });
  });
});
