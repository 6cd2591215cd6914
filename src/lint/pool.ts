// Spreading cell groups over worker threads; a cell never splits, so its year checks see all its files.
import { startWorker, workerFile } from '../resources.js';
import type { CellGroup } from './collect.js';
import { processGroupFacts, type EngineOptions, type GroupOutput, type RawFileResult } from './engine.js';

/** Below this many files a worker costs more to start than it saves. */
export const MIN_FILES_PER_WORKER = 400;
/** Files handed out at a time: small enough to balance, large enough that messages stay cheap. */
const CHUNK_FILES = 120;

/** Messages a worker sends: ready for work (with the results of its last chunk, if any). */
export interface WorkerReply {
  results: RawFileResult[];
  /** One output per group of the chunk when facts were asked for (`options.facts`). */
  outputs?: GroupOutput[];
}

/** Take groups from the front of the queue until about CHUNK_FILES files are taken. */
function takeChunk(queue: CellGroup[]): CellGroup[] {
  const chunk: CellGroup[] = [];
  let files = 0;
  while (queue.length > 0 && files < CHUNK_FILES) {
    const g = queue.shift()!;
    chunk.push(g);
    files += g.files.length;
  }
  return chunk;
}

/**
 * Process every group on up to `jobs` threads, this one included. Threads pull chunks from one queue, so a
 * worker still starting up takes less of the work instead of holding everyone up.
 */
export async function runGroups(groups: CellGroup[], options: EngineOptions, jobs: number, fileCount: number): Promise<RawFileResult[]> {
  const outputs = await runGroupOutputs(groups, options, jobs, fileCount);
  return outputs.flatMap((o) => o.results);
}

/**
 * As runGroups, one output per group (with its facts when `options.facts` is set). The order of groups
 * is not kept: each output carries its own files.
 */
export async function runGroupOutputs(groups: CellGroup[], options: EngineOptions, jobs: number, fileCount: number): Promise<GroupOutput[]> {
  const threads = Math.min(jobs, Math.floor(fileCount / MIN_FILES_PER_WORKER));
  // Under the TypeScript sources (tests) there is no compiled worker: run everything here.
  if (threads <= 1 || workerFile('lint') === undefined) return groups.map((g) => processGroupFacts(g, options));

  const queue = [...groups];
  const results: GroupOutput[] = [];
  const finished = Array.from({ length: threads - 1 }, () =>
    new Promise<void>((resolve, reject) => {
      const worker = startWorker('lint', { workerData: { options } });
      worker.on('message', (reply: WorkerReply) => {
        if (reply.outputs) results.push(...reply.outputs);
        else if (reply.results.length > 0) results.push({ results: reply.results });
        const chunk = takeChunk(queue);
        if (chunk.length > 0) worker.postMessage(chunk);
        else void worker.terminate().then(() => resolve());
      });
      worker.once('error', reject);
    }),
  );
  while (queue.length > 0) {
    for (const g of takeChunk(queue)) results.push(processGroupFacts(g, options));
    // Let waiting workers collect their next chunk before this thread takes another.
    await new Promise((r) => setImmediate(r));
  }
  await Promise.all(finished);
  return results;
}
