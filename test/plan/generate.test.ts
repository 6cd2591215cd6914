// planYear over several years and customs: every date checked against date-holidays directly, the plan validated.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type HolidaysType from 'date-holidays';
import { validate } from '../../src/index.js';
import type { CellProfile, Customs, YearPlan } from '../../src/model.js';
import { planYear, thematicMonths, type PlanWarning } from '../../src/plan/generate.js';
import { meetingDayOf } from '../../src/plan/day-rule.js';
import { planYaml } from '../../src/plan/write-plan.js';
import { ROOT, exampleCellWithoutCustoms } from '../helpers.js';

const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysType;
const lib = new Holidays('VN');
const EXAMPLE = join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12', 'cell.yaml');
// The example without its customs, so these tests see the planner's defaults (its own customs: see the end).
const EXAMPLE_TEXT = exampleCellWithoutCustoms();
const EXAMPLE_CELL = parse(EXAMPLE_TEXT) as CellProfile;
// 2025 and 2028: Tết in January; 2026, 2027, 2029: in February; 2028 is a leap year.
const YEARS = [2025, 2026, 2027, 2028, 2029];
const DAY_MS = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Public holidays of a year straight from date-holidays (the Tết block included), plus both days next to 2/9. */
function libraryDaysOff(year: number): Set<string> {
  const out = new Set([`${year}-09-01`, `${year}-09-03`]);
  for (const h of lib.getHolidays(year)) {
    if (h.type !== 'public') continue;
    const first = Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`);
    const days = Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS);
    for (let i = 0; i < days; i++) out.add(new Date(first + i * DAY_MS).toISOString().slice(0, 10));
  }
  return out;
}

function weekday(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

function withCustoms(customs: Customs, base: CellProfile = EXAMPLE_CELL): CellProfile {
  return { ...base, customs };
}

const SMALL_CELL: CellProfile = {
  name: 'Chi bộ Phòng Kế hoạch',
  parent: { name: 'Đảng bộ Cơ quan Ủy ban nhân dân tỉnh' },
  place: 'Ninh Bình',
  type: 'administrative',
  members: [
    { id: 'a', name: 'Nguyễn Văn An', status: 'official', role: 'secretary' },
    { id: 'b', name: 'Trần Thị Bình', status: 'official', role: 'deputy-secretary' },
    { id: 'c', name: 'Lê Văn Cường', status: 'official' },
  ],
};

const PROFILES: Record<string, CellProfile> = {
  'the example cell, no customs': EXAMPLE_CELL,
  'the 1st moved forward, combined thematic, 5 a year': withCustoms({
    meetingDay: { kind: 'day-of-month', day: 1, ifDayOff: 'next' },
    thematic: { count: 5, mode: 'combined' },
    blackoutDates: ['2027-03-01', '2028-06-01', '2029-10-01'],
  }),
  'the first Tuesday, 6 a year, Saturdays worked': withCustoms({
    meetingDay: { kind: 'nth-weekday', n: 1, weekday: 'tuesday' },
    workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
    thematic: { count: 6, meetingDay: 15 },
    prepWorkingDays: 5,
  }),
  'the last working day before the 10th, a small cell': withCustoms(
    { meetingDay: { kind: 'last-working-day-before', day: 10 }, time: '08:00', durationMinutes: 90 },
    SMALL_CELL,
  ),
};

/** Every check the brief asks of a plan. */
function checkPlan(cell: CellProfile, plan: YearPlan, expectedCount: number): void {
  const year = plan.year;
  const off = libraryDaysOff(year);
  const blackout = new Set(cell.customs?.blackoutDates ?? []);
  const workingDays = cell.customs?.workingDays ?? ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
  const dates = [...plan.meetings.map((m) => m.date), ...(plan.events ?? []).map((e) => e.date)];
  for (const date of dates) {
    expect(date.slice(0, 4), date).toBe(String(year));
    expect(workingDays, date).toContain(weekday(date));
    expect(off.has(date), `${date} is a public holiday`).toBe(false);
    expect(blackout.has(date), `${date} is a blackout date`).toBe(false);
  }
  // One regular (or combined) sitting a month, on the day custom.
  const rule = cell.customs?.meetingDay ?? { kind: 'day-of-month', day: 5 };
  for (let month = 1; month <= 12; month++) {
    const own = plan.meetings.filter((m) => m.kind !== 'thematic' && Number(m.date.slice(5, 7)) === month);
    expect(own, `month ${month}`).toHaveLength(1);
    expect(own[0]!.date).toBe(meetingDayOf(rule, year, month, { workingDays: cell.customs?.workingDays ?? undefined, blackout }));
  }
  const thematic = plan.meetings.filter((m) => m.kind !== 'regular');
  expect(thematic).toHaveLength(expectedCount);
  const quarters = new Set(thematic.map((m) => Math.ceil(Number(m.date.slice(5, 7)) / 3)));
  expect([...quarters].sort()).toEqual([1, 2, 3, 4]);
  for (const m of thematic) {
    expect(m.topic).toEqual(expect.any(String));
    expect(m.presenter).toEqual(expect.any(String));
  }
  for (const m of plan.meetings) {
    const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
    expect(minutes(m.end!) - minutes(m.start!)).toBeGreaterThanOrEqual(m.kind === 'combined' ? 120 : 90);
  }
  // No two sittings on one day; dates in order.
  expect(new Set(plan.meetings.map((m) => m.date)).size).toBe(plan.meetings.length);
  expect(plan.meetings.map((m) => m.date)).toEqual([...plan.meetings.map((m) => m.date)].sort());
  const events = plan.events ?? [];
  expect(events.filter((e) => e.kind === 'year-end-review').map((e) => e.date.slice(5, 7))).toEqual(['12']);
  // Preparation before each regular sitting (January's may be dropped to the previous year's plan).
  expect(events.filter((e) => e.kind === 'committee-prep').length).toBeGreaterThanOrEqual(11);
  for (const e of events) expect(e.title).toEqual(expect.any(String));
}

describe('the check itself', () => {
  it('sees Tết, Giỗ Tổ and 2/9 with its adjacent days in date-holidays', () => {
    const off = libraryDaysOff(2027);
    for (const d of ['2027-01-01', '2027-02-05', '2027-02-09', '2027-04-16', '2027-04-30', '2027-05-01', '2027-09-01', '2027-09-02', '2027-09-03']) {
      expect(off.has(d), d).toBe(true);
    }
    expect(off.has('2027-02-10')).toBe(false);
  });
});

describe('planYear', () => {
  for (const [label, cell] of Object.entries(PROFILES)) {
    for (const year of YEARS) {
      it(`plans ${year} for ${label}`, async () => {
        const warnings: PlanWarning[] = [];
        const plan = planYear(cell, year, { onWarning: (w) => warnings.push(w) });
        checkPlan(cell, plan, cell.customs?.thematic?.count ?? 4);
        expect(warnings.filter((w) => w.code !== 'event-dropped')).toEqual([]);
        // Same inputs, same plan.
        expect(planYear(structuredClone(cell), year)).toEqual(plan);

        // The written plan validates with the real validator, next to the cell's profile.
        const dir = mkdtempSync(join(tmpdir(), 'cellctl-plan-'));
        // JSON is YAML: a profile with customs is written as it is.
        writeFileSync(join(dir, 'cell.yaml'), cell === EXAMPLE_CELL ? EXAMPLE_TEXT : JSON.stringify(cell));
        const text = planYaml(plan, cell);
        writeFileSync(join(dir, `plan-${year}.yaml`), text);
        expect(parse(text)).toEqual(plan);
        const result = await validate([dir], { asOf: `${year}-01-01`, jobs: 1 });
        const problems = result.results.flatMap((r) => r.problems.map((p) => `${r.file}:${p.line} ${p.ruleId} ${p.message}`));
        expect(problems).toEqual([]);
      });
    }
  }

  it('posts the documents a working day before each sitting under hd42-2025 only', () => {
    const plan = planYear(EXAMPLE_CELL, 2025);
    const deadlines = plan.events!.filter((e) => e.kind === 'posting-deadline');
    expect(deadlines.length).toBeGreaterThan(0);
    expect(deadlines.every((e) => e.date >= '2025-10-27')).toBe(true);
    expect(deadlines.every((e) => e.title!.includes('Sổ tay đảng viên điện tử'))).toBe(true);
    expect(planYear(EXAMPLE_CELL, 2027).events!.filter((e) => e.kind === 'posting-deadline')).toHaveLength(16);
  });

  it('names the chi ủy from 9 official members, else the bí thư and phó bí thư', () => {
    const big = planYear(EXAMPLE_CELL, 2027).events!.filter((e) => e.kind === 'committee-prep');
    expect(big.every((e) => e.title!.startsWith('Chi ủy họp chuẩn bị nội dung sinh hoạt tháng'))).toBe(true);
    const small = planYear(SMALL_CELL, 2027).events!.filter((e) => e.kind === 'committee-prep');
    expect(small.every((e) => e.title!.startsWith('Bí thư, phó bí thư trao đổi chuẩn bị'))).toBe(true);
    expect(small[0]!.title).toBe('Bí thư, phó bí thư trao đổi chuẩn bị nội dung sinh hoạt tháng 01 và dự thảo nghị quyết');
  });

  it('uses the defaults: the 5th, 19:30 for a residential cell, 14:00 otherwise, 105 and 135 minutes', () => {
    const plan = planYear(EXAMPLE_CELL, 2027);
    expect(plan.meetings[0]).toEqual({ date: '2027-01-05', kind: 'regular', start: '19:30', end: '21:15', place: 'Trụ sở chi bộ' });
    const thematic = plan.meetings.filter((m) => m.kind === 'thematic');
    expect(thematic.map((m) => m.date)).toEqual(['2027-02-22', '2027-05-20', '2027-08-20', '2027-11-22']);
    expect(thematic[1]!.topic).toMatch(/^Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2027/);
    const office = planYear(SMALL_CELL, 2027);
    expect(office.meetings[0]).toMatchObject({ start: '14:00', end: '15:45' });
    const combined = planYear(withCustoms({ thematic: { mode: 'combined' }, place: 'Nhà văn hóa Khu dân cư số 12' }), 2027);
    expect(combined.meetings).toHaveLength(12);
    expect(combined.meetings[1]).toMatchObject({ date: '2027-02-10', kind: 'combined', start: '19:30', end: '21:45', place: 'Nhà văn hóa Khu dân cư số 12' });
    expect(combined.events!.find((e) => e.kind === 'year-end-review')).toMatchObject({ date: '2027-12-15' });
  });

  it('spreads thematic months evenly with one in every quarter', () => {
    expect(thematicMonths(4)).toEqual([2, 5, 8, 11]);
    expect(thematicMonths(5)).toEqual([2, 4, 7, 9, 11]);
    expect(thematicMonths(6)).toEqual([2, 4, 6, 8, 10, 12]);
    for (let n = 4; n <= 12; n++) {
      const months = thematicMonths(n);
      expect(new Set(months).size).toBe(n);
      expect(new Set(months.map((m) => Math.ceil(m / 3))).size).toBe(4);
    }
  });

  it('allows more than 6 with a warning, and raises fewer than 4 to 4', () => {
    const warnings: PlanWarning[] = [];
    const plan = planYear(withCustoms({ thematic: { count: 8 } }), 2027, { onWarning: (w) => warnings.push(w) });
    expect(plan.meetings.filter((m) => m.kind === 'thematic')).toHaveLength(8);
    expect(warnings.map((w) => w.code)).toEqual(['thematic-over-max']);
    warnings.length = 0;
    const few = planYear(withCustoms({ thematic: { count: 2 } }), 2027, { onWarning: (w) => warnings.push(w) });
    expect(few.meetings.filter((m) => m.kind === 'thematic')).toHaveLength(4);
    expect(warnings.map((w) => w.code)).toEqual(['thematic-under-min']);
  });

  it('takes topics and presenters from the profile, filling the rest with defaults', () => {
    const warnings: PlanWarning[] = [];
    const cell = withCustoms({
      thematic: {
        topics: [
          { title: 'Chuyển đổi số ở khu dân cư', presenter: 'Lý Thu Trang' },
          { title: 'Bảo vệ môi trường, phân loại rác tại nguồn' },
        ],
      },
    });
    const thematic = planYear(cell, 2027, { onWarning: (w) => warnings.push(w) }).meetings.filter((m) => m.kind === 'thematic');
    expect(thematic.map((m) => m.topic!.slice(0, 26))).toEqual([
      'Chuyển đổi số ở khu dân cư',
      'Bảo vệ môi trường, phân lo',
      'Quán triệt, triển khai các',
      'Học tập và làm theo tư tưở',
    ]);
    expect(thematic[0]!.presenter).toBe('Lý Thu Trang');
    expect(warnings.map((w) => w.code)).toEqual(['topics-short']);
  });

  it('rotates presenters fairly, never the same twice in a row', () => {
    const presenters: string[] = [];
    for (let year = 2025; year <= 2034; year++) {
      const plan = planYear({ ...SMALL_CELL, customs: { thematic: { count: 6 } } }, year);
      presenters.push(...plan.meetings.filter((m) => m.kind === 'thematic').map((m) => m.presenter!));
    }
    for (let i = 1; i < presenters.length; i++) expect(presenters[i], `session ${i}`).not.toBe(presenters[i - 1]);
    const tally = new Map<string, number>();
    for (const p of presenters) tally.set(p, (tally.get(p) ?? 0) + 1);
    const counts = [...tally.values()];
    expect(counts).toHaveLength(3);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);

    // With party groups: each group and member in turn, and only those in the cell on the day.
    const example: string[] = [];
    for (const year of YEARS) example.push(...planYear(EXAMPLE_CELL, year).meetings.filter((m) => m.kind === 'thematic').map((m) => m.presenter!));
    expect(example).toEqual(expect.arrayContaining(['Tổ đảng số 1', 'Tổ đảng số 2', 'Tổ đảng số 3']));
    expect(new Set(example).size).toBe(example.length);
    const notOfficial = EXAMPLE_CELL.members.filter((m) => m.status !== 'official').map((m) => m.name);
    expect(example.filter((p) => notOfficial.includes(p))).toEqual([]);
  });
});

describe('the example cell with its own customs', () => {
  it('plans on its days and with its topics: the 5th (next working day), thematic sessions on the 18th', () => {
    const cell = parse(readFileSync(EXAMPLE, 'utf8')) as CellProfile;
    const plan = planYear(cell, 2027);
    const thematic = plan.meetings.filter((m) => m.kind === 'thematic');
    expect(thematic.map((m) => m.topic)).toEqual(cell.customs!.thematic!.topics!.map((t) => t.title));
    expect(thematic.map((m) => m.presenter)).toEqual(cell.customs!.thematic!.topics!.map((t) => t.presenter));
    for (const m of thematic) expect(Number(m.date.slice(8)), m.date).toBeGreaterThanOrEqual(18);
    for (const m of plan.meetings) {
      expect(m.start).toBe('19:30');
      expect(m.place).toBe('Nhà văn hóa Khu dân cư số 12');
    }
    // 18/11/2027 is the cell's blackout date (Ngày hội Đại đoàn kết): nothing is planned on it.
    expect([...plan.meetings, ...(plan.events ?? [])].map((x) => x.date)).not.toContain('2027-11-18');
  });
});

