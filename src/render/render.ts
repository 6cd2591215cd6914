// render(): validated meeting records in, signed-off (or draft) .docx minutes and resolutions out.
import { existsSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { collect, type CellGroup } from '../lint/collect.js';
import { readValidated } from '../lint/load.js';
import type { FileResult, Problem } from '../lint/problem.js';
import { validate, type ValidateOptions } from '../lint/validate.js';
import type { CellProfile, MeetingRecord, RuleOverrides } from '../model.js';
import { loadRulesFile } from '../lint/rules-file.js';
import { ruleOptions } from '../rules/profiles.js';
import { buildAll } from './build.js';
import { resolveLayout, type Layout } from './layout.js';
import { docxToPdf } from './pdf.js';
import { sha256, writeAtomic } from './write.js';

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

/** What render() did: files written, and records refused with the problems that stopped them. */
export interface RenderResult {
  files: RenderedFile[];
  refused: FileResult[];
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

/** The data of a file that parses and passes its schema, else undefined. */
function loadValid<T>(abs: string, kind: 'cell' | 'meeting'): T | undefined {
  const r = readValidated(abs, kind);
  return r.ok ? (r.data as T) : undefined;
}

/**
 * Render meeting records (files, or every record under the folders given). A record whose own file has
 * error-level problems is refused unless `draft`; a record whose status is draft always renders as a
 * draft. Every document is built in memory before the first file is written, and each file is written
 * atomically; existing files are kept unless `force`.
 */
export async function render(paths: readonly string[], options: RenderOptions = {}): Promise<RenderResult> {
  const cwd = options.cwd ?? resolve('.');
  const validation = await validate(paths, { ...options, cwd, jobs: 1 });
  const problemsOf = new Map(validation.results.map((r) => [r.file, r.problems]));
  const { groups } = collect(paths, cwd);
  const withMeetings = groups.filter((g) => g.files.some((f) => f.kind === 'meeting'));
  const outRoot = resolve(cwd, options.out ?? 'out');
  // The same layers the validator used, so the printed vote sentence counts voters as it did.
  const committeeRules = options.rulesFile ? loadRulesFile(options.rulesFile, cwd, options.lang ?? 'vi') : options.rules;
  const refused: FileResult[] = [];
  const jobs: Job[] = [];

  for (const group of withMeetings) {
    // Several cells rendered at once each get their own folder, so their 2026-06 documents do not collide.
    const outDir = withMeetings.length > 1 && group.root ? join(outRoot, basename(group.root)) : outRoot;
    jobs.push(...plan(group, outDir, options, committeeRules, problemsOf, refused));
  }

  const display = (abs: string) => (isAbsolute(options.out ?? '') ? abs : relative(cwd, abs) || abs);
  if (!options.force) {
    const existing = jobs.flatMap((j) => [j.out, ...(options.pdfWith ? [pdfPath(j.out)] : [])]).filter((p) => existsSync(p));
    if (existing.length > 0) {
      throw new InputError(
        `tệp đã có, không ghi đè khi không có --force (files exist; use --force to overwrite):\n${existing.map((p) => `  ${display(p)}`).join('\n')}`,
      );
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
  const built = jobs.map((job, i) => ({ job, bytes: bytes[i]! }));

  const files: RenderedFile[] = [];
  for (const { job, bytes } of built) {
    writeAtomic(job.out, bytes, options.force ?? false);
    files.push({ file: display(job.out), sha256: sha256(bytes), kind: job.kind, format: 'docx', draft: job.draft, source: job.source });
    if (options.pdfWith) {
      const pdf = await docxToPdf(job.out, options.pdfWith);
      writeAtomic(pdfPath(job.out), pdf, options.force ?? false);
      files.push({ file: display(pdfPath(job.out)), sha256: sha256(pdf), kind: job.kind, format: 'pdf', draft: job.draft, source: job.source });
    }
  }
  return { files, refused };
}

function pdfPath(docx: string): string {
  return docx.replace(/\.docx$/i, '.pdf');
}

/** The documents to build for one cell folder; records that cannot be rendered go to `refused`. */
function plan(
  group: CellGroup,
  outDir: string,
  options: RenderOptions,
  committeeRules: RuleOverrides | undefined,
  problemsOf: Map<string, Problem[]>,
  refused: FileResult[],
): Job[] {
  const meetings = group.files.filter((f) => f.kind === 'meeting');
  const cell = group.cellFile ? loadValid<CellProfile>(group.cellFile, 'cell') : undefined;
  const jobs: Job[] = [];
  for (const input of meetings) {
    const errors = (problemsOf.get(input.display) ?? []).filter((p) => p.severity === 'error');
    // The cell's names and roster are on every page: without a valid profile nothing can be rendered.
    if (!cell) {
      refused.push({ file: input.display, problems: [noCellProblem(input.display, group.cellFile), ...errors] });
      continue;
    }
    const meeting = loadValid<MeetingRecord>(input.abs, 'meeting');
    // A record that is not even valid data cannot be laid out, draft or not.
    if (!meeting || (errors.length > 0 && !options.draft)) {
      refused.push({ file: input.display, problems: errors });
      continue;
    }
    // --draft marks every document it prints DỰ THẢO, an adopted record's too: it is what gets posted before the meeting.
    const draft = options.draft === true || meeting.status === 'draft' || errors.length > 0;
    const vote = ruleOptions<{ excusedAbsentCount?: boolean }>('vote-majority', cell, meeting.date, committeeRules, meeting.ruleset);
    const excusedAbsentCount = vote.excusedAbsentCount !== false;
    const scoreSheet = ruleOptions<{ criteria?: Record<string, number> }>('score-total', cell, meeting.date, committeeRules, meeting.ruleset).criteria ?? {};
    const layout = resolveLayout(cell.layout as Parameters<typeof resolveLayout>[0]);
    const stem = basename(input.abs, extname(input.abs));
    const kinds: DocumentKindName[] = options.only ? [options.only] : ['minutes', 'resolution', 'score-sheet'];
    for (const kind of kinds) {
      if (kind === 'resolution' && !meeting.resolution) continue;
      // The quality sheet of a scored meeting; a draft of a regular meeting gets it as a blank form.
      if (kind === 'score-sheet' && !meeting.score && !(draft && meeting.kind !== 'thematic')) continue;
      jobs.push({ excusedAbsentCount, scoreSheet, source: input.display, kind, out: join(outDir, `${stem}-${FILE_SUFFIX[kind]}.docx`), meeting, cell, layout, draft });
    }
  }
  return jobs;
}

function noCellProblem(file: string, cellFile: string | undefined): Problem {
  return {
    file,
    line: 1,
    column: 1,
    ruleId: 'cell-context',
    severity: 'error',
    messageId: cellFile ? 'cellInvalid' : 'noCell',
    ...(cellFile ? { data: { cellFile } } : {}),
    message: cellFile
      ? `Hồ sơ chi bộ ${cellFile} có lỗi; cần sửa trước khi in văn bản. (The cell profile has errors; fix it before rendering.)`
      : 'Không tìm thấy cell.yaml của chi bộ; cần hồ sơ chi bộ để in văn bản. (No cell.yaml: the cell profile is needed to render.)',
    path: '',
  };
}
