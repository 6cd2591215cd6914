// cellctl's own files (templates, profiles, schemas, the page, worker entries): where they are, and the one way to start a worker thread.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { CellctlError } from './errors.js';

/** The worker threads cellctl starts, by name: the validate pool, the render builders, the serve API thread. */
export type WorkerEntry = 'lint' | 'render' | 'serve';

/** How the package's files are laid out. */
export type PackageLayout =
  /** The TypeScript sources (tests): no compiled worker entries exist, so threads are not used. */
  | 'sources'
  /** The npm package or a built clone: dist/ beside templates/, profiles/, schemas/. */
  | 'package'
  /** Unpacked by the single-file program: the same folders, worker entries and compiled schemas as bundles. */
  | 'bundle';

const WORKER_FILES: Record<Exclude<PackageLayout, 'sources'>, Record<WorkerEntry, string>> = {
  package: { lint: 'dist/lint/worker.js', render: 'dist/render/build-worker.js', serve: 'dist/serve/api-thread.js' },
  bundle: { lint: 'workers/lint.cjs', render: 'workers/render.cjs', serve: 'workers/serve.cjs' },
};

// This file is src/resources.ts or dist/resources.js: either way the package root is one folder up. In the
// single-file program (a CommonJS bundle) import.meta is empty and setPackageRoot() is called first.
const here = import.meta.url as string | undefined;
let root: string | undefined = here ? fileURLToPath(new URL('..', here)) : undefined;
let layout: PackageLayout = here?.endsWith('.ts') ? 'sources' : 'package';

/** Point every file look-up at `dir` (the single-file program calls this once, before anything else loads). */
export function setPackageRoot(dir: string, as: PackageLayout = 'package'): void {
  root = dir;
  layout = as;
}

/** The layout in use. */
export function packageLayout(): PackageLayout {
  return layout;
}

/** Absolute path of one of the package's own files or folders, e.g. packagePath('templates'). */
export function packagePath(...parts: string[]): string {
  if (root === undefined) throw new CellctlError('internal', 'không biết thư mục cài đặt của cellctl (setPackageRoot chưa được gọi).');
  return join(root, ...parts);
}

/** cellctl's version, from its package.json (read, not imported, so nothing else loads). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The file a worker entry runs from, or undefined under the TypeScript sources (the caller then does the
 * work in this thread, as it would for a small job). A built install without the file is broken: that is an
 * error the user sees, never a quiet fall-back to one thread.
 */
export function workerFile(entry: WorkerEntry): string | undefined {
  if (layout === 'sources') return undefined;
  const file = packagePath(WORKER_FILES[layout][entry]);
  if (!existsSync(file)) {
    throw new CellctlError(
      'internal',
      `bản cài cellctl thiếu tệp ${file}; hãy cài lại cellctl (hoặc xóa thư mục tạm của chương trình một tệp để nó giải nén lại).`,
      `the cellctl install lacks ${file}; reinstall cellctl (or delete the single-file program's cache folder so it unpacks again).`,
    );
  }
  return file;
}

/** Start the worker thread of `entry` (only after workerFile(entry) gave a file). */
export function startWorker(entry: WorkerEntry, options?: WorkerOptions): Worker {
  const file = workerFile(entry);
  if (file === undefined) throw new CellctlError('internal', `không có luồng ${entry} khi chạy từ mã nguồn TypeScript.`);
  return new Worker(file, options);
}
