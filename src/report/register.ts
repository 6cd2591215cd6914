// The committee's register of reports issued (sổ văn bản đi, so-van-ban-di.yaml beside committee.yaml): where a report's number comes from.
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Document, parse } from 'yaml';
import { ConfigError } from '../errors.js';
import { writeAtomic } from '../render/write.js';

/** The register's file name, beside committee.yaml, where the office sees it and may correct it by hand. */
export const REGISTER_FILE = 'so-van-ban-di.yaml';

/** One document issued: its code and number, date of issue, what it reports on, and the file written. */
export interface IssuedEntry {
  code: string;
  number: number;
  date: string;
  period: string;
  file?: string;
}

/** What the committee's numbering says: the code, the next number in committee.yaml, the term's first day. */
export interface NumberingSetting {
  code: string;
  next?: number;
  termStart?: string;
}

/** The entries of a committee folder's register; none when it has no register yet. */
export function readRegister(committeeDir: string): IssuedEntry[] {
  const path = join(committeeDir, REGISTER_FILE);
  if (!existsSync(path)) return [];
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(
      `${REGISTER_FILE}: không đọc được sổ văn bản đi (${(e as Error).message}); sửa lại tệp hoặc xoá dòng hỏng rồi chạy lại`,
      `${REGISTER_FILE}: the register of issued documents cannot be read (${(e as Error).message}); correct the file and run again`,
    );
  }
  const issued = (data as { issued?: unknown } | null)?.issued;
  if (!Array.isArray(issued)) return [];
  return issued.filter(
    (e): e is IssuedEntry => typeof e === 'object' && e !== null && typeof e.code === 'string' && Number.isInteger(e.number) && typeof e.date === 'string',
  ).map((e) => ({ ...e, date: String(e.date) }));
}

/** Entries of one code in the current term (numbers start again with each term). */
function inTerm(entries: readonly IssuedEntry[], setting: NumberingSetting): IssuedEntry[] {
  return entries.filter((e) => e.code === setting.code && (setting.termStart === undefined || e.date >= setting.termStart));
}

/**
 * The next number of the committee's sequence: one past the highest in the register for this code and term,
 * and never below committee.yaml's `numbering.next` (the office's way to start or skip ahead). Undefined
 * while the office has declared neither: the clerk writes the first number in (or gives --number once).
 */
export function nextNumber(entries: readonly IssuedEntry[], setting: NumberingSetting): number | undefined {
  const numbers = inTerm(entries, setting).map((e) => e.number);
  if (numbers.length === 0) return setting.next;
  return Math.max(Math.max(...numbers) + 1, setting.next ?? 1);
}

/** An entry of this term that already carries the number for another period (two reports, one number). */
export function numberTaken(entries: readonly IssuedEntry[], setting: NumberingSetting, number: number, period: string): IssuedEntry | undefined {
  return inTerm(entries, setting).find((e) => e.number === number && e.period !== period);
}

/**
 * Record an issued report in the register (atomically, keeping the file's mode). Reprinting the same number
 * for the same period replaces its entry instead of adding one.
 */
export function recordIssued(committeeDir: string, entry: IssuedEntry, termStart?: string): void {
  const path = join(committeeDir, REGISTER_FILE);
  const kept = readRegister(committeeDir).filter(
    (e) => !(e.code === entry.code && e.number === entry.number && e.period === entry.period && (termStart === undefined || e.date >= termStart)),
  );
  const doc = new Document({ issued: [...kept, entry].map((e) => ({ ...e })) });
  doc.commentBefore =
    ' Sổ văn bản đi của đảng ủy: cellctl report --format docx ghi thêm một dòng mỗi lần in một báo cáo.\n' +
    ' Số tiếp theo = số lớn nhất của cùng loại (code) trong nhiệm kỳ + 1 (không nhỏ hơn numbering.next trong committee.yaml).\n' +
    ' Sửa tay được, ví dụ khi một số đã cấp cho văn bản khác.';
  for (const item of (doc.get('issued') as { items: { flow?: boolean }[] }).items) item.flow = true;
  const mode = existsSync(path) ? statSync(path).mode & 0o7777 : undefined;
  writeAtomic(path, Buffer.from(doc.toString({ lineWidth: 0 }), 'utf8'), true);
  if (mode !== undefined) chmodSync(path, mode);
}
