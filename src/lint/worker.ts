// Worker-thread entry: say it is ready, then process each chunk of cell groups it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { CellGroup } from './collect.js';
import { processGroup, processGroupFacts, type EngineOptions } from './engine.js';
import type { WorkerReply } from './pool.js';

const { options } = workerData as { options: EngineOptions };
const port = parentPort!;
port.on('message', (chunk: CellGroup[]) => {
  // Facts are sent only when asked for: validate alone never pays for copying them between threads.
  const reply: WorkerReply = options.facts
    ? { results: [], outputs: chunk.map((g) => processGroupFacts(g, options)) }
    : { results: chunk.flatMap((g) => processGroup(g, options)) };
  port.postMessage(reply);
});
port.postMessage({ results: [] } satisfies WorkerReply);
