// Where the API's routes run: a worker thread ended when the page is idle (built code), or this thread (sources).
import { existsSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CellctlError, InputError, type ErrorKind } from '../errors.js';
import { fsErrorMessage, isExplainedFsError } from '../util/fs-errors.js';
import type { ApiContext, ApiReply, ApiRoute } from './api.js';

/** A route's method, by path. */
export type RouteMethods = Record<string, ApiRoute['method']>;

/** A request sent to the thread: the route's path and its context, with the URL as text. */
export interface ThreadRequest {
  id: number;
  path: string;
  ctx: Omit<ApiContext, 'url'> & { url: string };
}

/** What the thread sends: its route table once, when ready; then one answer or error per request. */
export type ThreadMessage =
  | { methods: RouteMethods }
  | { id: number; reply: ApiReply }
  | { id: number; error: { kind?: ErrorKind; message: string } };

/** Runs the API's routes for the server. */
export interface Dispatcher {
  /** Every route's method by path (the same table for the life of the server). */
  methods(): Promise<RouteMethods>;
  /** The reply of the route at `path` (one of methods()'s keys). */
  handle(path: string, ctx: ApiContext): Promise<ApiReply>;
  close(): Promise<void>;
}

const THREAD = new URL('./api-thread.js', import.meta.url);

/**
 * How long the thread waits for the next request before it ends. Each live check validates the whole cell
 * and grows the heap; V8 keeps what it grew for good (114 MB after twenty checks), but a thread that ends
 * gives all of its heap back. A secretary who starts typing again after the pause waits once for a new
 * thread (a few hundred milliseconds).
 */
export const IDLE_MS = 15_000;

/**
 * What a route's failure means to the person at the page: a CellctlError as it is; a file-system failure
 * (a full disk, a folder that cannot be written) as the CLI words it. Either way a path inside the served
 * folder is named from it, and the CLI's "--out" hint is dropped (the page has no such choice). Anything
 * else is returned unchanged (an internal error).
 */
export function pageError(e: unknown, root: string): unknown {
  const forPage = (text: string) => text.split(`${root}${sep}`).join('').replace(/ \(--out\)/g, '');
  if (e instanceof CellctlError) return new CellctlError(e.kind, forPage(e.message), e.en === undefined ? undefined : forPage(e.en));
  if (!isExplainedFsError(e)) return e;
  const at = e.path === undefined ? undefined : relative(root, e.path);
  const shown = at === undefined || at === '' || at.startsWith('..') || isAbsolute(at) ? undefined : at.split(sep).join('/');
  return new InputError(forPage(fsErrorMessage(e, shown ?? 'thư mục đang mở')), forPage(fsErrorMessage(e, shown ?? 'the open folder', 'en')));
}

/** The routes in this thread, loaded on first use (the sources under test have no built thread to start). */
function inThisThread(): Dispatcher {
  let routes: Promise<Record<string, ApiRoute>> | undefined;
  const table = () => (routes ??= import('./api.js').then((m) => m.ROUTES));
  return {
    methods: async () => Object.fromEntries(Object.entries(await table()).map(([p, r]) => [p, r.method])),
    handle: async (path, ctx) => {
      try {
        return await (await table())[path]!.handle(ctx);
      } catch (e) {
        throw pageError(e, ctx.root);
      }
    },
    close: async () => undefined,
  };
}

/** Text replies cross threads as Uint8Array: back to a Buffer for the response. */
function asBuffer(reply: ApiReply): ApiReply {
  if ('text' in reply && typeof reply.text !== 'string' && !Buffer.isBuffer(reply.text)) {
    const u = reply.text as Uint8Array;
    return { ...reply, text: Buffer.from(u.buffer, u.byteOffset, u.byteLength) };
  }
  return reply;
}

/** The routes in a worker thread started on the first request and ended after `idleMs` without one. */
function inWorker(idleMs: number): Dispatcher {
  let methods: RouteMethods | undefined;
  let worker: Worker | undefined;
  let ready: Promise<Worker> | undefined;
  let idle: NodeJS.Timeout | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: ApiReply) => void; reject: (e: unknown) => void }>();

  const stop = (w: Worker) => {
    if (worker === w) {
      worker = undefined;
      ready = undefined;
    }
    return w.terminate().then(() => undefined);
  };
  const start = (): Promise<Worker> =>
    (ready ??= new Promise<Worker>((resolve, reject) => {
      const w = new Worker(THREAD);
      worker = w;
      w.on('message', (m: ThreadMessage) => {
        if ('methods' in m) {
          methods = m.methods;
          resolve(w);
          return;
        }
        const waiting = pending.get(m.id);
        if (!waiting) return;
        pending.delete(m.id);
        if ('reply' in m) waiting.resolve(asBuffer(m.reply));
        else waiting.reject(m.error.kind ? new CellctlError(m.error.kind, m.error.message) : new Error(m.error.message));
        if (pending.size === 0) idle = setTimeout(() => void stop(w), idleMs);
      });
      // A thread that fails (out of memory, a bug) fails what it was doing; the next request starts another.
      const fail = (e: unknown) => {
        if (worker === w) {
          worker = undefined;
          ready = undefined;
        }
        for (const [id, p] of pending) {
          pending.delete(id);
          p.reject(e);
        }
        reject(e);
      };
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(`serve thread exited (${code})`)));
    }));

  return {
    async methods() {
      return methods ?? (await start(), methods!);
    },
    async handle(path, ctx) {
      clearTimeout(idle);
      const w = await start();
      const id = ++nextId;
      return new Promise<ApiReply>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, path, ctx: { ...ctx, url: ctx.url.href } } satisfies ThreadRequest);
      });
    },
    async close() {
      clearTimeout(idle);
      if (worker) await stop(worker);
    },
  };
}

/** The dispatcher for this build: a worker thread when the built thread entry exists, else this thread. */
export function dispatcher(idleMs = IDLE_MS): Dispatcher {
  return existsSync(fileURLToPath(THREAD)) ? inWorker(idleMs) : inThisThread();
}
