// The page's API: one table of routes, each a function from a request context to a reply (no HTTP in here).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { newRecord, writeNewRecord } from '../plan/new-record.js';
import { PREVIEW_ROUTES } from './api-preview.js';
import { committeeRoute, reportFileRoute, servedRoute } from './api-committee.js';
import { cellInside, resolveInside } from './paths.js';
import { checkText, recordView, saveRecord, votersOf } from './record.js';
import { applyData } from './yaml-sync.js';
import { defaultYear, yearView } from './year-view.js';
import { setupCheckRoute, setupRoute, setupSaveRoute } from './api-cell.js';
import { planCheckRoute, planDocxRoute, planRoute, planSaveRoute } from './api-plan.js';

/** What a route is given: the served folder, the day checks count up to, the URL and (for POST) the JSON body. */
export interface ApiContext {
  /** The folder `cellctl serve` was started on (absolute). */
  root: string;
  /** Cut-off for "held so far" checks, YYYY-MM-DD. */
  asOf: string;
  url: URL;
  /** The JSON body of a POST (an object); `{}` for GET. */
  body: Record<string, unknown>;
  /** The environment of the command that started the server (where LibreOffice is looked for, as render does). */
  env: Readonly<Record<string, string | undefined>>;
}

/** A route's answer: JSON (the default) or text, with a status; refusals carry a Vietnamese `error`. */
export type ApiReply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; text: string | Buffer; type: string; headers?: Record<string, string> };

/** One route of the API. */
export interface ApiRoute {
  method: 'GET' | 'POST';
  handle(ctx: ApiContext): Promise<ApiReply> | ApiReply;
}

/** A refusal the page shows as is. */
export function refusal(status: number, error: string): ApiReply {
  return { status, json: { error } };
}

/** A record file named by the page (relative to the served folder), resolved inside it. */
export interface RecordRef {
  /** Real path (links resolved). */
  abs: string;
  /** The paths validate may know the file by (as named, and real). */
  keys: string[];
  /** As named, relative to the served folder, `/` separated. */
  rel: string;
  /** The cell folder the record belongs to: the nearest folder up to the served one with a cell.yaml. */
  cellDir: string;
}

/** The nearest folder from `dir` up to `root` that has a cell.yaml (`root` itself when none has). */
export function cellDirOf(root: string, dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'cell.yaml'))) return d;
    const rel = relative(root, d);
    if (rel === '' || rel.startsWith('..') || d === dirname(d)) return root;
  }
}

/** Resolve a page-given path to a record inside the served folder, or the refusal to send. */
export function recordRef(root: string, rel: unknown): RecordRef | ApiReply {
  const found = resolveInside(root, typeof rel === 'string' ? rel : '');
  if (!found.ok) {
    return found.why === 'outside'
      ? refusal(403, 'Chỉ đọc, ghi được tệp trong thư mục đang mở.')
      : refusal(404, 'Không có tệp hồ sơ này.');
  }
  const named = join(root, ...(rel as string).split(/[\\/]+/));
  return {
    abs: found.abs,
    keys: [named, found.abs],
    rel: relative(root, named).split(/[\\/]/).join('/'),
    cellDir: cellDirOf(root, dirname(named)),
  };
}

/** Whether `x` is a refusal rather than a resolved record. */
export function isReply(x: RecordRef | ApiReply): x is ApiReply {
  return 'status' in x;
}

const record: ApiRoute = {
  method: 'GET',
  async handle({ root, asOf, url }) {
    const r = recordRef(root, url.searchParams.get('path'));
    if (isReply(r)) return r;
    const view = await recordView(r.cellDir, r.abs, r.keys, asOf);
    return { status: 200, json: { ...view, path: r.rel } };
  },
};

const check: ApiRoute = {
  method: 'POST',
  async handle({ root, asOf, body }) {
    const r = recordRef(root, body.path);
    if (isReply(r)) return r;
    const text = applyData(readFileSync(r.abs, 'utf8'), body.data);
    const problems = await checkText(r.cellDir, r.abs, r.keys, text, asOf);
    // Counted once for both fields: each count reads the cell and its committee.yaml from disk.
    const voters = votersOf(r.cellDir, body.data);
    return { status: 200, json: { problems, eligible: voters?.eligible ?? null, voters } };
  },
};

