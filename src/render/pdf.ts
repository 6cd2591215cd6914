// PDF through LibreOffice (soffice --headless), found on PATH or where its installers put it.
import { execFileSync, spawn } from 'node:child_process';
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

/** How long LibreOffice may take for one document before it is stopped, in milliseconds. */
export const SOFFICE_TIMEOUT_MS = 120_000;

/** Options of docxToPdf. */
export interface PdfOptions {
  /** Stop LibreOffice, and every process it started, after this many milliseconds (default SOFFICE_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** Convert a .docx to PDF bytes with LibreOffice, in a private profile so parallel runs do not clash. */
export function docxToPdf(docxPath: string, soffice: string, options: PdfOptions = {}): Promise<Buffer> {
  const timeoutMs = options.timeoutMs ?? SOFFICE_TIMEOUT_MS;
  const work = mkdtempSync(join(tmpdir(), 'cellctl-pdf-'));
  const profile = pathToFileURL(join(work, 'profile')).href;
  const windows = process.platform === 'win32';
  return new Promise((resolve, reject) => {
    // soffice is a launcher that starts soffice.bin (and oosplash): in a process group of its own, a timeout
    // can stop them all; killing only the direct child would leave LibreOffice running and holding the file.
    const child = spawn(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, docxPath],
      { detached: !windows, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true },
    );
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid, windows);
    }, timeoutMs);
    const finish = (failure: string | undefined) => {
      clearTimeout(timer);
      const pdf = join(work, basename(docxPath).replace(/\.docx$/i, '.pdf'));
      try {
        if (failure !== undefined || !existsSync(pdf)) {
          const why = failure ?? (stderr.trim() || 'LibreOffice không tạo ra tệp PDF (no PDF was written)');
          reject(new InputError(`${docxPath}: LibreOffice không chuyển được sang PDF (PDF conversion failed): ${why}`));
        } else {
          resolve(readFileSync(pdf));
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    };
    child.on('error', (e) => finish(e.message));
    child.on('close', (code, signal) => {
      if (timedOut) {
        finish(`LibreOffice không trả lời sau ${Math.round(timeoutMs / 1000)} giây nên đã bị dừng; hãy đóng mọi cửa sổ LibreOffice rồi chạy lại (timed out)`);
      } else if (code !== 0) {
        finish(`${stderr.trim() || `soffice exited with ${code ?? signal}`}`);
      } else {
        finish(undefined);
      }
    });
  });
}

/** Stop a process and everything it started: its process group on POSIX, its tree on Windows. */
function killTree(pid: number | undefined, windows: boolean): void {
  if (pid === undefined) return;
  try {
    if (windows) execFileSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Unicode ranges a font must cover to print Vietnamese: U+1EA0 (Ạ) stands for the Latin Extended Additional letters. */
const VIETNAMESE_PROBE = '1ea0';

/**
 * A warning, in `lang`, when the font that fontconfig (and so LibreOffice) substitutes for
 * `font` has no Vietnamese letters: LibreOffice would then borrow them from another font, headings wrap and
 * words break apart in the PDF. Undefined when the font is fine, or where fontconfig is absent (Windows,
 * macOS), since the check cannot be made there.
 */
export function vietnameseFontWarning(
  env: Readonly<Record<string, string | undefined>>,
  lang: 'vi' | 'en' = 'vi',
  font = 'Times New Roman',
): string | undefined {
  if (process.platform === 'win32') return undefined;
  const run = (cmd: string, args: string[]) =>
    execFileSync(cmd, args, { env: env as NodeJS.ProcessEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
  let file: string;
  let covering: string[];
  try {
    file = run('fc-match', ['-f', '%{file}', font]).trim();
    covering = run('fc-list', ['-f', '%{file}\n', `:charset=${VIETNAMESE_PROBE}`]).split('\n');
  } catch {
    return undefined;
  }
  if (file === '' || covering.includes(file)) return undefined;
  return lang === 'en'
    ? `Warning: the font used for ${font} here (${basename(file)}) has no Vietnamese glyphs; the PDF will be broken ` +
        `(headings wrap, words break apart). Install ${font} or, on Debian/Ubuntu: sudo apt-get install fonts-liberation2.`
    : `Cảnh báo: phông chữ dùng thay cho ${font} trên máy này (${basename(file)}) không có chữ tiếng Việt; bản PDF sẽ lỗi ` +
        `(tiêu đề xuống dòng, chữ bị tách). Hãy cài phông ${font}, hoặc trên Debian/Ubuntu: sudo apt-get install fonts-liberation2.`;
}
