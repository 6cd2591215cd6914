// npm run bench: validation throughput of cellctl against ajv-cli on the same synthetic province.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProvince } from './generate.js';
import { benchRender } from './render.js';
import { benchServe } from './serve.js';
import { benchSingleFile } from './single-file.js';

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

// The committee report reads the same files once through the validator and aggregates its facts:
// target report ≤ 1.2 × validate on the same folder, peak RSS < 500 MB.
{
  const reportArgs = ['report', DATA, '--as-of', '2026-12-31', '--period', '2026', '--format', 'json'];
  const rAll = best(RUNS, () => measureCellctl(reportArgs));
  const rOne = best(RUNS, () => measureCellctl([...reportArgs, '--jobs', '1']));
  console.log('\nreport: the whole province, one row per cell, against validate on the same folder; best of', RUNS);
  for (const [name, r, v] of [['all cores', rAll, all], ['--jobs 1', rOne, one]]) {
    console.log(`  cellctl report (${name})`.padEnd(34) + `${fmt(r.ms).padStart(6)} ms  peak RSS ${fmt(r.maxRssKb / 1024)} MB  ratio report / validate: ${fmt(r.ms / v.ms, 2)}×`);
  }
}

console.log('\nrendering: minutes + resolution per meeting; best of', RUNS);
for (const line of await benchRender({ root: ROOT, data: join(ROOT, 'bench', '.data'), runs: RUNS, meetings: Number(process.env.BENCH_MEETINGS ?? 500) })) {
  console.log(line);
}

// Planning: a year of the example cell in the library (first call includes loading the holidays), and
// `cellctl plan --dry-run` as a fresh process.
{
  const { planYear } = await import('../dist/plan/generate.js');
  const { parse } = await import('yaml');
  const { readFileSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  const example = join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12');
  const cell = parse(readFileSync(join(example, 'cell.yaml'), 'utf8'));
  console.log('\nplanning: the example cell');
  let t = performance.now();
  planYear(cell, 2027);
  const first = performance.now() - t;
  t = performance.now();
  for (let y = 2028; y < 2038; y++) planYear(cell, y);
  const next = (performance.now() - t) / 10;
  const runs = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    execFileSync(process.execPath, [join(ROOT, 'bin', 'cellctl'), 'plan', example, '--year', '2027', '--dry-run'], { stdio: 'ignore' });
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  console.log(`  planYear: first year ${fmt(first)} ms (loads the holiday calendar), then ${fmt(next, 1)} ms a year`);
  console.log(`  \`cellctl plan --year 2027 --dry-run\`, fresh process: best ${fmt(runs[0] / 1000, 2)} s, median ${fmt(runs[2] / 1000, 2)} s`);
}

// cellctl serve: start-up to the first answered request and memory in use and idle, against a bare
// node:http server started the same way.
console.log(`\nserve: the example cell, against a bare node:http server started the same way; median of ${RUNS} alternate runs`);
for (const line of await benchServe({ root: ROOT, runs: RUNS })) console.log(line);

// The single-file program (npm run dist): its start-up and the example's validate against node bin/cellctl,
// and its size, raw and zipped.
console.log(`\nsingle-file program (release/), against node bin/cellctl; median of ${RUNS} alternate runs`);
for (const line of benchSingleFile({ root: ROOT, runs: RUNS })) console.log(line);
