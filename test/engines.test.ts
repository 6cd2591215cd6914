// The install is clean on the Node the README promises: every installed package accepts the running Node.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** Every package.json under node_modules, nested ones and @scoped ones included. */
function installedPackages(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      for (const sub of readdirSync(join(dir, name))) out.push(...packageAt(join(dir, name, sub)));
      continue;
    }
    out.push(...packageAt(join(dir, name)));
  }
  return out;
}

function packageAt(pkgDir: string): string[] {
  const manifest = join(pkgDir, 'package.json');
  if (!existsSync(manifest)) return [];
  return [manifest, ...installedPackages(join(pkgDir, 'node_modules'))];
}

describe('npm ci on the supported Node', () => {
  it('installs no package whose engines.node refuses the running Node (npm would warn EBADENGINE)', () => {
    const manifests = installedPackages(join(ROOT, 'node_modules'));
    expect(manifests.length).toBeGreaterThan(50);
    const refused = manifests.flatMap((file) => {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string; engines?: { node?: string } };
      const range = pkg.engines?.node;
      if (typeof range !== 'string' || semver.validRange(range) === null) return [];
      return semver.satisfies(process.version, range, { includePrerelease: true }) ? [] : [`${pkg.name}@${pkg.version} needs node ${range}`];
    });
    expect(refused, `EBADENGINE on ${process.version}`).toEqual([]);
  });

  it('promises Node 20 in package.json, the version CI and the README use', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(semver.satisfies('20.0.0', pkg.engines.node)).toBe(true);
  });
});
