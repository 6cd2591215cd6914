import { describe, it, expect } from 'vitest';
import { lint, edit, only, BASE_CELL } from '../helpers.js';
import { at, meetingFile, meetingYaml, mm, tree, yearOfMeetings, type Sitting } from './year-fixtures.js';

const RULE = 'document-number';

/** Regular sittings on the 10th of consecutive months from January, with the given resolution numbers. */
function numbered(year: number, numbers: (number | null)[]): Sitting[] {
  return numbers.map((number, i) => ({ date: `${year}-${mm(i + 1)}-10`, number }));
}

/** BASE_CELL with a term start. */
function cellTerm(termStart: string): string {
  return edit(BASE_CELL, (d) => d.setIn(['numbering'], d.createNode({ termStart })));
}

async function run(sittings: Sitting[], cell = BASE_CELL, options = {}) {
  return only(await lint(tree(sittings, { cell }), options), RULE);
}

describe('document-number', () => {
  it('accepts resolutions numbered 1 to 12 in date order', async () => {
    expect(await run(yearOfMeetings(2026))).toEqual([]);
  });

  it('warns about a skipped number, at the number, once', async () => {
    const sittings = numbered(2026, [1, 2, 4, 5]);
    const problems = await run(sittings);
    expect(problems).toHaveLength(1);
    const text = meetingYaml(sittings[2]!);
    expect(problems[0]).toMatchObject({
      rel: meetingFile(sittings[2]!),
      ruleId: RULE,
      messageId: 'gap',
      severity: 'warning',
      path: '/resolution/number',
      data: { expected: 3, actual: 4 },
      ...at(text, 'number: 4', '4'),
    });
    // Numbers as Party documents write them: 03, not 3.
    expect(problems[0]!.message).toBe('Số nghị quyết không liên tục: nghị quyết này phải mang số 03, không phải số 04.');
  });

  it('warns about a number used twice', async () => {
    const sittings = numbered(2026, [1, 2, 2, 3]);
    const problems = await run(sittings);
    expect(problems.map((p) => [p.rel, p.messageId, p.data])).toEqual([
      [meetingFile(sittings[2]!), 'duplicate', { number: 2, numberNo: '02', firstDate: '2026-02-10' }],
    ]);
  });

  it('follows date order, not file order', async () => {
    // The March record is written in a file that sorts first.
    const sittings: Sitting[] = [
      { date: '2026-03-10', number: 3, file: '0-thang-ba.yaml' },
      { date: '2026-01-10', number: 1 },
      { date: '2026-02-10', number: 2 },
    ];
    expect(await run(sittings)).toEqual([]);
  });

  it('skips records without a numbered resolution', async () => {
    const sittings: Sitting[] = [
      ...numbered(2026, [1, null, 2]),
      { date: '2026-02-20', kind: 'thematic' },
    ];
    expect(await run(sittings)).toEqual([]);
  });

  it('cannot see the previous year: a year may start at any number without a term start', async () => {
    expect(await run(yearOfMeetings(2026, { firstNumber: 8 }))).toEqual([]);
  });

  it('checks each year of a tree and runs on across the year boundary', async () => {
    const sittings = [...yearOfMeetings(2026), ...yearOfMeetings(2027, { firstNumber: 13 })];
    expect(await run(sittings)).toEqual([]);
    const gap = [...yearOfMeetings(2026), ...numbered(2027, [13, 15])];
    expect((await run(gap)).map((p) => p.data)).toEqual([{ expected: 14, actual: 15, expectedNo: '14', actualNo: '15' }]);
  });

  it('restarts at 1 on the term start', async () => {
    // Old term numbers 31–36 up to June; the term starts on 2026-07-01.
    const sittings = numbered(2026, [31, 32, 33, 34, 35, 36, 1, 2, 3, 4, 5, 6]);
    expect(await run(sittings, cellTerm('2026-07-01'))).toEqual([]);
    const carried = numbered(2026, [31, 32, 33, 34, 35, 36, 37, 38]);
    const problems = await run(carried, cellTerm('2026-07-01'));
    expect(problems.map((p) => [p.rel, p.data])).toEqual([['meetings/2026-07-10.yaml', { expected: 1, actual: 37, expectedNo: '01', actualNo: '37' }]]);
  });

  it('counts a resolution of the term start day in the new term', async () => {
    expect(await run(numbered(2026, [31, 32, 1]), cellTerm('2026-03-10'))).toEqual([]);
    expect((await run(numbered(2026, [31, 32, 33]), cellTerm('2026-03-10'))).map((p) => p.data)).toEqual([
      { expected: 1, actual: 33, expectedNo: '01', actualNo: '33' },
    ]);
  });

  it('warns when numbers restart at 1 in a later year of the term', async () => {
    const sittings = numbered(2026, [1, 2, 3]);
    const problems = await run(sittings, cellTerm('2025-06-01'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      rel: meetingFile(sittings[0]!),
      messageId: 'yearRestart',
      path: '/resolution/number',
      data: { year: 2026, termStart: '2025-06-01' },
    });
    expect(await run(numbered(2026, [9, 10, 11]), cellTerm('2025-06-01'))).toEqual([]);
  });

  it('accepts 1 in January when the term began in the last weeks of the previous year', async () => {
    expect(await run(numbered(2026, [1, 2, 3]), cellTerm('2025-12-15'))).toEqual([]);
  });

  it('does not ask for 1 when the term began before the records start', async () => {
    const cell = edit(cellTerm('2026-02-01'), (d) => d.setIn(['recordsFrom'], '2026-04'));
    const sittings = [4, 5, 6].map((number, i) => ({ date: `2026-${mm(i + 4)}-10`, number }));
    expect(await run(sittings, cell)).toEqual([]);
  });

  it('is switched off with severity off', async () => {
    expect(await run(numbered(2026, [1, 3]), BASE_CELL, { rules: { [RULE]: { severity: 'off' } } })).toEqual([]);
  });
});
