import { describe, it, expect } from 'vitest';
import { lint, edit, only, lineOf, BASE_CELL, BASE_MEETING } from '../helpers.js';

const RULE = 'time-range';

async function run(text: string, options = {}) {
  return only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': text }, options), RULE);
}

describe('time-range', () => {
  it('accepts the baseline', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('reports an end before the start at the end time', async () => {
    const text = edit(BASE_MEETING, (d) => d.setIn(['end'], '13:45'));
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    const line = lineOf(text, 'end:');
    expect(problems[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'endBeforeStart',
      severity: 'error',
      path: '/end',
      data: { start: '14:00', end: '13:45' },
      line,
      column: text.split('\n')[line - 1]!.indexOf('"13:45"') + 1,
    });
  });

  it('reports an end equal to the start', async () => {
    const problems = await run(edit(BASE_MEETING, (d) => d.setIn(['end'], '14:00')));
    expect(problems.map((p) => [p.messageId, p.data])).toEqual([['endBeforeStart', { start: '14:00', end: '14:00' }]]);
  });

  it('accepts an end one minute after the start', async () => {
    expect(await run(edit(BASE_MEETING, (d) => d.setIn(['end'], '14:01')))).toEqual([]);
  });

  it('compares clock times, not strings ("9:30" is before "14:00")', async () => {
    const text = edit(BASE_MEETING, (d) => {
      d.setIn(['start'], '9:30');
      d.setIn(['end'], '11:30');
    });
    expect(await run(text)).toEqual([]);
  });

  it('applies under hd12-2018 too', async () => {
    const text = edit(BASE_MEETING, (d) => {
      d.setIn(['date'], '2024-03-05');
      d.setIn(['end'], '13:00');
    });
    const problems = only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2024-03.yaml': text }), RULE);
    expect(problems.map((p) => p.messageId)).toEqual(['endBeforeStart']);
  });

  it('can be lowered to a warning by the cell overrides', async () => {
    const cell = edit(BASE_CELL, (d) => d.setIn(['overrides'], d.createNode({ [RULE]: { severity: 'warning' } })));
    const text = edit(BASE_MEETING, (d) => d.setIn(['end'], '13:00'));
    const problems = only(await lint({ 'cell.yaml': cell, 'meetings/2026-03.yaml': text }), RULE);
    expect(problems.map((p) => [p.messageId, p.severity])).toEqual([['endBeforeStart', 'warning']]);
  });
});
