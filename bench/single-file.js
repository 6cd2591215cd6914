// Bench section: the single-file program (npm run dist) against `node bin/cellctl`: start-up, the example's validate, and its size raw and zipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(cmd, args, env) {
  const start = performance.now();
  const r = spawnSync(cmd, args, { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  return performance.now() - start;
}

/** Lines for the bench report; `runs` alternate runs of each, median shown. */
export function benchSingleFile({ root, runs }) {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const linux = join(root, 'release', `cellctl-${version}-linux-x64`);
  if (!existsSync(linux)) return ['  skipped: no release/ program (run `npm run dist` first)'];
  const cache = mkdtempSync(join(tmpdir(), 'cellctl-bench-cache-'));
  const env = { PATH: process.env.PATH ?? '', CELLCTL_CACHE_DIR: cache };
  const example = join(root, 'examples', 'chi-bo-khu-dan-cu-12');
  const first = time(linux, ['--version'], env);
  const lines = [`  first start (unpacks its files into the cache folder): ${fmt(first)} ms`];
  const cases = [
    ['--version', ['--version']],
    ['validate the example', ['validate', example, '--as-of', '2026-12-31']],
  ];
  for (const [name, args] of cases) {
    const sea = [];
    const npm = [];
    for (let i = 0; i < runs; i++) {
      sea.push(time(linux, args, env));
      npm.push(time(process.execPath, [join(root, 'bin', 'cellctl'), ...args], env));
    }
    lines.push(`  ${name.padEnd(22)} single-file ${fmt(median(sea)).padStart(5)} ms   node bin/cellctl ${fmt(median(npm)).padStart(5)} ms   ratio ${fmt(median(sea) / median(npm), 2)}×`);
  }
  rmSync(cache, { recursive: true, force: true });
  for (const name of [`cellctl-${version}-linux-x64`, `cellctl-${version}-win-x64.exe`]) {
    const file = join(root, 'release', name);
    if (!existsSync(file)) continue;
    // Deflate at level 9 is what a .zip of the one file holds (less the few bytes of its headers).
    const zipped = deflateRawSync(readFileSync(file), { level: 9 }).length;
    lines.push(`  ${name.padEnd(32)} ${fmt(statSync(file).size / 1e6, 1).padStart(6)} MB raw  ${fmt(zipped / 1e6, 1).padStart(5)} MB zipped`);
  }
  return lines;
}
