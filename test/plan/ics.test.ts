// planToIcs: the iCalendar file read back by an independent parser (ical.js), its escaping, folding and stability.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CellProfile, YearPlan } from '../../src/model.js';
import { planToIcs } from '../../src/plan/ics.js';
import { ROOT } from '../helpers.js';

const EXAMPLE = join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12');
const CELL = parse(readFileSync(join(EXAMPLE, 'cell.yaml'), 'utf8')) as CellProfile;
const PLAN = parse(readFileSync(join(EXAMPLE, 'plan-2026.yaml'), 'utf8')) as YearPlan;

/** The VEVENTs of an iCalendar text, parsed by ical.js. */
function events(ics: string): InstanceType<typeof ICAL.Event>[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

/** `2026-03-19T19:30:00+07:00` of an ical.js time, from its UTC instant and its zone's offset. */
function withOffset(time: InstanceType<typeof ICAL.Time>): string {
  const offset = time.utcOffset();
  const local = new Date(time.toJSDate().getTime() + offset * 1000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset) / 60;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

describe('planToIcs on the example plan', () => {
  const ics = planToIcs(PLAN, CELL);
  const parsed = events(ics);

  it('has one event per planned sitting and per dated task', () => {
    expect(parsed).toHaveLength(PLAN.meetings.length + PLAN.events!.length);
    expect(new Set(parsed.map((e) => e.uid)).size).toBe(parsed.length);
  });

  it('gives every sitting its start and end in Vietnam time (+07:00), with the VTIMEZONE it refers to', () => {
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n');
    for (const m of PLAN.meetings) {
      const e = parsed.find((p) => p.startDate.toString().startsWith(m.date) && !p.startDate.isDate);
      expect(e, m.date).toBeDefined();
      expect(e!.startDate.zone?.tzid).toBe('Asia/Ho_Chi_Minh');
      expect(withOffset(e!.startDate)).toBe(`${m.date}T${m.start}:00+07:00`);
      expect(withOffset(e!.endDate)).toBe(`${m.date}T${m.end}:00+07:00`);
      expect(e!.location).toBe(m.place);
    }
    // 19:30 in Hà Nội is 12:30 UTC.
    const first = parsed.find((p) => p.startDate.toString() === '2026-01-05T19:30:00')!;
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-01-05T12:30:00.000Z');
  });

  it('writes Vietnamese summaries and descriptions that come back exactly', () => {
    const byStart = (date: string) => parsed.find((p) => p.startDate.toString().startsWith(date))!;
    expect(byStart('2026-03-05').summary).toBe('Sinh hoạt chi bộ thường kỳ tháng 3/2026 – Chi bộ Khu dân cư số 12');
    expect(byStart('2026-01-05').summary).toBe('Sinh hoạt chi bộ thường kỳ tháng 01/2026 – Chi bộ Khu dân cư số 12');
    const thematic = PLAN.meetings.find((m) => m.date === '2026-07-16')!;
    const t = byStart('2026-07-16');
    expect(t.summary).toBe(`Sinh hoạt chuyên đề: ${thematic.topic}`);
    expect(t.description).toContain(`Người (tổ đảng) chuẩn bị, trình bày: ${thematic.presenter}`);
    expect(t.description.split('\n')).toContain(`Chuyên đề: ${thematic.topic}`);
    const combined = byStart('2026-05-05');
    expect(combined.summary).toBe('Sinh hoạt chi bộ thường kỳ tháng 5/2026 kết hợp sinh hoạt chuyên đề – Chi bộ Khu dân cư số 12');
    expect(combined.description).toContain('Người (tổ đảng) chuẩn bị, trình bày: Trần Thị Thu');
  });

  it('shows preparation meetings, deadlines and the year-end review as all-day events', () => {
    for (const item of PLAN.events!) {
      const e = parsed.find((p) => p.startDate.isDate && p.startDate.toString() === item.date);
      expect(e, item.date).toBeDefined();
      expect(e!.summary).toBe(`${item.title} – Chi bộ Khu dân cư số 12`);
      expect(e!.endDate.toString() > item.date).toBe(true);
    }
    expect(ics).toContain('DTSTART;VALUE=DATE:20261217\r\nDTEND;VALUE=DATE:20261218\r\n');
  });

  it('uses stable ids from the cell, the date and the kind, and a DTSTAMP from the plan', () => {
    const uids = parsed.map((e) => e.uid);
    expect(uids).toContain('20260319-thematic-chi-bo-khu-dan-cu-so-12.dang-bo-phuong-hoang-liet@cellctl');
    expect(uids).toContain('20260102-committee-prep-chi-bo-khu-dan-cu-so-12.dang-bo-phuong-hoang-liet@cellctl');
    const stamps = new Set(ics.match(/^DTSTAMP:[^\r\n]*/gm));
    expect([...stamps]).toEqual(['DTSTAMP:20251231T170000Z']);
  });

  it('is byte-identical when made twice', () => {
    expect(planToIcs(PLAN, CELL)).toBe(ics);
    expect(planToIcs(structuredClone(PLAN), structuredClone(CELL))).toBe(ics);
  });

  it('ends every line with CRLF and folds at 75 octets without cutting a character', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const bytes = Buffer.from(ics, 'utf8');
    const lines: Buffer[] = [];
    for (let start = 0, i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        lines.push(bytes.subarray(start, i));
        start = i + 2;
      }
    }
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let folded = 0;
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      // Each physical line decodes on its own: no multi-byte letter is split across a fold.
      expect(() => decoder.decode(line)).not.toThrow();
      if (line[0] === 0x20) folded++;
    }
    expect(folded).toBeGreaterThan(10);
  });
});

