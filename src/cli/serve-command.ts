// `cellctl serve`: start the local web server on a cell or committee folder, print (and open) its URL, stop on Ctrl+C.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { loadCell } from '../plan/new-record.js';
import { servedKind } from '../serve/api-committee.js';
import { startServer } from '../serve/server.js';
import { EXIT_OK, reportFailure } from './exit.js';
import type { CliIo } from './io.js';

/** Options of `cellctl serve` as commander hands them over. */
export interface ServeFlags {
  port?: number;
  /** false with --no-open. */
  open: boolean;
  /** The day the page's checks and the committee's report count up to, YYYY-MM-DD (default: today). */
  asOf?: string;
}

/** Open a URL in the default browser; a missing opener only means the user opens the printed URL. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // The URL is printed; the user can open it by hand.
  }
}

/** Whether `path` is a folder (following links). */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A folder inside a cell's folder (its meetings/, say) is no place for a new cell: the cell above is named instead. */
function refuseInsideCell(root: string, shown: string): void {
  for (let d = dirname(root); d !== dirname(d); d = dirname(d)) {
    if (existsSync(join(d, 'cell.yaml')) || existsSync(join(d, 'cell.yml'))) {
      throw new InputError(
        `${shown}: không có cell.yaml; thư mục này nằm trong hồ sơ chi bộ ở ${d}: hãy mở thư mục đó (cellctl serve "${d}")`,
        `${shown}: no cell.yaml; this folder is inside the cell at ${d}: open that folder instead`,
      );
    }
  }
}

/** Serve a cell or committee folder until SIGINT or SIGTERM; returns the exit code. */
export async function runServe(dir: string, flags: ServeFlags, io: CliIo): Promise<number> {
  try {
    const root = resolve(io.cwd, dir);
    const shown = dir.replace(/[\\/]+$/, '') || dir;
    // A cell folder without a valid cell.yaml or a broken committee.yaml stops here, with the reason; a folder
    // that is neither (an empty one) opens on the page's cell setup.
    if (!isFolder(root)) throw new InputError(`${shown}: không có thư mục này; ghi đường dẫn thư mục hồ sơ chi bộ`, `${shown}: no such folder`);
    const kind = servedKind(root, shown);
    if (kind === 'cell') loadCell(root, () => shown);
    if (kind === 'new') refuseInsideCell(root, shown);
    if (flags.port !== undefined && flags.port > 65535) throw new UsageError(`--port ${flags.port}: cổng phải từ 0 đến 65535.`);
    const asOf = flags.asOf;
    const server = await startServer({ root, env: io.env ?? {}, ...(flags.port !== undefined ? { port: flags.port } : {}), ...(asOf ? { asOf: () => asOf } : {}) }).catch((e: unknown) => {
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new InputError(`cổng ${flags.port} đang được chương trình khác dùng; chọn cổng khác hoặc bỏ --port`, `port ${flags.port} is used by another program; choose another or leave out --port`);
      }
      throw e;
    });
    // The terminal is the user's own: its URL carries the token (in the fragment, never sent over HTTP). The
    // opener's command line is seen by every user of the machine: it gets a code that works once, for a minute.
    io.stdout.write(`cellctl serve: ${shown}\nMở trang: ${server.url}\n(Địa chỉ này chứa mã truy cập: đừng gửi cho người khác. Ctrl+C để dừng)\n`);
    if (flags.open) openBrowser(server.openUrl());
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.stdout.write('Đã dừng.\n');
    return EXIT_OK;
  } catch (e) {
    return reportFailure(e, io.stderr, Boolean(io.env?.CELLCTL_DEBUG));
  }
}
