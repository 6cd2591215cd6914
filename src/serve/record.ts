// The meeting form's server side: a record with what the form needs, live checking, and saving without loss.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { InputError } from '../errors.js';
import { problemPointer } from '../lint/engine.js';
import { validate } from '../lint/validate.js';
import type { CellProfile, MeetingRecord, RuleOverrides } from '../model.js';
import { loadCell, loadRecords, nextResolutionNumber, type NumberSuggestion } from '../plan/new-record.js';
import { replaceFile } from '../render/write.js';
import { ruleOptions, stepCatalogue } from '../rules/profiles.js';
import { eligibleVoters, isActiveOn, rosterFor } from '../rules/roster.js';
import { bundledSchemaText as schemaText } from '../schema/bundle.js';
import { schemaComment, withSchemaLine, workspaceRoot, writeWorkspaceSchemas } from '../schema/workspace.js';
import { committeeRulesFor } from '../source/committee.js';
import { applyData, dataOf } from './yaml-sync.js';

/** A problem as the page shows it: beside the field its JSON pointer names, and in the list. */
export interface PageProblem {
  path: string;
  /** The field the problem is about: `path`, or for a missing key the key itself (the form names it by its label). */
  field: string;
  /** The message's id and data, for the page to say a schema problem in the words of the form. */
  messageId: string;
  data?: Record<string, string | number>;
  message: string;
  severity: 'error' | 'warning';
  ruleId: string;
  line: number;
  column: number;
}

/** What the meeting form needs to build itself for one record. */
export interface RecordView {
  /** The record, relative to the cell folder, `/` separated. */
  path: string;
  text: string;
  /** SHA-256 of the text on disk: the version a save must start from. */
  hash: string;
  data: unknown;
  /** Members of the cell active on the record's date, by name. */
  roster: string[];
  /** Owners of a task who are not one member: the cell, its committee and its party groups (tổ đảng). */
  collectiveOwners: string[];
  /** Last month's tasks as the previous resolution set them (task text → owner and deadline), for the review. */
  previousTasks: Record<string, { owner: string; deadline?: string }>;
  /** Title of each step id, from the step catalogue. */
  steps: Record<string, string>;
  /** The scoring sheet (criterion → maximum) and the lowest totals of each rating, from the rules profile and the committee above the cell. */
  scoring: { criteria: Record<string, number>; thresholds: Record<string, number> };
  eligible: number | null;
  voters: Voters | null;
  problems: PageProblem[];
  /** The resolution's number in the cell's sequence, offered while the record has none (null: no resolution, or no date yet). */
  numberSuggestion: NumberSuggestion | null;
}

/** SHA-256 of a text, hex. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function asRecord(data: unknown): MeetingRecord | undefined {
  const d = data as Partial<MeetingRecord> | null;
  return d && typeof d === 'object' && typeof d.date === 'string' && Array.isArray(d.attendance) ? (d as MeetingRecord) : undefined;
}

/** The overrides of the nearest committee.yaml above a cell folder, as validate applies them. */
function committeeOf(cellDir: string): RuleOverrides | undefined {
  return committeeRulesFor([cellDir], cellDir, 'vi')[cellDir];
}

/** Members who may vote at a record: `eligible` as vote-majority counts them (the base of the majority), `present` of them at the sitting. */
export interface Voters {
  eligible: number;
  present: number;
}

/** Who may vote at this record, as vote-majority and vote-eligibility count them; null while the record cannot say. */
export function votersOf(root: string, data: unknown): Voters | null {
  const record = asRecord(data);
  if (!record) return null;
  try {
    const cell = loadCell(root);
    const { excusedAbsentCount } = ruleOptions<{ excusedAbsentCount: boolean }>('vote-majority', cell, record.date, committeeOf(root));
    const { eligible, eligiblePresent } = eligibleVoters(rosterFor(cell), record, excusedAbsentCount);
    return { eligible, present: eligiblePresent };
  } catch {
    return null;
  }
}

/**
 * Check a record's text with the whole cell, cross-file rules included, as if it were saved at `abs`
 * (nothing is written): validate reads the text from memory in place of the file.
 */
