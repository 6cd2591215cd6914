// PDF through LibreOffice (soffice --headless), found on PATH or where its installers put it.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors.js';

const CANDIDATES = [
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

/** The LibreOffice binary: $CELLCTL_SOFFICE, then soffice or libreoffice on PATH, then the usual install places. */
export function findSoffice(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.CELLCTL_SOFFICE) return existsSync(env.CELLCTL_SOFFICE) ? env.CELLCTL_SOFFICE : undefined;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of names) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return CANDIDATES.find((c) => existsSync(c));
}

/** How to get LibreOffice, in both languages, for the error shown when it is missing. */
export const INSTALL_HINT =
  'Không tìm thấy LibreOffice để chuyển sang PDF. Cài LibreOffice (Windows, macOS: https://www.libreoffice.org/download/; ' +
  'Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui) hoặc đặt biến CELLCTL_SOFFICE là đường dẫn tới soffice.\n' +
  'LibreOffice was not found for PDF output: install it (libreoffice.org; Debian/Ubuntu: apt-get install ' +
  'libreoffice-writer-nogui) or set CELLCTL_SOFFICE to the soffice binary.';

/** Convert a .docx to PDF bytes with LibreOffice, in a private profile so parallel runs do not clash. */
export function docxToPdf(docxPath: string, soffice: string): Promise<Buffer> {
  const work = mkdtempSync(join(tmpdir(), 'cellctl-pdf-'));
  const profile = pathToFileURL(join(work, 'profile')).href;
  return new Promise((resolve, reject) => {
    execFile(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, docxPath],
      { timeout: 120_000 },
      (error, _stdout, stderr) => {
        const pdf = join(work, basename(docxPath).replace(/\.docx$/i, '.pdf'));
        try {
          if (error || !existsSync(pdf)) {
            reject(new InputError(`${docxPath}: LibreOffice không chuyển được sang PDF (PDF conversion failed): ${String(stderr || error?.message).trim()}`));
          } else {
            resolve(readFileSync(pdf));
          }
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      },
    );
  });
}
