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
    expect(out.startsWith('# yaml-language-server: $schema=../.cellctl/schemas/0.1.0/meeting.schema.json\n# Sinh hoạt chi bộ thường kỳ tháng 6 năm 2026.\n')).toBe(true);
    expect(changedLines(JUNE, out).length).toBeGreaterThan(0);
  });

  it('keeps the comments right beside an edited value', () => {
    const text = 'a: >-\n  long text\n  folded\n\n# comment after a\nb: 1 # trailing\nc:\n  - x\n  # between\n  - y\n';
    const data = dataOf(text) as Rec;
    Object.assign(data, { a: 'new', b: 2, c: ['x', 'z'] });
    expect(applyData(text, data)).toBe('a: >-\n  new\n\n# comment after a\nb: 2 # trailing\nc:\n  - x\n  # between\n  - z\n');
  });
});

// A record as `cellctl new` writes it: blanks to fill, each with its comment, and a skeleton task.
const FRESH = `# Hồ sơ do cellctl new lập.
kind: regular
start: # giờ bắt đầu
resolution:
  review:
    tasks:
      # phụ trách: Trần Thị Thu
      - task: Việc một
        result: "" # kết quả thực hiện
        done: # true nếu hoàn thành
      # phụ trách: Phạm Thị Hoa
      - task: Việc hai
        result: "" # kết quả thực hiện
        done: # true nếu hoàn thành
      # phụ trách: Hà Thị Nga
      - task: Việc ba
        result: "" # kết quả thực hiện
        done: # true nếu hoàn thành
  # II. Nhiệm vụ tháng tới
  tasks:
    - task: "" # nhiệm vụ
      owner: "" # đồng chí phụ trách
      deadline: # thời hạn, dạng YYYY-MM-DD
# Biểu quyết
vote:
  for: # số đồng chí tán thành
  against: # số đồng chí không tán thành
`;

describe('applyData on a new record: items and keys added or removed, comments of what stays kept', () => {
  it('fills an empty value beside its comment, plain where a blank was quoted, a time still quoted', () => {
    const data = dataOf(FRESH) as Rec;
    data.start = '19:30';
    data.vote.for = 18;
    data.resolution.review.tasks[0].done = true;
    data.resolution.tasks[0].task = 'Thu đảng phí';
    const out = applyData(FRESH, data);
    expect(parseDocument(out).toJS()).toEqual(data);
    expect(changedLines(FRESH, out)).toEqual([
      'start: "19:30" # giờ bắt đầu',
      '        done: true # true nếu hoàn thành',
      '    - task: Thu đảng phí # nhiệm vụ',
      '  for: 18 # số đồng chí tán thành',
    ]);
  });

  it('adds next month\'s tasks after the skeleton, which keeps its comments', () => {
    const data = dataOf(FRESH) as Rec;
    data.resolution.tasks[0] = { task: 'Việc A', owner: 'Chi bộ', deadline: '2026-12-20' };
    data.resolution.tasks.push({ task: 'Việc B', owner: 'Trần Thị Thu', deadline: '2026-12-25' });
    const out = applyData(FRESH, data);
    expect(parseDocument(out).toJS()).toEqual(data);
    expect(out).toContain(
      '  tasks:\n    - task: Việc A # nhiệm vụ\n      owner: Chi bộ # đồng chí phụ trách\n      deadline: 2026-12-20 # thời hạn, dạng YYYY-MM-DD\n' +
        '    - task: Việc B\n      owner: Trần Thị Thu\n      deadline: 2026-12-25\n# Biểu quyết\nvote:\n',
    );
  });

  it('removes a middle item with its own comment only; the items around it keep theirs', () => {
    const data = dataOf(FRESH) as Rec;
    data.resolution.review.tasks.splice(1, 1);
    data.resolution.review.tasks[1].result = 'Đã xong';
    const out = applyData(FRESH, data);
    expect(parseDocument(out).toJS()).toEqual(data);
    expect(out).not.toContain('Phạm Thị Hoa');
    expect(out).toContain('      # phụ trách: Trần Thị Thu\n      - task: Việc một\n        result: "" # kết quả thực hiện\n');
    expect(out).toContain('      # phụ trách: Hà Thị Nga\n      - task: Việc ba\n        result: Đã xong # kết quả thực hiện\n');
    expect(out.split('\n').length).toBe(FRESH.split('\n').length - 4);
  });

  it('moves an item up: every other line, comments included, stays', () => {
    const data = dataOf(FRESH) as Rec;
    const tasks = data.resolution.review.tasks;
    [tasks[1], tasks[2]] = [tasks[2], tasks[1]];
    const out = applyData(FRESH, data);
    expect(parseDocument(out).toJS()).toEqual(data);
    expect(out.indexOf('Việc ba')).toBeLessThan(out.indexOf('Việc hai'));
    for (const line of FRESH.split('\n')) if (!line.includes('Việc') && !line.includes('phụ trách: Phạm') && !line.includes('phụ trách: Hà')) expect(out).toContain(line);
  });

  it('adds and removes keys (guests, a review text) without touching any comment of the record', () => {
    const data = dataOf(FRESH) as Rec;
    data.guests = [{ name: 'Đào Thanh Bình', office: 'Đảng ủy viên phường' }];
    data.resolution.review.strengths = 'Đảng viên gương mẫu.';
    delete data.vote.against;
    const out = applyData(FRESH, data);
    expect(parseDocument(out).toJS()).toEqual(data);
    expect(out).toBe(
      FRESH.replace('  review:\n    tasks:', '  review:\n    tasks:')
        .replace('        done: # true nếu hoàn thành\n  # II.', '        done: # true nếu hoàn thành\n    strengths: Đảng viên gương mẫu.\n  # II.')
        .replace('  against: # số đồng chí không tán thành\n', '') + 'guests:\n  - name: Đào Thanh Bình\n    office: Đảng ủy viên phường\n',
    );
  });
});

