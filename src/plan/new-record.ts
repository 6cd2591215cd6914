// The record of the next sitting, filled in from the plan, the roster and the previous record, with blanks to fill.
import { lstatSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { InputError } from '../errors.js';
import { collect } from '../lint/collect.js';
import { readValidated } from '../lint/load.js';
import type { RawProblem } from '../lint/problem.js';
import { messageText } from '../messages/lookup.js';
import type {
  AttendanceEntry,
  CellProfile,
  MeetingKind,
  MeetingRecord,
  Member,
  PlannedMeeting,
  RuleOverrides,
  YearPlan,
} from '../model.js';
import { writeAtomic } from '../render/write.js';
import { ruleOptions, stepCatalogue } from '../rules/profiles.js';
import { eligibleVoters, isActiveOn, rosterFor, statusOn } from '../rules/roster.js';
import { committeeRulesFor } from '../source/committee.js';
import { readSource } from '../source/read.js';
import { parseYaml } from '../source/yaml.js';
import { validateSchema } from '../schema/validator.js';
import { schemaComment, workspaceRoot, writeWorkspaceSchemas } from '../schema/workspace.js';
import { ymd } from '../util/time.js';
import { partyMonth, shortDate } from '../util/vi-date.js';
import { plannedTimes, requiredSteps, sittingName, stubFileName, type Procedures } from './stubs.js';


/** Steps whose record is a list of opinions rather than a text. */
const DISCUSSION_STEPS = new Set(['discussion', 'thematic-discussion']);

/** Options of newRecord. */
export interface NewRecordOptions {
  /** The sitting's date (YYYY-MM-DD); default: the first planned sitting that has no record yet. */
  date?: string;
  /** The kind of sitting; default: the plan's for that date, else `regular`. */
  kind?: MeetingKind;
  /** How messages name the cell folder (default: `cellDir` as given), e.g. the path the user typed. */
  display?: string;
  /** The folder a broken committee.yaml is named relative to in messages (default: the cell folder). */
  cwd?: string;
}

/** One thing left to fill in a new record (`count` for the things that come several at a time). */
export interface Remaining {
  what:
    | 'time'
    | 'place'
    | 'secretary'
    | 'topic'
    | 'presenter'
    | 'steps'
    | 'speakers'
    | 'reviewedTasks'
    | 'review'
    | 'nextTasks'
    | 'vote'
    | 'dues'
    | 'score';
  count?: number;
}

/** A new record ready to be written: where, its YAML text, and what the clerk still has to fill in. */
export interface NewRecord {
  /** Absolute path of the record (meetings/YYYY-MM.yaml, -chuyen-de for a separate thematic session). */
  path: string;
  text: string;
  remaining: Remaining[];
  /** The sitting the record is for. */
  sitting: PlannedMeeting;
  /** The record the chair, secretary, presenters and customs were taken from, if any (absolute path). */
  previous?: string;
  /** The path holds a stub from `plan --with-meetings`, which this record would replace (with force). */
  replacesStub: boolean;
  /** Where the schemas its `$schema` line points to are saved when it is written (see writeWorkspaceSchemas). */
  schemaRoot: string;
}

/** A record of the cell as found on disk: its file, and its data when it passes the schema. */
export interface FoundRecord {
  abs: string;
  date: string;
  kind: unknown;
  /** A stub from `plan --with-meetings`: the sitting still has no record. */
  stub: boolean;
  data?: MeetingRecord;
}

/**
 * The record of the next sitting of a cell, as far as the data allows: date, kind, times, place and topic
 * from the year plan; chair and secretary from the roster and the previous record; every member active on
 * the date present (exempted members as the previous record has them); the rules profile's required steps
 * in order with an empty content and a comment saying what belongs there; last month's tasks copied from
 * the previous resolution with their results to fill; skeletons of next month's tasks, the vote (with the
 * number of eligible voters), the dues and the score (with the scoring sheet). Blanks are `""` or empty, so
 * the record does not validate until they are filled. Nothing is written: see writeNewRecord.
 */
export function newRecord(cellDir: string, options: NewRecordOptions = {}): NewRecord {
  const shown = options.display ?? cellDir;
  const show = (abs: string) => join(shown, relative(cellDir, abs));
  let folder: ReturnType<typeof lstatSync> | undefined;
  try {
    folder = lstatSync(cellDir);
  } catch {
    folder = undefined;
  }
  if (!folder?.isDirectory() && !folder?.isSymbolicLink()) {
    throw new InputError(`${shown}: không có thư mục này; ghi đường dẫn thư mục chi bộ (có cell.yaml)`, `${shown}: no such folder`);
  }
  const cell = loadCell(cellDir, show);
  // The nearest committee.yaml above the cell may replace steps, scoring sheet and thresholds, as validate judges.
  const committee = committeeRulesFor([cellDir], options.cwd ?? cellDir, 'vi')[cellDir];
  const plans = loadPlans(cellDir, show);
  const records = loadRecords(cellDir);
  const sitting = chooseSitting(cell, plans, records, options, cellDir, shown);
  const previous = records
    .filter((r) => r.data !== undefined && r.data.stub !== true && r.date < sitting.date)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .at(-1);
  const path = join(previous ? dirname(previous.abs) : join(cellDir, 'meetings'), stubFileName(sitting));
  // Never the previous record's line: it may name an older version or a path that does not resolve here.
  const schemaRoot = workspaceRoot(cellDir);
  const schemaLine = schemaComment('meeting', path, schemaRoot);
  const fromPlan = plans.some((p) => p.meetings.some((m) => m.date === sitting.date));
  const { text, remaining } = buildRecord(sitting, cell, committee, records, previous?.data, schemaLine, fromPlan);
  const replacesStub = records.some((r) => r.stub && r.abs === path);
  return { path, text, remaining, sitting, replacesStub, schemaRoot, ...(previous ? { previous: previous.abs } : {}) };
}

/**
 * Write a new record atomically. An existing path (even a dangling link) is kept unless `force`; with
 * `force` only a regular file is replaced, never a folder or a link. `shown` names the file in messages.
 */
export function writeNewRecord(record: NewRecord, force: boolean, shown = record.path): void {
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(record.path);
  } catch {
    existing = undefined;
  }
  if (existing && !force && record.replacesStub) {
    throw new InputError(
      `${shown}: đang là bản khung do cellctl plan tạo; dùng --force để thay bằng hồ sơ điền sẵn này`,
      `${shown}: a stub written by cellctl plan; use --force to replace it with this filled-in record`,
    );
  }
  if (existing && !force) {
    throw new InputError(`${shown}: hồ sơ đã có; dùng --force để ghi đè`, `${shown}: the record exists; use --force to overwrite`);
  }
  if (existing && !existing.isFile()) {
    throw new InputError(`${shown}: không phải tệp thường, không ghi đè`, `${shown}: not a regular file; not replaced`);
  }
  // The schemas first: a record whose $schema line leads nowhere is not written.
  writeWorkspaceSchemas(record.schemaRoot);
  writeAtomic(record.path, Buffer.from(record.text, 'utf8'), force);
}

