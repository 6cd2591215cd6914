// render(): validated meeting records in, signed-off (or draft) .docx minutes and resolutions out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import type { Lang } from '../messages/format.js';
import { messageText } from '../messages/lookup.js';
import { collect, type CellGroup } from '../lint/collect.js';
import { readValidated } from '../lint/load.js';
import type { FileResult, Problem } from '../lint/problem.js';
import { validate, type ValidateOptions } from '../lint/validate.js';
import type { CellProfile, MeetingRecord, RuleOverrides } from '../model.js';
import { loadRulesFile } from '../lint/rules-file.js';
import { ruleOptions } from '../rules/profiles.js';
import { getRule } from '../rules/registry.js';
import { readSource } from '../source/read.js';
import { parseYaml } from '../source/yaml.js';
import type { DocumentBlocks } from './blocks.js';
import { buildAll, buildBlocks } from './build.js';
import { draftView } from './draft-view.js';
import { resolveLayout, type Layout } from './layout.js';
import { docxToPdf } from './pdf.js';
import { sameFileKey, windowsSafeName } from '../util/file-names.js';
import { lexists, sha256, writeAll, type OutputFile } from './write.js';

/** Which documents of a record to produce: the minutes, the resolution, the quality sheet (phiếu đánh giá). */
export type DocumentKindName = 'minutes' | 'resolution' | 'score-sheet';

/** Options of render(). */
export interface RenderOptions extends Pick<ValidateOptions, 'cwd' | 'asOf' | 'lang' | 'rules' | 'rulesFile' | 'maxFileBytes'> {
  /** Output folder (default `out`, relative to cwd). */
  out?: string;
  /** Only the minutes, only the resolution, or only the quality sheet. */
  only?: DocumentKindName;
  /** Render records with error-level problems too, marked DỰ THẢO. */
  draft?: boolean;
  /** Replace existing output files. */
  force?: boolean;
  /** A folder of templates overriding the shipped ones, file by file. */
  templates?: string;
  /** Path to LibreOffice's soffice: also write a PDF of each document. */
  pdfWith?: string;
  /** Threads for building documents (default: the number of CPU cores). */
  jobs?: number;
}

/** One file written. */
export interface RenderedFile {
  /** Output path, relative to cwd when the output folder was given relative. */
  file: string;
  sha256: string;
  kind: DocumentKindName;
  format: 'docx' | 'pdf';
  draft: boolean;
  /** The record it came from. */
  source: string;
}

/** An output name changed so that Windows accepts it (`: * ? " < > |`, trailing dots, CON, NUL…). */
export interface RenamedOutput {
  /** The record it came from. */
  source: string;
  /** The name as the record's file name would have made it. */
  from: string;
  /** The name written. */
  to: string;
}

/** What render() did: files written, and records refused with the problems that stopped them. */
export interface RenderResult {
  files: RenderedFile[];
  refused: FileResult[];
  /** Output names replaced to be valid on Windows. */
  renamed: RenamedOutput[];
}

/** Output files already exist and `force` was not given: nothing was written. */
export class OutputExistsError extends InputError {
  constructor(
    message: string,
    /** The files that exist (absolute paths). */
    readonly existing: string[],
    en?: string,
  ) {
    super(message, en);
  }
}

const FILE_SUFFIX: Record<DocumentKindName, string> = { minutes: 'bien-ban', resolution: 'nghi-quyet', 'score-sheet': 'phieu-danh-gia' };

interface Job {
  excusedAbsentCount: boolean;
  scoreSheet: Record<string, number>;
  source: string;
  kind: DocumentKindName;
  out: string;
  meeting: MeetingRecord;
  cell: CellProfile;
  layout: Layout;
  draft: boolean;
}

/** Outcome sections a draft prints as blanks whatever the record holds. */
const OUTCOMES = ['vote', 'dues', 'score', 'conclusion'] as const;

/**
 * A record as its draft prints it: `cellctl new` leaves the outcomes empty (vote, dues, score, each step's
 * text, the result of last month's tasks), which a draft leaves blank anyway. The outcome sections are left
 * out and the rest laid out by draftView(); undefined when even that is no record (then its problems are
 * listed as for any record).
 */
