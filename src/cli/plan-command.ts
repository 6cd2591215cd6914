// `cellctl init` and `cellctl plan`: a new cell folder, and the year plan of a cell from its profile.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { messageText } from '../messages/lookup.js';
import type { CellProfile, CellType } from '../model.js';
import { planYear } from '../plan/generate.js';
import { initCell } from '../plan/init.js';
import { planToIcs } from '../plan/ics.js';
import { planDocx } from '../plan/plan-docx.js';
import { meetingStub, stubFileName, type Procedures } from '../plan/stubs.js';
import { planDiff, planYaml, writePlan } from '../plan/write-plan.js';
import { writeAtomic } from '../render/write.js';
import { ruleOptions } from '../rules/profiles.js';
import { readValidated } from '../lint/load.js';
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
  ics?: string;
  docx?: boolean;
  withMeetings?: boolean;
}

/** The cell profile of a folder, read and checked against the cell schema; an InputError otherwise. */
function loadCell(cellDir: string, shown: string): CellProfile {
  const name = ['cell.yaml', 'cell.yml'].find((n) => existsSync(join(cellDir, n)));
  if (!name) {
    throw new InputError(`${shown}: không có cell.yaml; tạo bằng cellctl init (no cell.yaml; create one with cellctl init)`);
  }
  const file = join(shown, name);
  const r = readValidated(join(cellDir, name), 'cell');
  if (!r.ok) {
    const p = r.problem;
    throw new InputError(
      `${file}:${p.line}:${p.column}: ${messageText(p.ruleId, p.messageId, p.data, 'vi')}\n` +
        `Hồ sơ chi bộ chưa hợp lệ; chạy cellctl validate ${shown} để xem đủ các lỗi (the cell profile is not valid; run cellctl validate)`,
    );
  }
  return r.data as CellProfile;
}

/** The procedures (steps of each kind) in force on a date for a cell, as the validator will check them. */
function proceduresOn(cell: CellProfile, date: string): Procedures {
  return ruleOptions<{ procedures: Procedures }>('meeting-steps', cell, date).procedures;
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
    const plan = planYear(cell, flags.year, {
      onWarning: (w) => io.stderr.write(`cảnh báo: ${w.message}\n`),
    });
    const text = planYaml(plan, cell);
    const outShown = flags.out ?? join(shown, `plan-${flags.year}.yaml`);
    const out = resolve(io.cwd, outShown);

    // Everything to write besides the plan itself: [path shown, absolute path, bytes].
    const extra: [string, string, Uint8Array][] = [];
    if (flags.ics !== undefined) extra.push([flags.ics, resolve(io.cwd, flags.ics), Buffer.from(planToIcs(plan, cell), 'utf8')]);
    if (flags.docx) {
      const name = `ke-hoach-chuyen-de-${flags.year}.docx`;
      extra.push([join(shown, name), join(cellDir, name), await planDocx(plan, cell)]);
    }
    const keptRecords: string[] = [];
    if (flags.withMeetings) {
      for (const planned of plan.meetings) {
        const name = join('meetings', stubFileName(planned));
        // A record that exists may already be filled in: it is never replaced by an empty stub.
        if (existsSync(join(cellDir, name))) keptRecords.push(join(shown, name));
        else extra.push([join(shown, name), join(cellDir, name), Buffer.from(meetingStub(planned, cell, proceduresOn(cell, planned.date)), 'utf8')]);
      }
    }

    if (flags.dryRun) {
      const diff = planDiff(out, text, outShown);
      io.stdout.write(diff || `Không có thay đổi: ${outShown} (no changes)\n`);
      for (const [file] of extra) io.stdout.write(`sẽ ghi (would write): ${file}\n`);
      return EXIT_OK;
    }
    if (!flags.force) {
      const existing = [out, ...extra.map(([, abs]) => abs)].filter((p) => existsSync(p));
      if (existing.length > 0) {
        throw new InputError(
          `tệp đã có, không ghi đè khi không có --force (files exist; use --force):\n${existing.map((p) => `  ${relative(io.cwd, p) || p}`).join('\n')}`,
        );
      }
    }
    writePlan(out, text, flags.force ?? false);
    for (const [, abs, bytes] of extra) writeAtomic(abs, bytes, flags.force ?? false);

    const regular = plan.meetings.filter((m) => m.kind !== 'thematic').length;
    const thematic = plan.meetings.filter((m) => m.kind !== 'regular').length;
    io.stdout.write(
      `Đã ghi ${outShown}: ${regular} kỳ sinh hoạt thường kỳ, ${thematic} chuyên đề, ${plan.events?.length ?? 0} mốc công việc.\n`,
    );
    for (const [file] of extra) io.stdout.write(`Đã ghi ${file}\n`);
    for (const file of keptRecords) io.stdout.write(`Giữ nguyên hồ sơ đã có (kept): ${file}\n`);
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