/** What remains to fill, as one short Vietnamese line: `Còn phải điền: nội dung 9 bước, biểu quyết, …`. */
export function remainingText(remaining: readonly Remaining[]): string {
  if (remaining.length === 0) return 'Không còn chỗ trống nào phải điền.';
  const words: Record<Remaining['what'], (n: number | undefined) => string> = {
    time: () => 'giờ bắt đầu, kết thúc',
    place: () => 'địa điểm',
    secretary: () => 'thư ký',
    topic: () => 'tên chuyên đề',
    presenter: () => 'người trình bày chuyên đề',
    steps: (n) => `nội dung ${n} bước`,
    speakers: () => 'ý kiến thảo luận',
    reviewedTasks: (n) => (n === undefined ? 'nhiệm vụ tháng trước (hồ sơ kỳ trước còn lỗi)' : `kết quả ${n} nhiệm vụ tháng trước`),
    review: () => 'ưu điểm, hạn chế',
    nextTasks: () => 'nhiệm vụ tháng tới',
    vote: () => 'biểu quyết',
    dues: () => 'đảng phí',
    score: () => 'chấm điểm',
  };
  return `Còn phải điền: ${remaining.map((r) => words[r.what](r.count)).join(', ')}`;
}

// ---------------------------------------------------------------------------------------------------
// Reading the cell