describe('applyData on edges an attack found', () => {
  it('writes a block text that ends in blank lines without touching the other steps', () => {
    for (const content of ['Dòng một.\n\n', 'Dòng một.\nDòng hai.\n\n\n', 'Dòng một.\n']) {
      const data = dataOf(JUNE) as Rec;
      data.steps[5].content = content;
      const out = applyData(JUNE, data);
      expect(parseDocument(out).toJS()).toEqual(data);
      const at = JUNE.indexOf(`  - step: ${data.steps[5].step as string}\n`);
      const next = JUNE.indexOf('  - step:', at + 1);
      // Before the step and after it, byte for byte.
      expect(out.startsWith(JUNE.slice(0, at))).toBe(true);
      expect(out.endsWith(JUNE.slice(next))).toBe(true);
    }
    // A blank line after the block in the file would join a `|+` text: there the text is quoted instead.
    const spaced = 'a: >-\n  long text\n\n# comment after a\nb: 1\n';
    expect(applyData(spaced, { a: 'x\n\n', b: 1 })).toBe('a: "x\\n\\n"\n\n# comment after a\nb: 1\n');
  });

  it('removes keys named like Object.prototype members (toString, constructor, hasOwnProperty)', () => {
    const text = 'kind: regular\ntoString: a\nconstructor: b\nhasOwnProperty: c\nplace: x # giữ\n';
    const data = dataOf(text) as Rec;
    expect(Object.keys(data)).toContain('toString');
    expect(applyData(text, { kind: 'regular', place: 'x' })).toBe('kind: regular\nplace: x # giữ\n');
    expect(applyData(text, { kind: 'regular', toString: 'a', place: 'y' })).toBe('kind: regular\ntoString: a\nplace: y # giữ\n');
  });
});

describe('applyData refuses what is not a record', () => {
  it('throws a Vietnamese InputError for null, a text, a list or nothing', () => {
    for (const data of [null, 'x', [1], undefined]) expect(() => applyData(JUNE, data)).toThrow(/Trang không gửi lên dữ liệu của hồ sơ/);
  });
});
