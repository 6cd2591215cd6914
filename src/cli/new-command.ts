// `cellctl new`: write the record of the next sitting, filled in from the plan and the previous record.
import { relative, resolve } from 'node:path';
import type { MeetingKind } from '../model.js';
import { newRecord, remainingText, writeNewRecord } from '../plan/new-record.js';
import { EXIT_OK, reportFailure } from './exit.js';
import type { CliIo } from './io.js';

/** Options of `cellctl new` as commander hands them over. */
export interface NewFlags {
  date?: string;
  kind?: MeetingKind;
  force?: boolean;
}

/** Write the new record, then say where and what is left to fill (one line, not a list of problems). */
export function runNew(dir: string, flags: NewFlags, io: CliIo): number {
  try {
    const cellDir = resolve(io.cwd, dir);
    const record = newRecord(cellDir, {
      display: dir.replace(/[\\/]+$/, '') || dir,
      cwd: io.cwd,
      ...(flags.date !== undefined ? { date: flags.date } : {}),
      ...(flags.kind !== undefined ? { kind: flags.kind } : {}),
    });
    const shown = relative(io.cwd, record.path) || record.path;
    writeNewRecord(record, flags.force ?? false, shown);
    io.stdout.write(`Đã ghi ${shown}\n${remainingText(record.remaining)}.\n`);
    return EXIT_OK;
  } catch (e) {
    return reportFailure(e, io.stderr, Boolean(io.env?.CELLCTL_DEBUG));
  }
}
