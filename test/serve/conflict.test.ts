// What a refused save lists: the fields where this page and the file differ, as the conflict panel pairs them.
import { describe, expect, it } from 'vitest';
import { differences, valueAt } from '../../web/diff.js';

describe('a save conflict, field by field', () => {
  const theirs = { place: 'A', attendance: [{ member: 'An', status: 'present' }, { member: 'Bình', status: 'present' }], dues: { amount: 560000 } };

  it('names each leaf that differs, inside objects and lists of the same length', () => {
    const mine = { place: 'B', attendance: [{ member: 'An', status: 'present' }, { member: 'Bình', status: 'excused', reason: 'Ốm' }], dues: { amount: 560000, note: 'x' } };
    expect(differences(mine, theirs)).toEqual(['/place', '/attendance/1/status', '/attendance/1/reason', '/dues/note']);
    expect(valueAt(mine, '/attendance/1/reason')).toBe('Ốm');
    expect(valueAt(theirs, '/attendance/1/reason')).toBeUndefined();
  });

  it('takes a list that grew or shrank on one side as one difference', () => {
    const mine = { ...theirs, attendance: [...theirs.attendance, { member: 'Cường', status: 'present' }] };
    expect(differences(mine, theirs)).toEqual(['/attendance']);
  });

  it('finds nothing when both sides hold the same', () => {
    expect(differences(structuredClone(theirs), theirs)).toEqual([]);
  });
});
