// A stub record (`stub: true`, from `cellctl plan --with-meetings`) gives one clear problem, not fifty.
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, lint } from './helpers.js';

const STUB = [
  '# yaml-language-server: $schema=https://unpkg.com/cellctl/schemas/meeting.schema.json',
  '# Bản khung: ghi đủ nội dung rồi xóa dòng "stub: true".',
  'stub: true',
  'kind: regular',
  'status: draft',
  'date: 2026-04-06',
  'start: "19:30"',
  'end: "21:15"',
  'place: Nhà văn hóa',
  'chair: Nguyễn Văn An',
  'secretary: "(ghi họ tên thư ký)"',
  'attendance:',
  '  - { member: Nguyễn Văn An, status: present }',
  'steps:',
  '  - { step: opening, content: "" }',
  '  - { step: adopt-minutes, content: "" }',
  '',
].join('\n');

describe('stub records', () => {
  it('get exactly one problem, on the stub line, and nothing else', async () => {
    const problems = await lint({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': BASE_MEETING, 'meetings/2026-04.yaml': STUB }, { asOf: '2026-04-30' }); // the sitting (06/4) has passed: a stub still is an error
    const onStub = problems.filter((p) => p.rel === 'meetings/2026-04.yaml');
    expect(onStub).toEqual([
      expect.objectContaining({ ruleId: 'record-complete', messageId: 'stub', severity: 'error', line: STUB.split('\n').indexOf('stub: true') + 1, column: 1, data: { date: '2026-04-06' } }),
    ]);
    // A stub is a future sitting: year checks still run on the rest and do not wait for it.
    expect(problems.filter((p) => p.ruleId === 'cell-context')).toEqual([]);
    expect(problems.filter((p) => p.rel === 'meetings/2026-03.yaml')).toEqual([]);
  });

  it('a record whose stub line is removed is checked in full', async () => {
    const problems = await lint({ 'cell.yaml': BASE_CELL, 'meetings/2026-04.yaml': STUB.replace('stub: true\n', '') }, { asOf: '2026-04-01' });
    expect(problems.filter((p) => p.ruleId === 'record-complete')).toEqual([]);
    expect(problems.filter((p) => p.rel === 'meetings/2026-04.yaml').length).toBeGreaterThan(3);
  });
});
