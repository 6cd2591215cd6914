// A cell that starts with cellctl in the middle of a term gives the number its first resolution takes (numbering.next).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newRecord, nextResolutionNumber } from '../../src/plan/new-record.js';
import { BASE_CELL, BASE_MEETING, lint, writeTree } from '../helpers.js';

const WITH_NEXT = BASE_CELL.replace(/^members:/m, 'numbering:\n  next: 18\nmembers:');

describe('numbering.next', () => {
  it('numbers the first resolution written with cellctl, where 01 would be wrong', () => {
    const dir = writeTree({ 'cell.yaml': WITH_NEXT });
    mkdirSync(join(dir, 'meetings'));
    expect(nextResolutionNumber(dir, join(dir, 'meetings', '2026-04.yaml'), '2026-04-10')).toEqual({ number: 18, basis: 'start' });
    const record = newRecord(dir, { date: '2026-04-10', kind: 'regular' });
    expect(record.text).toMatch(/\n {2}number: 18\n/);
  });

  it('gives way to the resolutions on file once there is one', () => {
    const dir = writeTree({ 'cell.yaml': WITH_NEXT, 'meetings/2026-03.yaml': BASE_MEETING });
    expect(nextResolutionNumber(dir, join(dir, 'meetings', '2026-04.yaml'), '2026-04-10')).toMatchObject({ number: 4, basis: 'after' });
  });

  it('is checked by the schema: a whole number from 1', async () => {
    const problems = await lint({ 'cell.yaml': BASE_CELL.replace(/^members:/m, 'numbering:\n  next: 0\nmembers:'), 'meetings/2026-03.yaml': BASE_MEETING });
    expect(problems.filter((p) => p.rel === 'cell.yaml' && p.ruleId === 'schema').map((p) => p.path)).toEqual(['/numbering/next']);
  });
});
