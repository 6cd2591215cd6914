// The year-plan page's server side: the plan made by the library, dates checked for days off, saved as plan-YYYY.yaml, printed as the KH .docx.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readValidated } from '../lint/load.js';
import type { CellProfile, PlannedMeeting, RuleOverrides, YearPlan } from '../model.js';
import { planYear } from '../plan/generate.js';
import { loadCell } from '../plan/new-record.js';
import { planDocx } from '../plan/plan-docx.js';
import { planYaml, writePlan } from '../plan/write-plan.js';
import { ruleOptions } from '../rules/profiles.js';
import { committeeRulesFor } from '../source/committee.js';
import { dayOff, extraDays, weekdayOf, type ExtraDate, type HolidayOptions } from '../util/holidays.js';
import { cellInside } from './paths.js';
import { applyData } from './yaml-sync.js';
// Types only: api.ts imports this module for its ROUTES, so a value imported back would be a cycle.
import type { ApiReply, ApiRoute } from './api.js';

/** A warning about one sitting's date, as the page shows it beside the date. */
export interface DateWarning {
  /** Index of the sitting in the plan's `meetings`. */
  index: number;
  message: string;
}

const refusal = (status: number, error: string): ApiReply => ({ status, json: { error } });
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const WEEKDAY_VI: Record<string, string> = {
  monday: 'thứ Hai', tuesday: 'thứ Ba', wednesday: 'thứ Tư', thursday: 'thứ Năm', friday: 'thứ Sáu', saturday: 'thứ Bảy', sunday: 'Chủ nhật',
};

/** The cell folder a request names (relative to the served folder; '' = the served folder). */
function cellDirOf(root: string, cell: unknown): string | ApiReply {
  if (typeof cell !== 'string' || cell === '' || cell === '.') return root;
  const found = cellInside(root, cell);
  return found.ok ? found.dir : refusal(found.why === 'outside' ? 403 : 404, 'Không có chi bộ này trong thư mục đang mở.');
}

function yearOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
}

/** The nearest committee.yaml's overrides above the cell: they shape the plan as validate will judge it. */
function committeeOf(cellDir: string): RuleOverrides | undefined {
  return committeeRulesFor([cellDir], cellDir, 'vi')[cellDir];
}

/**
 * Warnings for each sitting whose date is not a day the cell meets: outside the year, a weekend (a day not
 * among its working days), a public holiday, Tết or a blackout date of the cell, or a date that is not a day.
 */
export function dateWarnings(plan: YearPlan, cell: CellProfile, committee?: RuleOverrides): DateWarning[] {
  const holidays = ruleOptions<HolidayOptions & { extraDates: ExtraDate[] }>('public-holiday', cell, `${plan.year}-12-31`, committee);
  const extra = extraDays([...holidays.extraDates, ...(cell.customs?.blackoutDates ?? [])]);
  const working = cell.customs?.workingDays ?? ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
  const out: DateWarning[] = [];
  plan.meetings.forEach((m, index) => {
    if (!ISO.test(m.date) || Number.isNaN(Date.parse(m.date))) {
      out.push({ index, message: 'Ngày không có thật; chọn lại ngày họp.' });
      return;
    }
    if (!m.date.startsWith(`${plan.year}-`)) out.push({ index, message: `Ngày này không thuộc năm ${plan.year} của kế hoạch.` });
    const off = dayOff(m.date, holidays, extra);
    if (off) out.push({ index, message: `Trùng ngày nghỉ: ${off.vi}; chi bộ không sinh hoạt vào ngày nghỉ lễ, Tết.` });
    const weekday = weekdayOf(m.date);
    if (!working.includes(weekday)) out.push({ index, message: `Ngày này là ${WEEKDAY_VI[weekday]}, không phải ngày làm việc của chi bộ.` });
  });
  return out;
}

/** The plan file of a year, read and checked against the plan schema; undefined when there is none or it is not valid. */
function savedPlan(cellDir: string, year: number): { plan?: YearPlan; broken?: boolean } {
  const abs = join(cellDir, `plan-${year}.yaml`);
  if (!existsSync(abs)) return {};
  const r = readValidated(abs, 'plan');
  return r.ok ? { plan: r.data as YearPlan } : { broken: true };
}

/** A plan the page sent back: the saved or generated plan with its sittings' dates as the secretary moved them. */
function editedPlan(base: YearPlan, body: Record<string, unknown>): YearPlan | undefined {
  const dates = body.dates;
  if (!Array.isArray(dates) || dates.length !== base.meetings.length || !dates.every((d) => typeof d === 'string')) return undefined;
  const meetings: PlannedMeeting[] = base.meetings.map((m, i) => ({ ...m, date: dates[i] as string }));
  return { ...base, meetings };
}

/** The plan the page works on: the saved one, or one made by the library from the cell's customs. */
function basePlan(cellDir: string, cell: CellProfile, year: number): { plan: YearPlan; saved: boolean; notes: string[] } | ApiReply {
  const saved = savedPlan(cellDir, year);
  if (saved.broken) return refusal(422, `Tệp plan-${year}.yaml có lỗi nên trang chưa mở được; sửa tệp (cellctl validate chỉ rõ chỗ sai) rồi mở lại.`);
  if (saved.plan) return { plan: saved.plan, saved: true, notes: [] };
  const notes: string[] = [];
  const committee = committeeOf(cellDir);
  const plan = planYear(cell, year, { onWarning: (w) => notes.push(w.message.replace(/\s*\([^)]*\)\s*$/, '')), ...(committee ? { committee } : {}) });
  return { plan, saved: false, notes };
}

