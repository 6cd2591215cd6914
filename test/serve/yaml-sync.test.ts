// Writing the form's data back into a record: the text reads back as the data, and nothing else moves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyData, dataOf } from '../../src/serve/yaml-sync.js';
import { ROOT } from '../helpers.js';

const JUNE = readFileSync(join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12', 'meetings', '2026-06.yaml'), 'utf8');
type Rec = Record<string, any>;

/** Lines of `after` that are not in `before` at the same place (both the same length). */
function changedLines(before: string, after: string): string[] {
  const b = before.split('\n');
  return after.split('\n').filter((l, i) => l !== b[i]);
}

describe('applyData', () => {
  it('leaves an unchanged record byte for byte as it was', () => {
    expect(applyData(JUNE, dataOf(JUNE))).toBe(JUNE);
  });

  it('rewrites only the scalars that changed, in their style (quoted time, flow entry, folded text)', () => {
    const data = dataOf(JUNE) as Rec;
    data.end = '21:30';
    data.attendance[1] = { member: 'Trần Thị Thu', status: 'excused', reason: 'Ốm' };
    data.steps[0].content = 'Tuyên bố lý do.';
    const out = applyData(JUNE, data);
    expect(parseDocument(out).toJS()).toEqual(data);
    const lines = out.split('\n');
    expect(lines).toContain('end: "21:30"');
    expect(lines).toContain('  - { member: Trần Thị Thu, status: excused, reason: Ốm }');
    expect(out).toContain('    content: >-\n      Tuyên bố lý do.\n  - step: appoint-secretary');
    // Everything else — the comments first — is as it was.
    expect(out.split('\n').slice(0, 2)).toEqual(JUNE.split('\n').slice(0, 2));
    expect(out.length - JUNE.length).toBeLessThan(0);
    expect(out).toContain(JUNE.slice(JUNE.indexOf('  - step: appoint-secretary')));
  });

  it('keeps line breaks typed in a text, as a literal block', () => {
    const data = dataOf(JUNE) as Rec;
    data.steps[5].content = 'Dòng một.\nDòng hai: có dấu hai chấm.';
    const out = applyData(JUNE, data);
    expect(parseDocument(out).toJS()).toEqual(data);
    expect(out).toContain('    content: |-\n      Dòng một.\n      Dòng hai: có dấu hai chấm.\n');
  });

  it('rewrites a list whose items were added or removed, and only that list', () => {
    const data = dataOf(JUNE) as Rec;
    data.steps[8].speakers.splice(1, 1);
    const out = applyData(JUNE, data);
    expect(parseDocument(out).toJS()).toEqual(data);
    expect(out).not.toContain('Lê Thị Cúc\n        opinion: Đề nghị chi hội');
    expect(out.slice(0, out.indexOf('  - step: discussion'))).toBe(JUNE.slice(0, JUNE.indexOf('  - step: discussion')));
    expect(out.slice(out.indexOf('  - step: chair-conclusion'))).toBe(JUNE.slice(JUNE.indexOf('  - step: chair-conclusion')));
  });

  it('adds a new key through the Document API, comments kept', () => {
    const data = dataOf(JUNE) as Rec;
    data.ruleset = 'hd42-2025';
    const out = applyData(JUNE, data);
    expect(parseDocument(out).toJS()).toEqual(data);
    expect(out.startsWith('# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n# Sinh hoạt chi bộ thường kỳ tháng 6 năm 2026.\n')).toBe(true);
    expect(changedLines(JUNE, out).length).toBeGreaterThan(0);
  });

  it('keeps the comments right beside an edited value', () => {
    const text = 'a: >-\n  long text\n  folded\n\n# comment after a\nb: 1 # trailing\nc:\n  - x\n  # between\n  - y\n';
    const data = dataOf(text) as Rec;
    Object.assign(data, { a: 'new', b: 2, c: ['x', 'z'] });
    expect(applyData(text, data)).toBe('a: >-\n  new\n\n# comment after a\nb: 2 # trailing\nc:\n  - x\n  # between\n  - z\n');
  });
});
