// Property tests: the js-yaml fast path reads exactly what the authoritative `yaml` package reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseYaml, parseYamlAuthoritative } from '../src/source/yaml.js';

// Scalars that YAML 1.2 core resolves in interesting ways, and that YAML 1.1 or js-yaml's defaults read otherwise.
const TRICKY = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'True', 'FALSE', 'null', 'Null', '~', '', '0', '-0', '+12', '012', '0o17',
  '0x1F', '0b101', '1_000', '1e3', '1.5e-3', '.5', '5.', '.inf', '-.Inf', '.nan', '.NaN', '2026-03-05',
  '2026-03-05T10:00:00Z', '14:00', '1:30', '12:30:00', '1,5', 'Nguyễn Văn An', '"quoted"', "'single'", '# not comment',
  'a: b', '- x', '!tag', '%directive', '@at', '`tick`', '|', '>', '0.0', '-1', '+.5', '0e0', '00', '09', '0o8',
];

const scalarText = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 12 }), fc.integer().map(String), fc.double().map(String));

/** Random YAML documents built from lines, so the text itself (not only the data) is random. */
const yamlText = fc
  .array(
    fc.tuple(
      fc.constantFrom('', '  ', '    '),
      fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/),
      fc.constantFrom(': ', ':', '- ', ': - ', ': [', ': {'),
      scalarText,
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.map(([indent, key, sep, value]) => `${indent}${key}${sep}${value}`).join('\n'));

describe('the js-yaml fast path agrees with the yaml package', () => {
  it('on every tricky plain scalar', () => {
    for (const s of TRICKY) {
      const text = `v: ${s}\n`;
      const fast = parseYaml(text);
      const slow = parseYamlAuthoritative(text);
      expect({ s, fatal: fast.fatal }).toEqual({ s, fatal: slow.fatal });
      if (!slow.fatal) expect({ s, data: fast.data }).toEqual({ s, data: slow.data });
    }
  });

  it('on random data written out as YAML', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(...TRICKY),
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const text = stringify({ root: v });
        const fast = parseYaml(text);
        const slow = parseYamlAuthoritative(text);
        expect(fast.fatal).toBe(slow.fatal);
        expect(fast.data).toEqual(slow.data);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects, like yaml, a quoted scalar whose next line is not indented under its key (js-yaml accepts it)', () => {
    for (const text of ["a: '\na: '", 'a: "x\nb: y"', "- 'x\n- y'"]) {
      const slow = parseYamlAuthoritative(text);
      const fast = parseYaml(text);
      expect(fast.fatal, text).toBe(slow.fatal);
      expect(fast.data, text).toEqual(slow.data);
    }
    // An apostrophe inside a word opens nothing, and a quoted scalar closed on its line keeps the fast path's data.
    expect(parseYaml("a: it's\nb: 'x'").data).toEqual({ a: "it's", b: 'x' });
  });

  it('on random, often malformed, text: same data whenever yaml accepts it', () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        const slow = parseYamlAuthoritative(text);
        const fast = parseYaml(text);
        if (!slow.fatal) {
          expect(fast.fatal).toBe(false);
          expect(fast.data).toEqual(slow.data);
        } else {
          // Whatever js-yaml thought, a file the authoritative parser rejects is rejected, with its positions.
          expect(fast.fatal).toBe(true);
          expect(fast.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
