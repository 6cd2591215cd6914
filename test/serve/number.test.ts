// The resolution number the form offers: the cell's next one after its last numbered resolution, 1 at a term's start, 1 as a guess in a new cell.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextResolutionNumber } from '../../src/plan/new-record.js';
import { recordView } from '../../src/serve/record.js';
import { BASE_CELL, BASE_MEETING, copyExample, edit, writeTree } from '../helpers.js';

describe('the resolution number offered on the form', () => {
  it("follows the cell's last numbered resolution (the example's December is Số 18 after November's 17)", async () => {
    const cellDir = copyExample();
    const abs = join(cellDir, 'meetings', '2026-12.yaml');
    expect(nextResolutionNumber(cellDir, abs, '2026-12-07')).toEqual({ number: 18, basis: 'after', previous: { number: 17, date: '2026-11-05' } });
    const view = await recordView(cellDir, abs, [abs], '2026-12-31');
    expect(view.numberSuggestion).toMatchObject({ number: 18, basis: 'after' });
  });

  it('is 1, said to be a guess, in a cell made by init with no numbered resolution yet', () => {
    const meeting = edit(BASE_MEETING, (d) => d.deleteIn(['resolution', 'number']));
    const dir = writeTree({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': meeting });
    expect(nextResolutionNumber(dir, join(dir, 'meetings', '2026-03.yaml'), '2026-03-05')).toEqual({ number: 1, basis: 'first' });
  });

  it("starts again at 1 on the term's first day (numbering.termStart), and counts on after it", () => {
    const cell = edit(BASE_CELL, (d) => d.setIn(['numbering'], d.createNode({ termStart: '2026-03-01' })));
    const february = edit(BASE_MEETING, (d) => { d.setIn(['date'], '2026-02-05'); d.setIn(['resolution', 'number'], 7); });
    const dir = writeTree({ 'cell.yaml': cell, 'meetings/2026-02.yaml': february, 'meetings/2026-03.yaml': BASE_MEETING });
    expect(nextResolutionNumber(dir, join(dir, 'meetings', '2026-03.yaml'), '2026-03-05')).toEqual({ number: 1, basis: 'term' });
    expect(nextResolutionNumber(dir, join(dir, 'meetings', '2026-04.yaml'), '2026-04-05')).toEqual({ number: 4, basis: 'after', previous: { number: 3, date: '2026-03-05' } });
  });
});
