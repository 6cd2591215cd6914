// The user's guide's pictures of printed documents: made from the example by the real binary, checked, and kept current.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, HAVE_OFFICE_TOOLS, ROOT, runCli } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';

const SHOTS = process.env.CELLCTL_SCREENSHOTS === '1';
const GUIDE = join(ROOT, 'docs', 'huong-dan');
const AS_OF = ['--as-of', '2026-12-31'];

/** The .docx as LibreOffice prints it: its PDF's text (NFC, spaces collapsed), and its first page as a PNG in `png`. */
function print(docx: string, profile: string, png?: string): string {
  const dir = join(docx, '..');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000 });
  const pdf = docx.replace(/\.docx$/, '.pdf');
  if (png) {
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png.replace(/\.png$/, '')]);
  }
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

describe.skipIf(!HAVE_OFFICE_TOOLS && !process.env.CI)('the guide: printed documents from the example cell', () => {
  let work: string;
  let cell: string;
  const profile = join(tmpdir(), `lo-guide-${process.pid}`);
  beforeAll(() => {
    cell = copyExample();
    work = dirname(cell);
    if (SHOTS) mkdirSync(GUIDE, { recursive: true });
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });
  const shot = (name: string): string | undefined => (SHOTS ? join(work, name) : undefined);
  const keep = (name: string): void => {
    if (SHOTS) copyFileSync(join(work, name), join(GUIDE, name));
  };

  it('the year plan (KH) prints with its sittings', async () => {
    const run = await runCli(['plan', 'chi-bo-khu-dan-cu-12', '--year', '2027', '--docx'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    const docx = readdirSync(cell).find((f) => f === 'ke-hoach-chuyen-de-2027.docx');
    expect(docx, readdirSync(cell).join(', ')).toBeDefined();
    validateOoxml(join(cell, docx!));
    const text = print(join(cell, docx!), profile, shot('ke-hoach.png'));
    expect(text).toContain('KẾ HOẠCH');
    keep('ke-hoach.png');
  }, 180_000);

  it('the adopted minutes and resolution print signed, with their outcome', async () => {
    const out = join(work, 'out');
    const run = await runCli(['render', 'chi-bo-khu-dan-cu-12/meetings/2026-06.yaml', '--out', out, ...AS_OF], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith('.docx'));
    const minutes = files.find((f) => f.includes('bien-ban'))!;
    const resolution = files.find((f) => f.includes('nghi-quyet'))!;
    validateOoxml(join(out, minutes), join(out, resolution));
    const minutesText = print(join(out, minutes), profile, shot('bien-ban.png'));
    expect(minutesText).toContain('BIÊN BẢN');
    const resolutionText = print(join(out, resolution), profile, shot('nghi-quyet.png'));
    expect(resolutionText).toContain('NGHỊ QUYẾT');
    expect(resolutionText).not.toContain('DỰ THẢO');
    keep('bien-ban.png');
    keep('nghi-quyet.png');
  }, 180_000);

  it('the committee report (BÁO CÁO) prints', async () => {
    const committee = copyExample('dang-uy-phuong-hoang-liet');
    try {
      const file = join(committee, 'bao-cao.docx');
      const run = await runCli(['report', committee, '--period', '2026-Q4', '--format', 'docx', '--out', file, ...AS_OF], { cwd: dirname(committee) });
      expect([0, 1], run.stderr).toContain(run.code);
      expect(existsSync(file)).toBe(true);
      validateOoxml(file);
      const text = print(file, profile, SHOTS ? join(work, 'bao-cao.png') : undefined);
      expect(text).toContain('BÁO CÁO');
      keep('bao-cao.png');
    } finally {
      rmSync(committee, { recursive: true, force: true });
    }
  }, 180_000);
});
