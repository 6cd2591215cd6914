// meetingStub / stubFileName: stub records of the example plan parse, follow the procedure and the roster, and pass the schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CellProfile, MeetingKind, YearPlan } from '../../src/model.js';
import { plannedTimes, meetingStub, stubFileName, type Procedures } from '../../src/plan/stubs.js';
import { profiles } from '../../src/rules/profiles.js';
import { lint, ROOT, exampleCellWithoutCustoms } from '../helpers.js';

const EXAMPLE = join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12');
const CELL_TEXT = exampleCellWithoutCustoms();
const CELL = parse(CELL_TEXT) as CellProfile;
const PLAN = parse(readFileSync(join(EXAMPLE, 'plan-2026.yaml'), 'utf8')) as YearPlan;
const PROCEDURES = profiles().get('hd42-2025')!.rules['meeting-steps']!.options!['procedures'] as Procedures;
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas', 'meeting.schema.json'), 'utf8')) as { properties: Record<string, unknown> };

/** The required steps of hd42-2025, written out: optional ones left out, one of each group of alternatives. */
const STEPS: Record<MeetingKind, string[]> = {
  regular: ['opening', 'appoint-secretary', 'attendance-report', 'dues-report', 'agenda', 'news-briefing', 'review', 'next-tasks', 'discussion', 'chair-conclusion', 'vote-resolution', 'quality-assessment', 'adopt-minutes'],
  thematic: ['appoint-secretary', 'attendance-report', 'thematic-purpose', 'thematic-presentation', 'thematic-discussion', 'thematic-conclusion', 'adopt-minutes'],
  combined: ['opening', 'appoint-secretary', 'attendance-report', 'dues-report', 'agenda', 'news-briefing', 'review', 'next-tasks', 'discussion', 'chair-conclusion', 'vote-resolution', 'thematic-purpose', 'thematic-presentation', 'thematic-discussion', 'thematic-conclusion', 'quality-assessment', 'adopt-minutes'],
};

interface Stub {
  stub: boolean;
  kind: MeetingKind;
  status: string;
  date: string;
  start: string;
  end: string;
  place: string;
  chair: string;
  secretary: string;
  attendance: { member: string; status: string }[];
  topic?: { title: string; presenter: string };
  steps: { step: string; content: string; presenter?: string }[];
}

const stubs = PLAN.meetings.map((m) => ({ planned: m, text: meetingStub(m, CELL, PROCEDURES) }));

