// The local web server of `cellctl serve`: loopback only, a secret token in a header (no cookie), same-origin requests, a strict CSP.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CellctlError } from '../errors.js';
import { readJsonBody, type BodyRefusal } from './body.js';
import { dispatcher, pageError } from './dispatch.js';

/** Options of startServer. */
export interface ServeOptions {
  /** The folder served: a cell folder (with cell.yaml). */
  root: string;
  /** TCP port on 127.0.0.1; 0 (default) lets the system choose a free one. */
  port?: number;
  /** The access token (default: 32 random bytes, hex); tests may fix it. */
  token?: string;
  /** Cut-off for the year view's "held so far" checks, YYYY-MM-DD (default: today). */
  asOf?: () => string;
  /** Milliseconds without a request after which the thread running the routes ends (default IDLE_MS). */
  idleMs?: number;
  /** The environment the routes may read (PATH and CELLCTL_SOFFICE, to find LibreOffice for PDFs); default none. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The clock the opener's codes expire by, in milliseconds (default Date.now); tests move it. */
  now?: () => number;
}

/** A running server: where it listens, the URLs to open it by, and how to stop it. */
export interface RunningServer {
  port: number;
  token: string;
  /**
   * `http://127.0.0.1:PORT/#t=TOKEN`, for the user's own terminal: the token rides in the fragment, which a
   * browser never sends to any server; the page keeps it in the tab's sessionStorage.
   */
  url: string;
  /**
   * A new `http://127.0.0.1:PORT/#c=CODE` for a browser opener. A command line is visible to every user of
   * the machine (ps), so it carries only a code that the page trades once, within CODE_MS, for the token.
   */
  openUrl(): string;
  close(): Promise<void>;
}

/** How long a code handed to the browser opener can be traded for the token. */
export const CODE_MS = 60_000;

/** The header the page sends the token in on every API call (`Authorization: Bearer` is taken too). */
export const TOKEN_HEADER = 'x-cellctl-token';

/**
 * The Content-Security-Policy of every response: the page's own scripts, styles and API only; no inline
 * script, no framing, no form posting elsewhere, no plugin.
 */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // No page may pass its address on as a Referer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** The page shell: the bundle and its styles are separate files, so the CSP needs no inline script. */
const INDEX_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cellctl — hồ sơ sinh hoạt chi bộ</title>
<link rel="stylesheet" href="/app.css">
<script type="module" src="/app.js"></script>
</head>
<body>
<div id="app"><p>Đang tải…</p></div>
<noscript>Trang cần JavaScript; bật JavaScript trong trình duyệt.</noscript>
</body>
</html>
`;

/** The page bundle, built by scripts/build-page.js into dist/page (from src/serve or dist/serve alike). */
const PAGE_DIR = fileURLToPath(new URL('../../dist/page/', import.meta.url));
const ASSETS: Record<string, string> = { '/app.js': 'text/javascript; charset=utf-8', '/app.css': 'text/css; charset=utf-8' };

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  sendRaw(res, status, type, body, extra);
}

function sendRaw(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** A refusal as JSON with a Vietnamese message (the page shows it; a person reading it knows what to do). */
function refuse(res: ServerResponse, status: number, message: string): void {
  send(res, status, 'application/json; charset=utf-8', `${JSON.stringify({ error: message })}\n`);
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The page's own files, served to anyone who passes the Host and Origin checks: they hold no secret. */
function serveShell(res: ServerResponse, pathname: string): boolean {
  if (pathname === '/') {
    send(res, 200, 'text/html; charset=utf-8', INDEX_HTML);
    return true;
  }
  if (pathname === '/favicon.ico') {
    send(res, 204, 'image/x-icon', '');
    return true;
  }
  const asset = ASSETS[pathname];
  if (asset === undefined) return false;
  let body: string;
  try {
    body = readFileSync(join(PAGE_DIR, pathname.slice(1)), 'utf8');
  } catch {
    refuse(res, 500, 'Thiếu tệp giao diện; chạy npm run build rồi mở lại.');
    return true;
  }
  send(res, 200, asset, body);
  return true;
}

/** Why a body was refused, in words the page shows as they are. */
const BODY_REFUSED: Record<BodyRefusal, { status: number; message: string }> = {
  'not-json': { status: 400, message: 'Yêu cầu không hợp lệ: trang phải gửi dữ liệu dạng JSON.' },
  'too-large': { status: 413, message: 'Dữ liệu gửi lên quá lớn (quá 1 MiB); một hồ sơ chỉ vài KB. Tải lại trang rồi thử lại.' },
  'too-deep': { status: 413, message: 'Dữ liệu gửi lên lồng nhau quá sâu (quá 32 tầng); hồ sơ không có dạng này. Tải lại trang rồi thử lại.' },
  'too-many': { status: 413, message: 'Dữ liệu gửi lên có quá nhiều mục (quá 5.000 mục, hoặc quá 200 trường trong một mục); hồ sơ không có chừng ấy. Tải lại trang rồi thử lại.' },
  'bad-json': { status: 400, message: 'Yêu cầu không hợp lệ: dữ liệu gửi lên không đọc được (JSON hỏng).' },
  'not-object': { status: 400, message: 'Yêu cầu không hợp lệ: dữ liệu gửi lên phải là một đối tượng JSON.' },
};

/** One-time codes for the browser opener: each is traded once, before its deadline, for the token. */
class OpenCodes {
  private readonly codes = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /** A new code, good for CODE_MS. */
  mint(): string {
    const now = this.now();
    for (const [code, until] of this.codes) if (until < now) this.codes.delete(code);
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, now + CODE_MS);
    return code;
  }

  /** Whether `code` is a live code; it is used up either way. */
  take(code: unknown): boolean {
    if (typeof code !== 'string' || !this.codes.has(code)) return false;
    const until = this.codes.get(code)!;
    this.codes.delete(code);
    return until >= this.now();
  }
}

/** `POST /session {code}`: the page trades the opener's code for the token (once; a small JSON body only). */
async function exchange(req: IncomingMessage, res: ServerResponse, codes: OpenCodes, token: string): Promise<void> {
  const body = await readJsonBody(req, 1024);
  if (!body.ok) {
    refuse(res, BODY_REFUSED[body.why].status, BODY_REFUSED[body.why].message);
    return;
  }
  if (!codes.take(body.value.code)) {
    refuse(res, 403, 'Mã mở trang đã dùng rồi hoặc đã hết hạn (mỗi mã chỉ dùng một lần, trong một phút). Mở địa chỉ cellctl serve đã in trong cửa sổ dòng lệnh.');
    return;
  }
  send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify({ token })}\n`);
}