/** `file:line:column: message` of a problem that stops the command, in Vietnamese. */
function stopAt(file: string, p: RawProblem, hint: string): InputError {
  return new InputError(`${file}:${p.line}:${p.column}: ${messageText(p.ruleId, p.messageId, p.data, 'vi')}\n${hint}`);
}

/** The cell profile of a folder, schema-checked; an InputError naming its first problem otherwise. */
export function loadCell(cellDir: string, show: (abs: string) => string = (abs) => abs): CellProfile {
  const name = ['cell.yaml', 'cell.yml'].find((n) => exists(join(cellDir, n)));
  if (!name) throw new InputError(`${show(cellDir)}: không có cell.yaml; tạo bằng cellctl init`, `${show(cellDir)}: no cell.yaml; create one with cellctl init`);
  const abs = join(cellDir, name);
  const r = readValidated(abs, 'cell');
  if (!r.ok) throw stopAt(show(abs), r.problem, `Hồ sơ chi bộ chưa hợp lệ; chạy cellctl validate để xem đủ các lỗi (the cell profile is not valid)`);
  return r.data as CellProfile;
}

/** The year plans (plan-*.yaml) of a cell folder; an InputError naming the first problem of a broken one. */
export function loadPlans(cellDir: string, show: (abs: string) => string = (abs) => abs): YearPlan[] {
  const plans: YearPlan[] = [];
  for (const name of readdirSync(cellDir).sort()) {
    if (!/^plan-.*\.ya?ml$/i.test(name)) continue;
    const abs = join(cellDir, name);
    const r = readValidated(abs, 'plan');
    if (!r.ok) throw stopAt(show(abs), r.problem, `Kế hoạch năm chưa hợp lệ; sửa rồi chạy lại (the year plan is not valid)`);
    plans.push(r.data as YearPlan);
  }
  return plans;
}

/** Every meeting record under the cell folder with a date; its data only when it passes the schema. */
export function loadRecords(cellDir: string): FoundRecord[] {
  const out: FoundRecord[] = [];
  for (const f of collect([cellDir], cellDir).groups.flatMap((g) => g.files)) {
    if (f.kind !== 'meeting') continue;
    // The pipeline's own reader: a FIFO or a device is never opened, an oversized file never read whole.
    const read = readSource(f.abs);
    if (!read.ok) continue;
    const parsed = parseYaml(read.text);
    if (parsed.fatal || parsed.data === null || typeof parsed.data !== 'object') continue;
    const data = parsed.data as MeetingRecord;
    // A record with problems still tells which sitting it is for, so it is not written twice.
    if (typeof data.date !== 'string') continue;
    const valid = parsed.problems.length === 0 && validateSchema('meeting', data, parsed.locator).length === 0;
    out.push({ abs: f.abs, date: data.date, kind: data.kind, stub: data.stub === true, ...(valid ? { data } : {}) });
  }
  return out;
}

