// Serve benchmark: `cellctl serve` start-up to first answered request and idle RSS after use, against a bare node:http peer.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDLE_MS } from '../dist/serve/dispatch.js';

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/**
 * The peer: the smallest server started the same way (a fresh `node` process on a script that listens on
 * 127.0.0.1, prints its URL and answers every request with a short page). What cellctl costs above it is
 * what cellctl itself adds.
 */
const PEER = `
import { createServer } from 'node:http';
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(JSON.stringify({ ok: true, size: body.length })); });
});
server.listen({ host: '127.0.0.1', port: 0 }, () => {
  process.stdout.write('Mở trang: http://127.0.0.1:' + server.address().port + '/#t=' + '0'.repeat(64) + '\\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** One HTTP request; resolves with status, headers and body. */
function http(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Resident set size of a process in kB, from /proc (Linux). */
function rssKb(pid) {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/**
 * Start `args` as a fresh node process, wait for the URL it prints, and time until the first request to
 * that URL is answered (the moment a browser would see the page).
 */
async function start(args) {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { PATH: process.env.PATH ?? '' } });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c) => {
      out += c;
      const m = /Mở trang: (http:\/\/127\.0\.0\.1:\d+\/#t=[0-9a-f]{64})\n/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
  const first = await http(url);
  const ms = performance.now() - t0;
  // The token rides in the URL's fragment; the page sends it in a header (there is no cookie).
  if (first.status !== 200) throw new Error(`/: ${first.status}`);
  return {
    ms,
    url,
    token: new URL(url).hash.slice('#t='.length),
    pid: child.pid,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The secretary's use of the page: the year view, a record, 20 live checks of edits, and one save. */
async function use(server, { peer }) {
  const base = new URL(server.url).origin;
  const headers = { 'X-Cellctl-Token': server.token };
  const path = 'meetings/2026-05.yaml';
  await http(`${base}/`, { headers });
  await http(`${base}/app.js`, { headers });
  await http(`${base}/api/cell`, { headers });
  const rec = await http(`${base}/api/record?path=${encodeURIComponent(path)}`, { headers });
  const view = peer ? { data: { place: '' }, hash: '' } : JSON.parse(rec.text);
  if (!peer && rec.status !== 200) throw new Error(`/api/record: ${rec.status} ${rec.text}`);
  const checks = [];
  for (let i = 0; i < 20; i++) {
    const data = { ...view.data, place: `Hội trường ${i}` };
    const t = performance.now();
    const r = await http(`${base}/api/check`, { method: 'POST', headers, body: JSON.stringify({ path, data }) });
    checks.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`/api/check: ${r.status} ${r.text}`);
  }
  const saved = await http(`${base}/api/save`, { method: 'POST', headers, body: JSON.stringify({ path, base: view.hash, data: { ...view.data, place: 'Hội trường' } }) });
  if (!peer && saved.status !== 200) throw new Error(`/api/save: ${saved.status} ${saved.text}`);
  return median(checks);
}

/** Time of one live check (the first after the idle pause starts the routes' thread again). */
async function oneCheck(server) {
  const base = new URL(server.url).origin;
  const t = performance.now();
  const r = await http(`${base}/api/check`, { method: 'POST', headers: { 'X-Cellctl-Token': server.token }, body: JSON.stringify({ path: 'meetings/2026-05.yaml', data: {} }) });
  if (r.status !== 200) throw new Error(`/api/check: ${r.status} ${r.text}`);
  return performance.now() - t;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * `cellctl serve` against the peer, each started `runs` times alternately (so both see the same load):
 * start-up to the first answered request, RSS right after that, RSS right after 20 live checks and a save
 * (the page in use), and idle RSS once the routes' thread has ended (IDLE_MS without a request, plus 2 s).
 */
export async function benchServe({ root, runs = 3, idleMs = IDLE_MS + 2000 }) {
  const example = join(root, 'examples', 'chi-bo-khu-dan-cu-12');
  const peerFile = join(mkdtempSync(join(tmpdir(), 'cellctl-bench-serve-')), 'peer.mjs');
  writeFileSync(peerFile, PEER);
  const out = { cellctl: [], peer: [] };
  for (let i = 0; i < runs; i++) {
    for (const who of ['cellctl', 'peer']) {
      const dir = mkdtempSync(join(tmpdir(), 'cellctl-bench-serve-'));
      cpSync(example, dir, { recursive: true });
      const args = who === 'cellctl' ? [join(root, 'bin', 'cellctl'), 'serve', dir, '--no-open'] : [peerFile];
      const server = await start(args);
      const startRss = rssKb(server.pid);
      const checkMs = await use(server, { peer: who === 'peer' });
      const busyRss = rssKb(server.pid);
      await new Promise((r) => setTimeout(r, idleMs));
      const idleRss = rssKb(server.pid);
      const wakeMs = await oneCheck(server);
      const code = await server.stop();
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) throw new Error(`${who} exited with ${code}`);
      out[who].push({ ms: server.ms, startRss, busyRss, idleRss, checkMs, wakeMs });
    }
  }
  rmSync(join(peerFile, '..'), { recursive: true, force: true });
  const summary = (xs) => ({
    ms: median(xs.map((x) => x.ms)),
    startRss: median(xs.map((x) => x.startRss)),
    busyRss: median(xs.map((x) => x.busyRss)),
    idleRss: median(xs.map((x) => x.idleRss)),
    checkMs: median(xs.map((x) => x.checkMs)),
    wakeMs: median(xs.map((x) => x.wakeMs)),
  });
  const c = summary(out.cellctl);
  const p = summary(out.peer);
  return [
    `  \`cellctl serve\` start to first answer: median ${fmt(c.ms)} ms; bare node:http peer ${fmt(p.ms)} ms; ratio ${fmt(c.ms / p.ms, 2)}×`,
    `  RSS after start:                      cellctl ${fmt(c.startRss / 1024, 1)} MB; peer ${fmt(p.startRss / 1024, 1)} MB`,
    `  RSS right after 20 checks + a save:   cellctl ${fmt(c.busyRss / 1024, 1)} MB; peer ${fmt(p.busyRss / 1024, 1)} MB`,
    `  idle RSS (${fmt(idleMs / 1000)} s after the last request): cellctl ${fmt(c.idleRss / 1024, 1)} MB; peer ${fmt(p.idleRss / 1024, 1)} MB; ratio ${fmt(c.idleRss / p.idleRss, 2)}×`,
    `  one live check (the whole cell validated): median ${fmt(c.checkMs)} ms; the peer's answer to the same request ${fmt(p.checkMs, 1)} ms`,
    `  the first check after the idle pause (a new thread): median ${fmt(c.wakeMs)} ms; peer ${fmt(p.wakeMs, 1)} ms`,
  ];
}

// Run alone: node bench/serve.js
if (import.meta.url === `file://${process.argv[1]}`) {
  const { dirname } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  console.log(`serve: the example cell, median of ${process.env.BENCH_RUNS ?? 3} alternate runs`);
  for (const line of await benchServe({ root, runs: Number(process.env.BENCH_RUNS ?? 3) })) console.log(line);
}
