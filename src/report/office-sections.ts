// The office's own sections of the BÁO CÁO (leadership; inspection and supervision), read from bao-cao-dang-uy.md beside committee.yaml.
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { readSource } from '../source/read.js';
import { stripInvisible } from '../util/invisible.js';

/** The file the office writes beside committee.yaml. */
export const OFFICE_SECTIONS_FILE = 'bao-cao-dang-uy.md';

/** An office's text is a few pages at most; anything larger is not this file. */
const MAX_BYTES = 256 * 1024;

/** The office's sections, paragraph by paragraph; a section empty when the file is absent or says nothing there. */
export interface OfficeSections {
  /** `## Lãnh đạo, chỉ đạo`: the committee's own leadership and direction. */
  leadership: string[];
  /** `## Kiểm tra, giám sát`: the committee's inspection and supervision. */
  inspection: string[];
}

const HEADINGS: [keyof OfficeSections, RegExp][] = [
  ['leadership', /^lãnh đạo/u],
  ['inspection', /^kiểm tra/u],
];

/** Paragraphs of a section: blank lines separate them, the lines of one paragraph are joined. */
function paragraphs(lines: string[]): string[] {
  return lines
    .join('\n')
    .split(/\n\s*\n/u)
    .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean).join(' '))
    .filter((p) => p !== '');
}

/** Parse the office's text: `## ` headings pick the section; text under any other heading or before the first is ignored. */
export function parseOfficeSections(text: string): OfficeSections {
  const clean = stripInvisible(text.normalize('NFC')).replace(/\r\n?/gu, '\n');
  const found: Record<keyof OfficeSections, string[]> = { leadership: [], inspection: [] };
  let current: string[] | undefined;
  for (const line of clean.split('\n')) {
    const heading = /^#{1,6}\s*(.*)$/u.exec(line.trim());
    if (heading) {
      const title = heading[1]!.trim().toLowerCase();
      const key = HEADINGS.find(([, re]) => re.test(title))?.[0];
      current = key === undefined ? undefined : found[key];
    } else current?.push(line);
  }
  return { leadership: paragraphs(found.leadership), inspection: paragraphs(found.inspection) };
}

/** Read `bao-cao-dang-uy.md` in the committee's folder: absent gives empty sections; unreadable is an InputError naming the fix. */
export function readOfficeSections(committeeDir: string): OfficeSections {
  const file = join(committeeDir, OFFICE_SECTIONS_FILE);
  const read = readSource(file, MAX_BYTES);
  if (read.ok) return parseOfficeSections(read.text);
  // A path that is not a folder (a cell's file given instead) has no office file beside it either.
  if (read.problem.messageId === 'notFound' || read.problem.data?.code === 'ENOTDIR') return { leadership: [], inspection: [] };
  throw new InputError(
    `Không đọc được ${file} (phần Đảng ủy tự viết của báo cáo): tệp phải là văn bản UTF-8 dưới 256 KB; hãy lưu lại bằng Notepad, chọn Encoding UTF-8.`,
    `cannot read ${file}: it must be UTF-8 text under 256 KB`,
  );
}
