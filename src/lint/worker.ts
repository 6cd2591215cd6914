// Worker-thread entry: process the cell groups handed over and send back their raw results.
import { parentPort, workerData } from 'node:worker_threads';
import type { CellGroup } from './collect.js';
import { processGroup, type EngineOptions } from './engine.js';

const { groups, options } = workerData as { groups: CellGroup[]; options: EngineOptions };
parentPort!.postMessage(groups.flatMap((g) => processGroup(g, options)));
