// Building documents from render jobs: view model → template → blocks → .docx, on one or several threads.
import { availableParallelism } from 'node:os';
import { CellctlError, type ErrorKind } from '../errors.js';
import { startWorker, workerFile } from '../resources.js';
import type { CellProfile, MeetingRecord } from '../model.js';
import type { DocumentBlocks } from './blocks.js';
import { buildDocx } from './docx.js';
import type { Layout } from './layout.js';
import { renderBlocks } from './templates.js';
import { buildViewModel } from './viewmodel.js';

/** One document to build: plain data, so it can cross to a worker thread. */
export interface BuildJob {
  kind: 'minutes' | 'resolution' | 'score-sheet';
  meeting: MeetingRecord;
  cell: CellProfile;
  layout: Layout;
  draft: boolean;
  templates?: string;
  /** Whether excused absentees count among eligible voters, as the validator resolved it. */
  excusedAbsentCount: boolean;
  /** The scoring sheet (criterion → maximum) as the validator resolved it. */
  scoreSheet?: Record<string, number>;
}

const TEMPLATE = { minutes: 'bien-ban', resolution: 'nghi-quyet', 'score-sheet': 'phieu-danh-gia' } as const;
const TITLE = { minutes: 'Biên bản', resolution: 'Nghị quyết', 'score-sheet': 'Phiếu đánh giá chất lượng sinh hoạt' } as const;

/** One document's blocks: view model → template → blocks, what both the .docx and the HTML preview are built from. */
export function buildBlocks(job: BuildJob): DocumentBlocks {
  const view = buildViewModel(job.meeting, job.cell, job.layout, {
    excusedAbsentCount: job.excusedAbsentCount,
    draft: job.draft,
    ...(job.scoreSheet ? { scoreSheet: job.scoreSheet } : {}),
  });
  const blocks = renderBlocks(TEMPLATE[job.kind], view, job.templates);
  const title = `${TITLE[job.kind]} ${job.cell.name} ${job.meeting.date}`;
  return { blocks, draft: job.draft, meta: { title, author: job.cell.name, date: job.meeting.date } };
}

/** Build one document's bytes. */
export async function buildOne(job: BuildJob): Promise<Uint8Array> {
  return buildDocx(buildBlocks(job), job.layout);
}

/** Below this many documents a worker costs more to start than it saves. */
const MIN_DOCS_FOR_WORKERS = 40;
const CHUNK = 8;

/**
 * Build every job, in order, on up to `jobs` threads (this one included). Workers take chunks from one
 * queue; a template error in any of them rejects the whole batch, before anything is written.
 */
export async function buildAll(list: BuildJob[], threads = availableParallelism()): Promise<Uint8Array[]> {
  const n = Math.min(threads, Math.floor(list.length / (MIN_DOCS_FOR_WORKERS / 2)));
  if (n <= 1 || workerFile('render') === undefined) {
    const out: Uint8Array[] = [];
    for (const job of list) out.push(await buildOne(job));
    return out;
  }
  const out: Uint8Array[] = new Array(list.length);
  let next = 0;
  const take = () => {
    const start = next;
    next = Math.min(list.length, next + CHUNK);
    return { start, jobs: list.slice(start, next) };
  };
  const workers = Array.from({ length: n - 1 }, () => startWorker('render'));
  try {
    const done = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let pending = take();
          const send = () => (pending.jobs.length > 0 ? worker.postMessage(pending.jobs) : resolve());
          worker.on('message', (reply: { ok: true; docs: Uint8Array[] } | { ok: false; error: { name: string; kind?: string; message: string } }) => {
            if (!reply.ok) {
              const { kind, message } = reply.error;
              return reject(kind ? new CellctlError(kind as ErrorKind, message) : new Error(message));
            }
            reply.docs.forEach((d, i) => (out[pending.start + i] = d));
            pending = take();
            send();
          });
          worker.once('error', reject);
          send();
        }),
    );
    // This thread works through the queue too, yielding between chunks so workers get theirs.
    for (let chunk = take(); chunk.jobs.length > 0; chunk = take()) {
      for (let i = 0; i < chunk.jobs.length; i++) out[chunk.start + i] = await buildOne(chunk.jobs[i]!);
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(done);
    return out;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
