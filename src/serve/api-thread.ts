// Worker-thread entry of `cellctl serve`: the API's routes run here, so the memory checking grows goes with the thread.
import { parentPort } from 'node:worker_threads';
import { CellctlError } from '../errors.js';
import { ROUTES } from './api.js';
import { pageError, type ThreadMessage, type ThreadRequest } from './dispatch.js';

const port = parentPort!;

port.on('message', (request: ThreadRequest) => {
  const route = ROUTES[request.path];
  const answer = async (): Promise<ThreadMessage> => {
    try {
      if (!route) throw new Error(`no route ${request.path}`);
      const reply = await route.handle({ ...request.ctx, url: new URL(request.ctx.url) });
      return { id: request.id, reply };
    } catch (caught) {
      // A CellctlError (or a file-system failure, worded as one) is the user's to fix and keeps its message; anything else stays inside.
      const e = pageError(caught, request.ctx.root);
      return { id: request.id, error: e instanceof CellctlError ? { kind: e.kind, message: e.message } : { message: 'internal' } };
    }
  };
  void answer().then((m) => {
    try {
      port.postMessage(m);
    } catch {
      port.postMessage({ id: request.id, error: { message: 'internal' } } satisfies ThreadMessage);
    }
  });
});

port.postMessage({ methods: Object.fromEntries(Object.entries(ROUTES).map(([path, r]) => [path, r.method])) } satisfies ThreadMessage);
