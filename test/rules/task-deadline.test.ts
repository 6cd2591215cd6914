import { describe, it, expect } from 'vitest';
import { edit, BASE_MEETING, positionOf as at, lintMeeting } from '../helpers.js';

const RULE = 'task-deadline';

const run = (meeting: string, options = {}) => lintMeeting(RULE, meeting, undefined, options);
const due = (deadline: string) => edit(BASE_MEETING, (d) => d.setIn(['resolution', 'tasks', 0, 'deadline'], deadline));

describe('task-deadline', () => {
  it('accepts the baseline (due 31/3 for a sitting on 5/3)', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('reports a deadline a year before the sitting, at the deadline, in Vietnamese dates', async () => {
    const text = due('2025-03-31');
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: RULE, messageId: 'beforeSitting', severity: 'warning', path: '/resolution/tasks/0/deadline',
      data: { index: 1, deadline: '2025-03-31', date: '2026-03-05' },
      ...at(text, 'deadline:', '2025-03-31'),
    });
    expect(problems[0]!.message).toContain('31/3/2025');
    expect(problems[0]!.message).toContain('5/3/2026');
  });

  it('accepts a task due on the day of the sitting', async () => {
    expect(await run(due('2026-03-05'))).toEqual([]);
  });

  it('reports the day before', async () => {
    expect((await run(due('2026-03-04'))).map((p) => p.data)).toEqual([{ index: 1, deadline: '2026-03-04', date: '2026-03-05' }]);
  });

  it('is switched off with severity off', async () => {
    expect(await run(due('2025-03-31'), { rules: { [RULE]: { severity: 'off' } } })).toEqual([]);
  });
});
