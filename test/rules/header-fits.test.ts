import { describe, it, expect } from 'vitest';
import { lint, only, BASE_CELL, edit, positionOf } from '../helpers.js';

const RULE = 'header-fits';

async function run(text: string) {
  return only(await lint({ 'cell.yaml': text }), RULE);
}

/** A name of `words` real Vietnamese words (each 4–6 letters), as a fuzzer or a careless paste would make. */
function longName(prefix: string, words: number): string {
  const pool = ['phường', 'Hoàng', 'Liệt', 'quận', 'Hoàng', 'Mai', 'thành', 'phố', 'Hà', 'Nội'];
  return `${prefix} ${Array.from({ length: words }, (_, i) => pool[i % pool.length]).join(' ')}`;
}

describe('header-fits', () => {
  it('accepts the baseline cell and the longest real names (two or three header lines)', async () => {
    expect(await run(BASE_CELL)).toEqual([]);
    const longest = edit(BASE_CELL, (d) => {
      d.setIn(['parent', 'name'], 'Đảng ủy các cơ quan Đảng Thành phố Hồ Chí Minh');
      d.set('name', 'Chi bộ Trường Trung học phổ thông chuyên Hà Nội - Amsterdam');
    });
    expect(await run(longest)).toEqual([]);
  });

  it('reports a 45-word superior body at its name, with the limit of the layout profile', async () => {
    const text = edit(BASE_CELL, (d) => d.setIn(['parent', 'name'], longName('Đảng bộ', 45)));
    const problems = await run(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.severity).toBe('error');
    expect(problems[0]!.messageId).toBe('parentTooLong');
    expect(problems[0]!.message).toContain('chỉ chứa được 3 dòng');
    expect(problems[0]!.line).toBe(positionOf(text, 'Đảng bộ phường').line);
  });

  it('reports a cell name of 300 characters', async () => {
    const name = longName('Chi bộ', 60).slice(0, 300);
    const problems = await run(edit(BASE_CELL, (d) => d.set('name', name)));
    expect(problems.map((p) => p.messageId)).toEqual(['cellTooLong']);
    expect(problems[0]!.message).toMatch(/thành \d+ dòng/);
  });

  it('follows a cell’s own header width: a narrower column holds fewer words', async () => {
    const name = 'Đảng ủy các cơ quan Đảng Thành phố Hồ Chí Minh và các đơn vị sự nghiệp';
    const wide = edit(BASE_CELL, (d) => d.setIn(['parent', 'name'], name));
    expect(await run(wide)).toEqual([]);
    const narrow = edit(wide, (d) => d.set('layout', d.createNode({ header: { leftWidth: 40 } })));
    expect((await run(narrow)).map((p) => p.messageId)).toEqual(['parentTooLong']);
  });
});
