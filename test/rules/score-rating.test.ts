import { describe, it, expect } from 'vitest';
import { lint, edit, only, BASE_CELL, BASE_MEETING } from '../helpers.js';
import { at, cellWithOverrides } from './year-fixtures.js';

const RULE = 'score-rating';
const FILE = 'meetings/2026-03.yaml';

/** The baseline meeting with another total and rating (criteria left as they are). */
function rated(total: number, rating: string): string {
  return edit(BASE_MEETING, (d) => {
    d.setIn(['score', 'total'], total);
    d.setIn(['score', 'rating'], rating);
  });
}

async function run(text: string, options = {}, cell = BASE_CELL) {
  return only(await lint({ 'cell.yaml': cell, [FILE]: text }, options), RULE);
}

describe('score-rating', () => {
  it('accepts the baseline (92, good)', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('reports a rating outside the band of the total, at the rating', async () => {
    const text = rated(89, 'good');
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'ratingMismatch',
      severity: 'error',
      path: '/score/rating',
      data: { rating: 'good', expected: 'fair', total: 89 },
      ...at(text, 'rating: good', 'good'),
    });
  });

  it.each([
    [100, 'good'],
    [90, 'good'],
    [89.5, 'fair'],
    [70, 'fair'],
    [69, 'average'],
    [50, 'average'],
    [49.5, 'poor'],
    [0, 'poor'],
  ])('rates %s as %s', async (total, rating) => {
    expect(await run(rated(total, rating))).toEqual([]);
    const wrong = rating === 'good' ? 'fair' : 'good';
    const problems = await run(rated(total, wrong));
    expect(problems.map((p) => p.data)).toEqual([{ rating: wrong, expected: rating, total }]);
  });

  it('takes other bands from validate options', async () => {
    const options = { rules: { [RULE]: { options: { good: 95 } } } };
    const problems = await run(BASE_MEETING, options);
    expect(problems.map((p) => p.data)).toEqual([{ rating: 'good', expected: 'fair', total: 92 }]);
  });

  it('takes other bands from the cell overrides', async () => {
    const cell = cellWithOverrides({ [RULE]: { options: { good: 85, fair: 60 } } });
    expect(await run(rated(86, 'good'), {}, cell)).toEqual([]);
    expect((await run(rated(65, 'average'), {}, cell)).map((p) => p.data)).toEqual([
      { rating: 'average', expected: 'fair', total: 65 },
    ]);
  });

  it('says nothing without a score', async () => {
    expect(await run(edit(BASE_MEETING, (d) => d.deleteIn(['score'])))).toEqual([]);
  });
});
