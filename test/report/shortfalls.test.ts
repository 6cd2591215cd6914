// Short meetings and missing steps reach the report from validate's own verdicts (duration-min, meeting-steps).
import { describe, expect, it } from 'vitest';
import { report } from '../../src/index.js';
import { BASE_CELL, BASE_MEETING, edit, writeTree } from '../helpers.js';

describe('report: shortfalls', () => {
  it('lists a 60-minute sitting and its missing step, and leaves a sound one out', async () => {
    const short = edit(BASE_MEETING, (d) => {
      d.set('end', '15:00');
      // The last step, adopt-minutes, is required in a regular sitting.
      const steps = d.get('steps') as { items: unknown[] };
      steps.items.pop();
    });
    const dir = writeTree({
      'cb/cell.yaml': BASE_CELL,
      'cb/meetings/2026-03.yaml': short,
      'cb/meetings/2026-02.yaml': edit(BASE_MEETING, (d) => {
        d.set('date', '2026-02-05');
        d.setIn(['resolution', 'number'], 2);
      }),
    });
    const r = await report(['cb'], { cwd: dir, period: '2026-Q1', asOf: '2026-03-31' });
    const cell = r.cells[0]!;
    expect(cell.shortfalls).toEqual([
      { file: 'cb/meetings/2026-03.yaml', date: '2026-03-05', minutes: 60, minimum: 90, missingSteps: ['adopt-minutes'] },
    ]);
    expect(cell.byRule['duration-min']).toEqual({ errors: 1, warnings: 0 });
  });
});
