import { describe, it, expect } from 'vitest';
import { edit, BASE_MEETING, positionOf as at, lintMeeting } from '../helpers.js';

const RULE = 'resolution-number';

const run = (meeting: string, options = {}) => lintMeeting(RULE, meeting, undefined, options);
const unnumbered = (status = 'adopted') => edit(BASE_MEETING, (d) => { d.deleteIn(['resolution', 'number']); d.setIn(['status'], status); });

describe('resolution-number', () => {
  it('accepts the baseline (Số 03)', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('warns about an adopted resolution without a number, at the resolution', async () => {
    const text = unnumbered();
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ ruleId: RULE, messageId: 'missing', severity: 'warning', path: '/resolution', ...at(text, 'resolution:') });
    expect(problems[0]!.message).toContain('chưa có số');
  });

  it('asks no number of a draft', async () => {
    expect(await run(unnumbered('draft'))).toEqual([]);
  });

  it('asks nothing of a record without a resolution', async () => {
    expect(await run(edit(BASE_MEETING, (d) => { d.deleteIn(['resolution']); d.deleteIn(['vote']); }))).toEqual([]);
  });

  it('is switched off with severity off', async () => {
    expect(await run(unnumbered(), { rules: { [RULE]: { severity: 'off' } } })).toEqual([]);
  });
});
