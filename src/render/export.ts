// `cellctl templates export`: copy the shipped templates so an office can edit its own.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { explainFsError } from '../util/fs-errors.js';
import { SHIPPED_TEMPLATES } from './templates.js';
import { writeAll } from './write.js';

/**
 * Copy the shipped templates into `dir`; a non-empty folder is refused unless `force`. All files are
 * written or none. Returns the files copied.
 */
export function exportTemplates(dir: string, force: boolean): string[] {
  try {
    if (existsSync(dir) && readdirSync(dir).length > 0 && !force) {
      throw new InputError(`${dir}: thư mục đã có tệp; dùng --force để ghi đè`, `${dir}: folder not empty; use --force`);
    }
  } catch (e) {
    throw explainFsError(e, dir);
  }
  const list = (d: string, prefix = ''): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? list(`${d}/${e.name}`, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );
  const files = list(SHIPPED_TEMPLATES).sort();
  writeAll(
    files.map((f) => ({ path: join(dir, f), bytes: readFileSync(join(SHIPPED_TEMPLATES, f)), display: join(dir, f) })),
    force,
  );
  return files;
}