/** What every plan route starts from: the cell named, the year asked for, and the plan the page works on. */
interface PlanContext {
  cellDir: string;
  year: number;
  cell: CellProfile;
  base: { plan: YearPlan; saved: boolean; notes: string[] };
}

function planContext(root: string, cellParam: unknown, yearParam: unknown): PlanContext | ApiReply {
  const cellDir = cellDirOf(root, cellParam);
  if (typeof cellDir !== 'string') return cellDir;
  const year = yearOf(yearParam);
  if (year === undefined) return refusal(400, 'Năm kế hoạch phải là một năm, ví dụ 2027.');
  const cell = loadCell(cellDir);
  const base = basePlan(cellDir, cell, year);
  if ('status' in base) return base;
  return { cellDir, year, cell, base };
}

/** `GET /api/plan?cell=&year=`: the year's plan (saved, or proposed from the cell's customs) with its date warnings. */
export const planRoute: ApiRoute = {
  method: 'GET',
  handle({ root, url }) {
    const ctx = planContext(root, url.searchParams.get('cell'), url.searchParams.get('year'));
    if ('status' in ctx) return ctx;
    const { cellDir, cell, base } = ctx;
    return { status: 200, json: { ...base, warnings: dateWarnings(base.plan, cell, committeeOf(cellDir)) } };
  },
};

/** `POST /api/plan/check {cell, year, dates}`: the warnings of the plan with the sittings on these dates. */
export const planCheckRoute: ApiRoute = {
  method: 'POST',
  handle({ root, body }) {
    const ctx = planContext(root, body.cell, body.year);
    if ('status' in ctx) return ctx;
    const { cellDir, cell, base } = ctx;
    const plan = editedPlan(base.plan, body);
    if (!plan) return refusal(400, 'Danh sách ngày họp không khớp với kế hoạch; tải lại trang.');
    return { status: 200, json: { warnings: dateWarnings(plan, cell, committeeOf(cellDir)) } };
  },
};

/**
 * `POST /api/plan/save {cell, year, dates, replace}`: plan-YYYY.yaml written atomically, the sittings in
 * date order; an existing plan file is replaced only when the page says so (`replace`, after asking).
 */
export const planSaveRoute: ApiRoute = {
  method: 'POST',
  handle({ root, body }) {
    const ctx = planContext(root, body.cell, body.year);
    if ('status' in ctx) return ctx;
    const { cellDir, year, cell, base } = ctx;
    const edited = editedPlan(base.plan, body);
    if (!edited) return refusal(400, 'Danh sách ngày họp không khớp với kế hoạch; tải lại trang.');
    if (edited.meetings.some((m) => !ISO.test(m.date) || Number.isNaN(Date.parse(m.date)) || !m.date.startsWith(`${year}-`))) {
      return refusal(422, `Chưa ghi: có ngày họp không có thật hoặc không thuộc năm ${year}; sửa các ngày được đánh dấu.`);
    }
    const plan = { ...edited, meetings: [...edited.meetings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) };
    const abs = join(cellDir, `plan-${year}.yaml`);
    if (existsSync(abs) && body.replace !== true) {
      return refusal(409, `Đã có kế hoạch năm ${year} (plan-${year}.yaml); chưa ghi gì.`);
    }
    // A saved plan keeps its comments and layout: only the moved dates (and the order they give) change.
    writePlan(abs, existsSync(abs) ? applyData(readFileSync(abs, 'utf8'), plan) : planYaml(plan, cell), existsSync(abs));
    return { status: 200, json: { file: `plan-${year}.yaml`, warnings: dateWarnings(plan, cell, committeeOf(cellDir)) } };
  },
};

/** `GET /api/plan/docx?cell=&year=`: the saved plan's KH .docx (kế hoạch sinh hoạt chuyên đề), as `cellctl plan --docx` prints it. */
export const planDocxRoute: ApiRoute = {
  method: 'GET',
  async handle({ root, url }) {
    const cellDir = cellDirOf(root, url.searchParams.get('cell'));
    if (typeof cellDir !== 'string') return cellDir;
    const year = yearOf(url.searchParams.get('year'));
    if (year === undefined) return refusal(400, 'Năm kế hoạch phải là một năm, ví dụ 2027.');
    const saved = savedPlan(cellDir, year);
    if (!saved.plan) return refusal(404, `Chưa có kế hoạch năm ${year}: ghi kế hoạch trước rồi mới in.`);
    const cell = loadCell(cellDir);
    const t = saved.plan.thematicPlan;
    const bytes = await planDocx(saved.plan, cell, {
      ...(t?.number !== undefined ? { number: String(t.number) } : {}),
      ...(t?.date !== undefined ? { date: t.date } : {}),
    });
    const name = `ke-hoach-chuyen-de-${year}.docx`;
    return {
      status: 200,
      text: Buffer.from(bytes),
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      headers: { 'Content-Disposition': `attachment; filename="${name}"` },
    };
  },
};
