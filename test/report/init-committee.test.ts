// cellctl init --committee writes a committee.yaml that passes its own schema and that report reads.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCommittee } from '../../src/index.js';
import { runCli } from '../helpers.js';

describe('cellctl init --committee', () => {
  it('writes committee.yaml with the $schema line and the values given, and never overwrites without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cellctl-committee-'));
    const args = ['init', 'dang-uy', '--committee', '--name', 'Đảng ủy phường Hoàng Liệt', '--parent', 'Đảng bộ thành phố Hà Nội', '--place', 'Hoàng Liệt', '--kind', 'ward'];
    const run = await runCli(args, { cwd: dir });
    expect(run.code).toBe(0);
    const text = readFileSync(join(dir, 'dang-uy', 'committee.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=.cellctl/schemas/0.1.0/committee.schema.json');
    const committee = loadCommittee(join(dir, 'dang-uy', 'committee.yaml'), 'vi');
    expect(committee).toMatchObject({ name: 'Đảng ủy phường Hoàng Liệt', kind: 'ward', place: 'Hoàng Liệt', parent: 'Đảng bộ thành phố Hà Nội', cells: [] });
    const again = await runCli(args, { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });

  it('a broken committee.yaml stops report with its file, line and column (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cellctl-committee-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'committee.yaml'), 'name: Đảng ủy phường X\nkind: town\nplace: X\ncells: []\n');
    const run = await runCli(['report', '.', '--as-of', '2026-12-31'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/committee\.yaml:2:7: /);
    expect(run.stderr).not.toContain('    at ');
  });
});
