// `cellctl --version` and `--help` load nothing heavy: the static import graph of the CLI entry stays small.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const HEAVY = ['yaml', 'ajv', 'ajv-formats', 'js-yaml', 'date-holidays', 'docx', 'handlebars'];

/** Packages reached through static `import … from` (not `import()`), starting at a built file. */
function staticPackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(entry);
  return packages;
}

describe('startup', () => {
  it('the CLI entry statically imports commander only; commands load the rest on demand', () => {
    const entry = join(ROOT, 'dist', 'cli', 'main.js');
    expect(existsSync(entry)).toBe(true);
    const packages = staticPackages(entry);
    expect([...packages]).toEqual(['commander']);
    for (const heavy of HEAVY) expect(packages.has(heavy)).toBe(false);
  });

  it('the validate command does load the engine (so the test above can fail)', () => {
    const packages = staticPackages(join(ROOT, 'dist', 'cli', 'validate-command.js'));
    expect(packages.has('yaml')).toBe(true);
    expect(packages.has('ajv')).toBe(true);
  });

  it('the serve server answers the page without loading the validator: its routes run in their own thread', () => {
    const packages = staticPackages(join(ROOT, 'dist', 'serve', 'server.js'));
    for (const heavy of HEAVY) expect(packages.has(heavy)).toBe(false);
    expect(staticPackages(join(ROOT, 'dist', 'serve', 'api-thread.js')).has('yaml')).toBe(true);
  });

  it('--version prints the package version', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'cellctl'), '--version'], { encoding: 'utf8' });
    expect(out.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
