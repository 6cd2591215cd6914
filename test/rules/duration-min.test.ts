import { describe, it, expect } from 'vitest';
import { lint, edit, only, BASE_CELL, BASE_MEETING, positionOf as at } from '../helpers.js';

const RULE = 'duration-min';


const TOPIC = { title: 'Học tập và làm theo tư tưởng Hồ Chí Minh', presenter: 'Nguyễn Văn An' };

/** The baseline meeting with another kind, date and end time. */
function meeting(end: string, kind = 'regular', date = '2026-03-05'): string {
  return edit(BASE_MEETING, (d) => {
    d.setIn(['end'], end);
    d.setIn(['date'], date);
    if (kind !== 'regular') {
      d.setIn(['kind'], kind);
      d.setIn(['topic'], d.createNode(TOPIC));
    }
  });
}

async function run(text: string, options = {}, cell = BASE_CELL) {
  return only(await lint({ 'cell.yaml': cell, 'meetings/m.yaml': text }, options), RULE);
}

describe('duration-min', () => {
  it('accepts the baseline (120 minutes)', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('reports a regular meeting shorter than 90 minutes at the end time', async () => {
    const text = meeting('15:29');
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'tooShort',
      severity: 'error',
      path: '/end',
      data: { actual: 89, min: 90, kind: 'regular' },
      ...at(text, 'end:', '"15:29"'),
    });
  });

  it('accepts exactly 90 minutes', async () => {
    expect(await run(meeting('15:30'))).toEqual([]);
  });

  it('asks 120 minutes of a combined sitting', async () => {
    const short = await run(meeting('15:59', 'combined'));
    expect(short.map((p) => p.data)).toEqual([{ actual: 119, min: 120, kind: 'combined' }]);
    expect(await run(meeting('16:00', 'combined'))).toEqual([]);
  });

  it('asks 90 minutes of a thematic session', async () => {
    const short = await run(meeting('15:20', 'thematic'));
    expect(short.map((p) => p.data)).toEqual([{ actual: 80, min: 90, kind: 'thematic' }]);
  });

  it('leaves an end before the start to time-range', async () => {
    expect(await run(meeting('13:00'))).toEqual([]);
  });

  describe('hd12-2018 (meetings before 2025-10-28)', () => {
    it('has no minimum for a regular meeting', async () => {
      expect(await run(meeting('14:30', 'regular', '2025-10-27'))).toEqual([]);
    });

    it('asks 90 minutes of a combined sitting', async () => {
      const short = await run(meeting('15:00', 'combined', '2025-10-27'));
      expect(short.map((p) => p.data)).toEqual([{ actual: 60, min: 90, kind: 'combined' }]);
    });

    it('switches to hd42-2025 on 2025-10-28', async () => {
      const problems = await run(meeting('14:30', 'regular', '2025-10-28'));
      expect(problems.map((p) => p.data)).toEqual([{ actual: 30, min: 90, kind: 'regular' }]);
    });
  });

  it('takes options given to validate', async () => {
    const options = { rules: { [RULE]: { options: { regular: 60 } } } };
    expect(await run(meeting('15:00'), options)).toEqual([]);
    expect((await run(meeting('14:59'), options)).map((p) => p.data)).toEqual([{ actual: 59, min: 60, kind: 'regular' }]);
  });

  it('takes options from the cell overrides', async () => {
    const cell = edit(BASE_CELL, (d) => d.setIn(['overrides'], d.createNode({ [RULE]: { options: { regular: 150 } } })));
    const problems = await run(BASE_MEETING, {}, cell);
    expect(problems.map((p) => p.data)).toEqual([{ actual: 120, min: 150, kind: 'regular' }]);
  });

  it('is switched off with severity off', async () => {
    expect(await run(meeting('14:30'), { rules: { [RULE]: { severity: 'off' } } })).toEqual([]);
  });

  describe('on a record still being filled in (schema problems elsewhere)', () => {
    const blank = (text: string) => edit(text, (d) => { d.setIn(['place'], ''); d.deleteIn(['secretary']); });

    it('reports a 60-minute sitting while the place and the secretary are still blank', async () => {
      const problems = await lint({ 'cell.yaml': BASE_CELL, 'meetings/m.yaml': blank(meeting('15:00')) });
      expect(only(problems, RULE).map((p) => p.data)).toEqual([{ actual: 60, min: 90, kind: 'regular' }]);
      // The blanks are still reported, and rules that read them wait.
      expect(problems.filter((p) => p.ruleId === 'schema').map((p) => p.message)).toEqual([expect.stringContaining('secretary'), 'Không được để trống.']);
      expect(only(problems, 'chair-secretary')).toEqual([]);
    });

    it('waits while the end time itself is broken', async () => {
      const text = edit(meeting('15:00'), (d) => d.setIn(['end'], '15h'));
      expect(await run(text)).toEqual([]);
    });

    it('waits while the kind is not one it knows', async () => {
      const text = edit(meeting('15:00'), (d) => d.setIn(['kind'], 'monthly'));
      expect(await run(text)).toEqual([]);
    });
  });
});
