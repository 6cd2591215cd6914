// `cellctl templates export`: copy the shipped templates so an office can edit its own.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { InputError } from '../errors.js';
import { SHIPPED_TEMPLATES } from './templates.js';

/** Copy the shipped templates into `dir`; a non-empty folder is refused unless `force`. Returns the files copied. */
export function exportTemplates(dir: string, force: boolean): string[] {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !force) {
    throw new InputError(`${dir}: thư mục đã có tệp; dùng --force để ghi đè (folder not empty; use --force)`);
  }
  cpSync(SHIPPED_TEMPLATES, dir, { recursive: true, force: true });
  const list = (d: string, prefix = ''): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? list(`${d}/${e.name}`, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );
  return list(SHIPPED_TEMPLATES).sort();
}