export async function checkText(root: string, abs: string, keys: string[], text: string, asOf: string): Promise<PageProblem[]> {
  const overrides = Object.fromEntries(keys.map((k) => [k, text]));
  const result = await validate([root], { asOf, cwd: root, overrides });
  const mine = result.results.filter((r) => keys.includes(r.file) || r.file === abs);
  return mine.flatMap((r) =>
    r.problems.map((p) => ({
      path: p.path, field: problemPointer(p), message: p.message, messageId: p.messageId, ...(p.data ? { data: p.data } : {}),
      severity: p.severity, ruleId: p.ruleId, line: p.line, column: p.column,
    })),
  );
}

/** The record at `abs` with everything its form needs. */
export async function recordView(root: string, abs: string, keys: string[], asOf: string): Promise<RecordView> {
  const text = readFileSync(abs, 'utf8');
  const data = dataOf(text);
  const cell = loadCell(root);
  const date = asRecord(data)?.date ?? asOf;
  const committee = committeeOf(root);
  const voters = votersOf(root, data);
  const score = ruleOptions<{ criteria?: Record<string, number> }>('score-total', cell, date, committee);
  const thresholds = ruleOptions<Record<string, number>>('score-rating', cell, date, committee);
  const steps = Object.fromEntries(Object.entries(stepCatalogue()).map(([id, info]) => [id, info.title]));
  return {
    path: relative(root, keys[0] ?? abs).split(/[\\/]/).join('/'),
    text,
    hash: hashText(text),
    data,
    roster: cell.members.filter((m) => isActiveOn(m, date)).map((m) => m.name),
    collectiveOwners: collectiveOwners(cell, date),
    previousTasks: previousTasks(root, abs, date),
    steps,
    scoring: { criteria: score.criteria ?? {}, thresholds },
    eligible: voters?.eligible ?? null,
    voters,
    problems: await checkText(root, abs, keys, text, asOf),
    numberSuggestion: suggestNumber(root, abs, data),
  };
}

/** Outcome of a save: written (the new version), or refused because the file changed since `base`. */
export type SaveOutcome =
  | { ok: true; hash: string; text: string }
  | { ok: false; current: string; hash: string; diff: string; theirs: unknown };

/** The top-level fields the meeting schema requires, read once from the schema itself. */
let requiredFields: string[] | undefined;
const required = () => (requiredFields ??= (JSON.parse(schemaText('meeting')) as { required: string[] }).required);

/**
 * Why `data` cannot replace the record `current` (a YAML text), or undefined when it can: it must be an
 * object (not null, a list or a text) that still has every required field the file has. A page that lost
 * its state sends `{}` or nothing, and writing that would wipe the record.
 */
function notARecord(current: string, data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return 'Chưa lưu: trang không gửi lên một hồ sơ (dữ liệu trống hoặc sai dạng); tệp trên đĩa giữ nguyên. Tải lại trang rồi sửa lại.';
  }
  const onDisk = dataOf(current);
  const had = onDisk !== null && typeof onDisk === 'object' ? required().filter((k) => Object.hasOwn(onDisk, k)) : [];
  const lost = had.filter((k) => !Object.hasOwn(data, k));
  if (lost.length === 0) return undefined;
  return `Chưa lưu: bản trang gửi lên thiếu ${lost.length} mục bắt buộc mà hồ sơ trên đĩa đang có (như ngày họp, thành phần dự họp); tệp trên đĩa giữ nguyên. Tải lại trang rồi sửa lại.`;
}

/** Whether a file may not be written: no write permission for anyone (as `chmod a-w` or "Read-only" leaves it). */
function readOnly(abs: string): boolean {
  // Checked on the mode itself: an administrator's process may write anything, and must still respect the lock.
  return (statSync(abs).mode & 0o222) === 0;
}

/**
 * Write `data` into the record at `abs` if the file is still the version `base` (its SHA-256): only what
 * changed is rewritten (comments and key order kept), through a temporary file renamed over the record so
 * a crash leaves the old file or the new one, never half of one; the file keeps its mode and owner. A file
 * changed on disk is not touched. Refused (InputError) when `data` is not a record, or the file is read-only.
 * With `cellDir`, the `$schema` line is set to this version's schemas in the workspace, written first, as
 * `cellctl new` does, so an old line (another version, an address that does not exist) is updated.
 */
