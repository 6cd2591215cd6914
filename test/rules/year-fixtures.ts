// Builders for year-scope rule tests: meeting records of a whole year, year plans and cell trees.
import { parse } from 'yaml';
import type { MeetingKind } from '../../src/model.js';
import { edit, lineOf, BASE_CELL, BASE_MEETING } from '../helpers.js';

/** 1-based position of `token` on the first line containing `needle`. */
export function at(text: string, needle: string, token = needle): { line: number; column: number } {
  const line = lineOf(text, needle);
  return { line, column: text.split('\n')[line - 1]!.indexOf(token) + 1 };
}

export const TOPIC = {
  title: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  presenter: 'Trần Thị Bình',
};
const THEMATIC_STEPS = ['thematic-purpose', 'thematic-presentation', 'thematic-discussion', 'thematic-conclusion'];

/** One sitting of a test tree. */
export interface Sitting {
  date: string;
  kind?: MeetingKind;
  /** Resolution number; null: the resolution carries no number. Thematic sittings have no resolution. */
  number?: number | null;
  /** File name under meetings/ (default `<date>.yaml`, or `<date>-<kind>.yaml` for a thematic sitting). */
  file?: string;
}

/** BASE_MEETING moved to a date and made into a sitting of the given kind, with a valid procedure. */
export function meetingYaml({ date, kind = 'regular', number }: Sitting): string {
  return edit(BASE_MEETING, (d) => {
    d.setIn(['date'], date);
    d.setIn(['kind'], kind);
    if (kind !== 'regular') d.setIn(['topic'], d.createNode(TOPIC));
    if (kind === 'thematic') {
      d.setIn(['steps'], d.createNode(['opening', ...THEMATIC_STEPS, 'adopt-minutes'].map((step) => ({ step }))));
      d.deleteIn(['resolution']);
      d.deleteIn(['vote']);
      return;
    }
    if (kind === 'combined') {
      // The thematic block follows the regular one, before the quality assessment and the minutes.
      const steps = (parse(BASE_MEETING) as { steps: { step: string }[] }).steps;
      const cut = steps.findIndex((s) => s.step === 'quality-assessment');
      steps.splice(cut, 0, ...THEMATIC_STEPS.map((step) => ({ step })));
      d.setIn(['steps'], d.createNode(steps));
    }
    if (number === null) d.deleteIn(['resolution', 'number']);
    else if (number !== undefined) d.setIn(['resolution', 'number'], number);
  });
}

/** File path of a sitting in the tree. */
export function meetingFile(s: Sitting): string {
  return `meetings/${s.file ?? (s.kind === 'thematic' ? `${s.date}-thematic.yaml` : `${s.date}.yaml`)}`;
}

/** Two-digit month. */
export function mm(month: number): string {
  return String(month).padStart(2, '0');
}

/**
 * A complete year of records: a regular meeting on the 10th of every month (combined in `combined`
 * months), resolutions numbered 1, 2, 3… in date order (from `firstNumber`). The 10th is no public
 * holiday and outside every Tết window of 2025–2028.
 */
export function yearOfMeetings(
  year: number,
  { months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], combined = [3, 6, 9, 12], firstNumber = 1 } = {},
): Sitting[] {
  return months.map((month, i) => ({
    date: `${year}-${mm(month)}-10`,
    kind: combined.includes(month) ? 'combined' : 'regular',
    number: firstNumber + i,
  }));
}

/** One planned sitting; thematic and combined ones get a topic and presenter. */
export interface PlanEntry {
  date: string;
  kind: MeetingKind;
}

/** A year plan, one flow mapping per line so each entry's line is easy to find. */
export function planYaml(year: number, entries: PlanEntry[], events: { date: string; kind: string }[] = []): string {
  const lines = [`year: ${year}`, entries.length ? 'meetings:' : 'meetings: []'];
  for (const e of entries) {
    const topic = e.kind === 'regular' ? '' : `, topic: Chuyên đề ${e.date}, presenter: ${TOPIC.presenter}`;
    lines.push(`  - { date: ${e.date}, kind: ${e.kind}${topic} }`);
  }
  if (events.length) {
    lines.push('events:');
    for (const e of events) lines.push(`  - { date: ${e.date}, kind: ${e.kind} }`);
  }
  return `${lines.join('\n')}\n`;
}

/** The plan entries of a regular year: the 10th of every month, combined in `combined` months. */
export function fullPlan(year: number, combined = [3, 6, 9, 12]): PlanEntry[] {
  return Array.from({ length: 12 }, (_, i) => ({
    date: `${year}-${mm(i + 1)}-10`,
    kind: combined.includes(i + 1) ? 'combined' : 'regular',
  }));
}

/** A cell tree: cell.yaml (unless `cell` is null), records, and plans by year. */
export function tree(
  sittings: Sitting[],
  { cell = BASE_CELL as string | null, plans = {} as Record<number, string> } = {},
): Record<string, string> {
  const files: Record<string, string> = {};
  if (cell !== null) files['cell.yaml'] = cell;
  for (const [year, text] of Object.entries(plans)) files[`plan-${year}.yaml`] = text;
  for (const s of sittings) files[meetingFile(s)] = meetingYaml(s);
  return files;
}

/** BASE_CELL with local overrides for some rules. */
export function cellWithOverrides(overrides: Record<string, unknown>, cell = BASE_CELL): string {
  return edit(cell, (d) => d.setIn(['overrides'], d.createNode(overrides)));
}

/** BASE_CELL with `recordsFrom` set. */
export function cellFrom(month: string, cell = BASE_CELL): string {
  return edit(cell, (d) => d.setIn(['recordsFrom'], month));
}