describe('meetingStub', () => {
  it('writes YAML that parses, starting with the $schema line and the Vietnamese instructions', () => {
    for (const { text } of stubs) {
      const lines = text.split('\n');
      expect(lines[0]).toBe('# yaml-language-server: $schema=../.cellctl/schemas/0.1.0/meeting.schema.json');
      expect(text).toContain('xóa dòng\n# "stub: true"');
      expect(() => parse(text, { uniqueKeys: true })).not.toThrow();
      expect(text).toMatch(/^stub: true$/m);
    }
  });

  it('fills in what the plan knows: kind, draft, date, times, place, topic, the bí thư in the chair', () => {
    for (const { planned, text } of stubs) {
      const s = parse(text) as Stub;
      expect(s).toMatchObject({ stub: true, kind: planned.kind, status: 'draft', date: planned.date, start: planned.start, end: planned.end, place: planned.place });
      expect(s.chair).toBe('Nguyễn Văn Hùng');
      expect(typeof s.secretary).toBe('string');
      expect(s.secretary).toBe('(ghi họ tên thư ký)');
      if (planned.kind === 'regular') expect(s.topic).toBeUndefined();
      else expect(s.topic).toEqual({ title: planned.topic, presenter: planned.presenter });
    }
    // The times are quoted, as in the example records.
    expect(stubs[0]!.text).toContain('start: "19:30"\nend: "21:15"\n');
    expect(stubs[0]!.text).toMatch(/^secretary: \(ghi họ tên thư ký\) # gợi ý: đồng chí Lê Minh Tuấn$/m);
  });

  it('lists the required steps of the kind, in the order of the procedure, each with an empty content', () => {
    for (const { planned, text } of stubs) {
      const s = parse(text) as Stub;
      expect(s.steps.map((x) => x.step)).toEqual(STEPS[planned.kind]);
      const order = PROCEDURES[planned.kind].map((p) => p.step);
      const positions = s.steps.map((x) => order.indexOf(x.step));
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const step of s.steps) expect(step.content).toBe('');
    }
    const thematic = parse(stubs.find((x) => x.planned.kind === 'thematic')!.text) as Stub;
    expect(thematic.steps.find((x) => x.step === 'thematic-presentation')!.presenter).toBe('Nguyễn Văn Hùng');
    // A party group presents through a member named later.
    const group = parse(stubs.find((x) => x.planned.presenter === 'Tổ đảng số 3')!.text) as Stub;
    expect(group.topic!.presenter).toBe('Tổ đảng số 3');
    expect(group.steps.find((x) => x.step === 'thematic-presentation')!.presenter).toBeUndefined();
    // Each step carries its Vietnamese name as a comment.
    expect(stubs[0]!.text).toContain('  # Thông tin thời sự, phổ biến văn bản mới, tình hình tư tưởng\n  - step: news-briefing\n');
  });

  it('expects every member of the cell on that date, and only them', () => {
    const names = (date: string) => (parse(stubs.find((x) => x.planned.date === date)!.text) as Stub).attendance;
    const january = names('2026-01-05');
    expect(january).toHaveLength(23);
    expect(january.every((a) => a.status === 'present')).toBe(true);
    expect(january.map((a) => a.member)).not.toContain('Vũ Thanh Hà'); // joins on 10/4/2026
    expect(january.map((a) => a.member)).toContain('Đinh Công Thịnh');
    const may = names('2026-05-05').map((a) => a.member);
    expect(may).toHaveLength(24);
    expect(may).toContain('Vũ Thanh Hà');
    const september = names('2026-09-07').map((a) => a.member);
    expect(september).not.toContain('Đinh Công Thịnh'); // leaves on 15/8/2026
    expect(september).toContain('Vũ Thanh Hà');
    // Roster order, as the secretary reads it out.
    const active = CELL.members.filter((m) => (!m.since || m.since <= '2026-05-05') && (!m.until || m.until > '2026-05-05'));
    expect(may).toEqual(active.map((m) => m.name));
  });

  it('uses no key the meeting schema does not know', () => {
    const allowed = new Set([...Object.keys(SCHEMA.properties), 'stub']);
    for (const { text } of stubs) {
      for (const key of Object.keys(parse(text) as object)) expect(allowed, key).toContain(key);
    }
  });

  it('validates as one "stub" problem per file, and passes the schema once the stub line is deleted', async () => {
    const files: Record<string, string> = { 'cell.yaml': CELL_TEXT };
    for (const { planned, text } of stubs) files[`meetings/${stubFileName(planned)}`] = text;
    const withStub = await lint(files);
    const stubProblems = withStub.filter((p) => p.rel.startsWith('meetings/'));
    expect(stubProblems.map((p) => p.ruleId)).toEqual(stubs.map(() => 'record-complete'));
    expect(new Set(stubProblems.map((p) => p.rel)).size).toBe(stubs.length);

    for (const key of Object.keys(files)) if (key.startsWith('meetings/')) files[key] = files[key]!.replace(/^stub: true\n/m, '');
    const finished = await lint(files);
    expect(finished.filter((p) => ['schema', 'yaml-syntax', 'record-complete'].includes(p.ruleId))).toEqual([]);
    // The rules now run, and point at what is left to write, such as the minute-taker.
    expect(finished.filter((p) => p.ruleId === 'chair-secretary').length).toBe(stubs.length);
  });

  it('takes the cell\'s usual time, length and place when the plan has none', () => {
    const cell: CellProfile = { ...CELL, customs: { time: '08:00', durationMinutes: 100, place: 'Hội trường tổ dân phố' } };
    expect(plannedTimes({ date: '2027-03-05', kind: 'regular' }, cell)).toEqual({ start: '08:00', end: '09:40' });
    expect(plannedTimes({ date: '2027-03-05', kind: 'combined' }, cell)).toEqual({ start: '08:00', end: '10:00' });
    expect(plannedTimes({ date: '2027-03-05', kind: 'regular' }, CELL)).toBeUndefined();
    const s = parse(meetingStub({ date: '2027-03-05', kind: 'thematic' }, cell, PROCEDURES)) as Stub;
    expect(s).toMatchObject({ start: '08:00', end: '09:40', place: 'Hội trường tổ dân phố' });
    expect(s.topic).toEqual({ title: '(ghi tên chuyên đề)', presenter: '(ghi người trình bày chuyên đề)' });
  });
});

describe('stubFileName', () => {
  it('names a file as the example cell does', () => {
    expect(stubFileName({ date: '2027-03-05', kind: 'regular' })).toBe('2027-03.yaml');
    expect(stubFileName({ date: '2027-05-05', kind: 'combined' })).toBe('2027-05.yaml');
    expect(stubFileName({ date: '2027-03-18', kind: 'thematic' })).toBe('2027-03-chuyen-de.yaml');
    const names = PLAN.meetings.map(stubFileName);
    expect(new Set(names).size).toBe(names.length);
  });
});
