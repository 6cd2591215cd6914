// A stub from `plan --with-meetings` is a sitting planned, not held: render refuses it unless --draft, even before its day (issue 7).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, runCli } from '../helpers.js';

describe('render and stubs', () => {
  it('refuses a stub whose day has not come (validate is silent about it), and prints it as DỰ THẢO with --draft', async () => {
    const cell = copyExample();
    const planned = await runCli(['plan', cell, '--year', '2027', '--with-meetings']);
    expect(planned.code, planned.stderr).toBe(0);
    const stub = join(cell, 'meetings', '2027-01.yaml');
    expect(existsSync(stub)).toBe(true);
    // Before its day the stub is no problem for validate …
    const checked = await runCli(['validate', stub, '--as-of', '2026-12-31', '--format', 'json']);
    expect(checked.code, checked.stdout).toBe(0);
    // … but it is not a held meeting: no document without --draft, and the message says what to do.
    const out = join(cell, '..', 'out');
    const refused = await runCli(['render', stub, '--as-of', '2026-12-31', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bản khung');
    expect(refused.stderr).toContain('--draft');
    expect(refused.stderr).not.toMatch(/[Tt]he record|stub \(from/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const draft = await runCli(['render', stub, '--as-of', '2026-12-31', '--out', out, '--draft']);
    expect(draft.code, draft.stderr).toBe(0);
    expect(readdirSync(out)).toContain('2027-01-bien-ban.docx');
  }, 120_000);
});