const save: ApiRoute = {
  method: 'POST',
  handle({ root, body }) {
    const r = recordRef(root, body.path);
    if (isReply(r)) return r;
    const saved = saveRecord(r.abs, r.rel, typeof body.base === 'string' ? body.base : '', body.data, r.cellDir);
    if (!saved.ok) {
      return {
        status: 409,
        json: {
          error: 'Tệp đã bị thay đổi trên đĩa (ở cửa sổ khác hoặc chương trình khác) từ khi trang mở nó; chưa ghi gì. Xem khác biệt, rồi tải lại tệp.',
          ...saved,
        },
      };
    }
    return { status: 200, json: saved };
  },
};

/** The cell folder a request names with `cell` (relative to the served folder; '' or absent = the served folder). */
function cellParam(root: string, value: unknown): string | ApiReply {
  const rel = typeof value === 'string' ? value : '';
  if (rel === '' || rel === '.') return root;
  const found = cellInside(root, rel);
  if (!found.ok) return found.why === 'outside' ? refusal(403, 'Chỉ mở được chi bộ trong thư mục đang mở.') : refusal(404, 'Không có chi bộ này.');
  return found.dir;
}

const create: ApiRoute = {
  method: 'POST',
  handle({ root, body }) {
    const cellDir = cellParam(root, body.cell);
    if (typeof cellDir !== 'string') return cellDir;
    const date = typeof body.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(body.date) ? body.date : undefined;
    const made = newRecord(cellDir, { display: '.', ...(date ? { date } : {}) });
    writeNewRecord(made, false, relative(cellDir, made.path));
    return { status: 201, json: { path: relative(root, made.path).split(/[\\/]/).join('/') } };
  },
};

const cell: ApiRoute = {
  method: 'GET',
  async handle({ root, asOf, url }) {
    const cellDir = cellParam(root, url.searchParams.get('cell'));
    if (typeof cellDir !== 'string') return cellDir;
    const yearParam = url.searchParams.get('year');
    const year = yearParam === null ? defaultYear(cellDir, asOf) : /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
    if (Number.isNaN(year)) return refusal(400, 'Năm phải có dạng YYYY.');
    const view = await yearView(cellDir, year, asOf);
    // Files are named relative to the served folder, so that a committee's page links into its cells.
    const prefix = relative(root, cellDir).split(/[\\/]/).filter(Boolean).join('/');
    for (const m of view.months) for (const s of m.sittings) if (s.file && prefix) s.file = `${prefix}/${s.file}`;
    return { status: 200, json: { ...view, cellPath: prefix } };
  },
};

const file: ApiRoute = {
  method: 'GET',
  handle({ root, url }) {
    const found = resolveInside(resolve(root), url.searchParams.get('path') ?? '');
    if (!found.ok) {
      return found.why === 'outside' ? refusal(403, 'Chỉ đọc được tệp trong thư mục đang mở.') : refusal(404, 'Không có tệp hồ sơ này.');
    }
    return { status: 200, text: readFileSync(found.abs, 'utf8'), type: 'text/yaml; charset=utf-8' };
  },
};

/**
 * Every route of the API, by path. A new capability adds its module and one line here; the server
 * applies the same Host, Origin and token checks to all of them.
 */
export const ROUTES: Record<string, ApiRoute> = {
  '/api/cell': cell,
  '/api/record': record,
  '/api/file': file,
  '/api/check': check,
  '/api/save': save,
  '/api/new': create,
  '/api/preview': PREVIEW_ROUTES.preview,
  '/api/print': PREVIEW_ROUTES.print,
  '/api/print-info': PREVIEW_ROUTES.printInfo,
  '/api/open-out': PREVIEW_ROUTES.openOut,
  '/api/root': servedRoute,
  '/api/committee': committeeRoute,
  '/api/report-file': reportFileRoute,
  '/api/setup': setupRoute,
  '/api/setup/check': setupCheckRoute,
  '/api/setup/save': setupSaveRoute,
  '/api/plan': planRoute,
  '/api/plan/check': planCheckRoute,
  '/api/plan/save': planSaveRoute,
  '/api/plan/docx': planDocxRoute,
};