describe('planToIcs escaping and defaults', () => {
  const cell: CellProfile = {
    ...CELL,
    name: 'Chi bộ Khu dân cư số 3, 4; Tổ 5\\6',
    customs: { time: '08:00', durationMinutes: 100, place: 'Hội trường UBND phường' },
  };
  const plan: YearPlan = {
    year: 2027,
    meetings: [
      { date: '2027-02-04', kind: 'regular' },
      {
        date: '2027-03-18',
        kind: 'thematic',
        start: '19:30',
        end: '21:00',
        place: 'Nhà văn hóa, tầng 2; phòng họp số 1',
        topic: 'Phòng, chống tham nhũng; "tự diễn biến", "tự chuyển hóa" \\ lãng phí\nvà tiêu cực',
        presenter: 'Tổ đảng số 1, số 2',
      },
      { date: '2027-05-06', kind: 'combined', start: '19:00' },
    ],
    events: [
      { date: '2027-03-10', kind: 'posting-deadline' },
      { date: '2027-12-15', kind: 'year-end-review' },
    ],
  };
  const ics = planToIcs(plan, cell);
  const unfolded = ics.replace(/\r\n /g, '');
  const parsed = events(ics);
  const at = (date: string) => parsed.find((p) => p.startDate.toString().startsWith(date))!;

  it('escapes commas, semicolons, backslashes and line breaks, and reads them back exactly', () => {
    expect(unfolded).toContain('SUMMARY:Sinh hoạt chi bộ thường kỳ tháng 02/2027 – Chi bộ Khu dân cư số 3\\, 4\\; Tổ 5\\\\6');
    expect(unfolded).toContain('LOCATION:Nhà văn hóa\\, tầng 2\\; phòng họp số 1');
    const t = at('2027-03-18');
    const topic = plan.meetings[1]!.topic!;
    // A title stays on one line; the description keeps the line break.
    expect(t.summary).toBe(`Sinh hoạt chuyên đề: ${topic.replace('\n', ' ')}`);
    expect(t.description).toContain(`Chuyên đề: ${topic}\n`);
    expect(unfolded).toContain('lãng phí\\nvà tiêu cực');
    expect(t.location).toBe('Nhà văn hóa, tầng 2; phòng họp số 1');
    expect(t.description).toContain('Người (tổ đảng) chuẩn bị, trình bày: Tổ đảng số 1, số 2');
    expect(at('2027-02-04').summary).toBe('Sinh hoạt chi bộ thường kỳ tháng 02/2027 – Chi bộ Khu dân cư số 3, 4; Tổ 5\\6');
  });

  it('takes the time, length and place the cell usually keeps when the plan gives none', () => {
    const regular = at('2027-02-04');
    expect(withOffset(regular.startDate)).toBe('2027-02-04T08:00:00+07:00');
    expect(withOffset(regular.endDate)).toBe('2027-02-04T09:40:00+07:00');
    expect(regular.location).toBe('Hội trường UBND phường');
    // A combined sitting lasts at least 120 minutes.
    expect(withOffset(at('2027-05-06').endDate)).toBe('2027-05-06T21:00:00+07:00');
  });

  it('names dated tasks without a title by their kind', () => {
    expect(at('2027-03-10').summary).toBe('Hạn đăng tài liệu sinh hoạt lên Sổ tay đảng viên – Chi bộ Khu dân cư số 3, 4; Tổ 5\\6');
    expect(at('2027-12-15').summary).toMatch(/^Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2027 – /);
    expect(ics).toContain('DTSTAMP:20261231T170000Z');
  });
});
