// The serif LibreOffice prints "Times New Roman" with covers Vietnamese, and `render --pdf` says so when it does not.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vietnameseFontWarning } from '../src/render/pdf.js';
import { HAVE_OFFICE_TOOLS, copyExample, installed, runCli } from './helpers.js';

const FONTCONFIG = installed('fc-match') && installed('fc-list');
const fc = (args: string[], env: NodeJS.ProcessEnv = process.env) => execFileSync(args[0]!, args.slice(1), { encoding: 'utf8', env });
/** Font files that have Ạ (U+1EA0), the probe for Vietnamese letters. */
const vietnameseFiles = (env?: NodeJS.ProcessEnv) => fc(['fc-list', '-f', '%{file}\n', ':charset=1ea0'], env).split('\n').filter(Boolean);

/**
 * A fontconfig setup that sees only one font file without Vietnamese letters, as a machine with only the old
 * fonts-liberation 1.07 would: undefined when this machine has no such font to build it from.
 */
function fontsWithoutVietnamese(): NodeJS.ProcessEnv | undefined {
  const vietnamese = new Set(vietnameseFiles());
  const other = fc(['fc-list', '-f', '%{file}\n']).split('\n').find((f) => f && !vietnamese.has(f) && /\.(ttf|otf)$/i.test(f));
  if (!other) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-fonts-'));
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  execFileSync('mkdir', ['-p', join(dir, 'fonts')]);
  execFileSync('cp', [other, join(dir, 'fonts')]);
  return { PATH: process.env.PATH ?? '', HOME: dir, FONTCONFIG_FILE: conf };
}

describe.skipIf(!FONTCONFIG && !process.env.CI)('the font LibreOffice uses for Times New Roman', () => {
  it('covers Vietnamese (U+1EA0 Ạ); otherwise install fonts-liberation2', () => {
    const file = fc(['fc-match', '-f', '%{file}', 'Times New Roman']).trim();
    expect(
      vietnameseFiles(),
      `fc-match 'Times New Roman' gives ${file}, which has no Vietnamese letters: LibreOffice would borrow them from ` +
        `another font and headings would wrap. Install fonts-liberation2 (Liberation Serif 2.x), not fonts-liberation 1.07.`,
    ).toContain(file);
  });

  it('is metric-compatible with Times New Roman (Liberation Serif), not merely a serif with Vietnamese letters', () => {
    // A fresh machine has DejaVu Serif, which covers Vietnamese but is wider: headings would wrap where Word's do not.
    const family = fc(['fc-match', '-f', '%{family[0]}', 'Times New Roman']).trim();
    expect(['Liberation Serif', 'Times New Roman'], `fc-match 'Times New Roman' gives ${family}: install fonts-liberation2.`).toContain(family);
  });

  it('gives no --pdf warning on this machine', () => {
    expect(vietnameseFontWarning(process.env)).toBeUndefined();
  });

  const bare = FONTCONFIG ? fontsWithoutVietnamese() : undefined;

  it.skipIf(!bare)('warns, naming fonts-liberation2, where the substitute font has no Vietnamese letters', () => {
    expect(vietnameseFontWarning(bare!)).toMatch(/không có chữ tiếng Việt.*sudo apt-get install fonts-liberation2/);
    expect(vietnameseFontWarning(bare!, 'en')).toMatch(/no Vietnamese glyphs.*fonts-liberation2/);
  });

  it.skipIf(!bare || !HAVE_OFFICE_TOOLS)('render --pdf prints that warning once, in Vietnamese, and still writes the PDF', async () => {
    const cell = copyExample();
    const r = await runCli(['render', 'meetings/2026-06.yaml', '--only', 'minutes', '--pdf', '--out', 'in', '--as-of', '2026-12-31'], {
      cwd: cell,
      env: { HOME: bare!.HOME!, FONTCONFIG_FILE: bare!.FONTCONFIG_FILE! },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/fonts-liberation2/g)).toHaveLength(1);
    expect(r.stderr).toContain('Cảnh báo: phông chữ dùng thay cho Times New Roman');
    expect(r.stderr).not.toContain('Warning');
    expect(existsSync(join(cell, 'in', '2026-06-bien-ban.pdf'))).toBe(true);
  }, 120_000);
});
