// Worker-thread entry for buildAll(): build each chunk of jobs it is sent and send the bytes back.
import { parentPort } from 'node:worker_threads';
import { CellctlError } from '../errors.js';
import { buildOne, type BuildJob } from './build.js';

const port = parentPort!;
port.on('message', (jobs: BuildJob[]) => {
  void (async () => {
    try {
      const docs: Uint8Array[] = [];
      for (const job of jobs) docs.push(await buildOne(job));
      // Copied, not transferred: a Buffer may be a slice of Node's shared pool.
      port.postMessage({ ok: true, docs });
    } catch (e) {
      // Errors cross as data; a CellctlError keeps its kind so the CLI still maps it to its exit code.
      const err = e instanceof Error ? e : new Error(String(e));
      port.postMessage({ ok: false, error: { name: err.name, message: err.message, ...(e instanceof CellctlError ? { kind: e.kind } : {}) } });
    }
  })();
});
