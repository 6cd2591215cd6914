// `cellctl report` and `cellctl init --committee`: the committee's report in a chosen format, and a new committee.yaml.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Document } from 'yaml';
import type { CommitteeReport } from '../report/types.js';
import { committeeFileOf, report } from '../report/report.js';
import { numberTaken, readRegister, recordIssued, REGISTER_FILE } from '../report/register.js';
import { formatCsv } from '../report/format/csv.js';
import { formatTable } from '../report/format/table.js';
import { loadTemplates } from '../render/templates.js';
import { fileExists, writeAtomic } from '../render/write.js';
import { InputError, UsageError } from '../errors.js';
import { readOfficeSections } from '../report/office-sections.js';
import { reportRules } from '../source/committee.js';
import { loadRulesFile } from '../lint/rules-file.js';
import type { ReportViewOptions } from '../report/views/common.js';
import { EXIT_OK, EXIT_PROBLEMS, reportFailure } from './exit.js';
import type { CliIo } from './io.js';
import { makeStyle, wantsColor } from './style.js';
import { shortDate } from '../util/vi-date.js';
import { defaultSchemaComment, schemaComment, writeWorkspaceSchemas } from '../schema/workspace.js';

/** Options of `cellctl report` as commander hands them over. */
export interface ReportFlags {
  period?: string;
  asOf?: string;
  format: string;
  out?: string;
  force?: boolean;
  lang: 'vi' | 'en';
  rules?: string;
  /** The committee office's own templates folder (bao-cao.hbs), for --format docx. */
  templates?: string;
  /** The report's number for --format docx (`15` → `Số 15-BC/ĐU`); default the committee's next number. */
  number?: string;
  /** Date of issue for --format docx (YYYY-MM-DD); default --as-of. */
  date?: string;
  jobs?: number;
  color?: boolean;
}

/** Formats this module writes itself; the others (xlsx, html, docx) come from src/report/views. */
export const TEXT_FORMATS = ['table', 'json', 'csv'] as const;

/**
 * Exit code of a written report: 0 when every expected cell's records were there to count, 1 when the
 * picture is incomplete (a cell missing, unreadable, duplicated or unlisted), so a script can chase it.
 * A non-compliant cell is the report's content, not a failure of the run.
 */
export function reportExitCode(r: CommitteeReport): number {
  return r.cells.some((c) => c.status !== 'ok') ? EXIT_PROBLEMS : EXIT_OK;
}

/** Build the report and print or write it; returns the exit code. */
export async function runReport(paths: string[], flags: ReportFlags, io: CliIo): Promise<number> {
  const env = io.env ?? {};
  try {
    // Checked before any file is read: a binary report has nowhere to go without a file.
    if ((flags.format === 'xlsx' || flags.format === 'docx') && !flags.out) {
      throw new UsageError(
        `báo cáo dạng ${flags.format} là tệp nhị phân, không in ra màn hình được; hãy ghi vào tệp bằng --out, ví dụ --out bao-cao.${flags.format} (--out is required for ${flags.format})`,
      );
    }
    for (const [flag, value] of [['--number', flags.number], ['--date', flags.date]] as const) {
      if (value !== undefined && flags.format !== 'docx') {
        throw new UsageError(`${flag} chỉ dùng với --format docx (chỉ bản BÁO CÁO .docx mang số và ngày ban hành); bỏ ${flag} hoặc thêm --format docx`, `${flag} is only for --format docx`);
      }
    }
    if (flags.number !== undefined && !/^\d{1,4}$/u.test(flags.number.trim())) {
      throw new UsageError(`--number ${flags.number}: số báo cáo phải là một số, ví dụ --number 15 (in là Số 15-BC/ĐU)`, `--number ${flags.number}: a number is needed`);
    }
    if (flags.templates !== undefined && flags.format !== 'docx') {
      throw new UsageError(`--templates chỉ dùng với --format docx (các định dạng khác không in từ mẫu văn bản); bỏ --templates hoặc thêm --format docx`);
    }
    // A wrong folder stops the run before the cells are read, not after.
    const templatesDir = flags.templates === undefined ? undefined : resolve(io.cwd, flags.templates);
    if (templatesDir !== undefined) loadTemplates(templatesDir);
    const r = await report(paths, {
      cwd: io.cwd,
      lang: flags.lang,
      jobs: flags.jobs ?? availableParallelism(),
      ...(flags.period ? { period: flags.period } : {}),
      ...(flags.asOf ? { asOf: flags.asOf } : {}),
      ...(flags.rules ? { rulesFile: flags.rules } : {}),
    });
    let output: string | Uint8Array;
    let issue: Issue | undefined;
    if (flags.format === 'json') output = `${JSON.stringify(r, null, 2)}\n`;
    else if (flags.format === 'csv') output = formatCsv(r, flags.lang);
    else if (flags.format === 'table') {
      const colour = !flags.out && wantsColor(flags.color, io.stdout.isTTY, env);
      output = formatTable(r, flags.lang, makeStyle(colour));
    } else if (flags.format === 'html') {
      const { reportToHtml } = await import('../report/views/html.js');
      output = reportToHtml(r, { lang: flags.lang, ...committeeRules(paths, io.cwd, flags) });
    } else if (flags.format === 'xlsx' || flags.format === 'docx') {
      // The views load their libraries (exceljs, docx) only when asked for.
      if (flags.format === 'xlsx') {
        const { reportToXlsx } = await import('../report/views/xlsx.js');
        output = await reportToXlsx(r, { lang: flags.lang, ...committeeRules(paths, io.cwd, flags) });
      } else {
        const { reportToDocx } = await import('../report/views/docx.js');
        issue = issueOf(r, flags);
        // The signer comes with the report (from committee.yaml); the rules only colour.
        output = await reportToDocx(r, {
          ...committeeRules(paths, io.cwd, flags),
          ...(templatesDir ? { templatesDir } : {}),
          ...(paths[0] === undefined ? {} : { office: readOfficeSections(resolve(io.cwd, paths[0])) }),
          ...(issue.number !== undefined ? { number: String(issue.number) } : {}),
          date: issue.date,
        });
      }
    } else {
      throw new InputError(`định dạng ${flags.format} chưa có trong bản này`, `format ${flags.format} is not available in this build`);
    }
    if (flags.out) {
      writeAtomic(resolve(io.cwd, flags.out), typeof output === 'string' ? Buffer.from(output, 'utf8') : output, flags.force ?? false);
      io.stderr.write(`${flags.out}\n`);
      // Only a BÁO CÁO actually written takes its number from the sequence.
      if (issue) recordIssue(paths, r, issue, flags.out, io);
    } else if (typeof output === 'string') {
      io.stdout.write(output);
    } else {
      // A binary document on a terminal helps nobody.
      throw new InputError(`định dạng ${flags.format} cần --out TỆP`, `format ${flags.format} needs --out FILE`);
    }
    return reportExitCode(r);
  } catch (e) {
    return reportFailure(e, io.stderr, Boolean(env.CELLCTL_DEBUG));
  }
}

