// The draft a record just made by `new` prints as (HD 42: posted before the sitting): blanks left blank, nothing invented.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import '../../src/serve/api.js';
import { draftView } from '../../src/render/draft-view.js';
import { copyExample, runCli } from '../helpers.js';

describe('the draft view of a record still to be filled in', () => {
  it('keeps the sitting, every member of the roll and last month’s tasks (results to fill), and leaves out the outcome not yet known', async () => {
    const cellDir = copyExample();
    rmSync(join(cellDir, 'meetings', '2026-12.yaml'));
    expect((await runCli(['new', cellDir])).code).toBe(0);
    const written = parse(readFileSync(join(cellDir, 'meetings', '2026-12.yaml'), 'utf8'));
    const view = draftView(written)!;
    expect(view).toBeDefined();
    expect(view).toMatchObject({ date: written.date, start: written.start, end: written.end, status: 'draft', chair: written.chair, secretary: written.secretary });
    expect(view.attendance).toEqual(written.attendance);
    expect(view.resolution!.review!.tasks!.map((t) => [t.task, t.result])).toEqual(written.resolution.review.tasks.map((t: { task: string }) => [t.task, '…']));
    expect(view.vote).toBeUndefined();
    expect(view.score).toBeUndefined();
    // Nothing typed is changed: every text the view keeps is the record's own.
    expect(view.steps.map((s) => s.step)).toEqual(written.steps.map((s: { step: string }) => s.step));
  });

  it('is none when the sitting itself cannot be told (no valid date)', () => {
    const cellDir = copyExample();
    const record = parse(readFileSync(join(cellDir, 'meetings', '2026-12.yaml'), 'utf8'));
    expect(draftView({ ...record, status: 'draft', date: '31/02/2026' })).toBeUndefined();
  });
});
