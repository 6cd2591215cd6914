// `cellctl init` and `cellctl plan`: a new cell folder, and the year plan of a cell from its profile.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { messageText } from '../messages/lookup.js';
import type { CellProfile, CellType, RuleOverrides, YearPlan } from '../model.js';
import { planYear } from '../plan/generate.js';
import { initCell } from '../plan/init.js';
import { planToIcs } from '../plan/ics.js';
import { planDocx } from '../plan/plan-docx.js';
import { meetingStub, stubFileName, type Procedures } from '../plan/stubs.js';
import { planDiff, planYaml, writePlan } from '../plan/write-plan.js';
import { schemaComment, workspaceRoot, writeWorkspaceSchemas } from '../schema/workspace.js';
import { writeAtomic } from '../render/write.js';
import { ruleOptions } from '../rules/profiles.js';
import { readValidated } from '../lint/load.js';
import { committeeRulesFor } from '../source/committee.js';
import { EXIT_OK, reportFailure } from './exit.js';
import type { CliIo } from './io.js';

/** Options of `cellctl init` as commander hands them over. */
export interface InitFlags {
  name: string;
  parent: string;
  place: string;
  type?: CellType;
  force?: boolean;
}

/** Options of `cellctl plan` as commander hands them over. */
export interface PlanFlags {
  year: number;
  dryRun?: boolean;
  force?: boolean;
  out?: string;
  /** Calendar file; `-` writes it to stdout. */
  ics?: string;
  /** The thematic plan document: `true` for `<cell>/ke-hoach-chuyen-de-YYYY.docx`, or the file to write. */
  docx?: boolean | string;
  /** Number of the thematic plan document (`3` → `Số 03-KH/CB`); else the plan file's `thematicPlan.number`. */
  number?: string;
  /** Date of issue of the thematic plan document (YYYY-MM-DD); else the plan file's `thematicPlan.date`. */
  date?: string;
  withMeetings?: boolean;
}

/** The cell profile of a folder, read and checked against the cell schema; an InputError otherwise. */
function loadCell(cellDir: string, shown: string): CellProfile {
  const name = ['cell.yaml', 'cell.yml'].find((n) => existsSync(join(cellDir, n)));
  if (!name) {
    throw new InputError(`${shown}: không có cell.yaml; tạo bằng cellctl init`, `${shown}: no cell.yaml; create one with cellctl init`);
  }
  const file = join(shown, name);
  const r = readValidated(join(cellDir, name), 'cell');
  if (!r.ok) {
    const p = r.problem;
    throw new InputError(
      `${file}:${p.line}:${p.column}: ${messageText(p.ruleId, p.messageId, p.data, 'vi')}\n` +
        `Hồ sơ chi bộ chưa hợp lệ; chạy cellctl validate ${shown} để xem đủ các lỗi`,
      `${file}:${p.line}:${p.column}: ${messageText(p.ruleId, p.messageId, p.data, 'en')}\n` +
        `The cell profile is not valid; run cellctl validate ${shown} to see every problem`,
    );
  }
  return r.data as CellProfile;
}

/** The plan file at `abs`, checked against the plan schema; an InputError naming the first problem otherwise. */
function loadPlan(abs: string, shown: string, year: number): YearPlan {
  const r = readValidated(abs, 'plan');
  if (!r.ok) {
    const p = r.problem;
    throw new InputError(
      `${shown}:${p.line}:${p.column}: ${messageText(p.ruleId, p.messageId, p.data, 'vi')}\n` +
        `Kế hoạch đã có chưa hợp lệ: sửa lỗi trên, hoặc lập lại kế hoạch bằng --force (mất các chỉnh sửa)`,
      `${shown}:${p.line}:${p.column}: ${messageText(p.ruleId, p.messageId, p.data, 'en')}\n` +
        `The existing plan is not valid: fix the problem above, or plan again with --force (its edits are lost)`,
    );
  }
  const plan = r.data as YearPlan;
  if (plan.year !== year) {
    throw new InputError(`${shown}: là kế hoạch năm ${plan.year}, không phải năm ${year}; kiểm tra --year hoặc --out`, `${shown}: the plan is for another year`);
  }
  return plan;
}