/** The number and date a BÁO CÁO is issued with. */
interface Issue {
  number?: number;
  date: string;
}

/**
 * The number (--number, else the committee's next) and date (--date, else --as-of) of a BÁO CÁO. A number the
 * register already gave another period's report is said on stderr, so two reports never share one silently.
 */
function issueOf(r: CommitteeReport, flags: ReportFlags): Issue {
  const number = flags.number !== undefined ? Number(flags.number.trim()) : r.numbering?.next;
  return { ...(number !== undefined ? { number } : {}), date: flags.date ?? r.asOf };
}

/** Write the issued report into the committee's register and warn about a number given twice. */
function recordIssue(paths: string[], r: CommitteeReport, issue: Issue, out: string, io: CliIo): void {
  const committeeFile = committeeFileOf(paths, io.cwd);
  if (!committeeFile || issue.number === undefined || !r.numbering) return;
  const dir = dirname(committeeFile);
  const setting = { code: r.numbering.code, ...(r.numbering.termStart ? { termStart: r.numbering.termStart } : {}) };
  const taken = numberTaken(readRegister(dir), setting, issue.number, r.period.label);
  if (taken) {
    io.stderr.write(
      `Cảnh báo: Số ${issue.number}-${setting.code} đã cấp cho báo cáo ${taken.period} ngày ${shortDate(taken.date)} (${REGISTER_FILE}); ` +
        `hai văn bản không được trùng số: bỏ --number để lấy số tiếp theo (${Math.max(r.numbering.next ?? 1, issue.number + 1)}) hoặc sửa ${REGISTER_FILE}.\n`,
    );
  }
  recordIssued(dir, { code: setting.code, number: issue.number, date: issue.date, period: r.period.label, file: relative(dir, resolve(io.cwd, out)).split(sep).join('/') }, setting.termStart);
  io.stderr.write(`${relative(io.cwd, join(dir, REGISTER_FILE)) || REGISTER_FILE}: Số ${issue.number}-${setting.code}\n`);
}

/**
 * The committee's rules (committee.yaml `overrides:` with `--rules` over them), for the thresholds the rich
 * views colour by. Found as report() finds it: in the folder named, or the nearest above.
 */
function committeeRules(paths: string[], cwd: string, flags: ReportFlags): ReportViewOptions {
  const first = paths[0];
  const flag = flags.rules ? loadRulesFile(flags.rules, cwd, flags.lang) : undefined;
  const rules = first === undefined ? flag : reportRules(resolve(cwd, first), flags.lang, flag);
  return rules ? { rules } : {};
}

/** Options of `cellctl init --committee`. */
export interface InitCommitteeFlags {
  name: string;
  parent: string;
  place: string;
  kind: 'ward' | 'commune' | 'special-zone' | 'workplace';
  force?: boolean;
}

/** The text of a new committee.yaml: the `$schema` line, then values serialised by the yaml library. */
export function committeeYaml(flags: InitCommitteeFlags, schema = defaultSchemaComment('committee')): string {
  const doc = new Document({
    name: flags.name.normalize('NFC'),
    kind: flags.kind,
    place: flags.place.normalize('NFC'),
    parent: flags.parent.normalize('NFC'),
    cells: [],
    members: [],
    assignments: [],
    numbering: { code: 'BC/ĐU', next: 1 },
  });
  doc.commentBefore =
    `${schema}\n` +
    ' Hồ sơ đảng ủy: liệt kê các chi bộ (folder: thư mục, name: tên đúng như cell.yaml), cấp ủy viên và phân công theo dõi.';
  return doc.toString({ lineWidth: 0 });
}

/** Write DIR/committee.yaml; never over an existing one without --force. */
export function runInitCommittee(dir: string, flags: InitCommitteeFlags, io: CliIo): number {
  try {
    const path = join(resolve(io.cwd, dir), 'committee.yaml');
    if (existsSync(path) && !flags.force) {
      throw fileExists(join(dir, 'committee.yaml'));
    }
    // The committee's folder holds the one copy of the schemas for it and every cell under it.
    writeWorkspaceSchemas(dirname(path));
    writeAtomic(path, Buffer.from(committeeYaml(flags, schemaComment('committee', path, dirname(path))), 'utf8'), flags.force ?? false);
    io.stdout.write(`${join(dir, 'committee.yaml')}\n`);
    return EXIT_OK;
  } catch (e) {
    return reportFailure(e, io.stderr, Boolean(io.env?.CELLCTL_DEBUG));
  }
}
