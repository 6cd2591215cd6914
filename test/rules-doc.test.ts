// docs/rules.md is generated from the registry: this test fails when a rule changes and the doc does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesDoc } from '../src/rules/doc.js';
import { RULES } from '../src/rules/registry.js';
import { ROOT } from './helpers.js';

describe('docs/rules.md', () => {
  it('is up to date (run `npm run docs:rules`)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(rulesDoc());
  });

  it('documents every rule with its source, in both languages', () => {
    for (const rule of RULES) {
      expect(rule.source.length, rule.id).toBeGreaterThan(3);
      expect(rule.description.vi.length, rule.id).toBeGreaterThan(10);
      expect(rule.description.en.length, rule.id).toBeGreaterThan(10);
      for (const [id, m] of Object.entries(rule.messages)) {
        expect(m.vi.length, `${rule.id}/${id}`).toBeGreaterThan(5);
        expect(m.en.length, `${rule.id}/${id}`).toBeGreaterThan(5);
      }
    }
  });

  it('has a test file for every rule', () => {
    for (const rule of RULES) expect(() => readFileSync(join(ROOT, 'test', 'rules', `${rule.id}.test.ts`)), rule.id).not.toThrow();
  });
});