export function saveRecord(abs: string, rel: string, base: string, data: unknown, cellDir?: string): SaveOutcome {
  const current = readFileSync(abs, 'utf8');
  const wrong = notARecord(current, data);
  if (wrong) throw new InputError(wrong);
  const hash = hashText(current);
  if (hash !== base) {
    const mine = applyData(current, data);
    return { ok: false, current, hash, theirs: dataOf(current), diff: createTwoFilesPatch(`${rel} (trên đĩa)`, `${rel} (trên trang)`, current, mine, '', '', { context: 2 }) };
  }
  if (readOnly(abs)) {
    throw new InputError(
      `Chưa lưu: tệp ${rel} đang ở chế độ chỉ đọc (đã khóa ghi), nên cellctl không ghi đè; tệp giữ nguyên. ` +
        'Nếu cần sửa, bỏ chế độ chỉ đọc của tệp (trong Thuộc tính của tệp, hoặc chmod u+w) rồi bấm Lưu lại.',
      `Not saved: ${rel} is read-only, so cellctl does not overwrite it. To edit it, make the file writable (chmod u+w) and save again.`,
    );
  }
  let text = applyData(current, data);
  if (cellDir !== undefined) {
    const root = workspaceRoot(cellDir);
    writeWorkspaceSchemas(root);
    text = withSchemaLine(text, schemaComment('meeting', abs, root));
  }
  try {
    replaceFile(abs, Buffer.from(text, 'utf8'), rel, () =>
      new InputError(
        `Chưa lưu: tệp ${rel} thuộc người dùng khác trên máy này; lưu sẽ đổi chủ của tệp nên cellctl không ghi. Hãy lưu từ tài khoản của người đó, hoặc nhờ họ chép tệp cho mình.`,
        `Not saved: ${rel} belongs to another user of this machine; saving would change its owner. Save from that account, or ask them to copy the file.`,
      ),
    );
  } catch (e) {
    // The CLI's wording of a full disk or unwritable folder, said as the page's: there is no --out to choose here.
    if (e instanceof InputError && !e.message.startsWith('Chưa lưu')) throw new InputError(`Chưa lưu: ${e.message.replace(/ \(--out\)/g, '')}`, e.en);
    throw e;
  }
  return { ok: true, hash: hashText(text), text };
}

/** The number to offer for the record's resolution, when it has a resolution and a date to place it by. */
function suggestNumber(root: string, abs: string, data: unknown): NumberSuggestion | null {
  const d = data as Partial<MeetingRecord> | null;
  if (!d || typeof d !== 'object' || d.resolution === undefined || typeof d.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d.date)) return null;
  try {
    return nextResolutionNumber(root, abs, d.date);
  } catch {
    return null; // a broken cell.yaml: the list of problems says so already
  }
}

/** Who may own a task besides one member: the cell, its committee (when it has one) and each party group in roster order. */
function collectiveOwners(cell: CellProfile, date: string): string[] {
  const groups = cell.members.filter((m) => isActiveOn(m, date) && m.group !== undefined).map((m) => m.group!.normalize('NFC'));
  const committee = cell.members.some((m) => isActiveOn(m, date) && (m.role === 'deputy-secretary' || m.role === 'committee-member'));
  return [...(committee ? ['Chi ủy'] : []), 'Chi bộ', ...new Set(groups)];
}

/** The tasks of the last resolution before `date` in the cell (the record itself left out), by task text. */
function previousTasks(cellDir: string, abs: string, date: string): Record<string, { owner: string; deadline?: string }> {
  const last = loadRecords(cellDir)
    .filter((r) => r.abs !== abs && r.date < date && r.data?.resolution?.tasks !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .at(-1);
  return Object.fromEntries(
    (last?.data?.resolution?.tasks ?? []).map((t) => [t.task, { owner: t.owner, ...(t.deadline ? { deadline: t.deadline } : {}) }]),
  );
}
