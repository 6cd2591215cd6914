// Stub meeting records for the planned sittings of a year: YAML skeletons for the clerk to fill in (stub: true).
import { Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { CellProfile, ClockTime, MeetingKind, Member, PlannedMeeting } from '../model.js';
import { stepCatalogue } from '../rules/profiles.js';
import { isActiveOn, rosterFor, statusOn } from '../rules/roster.js';
import type { ProcedureStep } from '../rules/types.js';
import { minutesOf, quarterOf, ymd, clockOf } from '../util/time.js';
import { romanNumeral } from '../util/vi-date.js';
import { shortDate, partyMonth } from '../util/vi-date.js';
import { defaultSchemaComment } from '../schema/workspace.js';

/** The first line of every record: VS Code's YAML extension validates and documents the file with it. */
/** Length of a sitting when the plan gives a start but no end (the hd42-2025 minimums). */
const DEFAULT_MINUTES: Record<MeetingKind, number> = { regular: 90, thematic: 90, combined: 120 };
/** Placeholder of the minute-taker: a text, so the record stays schema-valid until it is filled in. */
const SECRETARY_PLACEHOLDER = '(ghi họ tên thư ký)';

/** The procedures of a rules profile: `profile.rules['meeting-steps'].options.procedures`. */
export type Procedures = Readonly<Record<MeetingKind, readonly ProcedureStep[]>>;

/**
 * Start and end (`HH:MM`) of a planned sitting: the plan's own, else the cell's usual time, with the end
 * from the cell's usual length (a combined sitting at least 120 minutes); undefined when no time is known.
 */
export function plannedTimes(planned: PlannedMeeting, cell: CellProfile): { start: ClockTime; end: ClockTime } | undefined {
  const start = planned.start ?? cell.customs?.time;
  if (start === undefined) return undefined;
  if (planned.end !== undefined) return { start, end: planned.end };
  const usual = cell.customs?.durationMinutes;
  const minutes =
    planned.kind === 'combined' ? Math.max(DEFAULT_MINUTES.combined, usual ?? 0) : (usual ?? DEFAULT_MINUTES[planned.kind]);
  const end = (minutesOf(start) + minutes) % (24 * 60);
  return { start, end: clockOf(end) };
}

/**
 * File name of the stub of a planned sitting, as the example cell names its records: `2027-03.yaml` for a
 * regular or combined sitting, `2027-03-chuyen-de.yaml` for a separate thematic session.
 */
export function stubFileName(planned: PlannedMeeting): string {
  const month = planned.date.slice(0, 7);
  return planned.kind === 'thematic' ? `${month}-chuyen-de.yaml` : `${month}.yaml`;
}

/**
 * The YAML text of a stub record for a planned sitting: `stub: true`, `status: draft`, date, times and
 * place from the plan, the topic of a thematic or combined sitting, the bí thư in the chair, a placeholder
 * for the minute-taker, every member of the cell on that date as present, and the required steps of the
 * kind in order with empty contents. Each file starts with the `$schema` line and a comment saying how to
 * finish it.
 */
export function meetingStub(planned: PlannedMeeting, cell: CellProfile, procedures: Procedures, schema = defaultSchemaComment('meeting')): string {
  const procedure = procedures[planned.kind];
  if (!procedure) throw new Error(`no procedure for meetings of kind "${planned.kind}" in the rules profile`);
  const active = cell.members.filter((m) => isActiveOn(m, planned.date));
  const secretary = byRole(active, 'secretary');
  const deputy = byRole(active, 'deputy-secretary');
  const chair = secretary ?? deputy;
  const suggested = byRole(active, 'committee-member') ?? (chair === deputy ? undefined : deputy);
  const times = plannedTimes(planned, cell);
  const place = planned.place ?? cell.customs?.place;
  const resolved = planned.presenter === undefined ? undefined : rosterFor(cell).resolve(planned.presenter);
  const presenter = resolved?.kind === 'member' ? resolved.member.name : undefined;

  const root = new YAMLMap();
  const doc = new Document(root);
  const set = (key: string, value: string | boolean | Scalar | YAMLMap | YAMLSeq, comment?: string): void => {
    const node = typeof value === 'object' ? value : new Scalar(value);
    if (comment !== undefined) node.comment = comment;
    root.add(doc.createPair(key, node));
  };
  const quoted = (value: string): Scalar => {
    const s = new Scalar(value);
    s.type = Scalar.QUOTE_DOUBLE; // "19:30" quoted as in the examples: a YAML 1.1 reader would take 19:30 for a number
    return s;
  };

  doc.commentBefore = [
    schema,
    ` Bản khung hồ sơ ${sittingName(planned)}, do cellctl plan tạo theo kế hoạch năm.`,
    ' Hãy ghi đủ: điểm danh (sửa "present" thành "excused" kèm lý do, hoặc "unexcused"), thư ký, nội dung',
    ' từng bước, ý kiến phát biểu, nghị quyết hoặc kết luận, biểu quyết. Khi hồ sơ đã hoàn chỉnh, xóa dòng',
    ' "stub: true" để cellctl kiểm tra như một hồ sơ chính thức.',
  ].join('\n');

  set('stub', true);
  set('kind', planned.kind);
  set('status', 'draft');
  set('date', planned.date);
  if (times) {
    set('start', quoted(times.start));
    set('end', quoted(times.end));
  } else {
    set('start', quoted('00:00'), ' ghi giờ bắt đầu');
    set('end', quoted('00:00'), ' ghi giờ kết thúc');
  }
  set('place', place ?? '(ghi địa điểm sinh hoạt)');
  set('chair', chair?.name ?? '(ghi họ tên đồng chí chủ trì)');
  set('secretary', SECRETARY_PLACEHOLDER, suggested ? ` gợi ý: đồng chí ${suggested.name}` : undefined);

  const attendance = new YAMLSeq();
  for (const member of active) {
    const entry = new YAMLMap();
    entry.flow = true;
    entry.add(doc.createPair('member', member.name));
    entry.add(doc.createPair('status', 'present'));
    if (statusOn(member, planned.date) === 'exempted') entry.comment = ' được miễn sinh hoạt: nếu vắng, ghi status: excused, reason: Miễn sinh hoạt';
    attendance.add(entry);
  }
  set('attendance', attendance);

  if (planned.kind !== 'regular') {
    const topic = new YAMLMap();
    topic.add(doc.createPair('title', planned.topic ?? '(ghi tên chuyên đề)'));
    topic.add(doc.createPair('presenter', planned.presenter ?? '(ghi người trình bày chuyên đề)'));
    set('topic', topic);
  }

  const catalogue = stepCatalogue();
  const steps = new YAMLSeq();
  for (const p of requiredSteps(procedure)) {
    const step = new YAMLMap();
    step.add(doc.createPair('step', p.step));
    // A member presents in person; a party group's presenter is named when the record is filled in.
    if (p.step === 'thematic-presentation' && presenter !== undefined) step.add(doc.createPair('presenter', presenter));
    step.add(doc.createPair('content', quoted('')));
    const title = catalogue[p.step]?.title;
    if (title !== undefined) step.commentBefore = ` ${title}`;
    steps.add(step);
  }
  set('steps', steps);

  return doc.toString({ lineWidth: 0 });
}

/** The steps a record must hold, in order: optional ones left out, one of each group of alternatives (the first). */
export function requiredSteps(procedure: readonly ProcedureStep[]): ProcedureStep[] {
  const groups = new Set<string>();
  return procedure.filter((p) => {
    if (p.level === 'optional') return false;
    if (p.group === undefined) return true;
    if (groups.has(p.group)) return false;
    groups.add(p.group);
    return true;
  });
}

function byRole(members: Member[], role: Member['role']): Member | undefined {
  return members.find((m) => m.role === role);
}

/** `sinh hoạt chi bộ thường kỳ tháng 3/2027`, `sinh hoạt chuyên đề quý I năm 2027`… for the comment header. */
export function sittingName(planned: PlannedMeeting): string {
  const { month, year } = ymd(planned.date);
  const monthText = `${partyMonth(month)}/${year}`;
  const quarter = `quý ${romanNumeral(quarterOf(month))} năm ${year}`;
  if (planned.kind === 'regular') return `sinh hoạt chi bộ thường kỳ tháng ${monthText}`;
  if (planned.kind === 'thematic') return `sinh hoạt chuyên đề ${quarter} (ngày ${shortDate(planned.date)})`;
  return `sinh hoạt chi bộ thường kỳ tháng ${monthText} kết hợp sinh hoạt chuyên đề`;
}
