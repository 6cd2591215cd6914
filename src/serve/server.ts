// The local web server of `cellctl serve`: loopback only, a secret token, same-origin requests, a strict CSP.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CellctlError } from '../errors.js';
import { resolveInside } from './paths.js';
import { yearView } from './year-view.js';

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

/** The first page, until the year view is built: static, no script. */
const INDEX_HTML = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>cellctl</title></head>
<body>
<h1>cellctl serve</h1>
<p>Máy chủ đang chạy trên máy này. Dữ liệu năm của chi bộ: <a href="/api/cell">/api/cell</a>.</p>
</body>
</html>
`;

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
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
    if (req.method !== 'GET' && req.method !== 'HEAD') {
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

    if (url.pathname === '/') {
      send(res, 200, 'text/html; charset=utf-8', INDEX_HTML);
      return;
    }
    if (url.pathname === '/api/cell') {
      const day = asOf();
      const yearParam = url.searchParams.get('year');
      const year = yearParam === null ? Number(day.slice(0, 4)) : /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
      if (Number.isNaN(year)) {
        refuse(res, 400, 'Năm phải có dạng YYYY.');
        return;
      }
      send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify(await yearView(options.root, year, day))}\n`);
      return;
    }
    if (url.pathname === '/api/file') {
      const found = resolveInside(options.root, url.searchParams.get('path') ?? '');
      if (!found.ok) {
        if (found.why === 'outside') refuse(res, 403, 'Chỉ đọc được tệp trong thư mục chi bộ đang mở.');
        else refuse(res, 404, 'Không có tệp hồ sơ này.');
        return;
      }
      send(res, 200, 'text/yaml; charset=utf-8', readFileSync(found.abs, 'utf8'));
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
        server.close(() => done());
      }),
  };
}