/** The token a request carries in its header (`X-Cellctl-Token`, or `Authorization: Bearer`). */
function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
}

/**
 * Start serving `root` on 127.0.0.1. Every request must name this server in its Host (127.0.0.1 or
 * localhost with the port: a DNS-rebound name is refused) and come from no other site (Origin,
 * Sec-Fetch-Site). The page's shell is open to such requests; every API call must carry the token in a
 * header. No cookie is ever set: a browser would send it to every port of 127.0.0.1, to whatever listens there.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const asOf = options.asOf ?? (() => new Date().toISOString().slice(0, 10));
  const root = resolve(options.root);
  const codes = new OpenCodes(options.now ?? Date.now);
  let port = 0;
  // The routes (and the validator, YAML and rules they load) live off this thread: the page shell answers
  // before any of them is loaded, and the memory they grow is given back when the page is idle.
  const api = dispatcher(options.idleMs);

  /** An API call that passed the checks: its route, run off this thread. */
  const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = (await api.methods())[url.pathname];
    if (method === undefined) {
      refuse(res, 404, 'Không có trang này.');
      return;
    }
    if ((req.method === 'POST') !== (method === 'POST')) {
      refuse(res, 405, 'Phương thức không được hỗ trợ.');
      return;
    }
    let body: Record<string, unknown> = {};
    if (method === 'POST') {
      const read = await readJsonBody(req);
      if (!read.ok) {
        refuse(res, BODY_REFUSED[read.why].status, BODY_REFUSED[read.why].message);
        return;
      }
      body = read.value;
    }
    const reply = await api.handle(url.pathname, { root, asOf: asOf(), url, body, env: options.env ?? {} });
    if ('json' in reply) send(res, reply.status, 'application/json; charset=utf-8', `${JSON.stringify(reply.json)}\n`, reply.headers);
    else sendRaw(res, reply.status, reply.type, reply.text, reply.headers);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!hosts.includes((req.headers.host ?? '').toLowerCase())) {
      refuse(res, 403, 'Tên máy (Host) không phải máy này; mở đúng địa chỉ cellctl serve đã in.');
      return;
    }
    const origin = req.headers.origin;
    if ((origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) || req.headers['sec-fetch-site'] === 'cross-site') {
      refuse(res, 403, 'Yêu cầu từ trang web khác bị từ chối.');
      return;
    }
    if (!(req.url ?? '/').startsWith('/')) {
      refuse(res, 400, 'Địa chỉ yêu cầu không hợp lệ.');
      return;
    }
    // Parsed against this server: a `//host` path stays a path here, and nothing is ever redirected.
    const url = new URL(`http://127.0.0.1:${port}${(req.url ?? '/').replace(/^\/+/, '/')}`);
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (req.method === 'POST' && url.pathname === '/session') return exchange(req, res, codes, token);
    if (read && !url.pathname.startsWith('/api/') && serveShell(res, url.pathname)) return;
    // Only what is cheap to judge before the token: nothing a stranger sends may start the routes' thread.
    if (!read && req.method !== 'POST') {
      refuse(res, 405, 'Phương thức không được hỗ trợ.');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      refuse(res, 404, 'Không có trang này.');
      return;
    }
    if (!sameSecret(tokenOf(req), token)) {
      refuse(res, 403, 'Thiếu mã truy cập hoặc mã không đúng: mở đúng địa chỉ (có #t=…) cellctl serve đã in trong cửa sổ dòng lệnh.');
      return;
    }
    await route(req, res, url);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A broken cell.yaml or plan, a full disk, a folder that cannot be written: the user's to fix, said as
      // the CLI says it; never a stack.
      const known = pageError(e, root);
      const message = known instanceof CellctlError ? known.message : 'Lỗi nội bộ của cellctl serve; chạy cellctl validate để kiểm tra hồ sơ, rồi thử lại.';
      if (!res.headersSent) refuse(res, known instanceof CellctlError ? 422 : 500, message);
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#t=${token}`,
    openUrl: () => `http://127.0.0.1:${port}/#c=${codes.mint()}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => void api.close().then(done));
      }),
  };
}
