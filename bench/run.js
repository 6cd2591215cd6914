// npm run bench: validation throughput of cellctl against ajv-cli on the same synthetic province.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProvince } from './generate.js';
import { benchRender } from './render.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'bench', '.data', 'province');
const CELLS = Number(process.env.BENCH_CELLS ?? 625);

function measureCellctl(args) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'measure.js'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
    maxBuffer: 1 << 26,
  });
  return JSON.parse(r.output[3].toString());
}

function timeCommand(cmd, args) {
  const start = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  return { ms: performance.now() - start, status: r.status, stderr: r.stderr.toString() };
}

function best(n, fn) {
  let out;
  for (let i = 0; i < n; i++) {
    const r = fn();
    if (!out || r.ms < out.ms) out = r;
  }
  return out;
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

console.log(`cellctl benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
const t0 = performance.now();
const { files, meetings } = generateProvince(DATA, CELLS);
console.log(`generated ${fmt(files)} files (${fmt(meetings)} meeting records, ${CELLS} cells; about 1 record in 25 with an error) in ${fmt(performance.now() - t0)} ms\n`);

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const base = ['validate', DATA, '--as-of', '2026-12-31', '--format', 'json'];
const all = best(RUNS, () => measureCellctl(base));
const one = best(RUNS, () => measureCellctl([...base, '--jobs', '1']));

const ajvBin = join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
if (!existsSync(ajvBin)) throw new Error('ajv-cli is not installed (npm ci installs it as a dev dependency)');
const ajv = best(RUNS, () =>
  timeCommand(process.execPath, [
    ajvBin, 'validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats',
    '-s', 'schemas/meeting.schema.json', '-r', 'schemas/common.schema.json', '-r', 'schemas/rules.schema.json',
    '-d', `${DATA}/*/*/meetings/*.yaml`,
  ]),
);

const rate = (n, ms) => (n / ms) * 1000;
const rows = [
  ['cellctl validate (all cores)', files, all.ms, all.maxRssKb],
  ['cellctl validate --jobs 1', files, one.ms, one.maxRssKb],
  ['ajv-cli (meeting schema only)', meetings, ajv.ms, undefined],
];
console.log('validation: schema + every rule + positions (cellctl); schema only (ajv-cli); best of', RUNS);
for (const [name, n, ms, rss] of rows) {
  console.log(`  ${name.padEnd(32)} ${fmt(n).padStart(6)} files  ${fmt(ms).padStart(6)} ms  ${fmt(rate(n, ms)).padStart(6)} files/s${rss ? `  peak RSS ${fmt(rss / 1024)} MB` : ''}`);
}
console.log(`  ratio cellctl (all cores) / ajv-cli: ${fmt(rate(files, all.ms) / rate(meetings, ajv.ms), 2)}×`);
console.log(`  ratio cellctl --jobs 1 / ajv-cli:    ${fmt(rate(files, one.ms) / rate(meetings, ajv.ms), 2)}×`);
console.log(`  exit codes: cellctl ${all.code} (the province has deliberate errors), ajv-cli ${ajv.status}`);

console.log('\nrendering: minutes + resolution per meeting; best of', RUNS);
for (const line of await benchRender({ root: ROOT, data: join(ROOT, 'bench', '.data'), runs: RUNS, meetings: Number(process.env.BENCH_MEETINGS ?? 500) })) {
  console.log(line);
}
