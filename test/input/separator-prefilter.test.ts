// The thousands-separator check builds the full `yaml` Document only when a grouped number could be a whole value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { separatorProblems } from '../../src/schema/numbers.js';
import { parseYaml, type Locator } from '../../src/source/yaml.js';
import { ROOT } from '../helpers.js';

/** The real locator of `text`, counting how often the check asks it for the parsed Document. */
function counted(text: string): { locator: Locator; builds: () => number } {
  const real = parseYaml(text).locator;
  let n = 0;
  const locator: Locator = {
    text: real.text,
    locate: (pointer, key) => real.locate(pointer, key),
    source: () => {
      n++;
      return real.source!();
    },
  };
  return { locator, builds: () => n };
}

describe('thousands separators: the cheap test before the full parse', () => {
  it('a record that speaks of "1.185.000 đồng" in its text is not parsed a second time', () => {
    // Every real record names the dues collected this way; live checking in `cellctl serve` validates the
    // whole cell on each change, so this test decides how much each check allocates.
    const text = readFileSync(join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12', 'meetings', '2026-01.yaml'), 'utf8');
    expect(text).toMatch(/số tiền 1\.185\.000 đồng/);
    const { locator, builds } = counted(text);
    expect(separatorProblems(locator)).toEqual([]);
    expect(builds()).toBe(0);
  });

  it.each([
    ['a block value', 'dues:\n  amount: 560.000\n', '/dues/amount'],
    ['a value with a comment after it', 'dues:\n  amount: 560.000 # đồng\n', '/dues/amount'],
    ['a quoted value with spaces inside', 'dues:\n  paid: " 1,200 "\n', '/dues/paid'],
    ['a value on the next line', 'dues:\n  amount:\n    1.200.000\n', '/dues/amount'],
    ['a flow mapping', 'dues: {amount: 1.200.000}\n', '/dues/amount'],
    ['a flow mapping, not last', 'dues: {amount: 1.200, paid: 3}\n', '/dues/amount'],
    ['a tagged value', 'dues:\n  amount: !!int 1.200\n', '/dues/amount'],
    ['a list item of a criteria map', 'score:\n  criteria:\n    conduct: -1.000\n', '/score/criteria/conduct'],
    ['Windows line ends', 'dues:\r\n  amount: 560.000\r\n', '/dues/amount'],
  ])('still finds a grouped number typed as %s', (_what, text, path) => {
    const { locator } = counted(text);
    expect(separatorProblems(locator).map((p) => p.path)).toEqual([path]);
  });
});
