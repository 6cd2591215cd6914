// validate (and through it render and report) finds the nearest committee.yaml above a cell; --rules still wins.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report, validate } from '../../src/index.js';
import { BASE_CELL, BASE_MEETING, writeTree } from '../helpers.js';

const committee = (overrides: string) => `name: Đảng ủy phường Thử Nghiệm
kind: ward
place: Thử Nghiệm
cells:
  - { folder: cb, name: Chi bộ Khu dân cư số 5 }
overrides:
${overrides}`;

describe('nearest committee.yaml', () => {
  it('applies its overrides to a cell below it, two folders down, and --rules wins over it', async () => {
    // The base record lasts 120 minutes (14:00–16:00): a committee minimum of 150 makes it too short.
    const dir = writeTree({
      'committee.yaml': committee('  duration-min: { options: { regular: 150 } }\n'),
      'nhom/cb/cell.yaml': BASE_CELL,
      'nhom/cb/meetings/2026-03.yaml': BASE_MEETING,
      'rules.yaml': 'duration-min: { options: { regular: 90 } }\n',
    });
    const cell = join(dir, 'nhom', 'cb');
    const found = await validate([cell], { asOf: '2026-03-31' });
    const short = found.results.flatMap((r) => r.problems).filter((p) => p.ruleId === 'duration-min');
    expect(short.map((p) => p.data)).toEqual([{ actual: 120, min: 150, kind: 'regular' }]);
    const flag = await validate([cell], { asOf: '2026-03-31', rulesFile: join(dir, 'rules.yaml') });
    expect(flag.results.flatMap((r) => r.problems).filter((p) => p.ruleId === 'duration-min')).toEqual([]);
  });

  it('is not read as a meeting record when the committee folder itself is validated', async () => {
    const dir = writeTree({
      'committee.yaml': committee('  duration-min: { options: { regular: 90 } }\n'),
      'cb/cell.yaml': BASE_CELL,
      'cb/meetings/2026-03.yaml': BASE_MEETING,
    });
    const result = await validate([dir], { asOf: '2026-03-31' });
    expect(result.results.map((r) => r.file)).not.toContain(join(dir, 'committee.yaml'));
    expect(result.results.flatMap((r) => r.problems).filter((p) => p.ruleId === 'schema')).toEqual([]);
  });

  it('a broken committee.yaml stops validate as a broken --rules file does', async () => {
    const dir = writeTree({
      'committee.yaml': committee('  no-such-rule: { severity: "off" }\n'),
      'cb/cell.yaml': BASE_CELL,
    });
    await expect(validate([join(dir, 'cb')], { asOf: '2026-03-31' })).rejects.toThrow(/committee\.yaml:7:3/);
  });

  it('report on a folder of cells without committee.yaml has one row per cell, and none for the folder itself', async () => {
    const dir = writeTree({
      'cb-a/cell.yaml': BASE_CELL,
      'cb-a/meetings/2026-03.yaml': BASE_MEETING,
      'cb-b/cell.yaml': BASE_CELL.replace('Chi bộ Khu dân cư số 5', 'Chi bộ Khu dân cư số 6'),
      'cb-b/meetings/2026-03.yaml': BASE_MEETING,
    });
    const r = await report(['.'], { cwd: dir, period: '2026-03', asOf: '2026-03-31' });
    expect(r.cells.map((c) => [c.folder, c.status])).toEqual([
      ['cb-a', 'ok'],
      ['cb-b', 'ok'],
    ]);
  });
});
