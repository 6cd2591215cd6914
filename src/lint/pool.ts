// Spreading cell groups over worker threads; a cell never splits, so its year checks see all its files.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CellGroup } from './collect.js';
import { processGroup, type EngineOptions, type RawFileResult } from './engine.js';

/** Below this many files a worker costs more to start than it saves. */
export const MIN_FILES_PER_WORKER = 400;

const WORKER = new URL('./worker.js', import.meta.url);

/** Split groups into at most `n` buckets of similar file counts (largest first, into the lightest bucket). */
export function balance(groups: CellGroup[], n: number): CellGroup[][] {
  const buckets = Array.from({ length: n }, () => ({ size: 0, groups: [] as CellGroup[] }));
  for (const g of [...groups].sort((a, b) => b.files.length - a.files.length)) {
    const lightest = buckets.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.groups.push(g);
    lightest.size += g.files.length;
  }
  return buckets.filter((b) => b.groups.length > 0).map((b) => b.groups);
}

function inWorker(groups: CellGroup[], options: EngineOptions): Promise<RawFileResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { groups, options } });
    worker.once('message', (results: RawFileResult[]) => resolve(results));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker stopped with exit code ${code}`));
    });
  });
}

/** Process every group, on up to `jobs` threads (this one included). */
export async function runGroups(groups: CellGroup[], options: EngineOptions, jobs: number, fileCount: number): Promise<RawFileResult[]> {
  const threads = Math.min(jobs, Math.floor(fileCount / MIN_FILES_PER_WORKER));
  // Under the TypeScript sources (tests) there is no compiled worker: run everything here.
  if (threads <= 1 || !existsSync(fileURLToPath(WORKER))) return groups.flatMap((g) => processGroup(g, options));
  const [mine, ...theirs] = balance(groups, threads);
  const pending = theirs.map((b) => inWorker(b, options));
  const own = mine!.flatMap((g) => processGroup(g, options));
  const rest = await Promise.all(pending);
  return [own, ...rest].flat();
}