/** The sitting to write: the one of --date (planned or not), else the first planned one without a record. */
function chooseSitting(
  cell: CellProfile,
  plans: YearPlan[],
  records: FoundRecord[],
  options: NewRecordOptions,
  cellDir: string,
  shown: string,
): PlannedMeeting {
  const planned = plans.flatMap((p) => p.meetings).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (options.date !== undefined) {
    const onDate = planned.filter((m) => m.date === options.date);
    const match = onDate.find((m) => options.kind === undefined || m.kind === options.kind) ?? onDate[0];
    if (match) {
      if (options.kind === undefined || options.kind === match.kind) return match;
      // The clerk's kind wins over the plan's; a topic only belongs to a thematic or combined sitting.
      const { topic, presenter, ...rest } = match;
      return options.kind === 'regular' ? { ...rest, kind: 'regular' } : { ...rest, kind: options.kind, ...(topic ? { topic } : {}), ...(presenter ? { presenter } : {}) };
    }
    return { date: options.date, kind: options.kind ?? 'regular' };
  }
  // A stub from `plan --with-meetings` is no record yet: `new` offers to replace it (with --force).
  const has = (m: PlannedMeeting) => {
    const file = join(cellDir, 'meetings', stubFileName(m));
    return (
      records.some((r) => !r.stub && r.date === m.date && (r.kind === m.kind || r.kind === undefined)) ||
      (exists(file) && !records.some((r) => r.stub && r.abs === file))
    );
  };
  const from = cell.recordsFrom ?? '';
  const next = planned.find((m) => m.date.slice(0, 7) >= from && (options.kind === undefined || m.kind === options.kind) && !has(m));
  if (next) return next;
  if (planned.length === 0) {
    throw new InputError(
      `${shown}: chưa có kế hoạch năm (plan-YYYY.yaml); lập bằng cellctl plan ${shown} --year YYYY, hoặc ghi ngày họp bằng --date YYYY-MM-DD`,
      `${shown}: no year plan (plan-YYYY.yaml); make one with cellctl plan ${shown} --year YYYY, or give the date with --date YYYY-MM-DD`,
    );
  }
  const lastYear = Math.max(...plans.map((p) => p.year));
  throw new InputError(
    `${shown}: mọi buổi sinh hoạt trong kế hoạch đều đã có hồ sơ; lập kế hoạch năm ${lastYear + 1} (cellctl plan ${shown} --year ${lastYear + 1}) hoặc ghi ngày họp bằng --date YYYY-MM-DD`,
    `${shown}: every planned sitting has a record; plan ${lastYear + 1} (cellctl plan ${shown} --year ${lastYear + 1}) or give the date with --date YYYY-MM-DD`,
  );
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------
// Building the record

/** A `""` to fill, printed quoted so the blank is visible. */
function blank(comment?: string): Scalar {
  const s = new Scalar('');
  s.type = Scalar.QUOTE_DOUBLE;
  if (comment !== undefined) s.comment = comment;
  return s;
}

/** An empty value (a number, a yes/no, a date) to fill after the colon. */
function empty(comment?: string): Scalar {
  const s = new Scalar(null);
  if (comment !== undefined) s.comment = comment;
  return s;
}

function quoted(value: string): Scalar {
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_DOUBLE; // "19:30" quoted as in the examples: a YAML 1.1 reader would take 19:30 for a number
  return s;
}

/** The YAML text of the new record, and the list of what is left blank in it. */
function buildRecord(
  sitting: PlannedMeeting,
  cell: CellProfile,
  committee: RuleOverrides | undefined,
  records: FoundRecord[],
  previous: MeetingRecord | undefined,
  schemaLine: string,
  fromPlan: boolean,
): { text: string; remaining: Remaining[] } {
  const date = sitting.date;
  const roster = rosterFor(cell);
  const active = cell.members.filter((m) => isActiveOn(m, date));
  /** The roster name of a reference when it is a member active on the date. */
  const activeName = (ref: string | undefined): string | undefined => {
    if (ref === undefined) return undefined;
    const r = roster.resolve(ref);
    return r.kind === 'member' && isActiveOn(r.member, date) ? r.member.name : undefined;
  };
  const byRole = (role: Member['role']) => active.find((m) => m.role === role)?.name;
  const procedures = ruleOptions<{ procedures: Procedures }>('meeting-steps', cell, date, committee).procedures;
  const procedure = procedures[sitting.kind];
  if (!procedure) throw new InputError(`quy định không có quy trình cho loại buổi "${sitting.kind}"`, `no procedure for this kind`);

  const remaining: Remaining[] = [];
  const root = new YAMLMap();
  const doc = new Document(root, { version: '1.2' });
  const set = (key: string, value: unknown, comment?: string): void => {
    const node = value instanceof Scalar || value instanceof YAMLMap || value instanceof YAMLSeq ? value : new Scalar(value);
    if (comment !== undefined) node.comment = comment;
    root.add(doc.createPair(key, node));
  };

  const sources = [...(fromPlan ? ['kế hoạch năm'] : []), ...(previous ? ['hồ sơ kỳ trước'] : [])];
  const header = [
    schemaLine,
    ` Hồ sơ ${sittingName(sitting)}, do cellctl new lập${sources.length > 0 ? ` từ ${sources.join(' và ')}` : ''}.`,
    ' Ghi vào các chỗ trống ("" hoặc sau dấu hai chấm); sửa điểm danh nếu có đồng chí vắng (excused kèm reason,',
    ' hoặc unexcused). Chạy cellctl validate để biết còn thiếu gì; khi chi bộ đã thông qua, sửa status thành adopted.',
  ].join('\n');

  const kindKey = new Scalar('kind');
  kindKey.commentBefore = header;
  root.add(doc.createPair(kindKey, sitting.kind));
  set('status', 'draft', ' dự thảo; sửa thành adopted khi chi bộ đã thông qua biên bản');
  set('date', date);
  const times = plannedTimes(sitting, cell);
  if (times) {
    set('start', quoted(times.start));
    set('end', quoted(times.end));
  } else {
    set('start', empty(' giờ bắt đầu, dạng "19:30"'));
    set('end', empty(' giờ kết thúc, dạng "21:15"'));
    remaining.push({ what: 'time' });
  }
  const place = sitting.place ?? cell.customs?.place;
  if (place !== undefined) set('place', place);
  else {
    set('place', blank(' địa điểm sinh hoạt'));
    remaining.push({ what: 'place' });
  }
  // The bí thư chairs; the previous record's chair stands in when the cell has none on the roster.
  const chair = byRole('secretary') ?? activeName(previous?.chair) ?? byRole('deputy-secretary');
  set('chair', chair ?? blank(' họ tên đồng chí chủ trì'));
  const lastSecretary = activeName(previous?.secretary);
  const secretary = lastSecretary ?? byRole('committee-member');
  if (secretary !== undefined) set('secretary', secretary, lastSecretary ? undefined : ' gợi ý; sửa nếu chi bộ cử đồng chí khác');
  else {
    set('secretary', blank(' họ tên đồng chí thư ký'));
    remaining.push({ what: 'secretary' });
  }

  // Attendance: everyone present, exempted members as the cell recorded them last time.
  const before = new Map<string, AttendanceEntry>();
  for (const a of previous?.attendance ?? []) {
    const r = roster.resolve(a.member);
    if (r.kind === 'member') before.set(r.member.name, a);
  }
  const attendance = new YAMLSeq();
  const entries: AttendanceEntry[] = [];
  for (const member of active) {
    const entry = new YAMLMap();
    entry.flow = true;
    entry.add(doc.createPair('member', member.name));
    const last = before.get(member.name);
    if (statusOn(member, date) === 'exempted' && last?.status === 'excused' && last.reason !== undefined) {
      entry.add(doc.createPair('status', 'excused'));
      entry.add(doc.createPair('reason', last.reason));
      entry.comment = ' được miễn sinh hoạt; ghi như kỳ trước, sửa nếu đồng chí có mặt';
      entries.push({ member: member.name, status: 'excused', reason: last.reason });
    } else {
      entry.add(doc.createPair('status', 'present'));
      if (statusOn(member, date) === 'exempted') entry.comment = ' được miễn sinh hoạt: nếu vắng, ghi status: excused, reason: Miễn sinh hoạt';
      entries.push({ member: member.name, status: 'present' });
    }
    attendance.add(entry);
  }
  set('attendance', attendance);

  const isThematic = sitting.kind !== 'regular';
  const topicPresenter = sitting.presenter;
  const presenterMember = activeName(topicPresenter);
  if (isThematic) {
    const topic = new YAMLMap();
    topic.add(doc.createPair('title', sitting.topic ?? blank(' tên chuyên đề')));
    if (sitting.topic === undefined) remaining.push({ what: 'topic' });
    if (presenterMember !== undefined) topic.add(doc.createPair('presenter', presenterMember));
    else if (topicPresenter !== undefined) {
      const p = blank(` họ tên đồng chí thay mặt ${topicPresenter} trình bày (theo kế hoạch)`);
      topic.add(doc.createPair('presenter', p));
      remaining.push({ what: 'presenter' });
    } else {
      topic.add(doc.createPair('presenter', blank(' họ tên đồng chí trình bày chuyên đề')));
      remaining.push({ what: 'presenter' });
    }
    set('topic', topic);
  }

  // Steps: the profile's required ones in order; presenters as last time when still members.
  const catalogue = stepCatalogue();
  // Presenters as in the previous record, then as in the last record of the same kind (a thematic
  // session's steps are not in last month's regular record).
  const sameKind = records
    .filter((r) => r.data !== undefined && r.data.stub !== true && r.date < date && r.data.kind === sitting.kind)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .at(-1)?.data;
  const lastPresenter = new Map<string, string>();
  for (const s of [...(previous?.steps ?? []), ...(sameKind?.steps ?? [])]) {
    const name = activeName(s.presenter);
    if (name !== undefined && !lastPresenter.has(s.step)) lastPresenter.set(s.step, name);
  }
  const steps = new YAMLSeq();
  let emptySteps = 0;
  let discussion = false;
  for (const p of requiredSteps(procedure)) {
    const step = new YAMLMap();
    step.add(doc.createPair('step', p.step));
    const presenter = p.step === 'thematic-presentation' ? presenterMember : lastPresenter.get(p.step);
    if (presenter !== undefined) step.add(doc.createPair('presenter', presenter));
    if (DISCUSSION_STEPS.has(p.step)) {
      const speech = new YAMLMap();
      speech.add(doc.createPair('speaker', blank(' họ tên đồng chí phát biểu')));
      speech.add(doc.createPair('opinion', blank(' tóm tắt ý kiến')));
      step.add(doc.createPair('speakers', seqOf(speech)));
      discussion = true;
    } else {
      step.add(doc.createPair('content', blank()));
      emptySteps++;
    }
    // One line from the step catalogue: the step's name, then what its content records.
    const info = catalogue[p.step];
    step.commentBefore = ` ${info?.title ?? p.step}${info?.hint ? ` — ghi: ${info.hint}` : ''}`;
    steps.add(step);
  }
  set('steps', steps);
  remaining.push({ what: 'steps', count: emptySteps });
  if (discussion) remaining.push({ what: 'speakers' });

  if (sitting.kind !== 'thematic') {
    addResolution(doc, root, sitting, cell, records, remaining);
    addVote(doc, root, cell, committee, { ...skeletonMeeting(sitting, entries) }, remaining);
    addDues(doc, root, active.length, previous, date, remaining);
    addScore(doc, root, cell, committee, date, remaining);
  }
  return { text: doc.toString({ lineWidth: 0, nullStr: '' }), remaining };
}

function seqOf(...items: YAMLMap[]): YAMLSeq {
  const seq = new YAMLSeq();
  for (const i of items) seq.add(i);
  return seq;
}

/** The record as validate will see it once filled, for counting eligible voters. */
function skeletonMeeting(sitting: PlannedMeeting, attendance: AttendanceEntry[]): MeetingRecord {
  return {
    kind: sitting.kind,
    status: 'draft',
    date: sitting.date,
    start: '00:00',
    end: '00:00',
    place: '',
    chair: '',
    secretary: '',
    attendance,
    steps: [],
  };
}

/** The number a resolution of `date` takes in the cell's sequence, and what it follows from. */
export interface NumberSuggestion {
  number: number;
  /** `after`: the last numbered resolution of the term (`previous`); `term`: the first of a term begun on
   * numbering.termStart; `start`: numbering.next, the number the cell gave when it began with cellctl mid-term;
   * `first`: the cell has no numbered resolution yet, so 1 is only a guess. */
  basis: 'after' | 'term' | 'start' | 'first';
  previous?: { number: number; date: string };
}

/** The next number after the numbered resolutions of `earlier` (date order, all before `date`). */
export function numberAfter(earlier: FoundRecord[], cell: Partial<CellProfile>, date: string): NumberSuggestion {
  const termStart = cell.numbering?.termStart;
  const last = earlier.filter((r) => r.data?.resolution?.number !== undefined).at(-1)?.data;
  const newTerm = termStart !== undefined && termStart <= date && (!last || last.date < termStart);
  if (newTerm) return { number: 1, basis: 'term' };
  if (last) return { number: last.resolution!.number! + 1, basis: 'after', previous: { number: last.resolution!.number!, date: last.date } };
  const start = cell.numbering?.next;
  if (start !== undefined) return { number: start, basis: 'start' };
  return { number: 1, basis: 'first' };
}

/**
 * The number the resolution of the record at `abs` (held on `date`) would take: one after the cell's last
 * numbered resolution before it, 1 at the start of a term. The page offers it; `new` writes it when sure.
 */
export function nextResolutionNumber(cellDir: string, abs: string, date: string): NumberSuggestion {
  const cell = loadCell(cellDir);
  const earlier = loadRecords(cellDir)
    .filter((r) => r.abs !== abs && r.data?.resolution !== undefined && !r.stub && r.date < date)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return numberAfter(earlier, cell, date);
}

/**
 * The resolution: its number after the last one of the term, last month's tasks copied from the previous
 * resolution with results to fill, and a skeleton of next month's tasks.
 */
function addResolution(
  doc: Document,
  root: YAMLMap,
  sitting: PlannedMeeting,
  cell: CellProfile,
  records: FoundRecord[],
  remaining: Remaining[],
): void {
  const byDate = (a: FoundRecord, b: FoundRecord) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  // When the last regular sitting's record has problems, an older resolution's tasks and number would be
  // wrong: nothing is copied until that record is fixed.
  const lastRegular = records.filter((r) => !r.stub && r.date < sitting.date && r.kind !== 'thematic').sort(byDate).at(-1);
  const broken = lastRegular !== undefined && lastRegular.data === undefined ? lastRegular : undefined;
  const earlier = broken ? [] : records.filter((r) => r.data?.resolution !== undefined && !r.stub && r.date < sitting.date).sort(byDate);
  const lastResolution = earlier.at(-1)?.data;
  const resolution = new YAMLMap();

  const next = broken ? undefined : numberAfter(earlier, cell, sitting.date);
  if (next && next.basis !== 'first') resolution.add(doc.createPair('number', next.number));

  const review = new YAMLMap();
  review.add(doc.createPair('strengths', blank(' ưu điểm')));
  review.add(doc.createPair('shortcomings', blank(' hạn chế')));
  remaining.push({ what: 'review' });
  const previousTasks = lastResolution?.resolution?.tasks ?? [];
  if (previousTasks.length > 0) {
    const tasks = new YAMLSeq();
    for (const t of previousTasks) {
      const item = new YAMLMap();
      item.add(doc.createPair('task', t.task));
      item.add(doc.createPair('result', blank(' kết quả thực hiện')));
      item.add(doc.createPair('done', empty(' true nếu hoàn thành, false nếu chưa')));
      item.commentBefore = ` phụ trách: ${t.owner}${t.deadline ? `, thời hạn ${shortDate(t.deadline)}` : ''}`;
      tasks.add(item);
    }
    review.add(doc.createPair('tasks', tasks));
    remaining.push({ what: 'reviewedTasks', count: previousTasks.length });
  }
  if (broken) remaining.push({ what: 'reviewedTasks' });
  const reviewKey = new Scalar('review');
  reviewKey.commentBefore = broken
    ? ` I. Đánh giá thực hiện nhiệm vụ tháng trước: hồ sơ ngày ${shortDate(broken.date)} (${basename(broken.abs)}) còn lỗi nên chưa chép được` +
      ' nhiệm vụ và số nghị quyết; sửa hồ sơ đó rồi chạy lại cellctl new --force'
    : lastResolution
      ? ` I. Đánh giá thực hiện Nghị quyết ngày ${shortDate(lastResolution.date)}: từng nhiệm vụ chép từ nghị quyết đó`
      : ' I. Đánh giá kết quả thực hiện nhiệm vụ tháng trước';
  resolution.add(doc.createPair(reviewKey, review));

  const task = new YAMLMap();
  task.add(doc.createPair('task', blank(' nhiệm vụ')));
  task.add(doc.createPair('owner', blank(' đồng chí hoặc tổ đảng phụ trách')));
  task.add(doc.createPair('deadline', empty(' thời hạn, dạng YYYY-MM-DD')));
  const tasksKey = new Scalar('tasks');
  tasksKey.commentBefore = ' II. Nhiệm vụ tháng tới: mỗi nhiệm vụ một mục task, owner, deadline';
  resolution.add(doc.createPair(tasksKey, seqOf(task)));
  remaining.push({ what: 'nextTasks' });
  root.add(doc.createPair('resolution', resolution));
}

function addVote(
  doc: Document,
  root: YAMLMap,
  cell: CellProfile,
  committee: RuleOverrides | undefined,
  meeting: MeetingRecord,
  remaining: Remaining[],
): void {
  const { excusedAbsentCount } = ruleOptions<{ excusedAbsentCount: boolean }>('vote-majority', cell, meeting.date, committee);
  const { eligible } = eligibleVoters(rosterFor(cell), meeting, excusedAbsentCount);
  const vote = new YAMLMap();
  vote.add(doc.createPair('for', empty(' số đồng chí tán thành')));
  vote.add(doc.createPair('against', empty(' số đồng chí không tán thành')));
  const key = new Scalar('vote');
  key.commentBefore =
    ` Biểu quyết: ${eligible} đồng chí có quyền biểu quyết theo điểm danh trên (đảng viên chính thức;` +
    ` dự bị, sinh hoạt tạm thời không biểu quyết); nghị quyết thông qua khi quá nửa tán thành`;
  root.add(doc.createPair(key, vote));
  remaining.push({ what: 'vote' });
}

function addDues(
  doc: Document,
  root: YAMLMap,
  members: number,
  previous: MeetingRecord | undefined,
  date: string,
  remaining: Remaining[],
): void {
  const { year, month } = ymd(date);
  const last = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const dues = new YAMLMap();
  dues.add(doc.createPair('paid', empty(` số đồng chí đã nộp (chi bộ có ${members} đồng chí)`)));
  const lastAmount = previous?.dues?.amount;
  dues.add(
    doc.createPair(
      'amount',
      empty(` số tiền (đồng), viết liền, không dấu chấm${lastAmount !== undefined ? `; kỳ trước: ${lastAmount}` : ''}`),
    ),
  );
  dues.add(doc.createPair('note', `Đảng phí tháng ${partyMonth(last.month)}/${last.year}`));
  root.add(doc.createPair('dues', dues));
  remaining.push({ what: 'dues' });
}

function addScore(
  doc: Document,
  root: YAMLMap,
  cell: CellProfile,
  committee: RuleOverrides | undefined,
  date: string,
  remaining: Remaining[],
): void {
  const sheet = ruleOptions<{ criteria?: Record<string, number> }>('score-total', cell, date, committee).criteria ?? {};
  const bands = ruleOptions<{ good: number; fair: number; average: number }>('score-rating', cell, date, committee);
  const score = new YAMLMap();
  if (Object.keys(sheet).length > 0) {
    const criteria = new YAMLMap();
    for (const [criterion, max] of Object.entries(sheet)) criteria.add(doc.createPair(criterion, empty(` tối đa ${max} điểm`)));
    score.add(doc.createPair('criteria', criteria));
  }
  // The sheet's maxima add up to the scale (100); without a sheet only the scale is known.
  const scale = Object.keys(sheet).length > 0 ? Object.values(sheet).reduce((a, b) => a + b, 0) : 100;
  score.add(doc.createPair('total', empty(` tổng điểm, tối đa ${scale}`)));
  score.add(
    doc.createPair(
      'rating',
      empty(` good (Tốt) từ ${bands.good} điểm, fair (Khá) từ ${bands.fair}, average (Trung bình) từ ${bands.average}, dưới nữa poor (Kém)`),
    ),
  );
  const key = new Scalar('score');
  key.commentBefore = ' Tự đánh giá, chấm điểm chất lượng buổi sinh hoạt theo phiếu chấm điểm';
  root.add(doc.createPair(key, score));
  remaining.push({ what: 'score' });
}
