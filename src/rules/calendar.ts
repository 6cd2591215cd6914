// Calendar helpers shared by the year rules: month keys, where year findings go (thematic sittings: facts/derive.ts).
import type { CellYearContext, DocRef } from './types.js';

/** `YYYY-MM` of a month, comparable with `date.slice(0, 7)` and with `recordsFrom`. */
export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Where a finding about the whole year goes: the cell profile, else the plan, else the first record. */
export function summaryDoc(ctx: CellYearContext<unknown>): DocRef<unknown> | undefined {
  return ctx.cell ?? ctx.plans[0] ?? ctx.meetings[0];
}
