// Option layering: profile → cell overrides → committee rules; records merge key by key, maps are replaced.
import { describe, expect, it } from 'vitest';
import { mergeOptions } from '../src/util/merge.js';
import { BASE_CELL, BASE_MEETING, edit, lint, only } from './helpers.js';

describe('mergeOptions', () => {
  const schema = {
    properties: {
      procedures: { properties: { regular: {}, thematic: {} } },
      criteria: { additionalProperties: { type: 'number' } },
    },
  };

  it('merges records listed in the schema, replaces free maps and arrays', () => {
    const base = { procedures: { regular: [1], thematic: [2] }, criteria: { a: 1, b: 2 }, list: [1, 2] };
    const merged = mergeOptions(base, { procedures: { regular: [9] }, criteria: { c: 3 }, list: [3] }, schema);
    expect(merged).toEqual({ procedures: { regular: [9], thematic: [2] }, criteria: { c: 3 }, list: [3] });
    expect(base.procedures.regular).toEqual([1]);
  });
});

describe('option layers on real files', () => {
  it('a record under hd12-2018 is not held to the hd42 sheet (hd12-2018 ships none: no hd42 criteria leak in)', async () => {
    const meeting = edit(BASE_MEETING, (d) => {
      d.set('date', '2025-03-05');
      d.setIn(['score', 'criteria'], d.createNode({ attendance: 20, preparation: 20, conduct: 20, principles: 18, results: 14, closing: 0 }));
      d.setIn(['score', 'total'], 92);
    });
    const problems = only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2025-03.yaml': meeting }), 'score-total');
    // preparation 20 is over the hd42 maximum of 10, and closing is an hd42 criterion: neither is reported.
    expect(problems).toEqual([]);
  });

  it("a cell's local scoring sheet replaces the profile's", async () => {
    const cell = `${BASE_CELL}overrides:\n  score-total:\n    options:\n      criteria: { attendance: 50, conduct: 50 }\n`;
    const meeting = edit(BASE_MEETING, (d) => {
      d.setIn(['score', 'criteria'], d.createNode({ attendance: 45, conduct: 47 }));
    });
    const problems = only(await lint({ 'cell.yaml': cell, 'meetings/2026-03.yaml': meeting }), 'score-total');
    expect(problems).toEqual([]);
  });

  it('the committee file wins over the cell, which wins over the profile', async () => {
    const short = edit(BASE_MEETING, (d) => d.set('end', '15:10'));
    const cell = `${BASE_CELL}overrides:\n  duration-min:\n    options: { regular: 60 }\n`;
    const files = { 'cell.yaml': cell, 'meetings/2026-03.yaml': short };
    expect(only(await lint(files), 'duration-min')).toEqual([]);
    const strict = only(await lint(files, { rules: { 'duration-min': { options: { regular: 80 } } } }), 'duration-min');
    expect(strict.map((p) => p.data)).toEqual([{ actual: 70, min: 80, kind: 'regular' }]);
    expect(only(await lint(files, { rules: { 'duration-min': { severity: 'off' } } }), 'duration-min')).toEqual([]);
  });

  it('reports an unknown rule and a bad option in the cell overrides at their position', async () => {
    const cell = `${BASE_CELL}overrides:\n  duraton-min:\n    severity: off\n  thematic-min:\n    options: { min: four }\n`;
    const problems = only(await lint({ 'cell.yaml': cell, 'meetings/2026-03.yaml': BASE_MEETING }), 'overrides');
    const lines = cell.split('\n');
    expect(problems).toEqual([
      expect.objectContaining({ messageId: 'unknownRuleSuggest', data: { rule: 'duraton-min', suggestion: 'duration-min' }, line: lines.indexOf('  duraton-min:') + 1, column: 3 }),
      expect.objectContaining({ messageId: 'badOption', line: lines.indexOf('    options: { min: four }') + 1 }),
    ]);
  });
});
