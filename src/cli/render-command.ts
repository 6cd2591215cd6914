// `cellctl render` and `cellctl templates export`: documents from records, templates for editing.
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { formatters } from '../formatters/index.js';
import { exportTemplates } from '../render/export.js';
import { findSoffice, INSTALL_HINT, vietnameseFontWarning } from '../render/pdf.js';
import { render, type DocumentKindName } from '../render/render.js';
import { EXIT_OK, EXIT_PROBLEMS, reportFailure } from './exit.js';
import type { CliIo } from './io.js';
import { version } from './main.js';
import { makeStyle, wantsColor } from './style.js';

/** Options of `cellctl render` as commander hands them over. */
export interface RenderFlags {
  out?: string;
  only?: DocumentKindName;
  draft?: boolean;
  force?: boolean;
  pdf?: boolean;
  templates?: string;
  asOf?: string;
  rules?: string;
  lang: 'vi' | 'en';
  color?: boolean;
}

/**
 * Without --out, one cell folder's documents go to its own `out/`, where `cellctl serve` prints them too;
 * anything else (record files, several cells) to `./out`.
 */
function cellOut(paths: string[], cwd: string): { out?: string } {
  return paths.length === 1 && existsSync(join(resolve(cwd, paths[0]!), 'cell.yaml')) ? { out: join(paths[0]!, 'out') } : {};
}

/**
 * Render and print one `sha256  path` line per file written (the format `sha256sum -c` checks), so an
 * office can prove later that a signed file was not changed. Refused records are listed on stderr.
 */
export async function runRender(paths: string[], flags: RenderFlags, io: CliIo): Promise<number> {
  const env = io.env ?? {};
  try {
    const soffice = flags.pdf ? findSoffice(env) : undefined;
    if (flags.pdf && !soffice) throw new InputError(INSTALL_HINT);
    const fontWarning = soffice ? vietnameseFontWarning(env, flags.lang) : undefined;
    if (fontWarning) io.stderr.write(`${fontWarning}\n`);
    const result = await render(paths, {
      cwd: io.cwd,
      lang: flags.lang,
      ...(flags.out ? { out: flags.out } : cellOut(paths, io.cwd)),
      ...(flags.only ? { only: flags.only } : {}),
      ...(flags.draft ? { draft: true } : {}),
      ...(flags.force ? { force: true } : {}),
      ...(flags.templates ? { templates: resolve(io.cwd, flags.templates) } : {}),
      ...(flags.asOf ? { asOf: flags.asOf } : {}),
      ...(flags.rules ? { rulesFile: flags.rules } : {}),
      ...(soffice ? { pdfWith: soffice } : {}),
    });
    for (const f of result.files) io.stdout.write(`${f.sha256}  ${f.file}\n`);
    if (result.renamed.length > 0) {
      // Said once, with every name changed: the office must find the documents under their new names.
      io.stderr.write(
        flags.lang === 'en'
          ? `${result.renamed.length} output name(s) changed to be valid on Windows (: * ? " < > | and names such as CON, NUL are not allowed):\n`
          : `Đã đổi ${result.renamed.length} tên tệp văn bản cho hợp lệ trên Windows (không dùng được : * ? " < > | và các tên như CON, NUL):\n`,
      );
      for (const r of result.renamed) io.stderr.write(`  ${r.from} → ${r.to}\n`);
    }
    const drafts = result.files.filter((f) => f.draft && f.format === 'docx').length;
    if (drafts > 0) {
      io.stderr.write(
        flags.lang === 'en'
          ? `${drafts} document(s) rendered as drafts (marked DỰ THẢO).\n`
          : `${drafts} văn bản được in dưới dạng dự thảo (có dấu DỰ THẢO).\n`,
      );
    }
    if (result.refused.length > 0) {
      const errorCount = result.refused.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'error').length, 0);
      // A cell's own errors are listed after the records they stopped; only records are counted.
      const records = result.refused.filter((r) => !/^cell\.ya?ml$/i.test(basename(r.file))).length;
      const style = makeStyle(wantsColor(flags.color, io.stderr.isTTY, env));
      io.stderr.write(
        // With --draft already given, only fixing the errors below helps: never ask for the flag again.
        flags.draft
          ? flags.lang === 'en'
            ? `Not rendered, not even as drafts: ${records} record(s) have errors that stop any document; fix them:\n`
            : `Chưa in được, kể cả bản dự thảo: ${records} hồ sơ có lỗi khiến không lập được văn bản; hãy sửa các lỗi dưới đây:\n`
          : flags.lang === 'en'
            ? `Not rendered: ${records} record(s) have errors (use --draft to render them as drafts):\n`
            : `Chưa in: ${records} hồ sơ còn lỗi (dùng --draft để in bản dự thảo):\n`,
      );
      io.stderr.write(formatters.stylish({ results: result.refused, errorCount, warningCount: 0, unreadableCount: 0 }, { lang: flags.lang, style, version: version() }));
      return EXIT_PROBLEMS;
    }
    return EXIT_OK;
  } catch (e) {
    return reportFailure(e, io.stderr, Boolean(env.CELLCTL_DEBUG));
  }
}

/** Copy the built-in templates to a folder for editing. */
export function runTemplatesExport(dir: string, force: boolean, io: CliIo): number {
  try {
    const target = resolve(io.cwd, dir);
    for (const f of exportTemplates(target, force)) io.stdout.write(`${dir.replace(/\/$/, '')}/${f}\n`);
    return EXIT_OK;
  } catch (e) {
    return reportFailure(e, io.stderr, Boolean(io.env?.CELLCTL_DEBUG));
  }
}
