// A save from the page updates an old `$schema` line to this version's schemas in the workspace, as `new` writes it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashText, saveRecord } from '../../src/serve/record.js';
import { cellctlVersion } from '../../src/schema/bundle.js';
import { BASE_CELL, BASE_MEETING, writeTree } from '../helpers.js';

describe('saving a record from the page', () => {
  it('replaces an address that does not exist with the workspace schema, written first', () => {
    const old = BASE_MEETING.replace(/^# yaml-language-server: .*$/m, '# yaml-language-server: $schema=https://unpkg.com/cellctl/schemas/meeting.schema.json');
    const dir = writeTree({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': old });
    const abs = join(dir, 'meetings', '2026-03.yaml');
    const data = parse(old) as Record<string, unknown>;
    const saved = saveRecord(abs, 'meetings/2026-03.yaml', hashText(old), { ...data, place: 'Nhà văn hóa tổ 5' }, dir);
    expect(saved.ok).toBe(true);
    const text = readFileSync(abs, 'utf8');
    const line = `# yaml-language-server: $schema=../.cellctl/schemas/${cellctlVersion()}/meeting.schema.json`;
    expect(text.split('\n')[0]).toBe(line);
    expect(text).toContain('place: Nhà văn hóa tổ 5');
    expect(existsSync(join(dir, '.cellctl', 'schemas', cellctlVersion(), 'meeting.schema.json'))).toBe(true);
  });
});
