// `cellctl new` under a committee.yaml that replaces the scoring sheet and the rating bands (issue 10).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parse, parseDocument } from 'yaml';
import { runCli } from '../helpers.js';
import { wardWithOwnSheet, WARD_SHEET } from './new-committee.js';

describe('cellctl new under a committee', () => {
  it("writes the committee's criteria, maxima and rating bands, and a record scored on them passes validate's score rules", async () => {
    const [committee, cell] = wardWithOwnSheet();
    rmSync(join(cell, 'meetings', '2026-12.yaml'));
    const run = await runCli(['new', cell], { cwd: committee });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const path = join(cell, 'meetings', '2026-12.yaml');
    const doc = parseDocument(readFileSync(path, 'utf8'));
    const criteria = doc.getIn(['score', 'criteria']);
    expect(isMap(criteria)).toBe(true);
    if (!isMap(criteria)) return;
    // The ward's three criteria in its order, each with its maximum in the comment; none of the profile's.
    expect(criteria.items.map((p) => (isScalar(p.key) ? p.key.value : p.key))).toEqual(Object.keys(WARD_SHEET));
    expect(criteria.items.map((p) => (isScalar(p.value) ? p.value.comment : undefined))).toEqual([' tối đa 20 điểm', ' tối đa 50 điểm', ' tối đa 30 điểm']);
    const rating = doc.getIn(['score', 'rating'], true);
    expect(isScalar(rating) && rating.comment).toContain('good (Tốt) từ 85 điểm, fair (Khá) từ 65, average (Trung bình) từ 45');
    const total = doc.getIn(['score', 'total'], true);
    expect(isScalar(total) && total.comment).toBe(' tổng điểm, tối đa 100');

    // Scored on the ward's sheet, the record raises no scoring problem in validate (which reads the same committee.yaml).
    doc.setIn(['score', 'criteria', 'preparation'], 18);
    doc.setIn(['score', 'criteria', 'conduct'], 45);
    doc.setIn(['score', 'criteria', 'results'], 24);
    doc.setIn(['score', 'total'], 87);
    doc.setIn(['score', 'rating'], 'good'); // 87 ≥ 85: Tốt on the ward's bands
    writeFileSync(path, doc.toString({ lineWidth: 0 }));
    const checked = await runCli(['validate', cell, '--format', 'json', '--as-of', '2026-12-31', '--jobs', '1'], { cwd: committee });
    const out = JSON.parse(checked.stdout) as { results: { file: string; problems: { ruleId: string; message: string }[] }[] };
    const mine = out.results.find((r) => r.file.endsWith(join('meetings', '2026-12.yaml')))?.problems ?? [];
    expect(mine.filter((p) => p.ruleId.startsWith('score-'))).toEqual([]);
    expect(parse(readFileSync(path, 'utf8')).score.criteria).toEqual({ preparation: 18, conduct: 45, results: 24 });
  }, 120_000);
});
