// The pre-compiled validators the build writes (dist/schema/compiled.cjs) judge exactly as run-time ajv does.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createAjv, SCHEMA_IDS } from '../src/schema/validator.js';
import { BASE_MEETING, ROOT } from './helpers.js';

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: unknown }[] | null };

describe('standalone schema code', () => {
  const compiled = createRequire(import.meta.url)(join(ROOT, 'dist', 'schema', 'compiled.cjs')) as Record<string, Validate>;
  const ajv = createAjv();

  const samples: [string, unknown][] = [
    ...readdirSync(join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12', 'meetings')).map(
      (f): [string, unknown] => ['meeting', parse(readFileSync(join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12', 'meetings', f), 'utf8'))],
    ),
    ['cell', parse(readFileSync(join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12', 'cell.yaml'), 'utf8'))],
    ['meeting', { ...(parse(BASE_MEETING) as object), date: '2026-02-30', secretery: 'x', vote: { for: 'bảy' }, steps: [{ step: 'news-briefng' }] }],
    ['meeting', null],
    ['cell', { name: '', members: [{ name: 'A', status: 'chính thức' }] }],
  ];

  it.each(samples.map((s, i) => [i, ...s] as const))('sample %i (%s) gets the same verdict and errors', (_i, kind, data) => {
    const runtime = ajv.getSchema(SCHEMA_IDS[kind as keyof typeof SCHEMA_IDS])! as unknown as Validate;
    const standalone = compiled[kind]!;
    expect(standalone(data)).toBe(runtime(data));
    const shape = (errors: Validate['errors']) => (errors ?? []).map((e) => [e.instancePath, e.keyword, e.params]);
    expect(shape(standalone.errors)).toEqual(shape(runtime.errors));
  });
});
