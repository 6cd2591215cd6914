// The schemas cellctl saves and prints are self-contained, and every file it writes points at them by a path that resolves.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/lint/collect.js';
import { bundledSchema, bundledSchemaText, cellctlVersion } from '../../src/schema/bundle.js';
import { addDateFormat, createAjv, EDITOR_KEYWORDS, SCHEMA_FILES, SCHEMA_IDS, SCHEMA_NAMES } from '../../src/schema/validator.js';
import { withSchemaLine } from '../../src/schema/workspace.js';
import type { DocumentKind } from '../../src/model.js';
import { copyExample, ROOT, runCli } from '../helpers.js';

/** Every `$ref` in a schema. */
function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (node === null || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  return [...(typeof n.$ref === 'string' ? [n.$ref] : []), ...Object.values(n).flatMap(refs)];
}

/** An ajv that knows nothing but the one schema text it is given, as an editor that finds that file alone. */
function alone(text: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addDateFormat(ajv);
  for (const keyword of EDITOR_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['string', 'array'] });
  return ajv.compile(JSON.parse(text) as object);
}

/** Every YAML file under a folder, with cellctl's own folder left out. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === '.cellctl' || e.name === 'node_modules') return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(e.name) ? [path] : [];
  });
}

const SCHEMA_LINE = /^# yaml-language-server: \$schema=(\S+)\n/;

describe('self-contained schemas', () => {
  it.each(SCHEMA_NAMES)('%s: every reference stays inside the file, and ajv compiles it alone', (name) => {
    const schema = bundledSchema(name);
    expect(schema.$id).toBe(`${name}.schema.json`);
    for (const ref of refs(schema)) {
      expect(ref).toMatch(/^#\/\$defs\/[A-Za-z]+$/);
      expect((schema.$defs as Record<string, unknown>)[ref.slice('#/$defs/'.length)]).toBeDefined();
    }
    expect(() => alone(bundledSchemaText(name))).not.toThrow();
  });

  it.each(SCHEMA_NAMES)('%s: every field has its own description, and every pattern or format a Vietnamese message', (name) => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${path}/${i}`));
      if (node === null || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if ((n.pattern !== undefined || n.format !== undefined) && typeof (n.patternErrorMessage ?? n.errorMessage) !== 'string') missing.push(`${path} (message)`);
      if (Array.isArray(n.enum) && typeof n.errorMessage !== 'string') missing.push(`${path} (enum message)`);
      for (const [key, child] of Object.entries((n.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) {
        if (typeof child.description !== 'string' && typeof child.$ref !== 'string') missing.push(`${path}/${key}`);
        // A field built from a shared definition says what it is itself, not what the shared type is.
        if (typeof child.$ref === 'string' && typeof child.description !== 'string' && !/\/\$defs\/(ruleset|meetingKind|step|resolution|member)$/.test(child.$ref)) missing.push(`${path}/${key} ($ref)`);
      }
      // `if` only selects a case: an editor shows no help from it.
      for (const [key, child] of Object.entries(n)) if (key !== 'if') walk(child, `${path}/${key}`);
    };
    walk(bundledSchema(name), '');
    expect(missing).toEqual([]);
  });

  it('judges every example file as the shipped validator does', () => {
    const shipped = createAjv();
    const files = yamlFiles(join(ROOT, 'examples'));
    expect(files.length).toBeGreaterThan(50);
    const compiled = new Map<DocumentKind, ReturnType<typeof alone>>();
    for (const file of files) {
      const kind = classify(file);
      if (!compiled.has(kind)) compiled.set(kind, alone(bundledSchemaText(kind)));
      const data = parse(readFileSync(file, 'utf8')) as unknown;
      const bundled = compiled.get(kind)!;
      expect(bundled(data), file).toBe(shipped.getSchema(SCHEMA_IDS[kind])!(data));
    }
    // And a wrong file is wrong for both, at the same places.
    const broken = { ...(parse(readFileSync(join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12', 'meetings', '2026-01.yaml'), 'utf8')) as object), status: 'nháp', date: '2026-02-30' };
    const bundled = compiled.get('meeting')!;
    const runtime = shipped.getSchema(SCHEMA_IDS.meeting)!;
    expect(bundled(broken)).toBe(false);
    expect(runtime(broken)).toBe(false);
    const places = (errors: typeof bundled.errors) => [...new Set((errors ?? []).map((e) => e.instancePath))].sort();
    expect(places(bundled.errors)).toEqual(places(runtime.errors));
  });

  it('`cellctl schema meeting` prints the self-contained schema, which works saved on its own', async () => {
    const run = await runCli(['schema', 'meeting']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(bundledSchemaText('meeting'));
    expect(run.stdout).not.toContain('common.schema.json');
    expect(run.stdout).not.toMatch(/https?:\/\/(?!json-schema\.org)/);
    const validate = alone(run.stdout);
    const record = parse(readFileSync(join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12', 'meetings', '2026-03.yaml'), 'utf8')) as unknown;
    expect(validate(record)).toBe(true);
  });
});

describe('the $schema line of every file', () => {
  it('points each example file at the saved schema of its kind, which is what this cellctl prints', () => {
    for (const file of yamlFiles(join(ROOT, 'examples'))) {
      const m = SCHEMA_LINE.exec(readFileSync(file, 'utf8'));
      expect(m, file).not.toBeNull();
      const target = join(dirname(file), m![1]!);
      expect(m![1], file).toMatch(new RegExp(`\\.cellctl/schemas/${cellctlVersion().replaceAll('.', '\\.')}/${SCHEMA_FILES[classify(file)]}$`));
      expect(existsSync(target), `${relative(ROOT, file)} → ${m![1]}`).toBe(true);
      // Regenerate with: npm run examples:schemas
      expect(readFileSync(target, 'utf8'), target).toBe(bundledSchemaText(classify(file)));
    }
  });

  it('replaces an older line in place and adds a missing one on top', () => {
    const line = ' yaml-language-server: $schema=../.cellctl/schemas/9.9.9/meeting.schema.json';
    const unpkg = '# yaml-language-server: $schema=https://unpkg.com/cellctl/schemas/meeting.schema.json\n# Biên bản.\nkind: regular\n';
    expect(withSchemaLine(unpkg, line)).toBe(`#${line}\n# Biên bản.\nkind: regular\n`);
    expect(withSchemaLine('\uFEFF#yaml-language-server: $schema=../../schemas/meeting.schema.json\r\nkind: regular\r\n', line)).toBe(`\uFEFF#${line}\r\nkind: regular\r\n`);
    expect(withSchemaLine('# Biên bản.\nkind: regular\n', line)).toBe(`#${line}\n# Biên bản.\nkind: regular\n`);
  });

  it('`cellctl new` and `cellctl plan --force` write the current line where the cell had an older one', async () => {
    const cellDir = copyExample();
    const parent = dirname(cellDir);
    // The cell as an older cellctl left it: unpkg addresses, and the repository's relative paths.
    for (const file of yamlFiles(cellDir)) {
      const text = readFileSync(file, 'utf8');
      const old = file.includes('meetings') ? '$schema=../../schemas/meeting.schema.json' : '$schema=https://unpkg.com/cellctl/schemas/plan.schema.json';
      writeFileSync(file, text.replace(/\$schema=\S+/, old));
    }
    const made = await runCli(['new', 'chi-bo-khu-dan-cu-12', '--date', '2027-01-05'], { cwd: parent });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const record = readFileSync(join(cellDir, 'meetings', '2027-01.yaml'), 'utf8');
    expect(SCHEMA_LINE.exec(record)?.[1]).toBe(`../.cellctl/schemas/${cellctlVersion()}/meeting.schema.json`);
    const planned = await runCli(['plan', 'chi-bo-khu-dan-cu-12', '--year', '2026', '--force'], { cwd: parent });
    expect(planned.code).toBe(0);
    const plan = readFileSync(join(cellDir, 'plan-2026.yaml'), 'utf8');
    expect(SCHEMA_LINE.exec(plan)?.[1]).toBe(`.cellctl/schemas/${cellctlVersion()}/plan.schema.json`);
    expect(readFileSync(join(cellDir, '.cellctl', 'schemas', cellctlVersion(), 'meeting.schema.json'), 'utf8')).toBe(bundledSchemaText('meeting'));
  });

  it('a cell made inside a committee folder uses the committee\'s one copy of the schemas', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cellctl-committee-'));
    const committee = await runCli(['init', 'dang-uy', '--committee', '--name', 'Đảng ủy phường Hoàng Liệt', '--parent', 'Đảng bộ thành phố Hà Nội', '--place', 'Hoàng Liệt', '--kind', 'ward'], { cwd: dir });
    expect(committee.stderr).toBe('');
    const init = await runCli(['init', 'dang-uy/chi-bo-1', '--name', 'Chi bộ Khu dân cư số 1', '--parent', 'Đảng bộ phường Hoàng Liệt', '--place', 'Hoàng Liệt'], { cwd: dir });
    expect(init.stderr).toBe('');
    expect(SCHEMA_LINE.exec(readFileSync(join(dir, 'dang-uy', 'committee.yaml'), 'utf8'))?.[1]).toBe(`.cellctl/schemas/${cellctlVersion()}/committee.schema.json`);
    expect(SCHEMA_LINE.exec(readFileSync(join(dir, 'dang-uy', 'chi-bo-1', 'cell.yaml'), 'utf8'))?.[1]).toBe(`../.cellctl/schemas/${cellctlVersion()}/cell.schema.json`);
    expect(existsSync(join(dir, 'dang-uy', '.cellctl', 'schemas', cellctlVersion(), 'cell.schema.json'))).toBe(true);
    expect(existsSync(join(dir, 'dang-uy', 'chi-bo-1', '.cellctl'))).toBe(false);

    // The roster filled in, a year planned with its stubs, a record started: every file points at a schema that is there.
    const cellFile = join(dir, 'dang-uy', 'chi-bo-1', 'cell.yaml');
    const roster = 'members:\n' + ['an', 'binh', 'cuong'].map((id, i) => `  - { id: ${id}, name: Đảng viên ${id}, status: official${i === 0 ? ', role: secretary' : ''} }\n`).join('');
    writeFileSync(cellFile, readFileSync(cellFile, 'utf8').replace(/^members:\n/m, roster).replace(/^recordsFrom: .*$/m, 'recordsFrom: 2027-01'));
    for (const args of [['plan', 'dang-uy/chi-bo-1', '--year', '2027', '--with-meetings'], ['new', 'dang-uy/chi-bo-1', '--date', '2027-01-06', '--force']]) {
      const run = await runCli(args, { cwd: dir });
      expect(run.stderr, args.join(' ')).toBe('');
    }
    const files = yamlFiles(join(dir, 'dang-uy'));
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const m = SCHEMA_LINE.exec(readFileSync(file, 'utf8'));
      expect(m, file).not.toBeNull();
      expect(readFileSync(join(dirname(file), m![1]!), 'utf8'), file).toBe(bundledSchemaText(classify(file)));
    }
  });
});
