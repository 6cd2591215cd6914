// A year plan as YAML text (with its $schema line and a Vietnamese header), its diff against the file, its atomic write.
import { existsSync, readFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { Document, isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { CellProfile, YearPlan } from '../model.js';
import { writeAtomic } from '../render/write.js';
import { describeDayRule } from './day-rule.js';
import { PLAN_DEFAULTS } from './generate.js';
import { defaultSchemaComment } from '../schema/workspace.js';

/** Options of planYaml. */
export interface PlanYamlOptions {
  /** The `$schema` comment, without its `#`, as schemaComment gives it (default: a plan at the top of its cell folder). */
  schema?: string;
}

/** `19:30` → `19 giờ 30`. */
function clockVi(time: string): string {
  const [h, m] = time.split(':');
  return m === '00' ? `${Number(h)} giờ` : `${Number(h)} giờ ${m}`;
}

/** The header comment: what the plan is, and the customs it was made from. */
function header(plan: YearPlan, cell: CellProfile, schema: string): string[] {
  const customs = cell.customs ?? {};
  const first = plan.meetings.find((m) => m.kind !== 'thematic');
  const thematic = plan.meetings.filter((m) => m.kind !== 'regular');
  const combined = thematic.every((m) => m.kind === 'combined');
  const count = String(thematic.length).padStart(2, '0');
  const lines = [
    schema,
    ` Kế hoạch sinh hoạt năm ${plan.year} của ${cell.name}, lập bằng cellctl plan; trình chi bộ thảo luận, thông qua.`,
    ` Sinh hoạt thường kỳ: ${describeDayRule(customs.meetingDay ?? PLAN_DEFAULTS.meetingDay)}` +
      (first?.start ? `; bắt đầu lúc ${clockVi(first.start)}` : '') +
      (first?.place ? `, tại ${first.place}.` : '.'),
    ` Sinh hoạt chuyên đề: ${count} chuyên đề, mỗi quý ít nhất 01; ` +
      (combined
        ? 'kết hợp với kỳ sinh hoạt thường kỳ cùng tháng (ít nhất 120 phút).'
        : `họp riêng vào ngày ${String(customs.thematic?.meetingDay ?? PLAN_DEFAULTS.thematicDay).padStart(2, '0')}, trùng ngày nghỉ thì lùi sang ngày làm việc kế tiếp.`),
    ' Không xếp lịch vào ngày nghỉ hằng tuần, ngày nghỉ lễ, Tết và những ngày chi bộ quy định không sinh hoạt.',
  ];
  return lines;
}

/**
 * The YAML text of a plan: the `$schema` line and a Vietnamese header, then the plan with each plain
 * sitting and each event on one line (flow style) and sittings with a topic in block style. Times are
 * quoted, so a YAML 1.1 reader cannot take 19:30 for a number.
 */
export function planYaml(plan: YearPlan, cell: CellProfile, options: PlanYamlOptions = {}): string {
  const doc = new Document(plan, { version: '1.2' });
  doc.commentBefore = header(plan, cell, options.schema ?? defaultSchemaComment('plan')).join('\n');
  for (const key of ['meetings', 'events']) {
    const seq = doc.get(key, true);
    if (!isSeq(seq)) continue;
    for (const item of seq.items) {
      if (!isMap(item)) continue;
      item.flow = key === 'events' || !item.has('topic');
      for (const pair of item.items) {
        const k = isScalar(pair.key) ? pair.key.value : undefined;
        if ((k === 'start' || k === 'end') && isScalar(pair.value)) pair.value.type = Scalar.QUOTE_DOUBLE;
      }
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/**
 * A unified diff from the file at `path` (empty when it does not exist) to `text`; the empty string when
 * they are the same. `label` names the file in the diff header.
 */
export function planDiff(path: string, text: string, label: string): string {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (old === text) return '';
  return createTwoFilesPatch(existsSync(path) ? label : '/dev/null', label, old, text, 'hiện có', 'kế hoạch mới');
}

/** Write the plan text atomically; an existing file is replaced only with `force` (else an InputError). */
export function writePlan(path: string, text: string, force: boolean): void {
  writeAtomic(path, Buffer.from(text, 'utf8'), force);
}
