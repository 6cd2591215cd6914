// The local web server of `cellctl serve`: loopback only, a secret token, same-origin requests, a strict CSP.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CellctlError } from '../errors.js';
import { dispatcher } from './dispatch.js';

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
}

/** A running server: where it listens, the URL to open (with the token), and how to stop it. */
export interface RunningServer {
  port: number;
  token: string;
  /** `http://127.0.0.1:PORT/?token=…`: the only way in. */
  url: string;
  close(): Promise<void>;
}

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
  // The token is in the first URL: no page may pass it on as a Referer.
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

/** Largest request body: a record is a few kilobytes; the validator caps files at 2 MiB. */
const MAX_BODY = 2 * 1024 * 1024;

/** The JSON body of a POST, or undefined when it is too large, not JSON or not sent as JSON. */
async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  // Only a script of this page can send application/json here: a cross-site form cannot, even unnoticed.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

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

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Start serving `root` on 127.0.0.1. Every request must name this server in its Host (127.0.0.1 or
 * localhost with the port: a DNS-rebound name is refused), come from no other site (Origin,
 * Sec-Fetch-Site), and carry the token: in the URL once (it is then kept in an HttpOnly, SameSite=Strict
 * cookie and the browser is sent to the same address without it), or in an `Authorization: Bearer` header.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const asOf = options.asOf ?? (() => new Date().toISOString().slice(0, 10));
  let port = 0;
  const cookieName = () => `cellctl-${port}`;
  // The routes (and the validator, YAML and rules they load) live off this thread: the page shell answers
  // before any of them is loaded, and the memory they grow is given back when the page is idle.
  const api = dispatcher(options.idleMs);

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
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const routeMethod = async () => (pathname.startsWith('/api/') ? (await api.methods())[pathname] : undefined);
    // Only what is cheap to judge before the token: nothing a stranger sends may start the routes' thread.
    if (req.method !== 'GET' && req.method !== 'HEAD' && !(req.method === 'POST' && pathname.startsWith('/api/'))) {
      refuse(res, 405, 'Phương thức không được hỗ trợ.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const given = url.searchParams.get('token') ?? undefined;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (given !== undefined) {
      if (!sameSecret(given, token)) {
        refuse(res, 403, 'Mã truy cập không đúng; mở đúng địa chỉ cellctl serve đã in.');
        return;
      }
      // Keep the token out of the address bar and history: a cookie only this site sends back.
      url.searchParams.delete('token');
      send(res, 303, 'text/plain; charset=utf-8', '', {
        Location: url.pathname + url.search,
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      return;
    }
    if (!sameSecret(cookieValue(req.headers.cookie, cookieName()), token) && !sameSecret(bearer, token)) {
      refuse(res, 403, 'Thiếu mã truy cập; mở đúng địa chỉ (có ?token=…) cellctl serve đã in.');
      return;
    }
    if (req.method === 'POST' && (await routeMethod()) !== 'POST') {
      refuse(res, 405, 'Phương thức không được hỗ trợ.');
      return;
    }

    if (url.pathname === '/') {
      send(res, 200, 'text/html; charset=utf-8', INDEX_HTML);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      send(res, 204, 'image/x-icon', '');
      return;
    }
    const asset = ASSETS[url.pathname];
    if (asset !== undefined) {
      let body: string;
      try {
        body = readFileSync(join(PAGE_DIR, url.pathname.slice(1)), 'utf8');
      } catch {
        refuse(res, 500, 'Thiếu tệp giao diện; chạy npm run build rồi mở lại.');
        return;
      }
      send(res, 200, asset, body);
      return;
    }
    const method = await routeMethod();
    if (method !== undefined) {
      let body: Record<string, unknown> = {};
      if (method === 'POST') {
        const parsed = req.method === 'POST' ? await jsonBody(req) : undefined;
        if (parsed === undefined) {
          refuse(res, req.method === 'POST' ? 400 : 405, req.method === 'POST' ? 'Yêu cầu không hợp lệ (cần JSON, dưới 2 MiB).' : 'Phương thức không được hỗ trợ.');
          return;
        }
        body = parsed;
      }
      const reply = await api.handle(pathname, { root: resolve(options.root), asOf: asOf(), url, body, env: options.env ?? {} });
      if ('json' in reply) send(res, reply.status, 'application/json; charset=utf-8', `${JSON.stringify(reply.json)}\n`, reply.headers);
      else sendRaw(res, reply.status, reply.type, reply.text, reply.headers);
      return;
    }
    refuse(res, 404, 'Không có trang này.');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A broken cell.yaml or plan is the user's to fix: say which, as the CLI would; never a stack.
      const message = e instanceof CellctlError ? e.message : 'Lỗi nội bộ; chạy cellctl validate để kiểm tra hồ sơ.';
      if (!res.headersSent) refuse(res, e instanceof CellctlError ? 422 : 500, message);
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
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => void api.close().then(done));
      }),
  };
}
