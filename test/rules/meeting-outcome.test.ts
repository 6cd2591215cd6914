import { describe, it, expect } from 'vitest';
import { lint, edit, only, BASE_CELL, BASE_MEETING, positionOf as at } from '../helpers.js';

const RULE = 'meeting-outcome';
/** Index of the vote-resolution step in the baseline. */
const VOTE_STEP = 10;


async function run(text: string, options = {}) {
  return only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': text }, options), RULE);
}

/** The baseline with its vote-resolution step replaced by `step` (or removed when undefined). */
function outcomeStep(text: string, step: string | undefined): string {
  return edit(text, (d) => {
    if (step) d.setIn(['steps', VOTE_STEP, 'step'], step);
    else d.deleteIn(['steps', VOTE_STEP]);
  });
}

const NO_CONTENT = edit(BASE_MEETING, (d) => {
  d.deleteIn(['resolution']);
  d.deleteIn(['vote']);
});

describe('meeting-outcome', () => {
  it('accepts the baseline (resolution voted on)', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('reports a voted resolution missing from the record, at the step', async () => {
    const text = edit(BASE_MEETING, (d) => d.deleteIn(['resolution']));
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'missingResolution',
      severity: 'error',
      path: `/steps/${VOTE_STEP}/step`,
      ...at(text, 'step: vote-resolution', 'vote-resolution'),
    });
  });

  it('reports a missing vote result, at the step', async () => {
    const text = edit(BASE_MEETING, (d) => d.deleteIn(['vote']));
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      messageId: 'missingVote',
      path: `/steps/${VOTE_STEP}/step`,
      ...at(text, 'step: vote-resolution', 'vote-resolution'),
    });
  });

  it('reports both when the voted resolution has neither content nor vote', async () => {
    const problems = await run(NO_CONTENT);
    expect(problems.map((p) => p.messageId)).toEqual(['missingResolution', 'missingVote']);
  });

  it('reports an adopted conclusion missing from the record', async () => {
    const text = outcomeStep(NO_CONTENT, 'adopt-conclusion');
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      messageId: 'missingConclusion',
      path: `/steps/${VOTE_STEP}/step`,
      ...at(text, 'step: adopt-conclusion', 'adopt-conclusion'),
    });
  });

  it('accepts a conclusion instead of a resolution', async () => {
    const text = edit(outcomeStep(NO_CONTENT, 'adopt-conclusion'), (d) =>
      d.setIn(['conclusion'], 'Chi bộ thống nhất các nhiệm vụ tháng 3.'),
    );
    expect(await run(text)).toEqual([]);
  });

  it('reports a resolution recorded without its vote even without the vote step', async () => {
    const text = outcomeStep(edit(BASE_MEETING, (d) => d.deleteIn(['vote'])), undefined);
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ messageId: 'missingVote', path: '/resolution', ...at(text, 'resolution:') });
  });

  it('leaves a missing outcome step to meeting-steps when the content is there', async () => {
    expect(await run(outcomeStep(BASE_MEETING, undefined))).toEqual([]);
    const withConclusion = edit(outcomeStep(NO_CONTENT, undefined), (d) => d.setIn(['conclusion'], 'Kết luận.'));
    expect(await run(withConclusion)).toEqual([]);
  });

  it('reports a regular meeting with no outcome at all on the whole document', async () => {
    const text = outcomeStep(NO_CONTENT, undefined);
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      messageId: 'noOutcome',
      severity: 'error',
      path: '',
      data: { kind: 'regular' },
      ...at(text, 'kind:'),
    });
  });

  it('reports a combined sitting with no outcome', async () => {
    const text = edit(outcomeStep(NO_CONTENT, undefined), (d) => {
      d.setIn(['kind'], 'combined');
      d.setIn(['topic'], d.createNode({ title: 'Chuyên đề', presenter: 'Nguyễn Văn An' }));
    });
    expect((await run(text)).map((p) => [p.messageId, p.data])).toEqual([['noOutcome', { kind: 'combined' }]]);
  });

  it('requires nothing of a thematic session', async () => {
    const text = edit(outcomeStep(NO_CONTENT, undefined), (d) => {
      d.setIn(['kind'], 'thematic');
      d.setIn(['topic'], d.createNode({ title: 'Chuyên đề', presenter: 'Nguyễn Văn An' }));
    });
    expect(await run(text)).toEqual([]);
  });

  it('applies under hd12-2018 too', async () => {
    const text = edit(outcomeStep(NO_CONTENT, undefined), (d) => d.setIn(['date'], '2025-10-27'));
    expect((await run(text)).map((p) => p.messageId)).toEqual(['noOutcome']);
  });

  it('can be switched off by the cell overrides', async () => {
    const cell = edit(BASE_CELL, (d) => d.setIn(['overrides'], d.createNode({ [RULE]: { severity: 'off' } })));
    const problems = only(await lint({ 'cell.yaml': cell, 'meetings/2026-03.yaml': NO_CONTENT }), RULE);
    expect(problems).toEqual([]);
  });
});
