import { describe, it, expect } from 'vitest';
import { lint, edit, only, BASE_CELL, BASE_MEETING } from '../helpers.js';
import { at, cellWithOverrides } from './year-fixtures.js';

const RULE = 'score-total';
const FILE = 'meetings/2026-03.yaml';

/** The baseline meeting with its criteria and total replaced (rating left as is). */
function scored(criteria: Record<string, number>, total: number, date = '2026-03-05'): string {
  return edit(BASE_MEETING, (d) => {
    d.setIn(['date'], date);
    d.setIn(['score', 'criteria'], d.createNode(criteria));
    d.setIn(['score', 'total'], total);
  });
}

/** The hd42-2025 sheet at full marks. */
const FULL = { duration: 5, attendance: 5, preparation: 10, conduct: 40, principles: 5, results: 30, closing: 5 };

async function run(text: string, options = {}, cell = BASE_CELL) {
  return only(await lint({ 'cell.yaml': cell, [FILE]: text }, options), RULE);
}

describe('score-total', () => {
  it('accepts the baseline (92 points)', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  it('accepts full marks and zero', async () => {
    expect(await run(scored(FULL, 100))).toEqual([]);
    const zero = Object.fromEntries(Object.keys(FULL).map((k) => [k, 0]));
    expect(await run(scored(zero, 0))).toEqual([]);
  });

  it('reports a total that is not the sum of the criteria, at the total', async () => {
    const text = edit(BASE_MEETING, (d) => d.setIn(['score', 'total'], 93));
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'sumMismatch',
      severity: 'error',
      path: '/score/total',
      data: { sum: 92, total: 93 },
      ...at(text, 'total: 93', '93'),
    });
  });

  it('adds half points exactly', async () => {
    expect(await run(scored({ ...FULL, conduct: 35.5, results: 27.7, preparation: 9.8 }, 93))).toEqual([]);
    const off = await run(scored({ ...FULL, conduct: 35.5 }, 95));
    expect(off.map((p) => p.data)).toEqual([{ sum: 95.5, total: 95 }]);
  });

  it('reports a total outside 0–100', async () => {
    const text = scored({ ...FULL, extra: 1 }, 101);
    const problems = (await run(text)).filter((p) => p.messageId === 'outOfRange');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: '/score/total', data: { total: 101 }, ...at(text, 'total: 101', '101') });
    const zero = Object.fromEntries(Object.keys(FULL).map((k) => [k, 0]));
    const negative = await run(scored(zero, -1));
    expect(negative.map((p) => [p.messageId, p.data])).toEqual([
      ['outOfRange', { total: -1 }],
      ['sumMismatch', { sum: 0, total: -1 }],
    ]);
  });

  it('reports a criterion above its maximum, at that criterion', async () => {
    const text = scored({ ...FULL, conduct: 41 }, 101);
    const problems = (await run(text)).filter((p) => p.messageId === 'criterionOverMax');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      path: '/score/criteria/conduct',
      data: { criterion: 'conduct', points: 41, max: 40 },
      ...at(text, 'conduct: 41', '41'),
    });
  });

  it('warns about a criterion not on the sheet, at its key', async () => {
    const text = scored({ ...FULL, results: 29, speaking: 1 }, 100);
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      messageId: 'unknownCriterion',
      severity: 'warning',
      path: '/score/criteria/speaking',
      data: { criterion: 'speaking', known: 'duration, attendance, preparation, conduct, principles, results, closing' },
      ...at(text, 'speaking:', 'speaking'),
    });
  });

  it('escapes a criterion id in the JSON Pointer', async () => {
    const problems = await run(scored({ ...FULL, results: 29, 'a/b': 1 }, 100));
    expect(problems.map((p) => p.path)).toEqual(['/score/criteria/a~1b']);
  });

  it('uses the hd12-2018 sheet (five criteria of 20) for older meetings', async () => {
    const sheet = { attendance: 20, preparation: 18, conduct: 20, principles: 20, results: 15 };
    expect(await run(scored(sheet, 93, '2025-10-27'))).toEqual([]);
    const problems = await run(scored({ ...sheet, conduct: 25 }, 98, '2025-10-27'));
    expect(problems.map((p) => p.data)).toEqual([{ criterion: 'conduct', points: 25, max: 20 }]);
    // The hd42-2025 criteria are not on the hd12-2018 sheet.
    const hd42 = await run(scored({ ...sheet, results: 10, duration: 5 }, 93, '2025-10-27'));
    expect(hd42.map((p) => [p.messageId, p.data])).toEqual([
      ['unknownCriterion', { criterion: 'duration', known: 'attendance, preparation, conduct, principles, results' }],
    ]);
  });

  it('takes a local scoring sheet from validate options', async () => {
    const criteria = { ...FULL, conduct: 35, results: 35 };
    const problems = await run(BASE_MEETING, { rules: { [RULE]: { options: { criteria } } } });
    expect(problems.map((p) => [p.messageId, p.data])).toEqual([
      ['criterionOverMax', { criterion: 'conduct', points: 36, max: 35 }],
    ]);
  });

  it('takes a local scoring sheet from the cell overrides', async () => {
    const cell = cellWithOverrides({ [RULE]: { options: { criteria: { ...FULL, preparation: 8 } } } });
    const problems = await run(BASE_MEETING, {}, cell);
    expect(problems.map((p) => p.data)).toEqual([{ criterion: 'preparation', points: 9, max: 8 }]);
  });

  it('says nothing without a score', async () => {
    expect(await run(edit(BASE_MEETING, (d) => d.deleteIn(['score'])))).toEqual([]);
  });
});