/** The procedures (steps of each kind) in force on a date for a cell, as the validator will check them. */
function proceduresOn(cell: CellProfile, date: string, committee: RuleOverrides | undefined): Procedures {
  return ruleOptions<{ procedures: Procedures }>('meeting-steps', cell, date, committee).procedures;
}

/**
 * Plan a year of a cell: write plan-YYYY.yaml (or --out), and with --ics, --docx and --with-meetings its
 * calendar, its thematic-plan document and a stub record per sitting. With --dry-run, print the diff the
 * plan would make and the files that would be written. Every output is checked before the first is written;
 * existing files are kept unless --force, and an existing meeting record is never replaced by a stub.
 */
export async function runPlan(dir: string, flags: PlanFlags, io: CliIo): Promise<number> {
  const env = io.env ?? {};
  try {
    const shown = dir.replace(/[\\/]+$/, '') || dir;
    const cellDir = resolve(io.cwd, dir);
    const cell = loadCell(cellDir, shown);
    // The nearest committee.yaml above the cell: its rule overrides shape the plan as validate will judge it.
    const committee = committeeRulesFor([cellDir], io.cwd, 'vi')[cellDir];
    const outShown = flags.out ?? join(shown, `plan-${flags.year}.yaml`);
    const out = resolve(io.cwd, outShown);
    const icsToStdout = flags.ics === '-';
    // With the calendar on stdout, the report of what was written goes to stderr.
    const report = icsToStdout ? io.stderr : io.stdout;
    if (typeof flags.docx === 'string' && !/\.docx$/iu.test(flags.docx)) {
      throw new InputError(`--docx ${flags.docx}: tên tệp kế hoạch phải có đuôi .docx, ví dụ --docx ke-hoach-chuyen-de-${flags.year}.docx`, `--docx ${flags.docx}: the file must end in .docx`);
    }
    if (flags.number !== undefined && !/^\d{1,3}$/u.test(flags.number.trim())) {
      throw new InputError(`--number ${flags.number}: số kế hoạch phải là một số, ví dụ --number 3 (in là Số 03-KH/CB)`, `--number ${flags.number}: a number is needed`);
    }

    // A plan already written may have been edited: asked only for its calendar, document or stubs, cellctl
    // keeps it and works from it. Planning anew (and replacing it) needs --force.
    const existing = existsSync(out) ? out : undefined;
    const companions = flags.ics !== undefined || flags.docx !== undefined || flags.withMeetings === true;
    const keepPlan = existing !== undefined && !flags.force && !flags.dryRun && companions;
    const plan = keepPlan
      ? loadPlan(out, outShown, flags.year)
      : planYear(cell, flags.year, { onWarning: (w) => io.stderr.write(`cảnh báo: ${w.message}\n`), ...(committee ? { committee } : {}) });
    const schemaRoot = workspaceRoot(cellDir);
    const text = planYaml(plan, cell, { schema: schemaComment('plan', out, schemaRoot) });

    // Everything to write besides the plan itself: [path shown, absolute path, bytes].
    const extra: [string, string, Uint8Array][] = [];
    const ics = flags.ics !== undefined ? planToIcs(plan, cell) : undefined;
    if (ics !== undefined && !icsToStdout) extra.push([flags.ics!, resolve(io.cwd, flags.ics!), Buffer.from(ics, 'utf8')]);
    if (flags.docx !== undefined && flags.docx !== false) {
      const docxShown = typeof flags.docx === 'string' ? flags.docx : join(shown, `ke-hoach-chuyen-de-${flags.year}.docx`);
      const number = flags.number?.trim() ?? (plan.thematicPlan?.number !== undefined ? String(plan.thematicPlan.number) : undefined);
      const date = flags.date ?? plan.thematicPlan?.date;
      const bytes = await planDocx(plan, cell, { ...(number !== undefined ? { number } : {}), ...(date !== undefined ? { date } : {}) });
      extra.push([docxShown, resolve(io.cwd, docxShown), bytes]);
    }
    const keptRecords: string[] = [];
    if (flags.withMeetings) {
      for (const planned of plan.meetings) {
        const name = join('meetings', stubFileName(planned));
        // A record that exists may already be filled in: it is never replaced by an empty stub.
        if (existsSync(join(cellDir, name))) keptRecords.push(join(shown, name));
        else extra.push([join(shown, name), join(cellDir, name), Buffer.from(meetingStub(planned, cell, proceduresOn(cell, planned.date, committee), schemaComment('meeting', join(cellDir, name), schemaRoot)), 'utf8')]);
      }
    }

    if (flags.dryRun) {
      const diff = planDiff(out, text, outShown);
      report.write(diff || `Không có thay đổi: ${outShown} (no changes)\n`);
      for (const [file] of extra) report.write(`sẽ ghi (would write): ${file}\n`);
      if (icsToStdout) io.stdout.write(ics!);
      return EXIT_OK;
    }
    if (!flags.force) {
      const taken = [...(keepPlan ? [] : [out]), ...extra.map(([, abs]) => abs)].filter((p) => existsSync(p));
      if (taken.length > 0) {
        const list = taken.map((p) => `  ${relative(io.cwd, p) || p}`).join('\n');
        throw new InputError(`tệp đã có, không ghi đè khi không có --force:\n${list}`, `files exist; use --force to overwrite them:\n${list}`);
      }
    }
    // The schemas first: no file is written with a $schema line that leads nowhere.
    if (!keepPlan || flags.withMeetings) writeWorkspaceSchemas(schemaRoot);
    if (!keepPlan) writePlan(out, text, flags.force ?? false);
    for (const [, abs, bytes] of extra) writeAtomic(abs, bytes, flags.force ?? false);
    if (icsToStdout) io.stdout.write(ics!);

    const regular = plan.meetings.filter((m) => m.kind !== 'thematic').length;
    const thematic = plan.meetings.filter((m) => m.kind !== 'regular').length;
    if (keepPlan) {
      report.write(`Giữ nguyên kế hoạch đã có (kept): ${outShown}; các tệp dưới đây lập theo kế hoạch này (lập lại kế hoạch: --force).\n`);
    } else {
      report.write(
        `Đã ghi ${outShown}: ${regular} kỳ sinh hoạt thường kỳ, ${thematic} chuyên đề, ${plan.events?.length ?? 0} mốc công việc.\n`,
      );
    }
    for (const [file] of extra) report.write(`Đã ghi ${file}\n`);
    for (const file of keptRecords) report.write(`Giữ nguyên hồ sơ đã có (kept): ${file}\n`);
    return EXIT_OK;
  } catch (e) {
    return reportFailure(e, io.stderr, Boolean(env.CELLCTL_DEBUG));
  }
}

/** Create a cell folder and print the files written. */
export function runInit(dir: string, flags: InitFlags, io: CliIo): number {
  try {
    const shown = dir.replace(/[\\/]+$/, '') || dir;
    const written = initCell(
      resolve(io.cwd, dir),
      { name: flags.name, parent: flags.parent, place: flags.place, ...(flags.type ? { type: flags.type } : {}) },
      flags.force ?? false,
    );
    for (const f of written) io.stdout.write(`${join(shown, f)}\n`);
    io.stdout.write(`Điền danh sách đảng viên vào ${join(shown, 'cell.yaml')} rồi chạy: cellctl validate ${shown}\n`);
    return EXIT_OK;
  } catch (e) {
    return reportFailure(e, io.stderr, Boolean(io.env?.CELLCTL_DEBUG));
  }
}