function loadDraft(abs: string): MeetingRecord | undefined {
  const read = readSource(abs);
  if (!read.ok) return undefined;
  const parsed = parseYaml(read.text);
  if (parsed.fatal || !isRecord(parsed.data)) return undefined;
  const raw: Record<string, unknown> = { ...parsed.data };
  for (const key of OUTCOMES) delete raw[key];
  // The page's preview lays a draft out the same way: blanks printed as blanks, a resolution whose assessment
  // and tasks are still to write kept as a form to fill (dropping the empty parts would drop the resolution).
  return draftView(raw);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The data of a file that parses and passes its schema, else undefined. */
function loadValid<T>(abs: string, kind: 'cell' | 'meeting'): T | undefined {
  const r = readValidated(abs, kind);
  return r.ok ? (r.data as T) : undefined;
}

/**
 * Render meeting records (files, or every record under the folders given). A record whose own file has
 * error-level problems is refused unless `draft`; a record whose status is draft always renders as a
 * draft. A path that does not exist stops the run (InputError). Output names are planned first: each
 * cell of several gets its own sub-folder, records in sub-folders below `meetings/` keep them, names
 * Windows refuses are replaced, and two documents that would land on one file (also when they differ only
 * in case) stop the run. Then every document (and PDF) is built in memory, and all files are written or
 * none; existing files are kept unless `force`.
 */
export async function render(paths: readonly string[], options: RenderOptions = {}): Promise<RenderResult> {
  const cwd = options.cwd ?? resolve('.');
  const { groups, missing } = collect(paths, cwd);
  if (missing.length > 0) {
    throw new InputError(
      `không tìm thấy (not found): ${missing.join(', ')}\nHãy kiểm tra lại đường dẫn tới hồ sơ hoặc thư mục chi bộ; chưa ghi tệp nào.`,
    );
  }
  const validation = await validate(paths, { ...options, cwd, jobs: 1 });
  const problemsOf = new Map(validation.results.map((r) => [r.file, r.problems]));
  const withMeetings = groups.filter((g) => g.files.some((f) => f.kind === 'meeting'));
  const outRoot = resolve(cwd, options.out ?? 'out');
  // The same layers the validator used, so the printed vote sentence counts voters as it did.
  const committeeRules = options.rulesFile ? loadRulesFile(options.rulesFile, cwd, options.lang ?? 'vi') : options.rules;
  const refused: FileResult[] = [];
  const renamed: RenamedOutput[] = [];
  const jobs: Job[] = [];

  // Several cells rendered at once each get their own folder, named by the cell folder's path below the
  // folders they share (a/chi-bo and b/chi-bo → a/chi-bo, b/chi-bo), so their 2026-06 documents never meet.
  const roots = withMeetings.flatMap((g) => (g.root ? [g.root] : []));
  const base = roots.length > 1 ? commonFolder(roots.map((r) => dirname(r))) : undefined;
  const cellErrors = await cellErrorsOf(withMeetings, validation.results, options, cwd);
  for (const group of withMeetings) {
    const sub = base !== undefined && group.root ? relative(base, group.root).split(sep).filter(Boolean) : [];
    const ofCell = group.cellFile ? cellErrors.get(group.cellFile) : undefined;
    const before = refused.length;
    jobs.push(...plan(group, outRoot, sub, options, committeeRules, problemsOf, ofCell, refused, renamed));
    // The cell's own errors are listed once, under its file, after the records they stopped.
    if (ofCell && !options.draft && refused.length > before) refused.push(ofCell);
  }

  const display = (abs: string) => (isAbsolute(options.out ?? '') ? abs : relative(cwd, abs) || abs);
  const targets = jobs.flatMap((j) => [{ job: j, path: j.out }, ...(options.pdfWith ? [{ job: j, path: pdfPath(j.out) }] : [])]);
  refuseCollisions(targets, display);
  if (!options.force) {
    const existing = targets.map((t) => t.path).filter((p) => lexists(p));
    if (existing.length > 0) {
      const list = existing.map((p) => `  ${display(p)}`).join('\n');
      throw new OutputExistsError(`tệp đã có, không ghi đè khi không có --force:\n${list}`, existing, `files exist; use --force to overwrite them:\n${list}`);
    }
  }

  const bytes = await buildAll(
    jobs.map((j) => ({
      kind: j.kind,
      meeting: j.meeting,
      cell: j.cell,
      layout: j.layout,
      draft: j.draft,
      excusedAbsentCount: j.excusedAbsentCount,
      scoreSheet: j.scoreSheet,
      ...(options.templates ? { templates: options.templates } : {}),
    })),
    options.jobs,
  );

  // Everything, PDFs included, exists in memory before the first file is written.
  const outputs: (OutputFile & { file: RenderedFile })[] = [];
  for (const [i, job] of jobs.entries()) {
    const docx = bytes[i]!;
    const common = { kind: job.kind, draft: job.draft, source: job.source };
    outputs.push({ path: job.out, bytes: docx, display: display(job.out), file: { file: display(job.out), sha256: sha256(docx), format: 'docx', ...common } });
    if (options.pdfWith) {
      const pdf = await pdfOf(docx, basename(job.out), options.pdfWith, display(job.out));
      const at = pdfPath(job.out);
      outputs.push({ path: at, bytes: pdf, display: display(at), file: { file: display(at), sha256: sha256(pdf), format: 'pdf', ...common } });
    }
  }
  writeAll(outputs, options.force ?? false);
  return { files: outputs.map((o) => o.file), refused, renamed };
}

/**
 * The error-level problems of each cell.yaml whose records are rendered, by its absolute path: from the
 * validation already run when the cell file was among the inputs, else from validating it now (a record
 * named alone is validated without its cell, yet the cell decides who signs, who counts and who votes).
 */
async function cellErrorsOf(
  groups: CellGroup[],
  results: FileResult[],
  options: RenderOptions,
  cwd: string,
): Promise<Map<string, FileResult>> {
  const byAbs = new Map(results.map((r) => [resolve(cwd, r.file), r]));
  const out = new Map<string, FileResult>();
  for (const group of groups) {
    const cellFile = group.cellFile;
    if (!cellFile || out.has(cellFile)) continue;
    let result = byAbs.get(cellFile);
    if (!result) {
      const shown = relative(cwd, cellFile);
      const own = await validate([shown.startsWith('..') || isAbsolute(shown) ? cellFile : shown], { ...options, cwd, jobs: 1 });
      result = own.results.find((r) => resolve(cwd, r.file) === cellFile);
    }
    const errors = (result?.problems ?? []).filter((p) => p.severity === 'error' && !aboutTheYear(p));
    if (result && errors.length > 0) out.set(cellFile, { file: result.file, problems: errors });
  }
  return out;
}

/**
 * A year rule's finding placed on cell.yaml (a month without its record, a quarter without a thematic session):
 * it says what the year lacks, not who signs, counts or votes, so it never stops a sitting's documents.
 */
function aboutTheYear(p: Problem): boolean {
  return getRule(p.ruleId)?.scope === 'year';
}

function pdfPath(docx: string): string {
  return docx.replace(/\.docx$/i, '.pdf');
}

/** The deepest folder containing every one of `dirs`. */
function commonFolder(dirs: string[]): string {
  const split = dirs.map((d) => d.split(sep));
  const first = split[0]!;
  let n = 0;
  while (n < first.length && split.every((parts) => parts[n] === first[n])) n++;
  return first.slice(0, n).join(sep) || sep;
}

/** PDF bytes of a built document: LibreOffice converts a private copy, so nothing is written beside the output yet. */
async function pdfOf(docx: Uint8Array, name: string, soffice: string, shown: string): Promise<Uint8Array> {
  const work = mkdtempSync(join(tmpdir(), 'cellctl-docx-'));
  try {
    const copy = join(work, name);
    writeFileSync(copy, docx);
    try {
      return await docxToPdf(copy, soffice);
    } catch (e) {
      throw new InputError(
        `${shown}: LibreOffice không chuyển được sang PDF, nên chưa ghi tệp nào (PDF conversion failed; nothing written). ` +
          `Hãy chạy lại không có --pdf, hoặc kiểm tra LibreOffice. ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Stop before writing anything when two documents would be one file: the same path, or paths that differ
 * only in case or Unicode form (one file on Windows and macOS).
 */
function refuseCollisions(targets: { job: Job; path: string }[], display: (abs: string) => string): void {
  const byKey = new Map<string, { job: Job; path: string }[]>();
  for (const t of targets) {
    const key = sameFileKey(t.path);
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  const clashes = [...byKey.values()].filter((list) => list.length > 1);
  if (clashes.length === 0) return;
  throw new InputError(
    'Nhiều văn bản trùng một tên tệp, chưa ghi tệp nào (documents would overwrite each other; nothing written):\n' +
      clashes.map((list) => `  ${display(list[0]!.path)} ← ${list.map((t) => t.job.source).join(', ')}`).join('\n') +
      '\nTên văn bản lấy từ tên tệp hồ sơ (chữ hoa, chữ thường coi là một): hãy đổi tên một trong các hồ sơ trên.',
  );
}

/** The documents to build for one cell folder; records that cannot be rendered go to `refused`. */
function plan(
  group: CellGroup,
  outRoot: string,
  cellSub: string[],
  options: RenderOptions,
  committeeRules: RuleOverrides | undefined,
  problemsOf: Map<string, Problem[]>,
  cellErrors: FileResult | undefined,
  refused: FileResult[],
  renamed: RenamedOutput[],
): Job[] {
  const meetings = group.files.filter((f) => f.kind === 'meeting');
  const cell = group.cellFile ? loadValid<CellProfile>(group.cellFile, 'cell') : undefined;
  const jobs: Job[] = [];
  for (const input of meetings) {
    const errors = (problemsOf.get(input.display) ?? []).filter((p) => p.severity === 'error');
    // The cell's names and roster are on every page: without a valid profile nothing can be rendered.
    if (!cell) {
      refused.push({ file: input.display, problems: [noCellProblem(input.display, group.cellFile, options.lang ?? 'vi'), ...errors] });
      continue;
    }
    // An error in the cell decides who signs, who is counted and who votes: no final document from it.
    if (cellErrors && !options.draft) {
      refused.push({ file: input.display, problems: [noCellProblem(input.display, cellErrors.file, options.lang ?? 'vi'), ...errors] });
      continue;
    }
    // HD 42 posts the draft resolution before the sitting: a record just made by `cellctl new`, its outcome
    // fields still empty, prints as a draft without the user filling them first.
    const meeting = loadValid<MeetingRecord>(input.abs, 'meeting') ?? (options.draft ? loadDraft(input.abs) : undefined);
    // A record that is not even valid data cannot be laid out, draft or not.
    if (!meeting || (errors.length > 0 && !options.draft)) {
      refused.push({ file: input.display, problems: errors });
      continue;
    }
    // A stub is a sitting planned, not held: even when its day has not come (so validate has nothing to
    // say), only --draft prints it.
    if (meeting.stub === true && !options.draft) {
      refused.push({ file: input.display, problems: errors.length > 0 ? errors : [stubProblem(input.display, meeting.date, options.lang ?? 'vi')] });
      continue;
    }
    // --draft marks every document it prints DỰ THẢO, an adopted record's too: it is what gets posted before the meeting.
    const draft = options.draft === true || meeting.status === 'draft' || errors.length > 0 || cellErrors !== undefined;
    const settings = documentSettings(cell, meeting, committeeRules);
    const stem = basename(input.abs, extname(input.abs));
    const kinds: DocumentKindName[] = options.only ? [options.only] : ['minutes', 'resolution', 'score-sheet'];
    for (const kind of kinds) {
      if (!hasDocument(kind, meeting, draft)) continue;
      const wanted = [...cellSub, ...recordSub(group.root, input.abs), `${stem}-${FILE_SUFFIX[kind]}.docx`];
      const safe = wanted.map(windowsSafeName);
      if (safe.join('/') !== wanted.join('/')) renamed.push({ source: input.display, from: wanted.join('/'), to: safe.join('/') });
      jobs.push({ ...settings, source: input.display, kind, out: join(outRoot, ...safe), meeting, cell, draft });
    }
  }
  return jobs;
}

/** What a record's documents are built with besides the record: the vote's voters and the scoring sheet as the validator resolved them, the cell's layout. */
function documentSettings(cell: CellProfile, meeting: MeetingRecord, committeeRules: RuleOverrides | undefined) {
  const vote = ruleOptions<{ excusedAbsentCount?: boolean }>('vote-majority', cell, meeting.date, committeeRules, meeting.ruleset);
  return {
    excusedAbsentCount: vote.excusedAbsentCount !== false,
    scoreSheet: ruleOptions<{ criteria?: Record<string, number> }>('score-total', cell, meeting.date, committeeRules, meeting.ruleset).criteria ?? {},
    layout: resolveLayout(cell.layout as Parameters<typeof resolveLayout>[0]),
  };
}

/** Whether a record has this document: a resolution when it adopts one; the quality sheet when scored, and as a blank form in a draft of a regular meeting. */
export function hasDocument(kind: DocumentKindName, meeting: MeetingRecord, draft: boolean): boolean {
  if (kind === 'resolution') return Boolean(meeting.resolution);
  if (kind === 'score-sheet') return Boolean(meeting.score) || (draft && meeting.kind !== 'thematic');
  return true;
}

/** Options of recordBlocks(). */
export interface RecordBlocksOptions {
  /** Lay the record out as a draft (its status, a stub, `--draft`). */
  draft: boolean;
  /** The superior committee's overrides, as render()'s `rules`. */
  rules?: RuleOverrides;
  /** A folder of templates overriding the shipped ones, as render()'s `templates`. */
  templates?: string;
}

/**
 * One document of one (schema-valid) record as blocks, built exactly as render() builds it for the .docx:
 * the same settings, view model and templates. Undefined when the record has no such document.
 */
export function recordBlocks(
  kind: DocumentKindName,
  meeting: MeetingRecord,
  cell: CellProfile,
  options: RecordBlocksOptions,
): { doc: DocumentBlocks; layout: Layout } | undefined {
  if (!hasDocument(kind, meeting, options.draft)) return undefined;
  const settings = documentSettings(cell, meeting, options.rules);
  const doc = buildBlocks({ ...settings, kind, meeting, cell, draft: options.draft, ...(options.templates ? { templates: options.templates } : {}) });
  return { doc, layout: settings.layout };
}

/**
 * The record's sub-folders below its cell's `meetings/` (or below the cell folder), kept in the output so
 * meetings/2025/01.yaml and meetings/2026/01.yaml do not both become 01-bien-ban.docx.
 */
function recordSub(root: string | undefined, abs: string): string[] {
  if (!root) return [];
  const rel = relative(root, dirname(abs));
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return [];
  const parts = rel.split(sep).filter(Boolean);
  return parts[0] === 'meetings' ? parts.slice(1) : parts;
}

function noCellProblem(file: string, cellFile: string | undefined, lang: Lang): Problem {
  const messageId = cellFile ? 'renderCellInvalid' : 'renderNoCell';
  const data = cellFile ? { cellFile } : undefined;
  return {
    file, line: 1, column: 1, ruleId: 'cell-context', severity: 'error', messageId, path: '',
    ...(data ? { data } : {}),
    message: messageText('cell-context', messageId, data, lang),
  };
}

/** Why a stub record was not rendered. */
function stubProblem(file: string, date: string, lang: Lang): Problem {
  const data = { date };
  return {
    file, line: 1, column: 1, ruleId: 'record-complete', severity: 'error', messageId: 'stubNotRendered', path: '/stub', data,
    message: messageText('record-complete', 'stubNotRendered', data, lang),
  };
}