describe('score-total: criteria named like Object properties (issue 8, defect 10)', () => {
  const HOSTILE = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];

  it('are not on the scoring sheet: each is reported at its key, and counted in the sum', async () => {
    const text = BASE_MEETING.replace('    closing: 5\n', `    closing: 5\n${HOSTILE.map((k) => `    ${k}: 1\n`).join('')}`);
    expect(text).toContain('    __proto__: 1\n');
    const problems = await run(text);
    const unknown = problems.filter((p) => p.messageId === 'unknownCriterion');
    expect(unknown.map((p) => p.data?.criterion)).toEqual(HOSTILE);
    for (const p of unknown) expect(p).toMatchObject({ path: `/score/criteria/${p.data!.criterion}`, ...at(text, `    ${p.data!.criterion}: 1`, String(p.data!.criterion)) });
    // 92 + 4 points that the sheet does not know: the total no longer adds up.
    expect(problems.filter((p) => p.messageId === 'sumMismatch').map((p) => p.data)).toEqual([{ sum: 96, total: 92 }]);
  });

  it('a sheet that has such a criterion is honoured, and its maximum applies', async () => {
    const cell = cellWithOverrides({ 'score-total': { options: { criteria: { constructor: 50, toString: 50 } } } });
    const text = edit(BASE_MEETING, (d) => d.setIn(['score', 'criteria'], d.createNode({ constructor: 60, toString: 32 })));
    const problems = await run(text, {}, cell);
    expect(problems.map((p) => [p.messageId, p.data?.criterion])).toEqual([['criterionOverMax', 'constructor']]);
  });
});

describe('score-total without a scoring sheet', () => {
  it('a profile with an empty sheet checks only that the criteria add up to the total', async () => {
    const cell = cellWithOverrides({ 'score-total': { options: { criteria: {} } } });
    const text = edit(BASE_MEETING, (d) => d.setIn(['score', 'criteria'], d.createNode({ 'chuan-bi': 20, 'dien-bien': 72 })));
    expect(await run(text, {}, cell)).toEqual([]);
    const wrong = edit(text, (d) => d.setIn(['score', 'total'], 95));
    expect((await run(wrong, {}, cell)).map((p) => p.messageId)).toEqual(['sumMismatch']);
  });
});
