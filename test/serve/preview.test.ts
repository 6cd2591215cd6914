// Preview and print in a real headless chromium against the real `cellctl serve`: the sheet follows the form, print writes what `cellctl render` writes.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, HAVE_OFFICE_TOOLS, ROOT, runCli, writeTree } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';
import { launchChromium, openWatched, serve, tokenHeader, type Served } from './browser.js';

const VIEWPORT = { width: 1366, height: 768 };
/** Screenshots for the README are written only when asked: tests must not change the repository. */
const SHOTS = process.env.CELLCTL_SCREENSHOTS === '1';
/** Wait for what the page shows to settle (the preview is rebuilt a moment after typing). */
const soon = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const JUNE = '05/6/2026 · Thường kỳ';

describe('cellctl serve: preview and print', { timeout: 180_000 }, () => {
  let browser: Browser;
  let served: Served;
  let cellDir: string;
  /** Page errors, console errors and dialogs of the pages opened with open(): none may happen. */
  const trouble: string[] = [];

  const open = async (linkText: string): Promise<Page> => {
    const { page } = await openWatched(browser, served.url, {
      viewport: VIEWPORT,
      trouble,
      // The browser logs every refusal the page expects as a failed resource (409: "Ghi đè?"); other errors count.
      ignore: (text) => text.includes('status of 409 (Conflict)'),
    });
    await page.getByRole('link', { name: linkText }).click();
    await page.waitForSelector('.sheet');
    return page;
  };
  const field = (page: Page, pointer: string) => page.locator(`[id="f:${pointer}"]`);
  const sheetText = (page: Page) => page.locator('#preview-sheet').innerText();

  beforeAll(async () => {
    cellDir = copyExample();
    served = await serve(cellDir);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    expect(await served?.stop()).toBe(0);
  });

  it('shows the minutes beside the form and follows each change without saving; tabs work by keyboard', async () => {
    const file = join(cellDir, 'meetings', '2026-06.yaml');
    const before = readFileSync(file, 'utf8');
    const page = await open(JUNE);
    await expect(page.locator('.sheet .sh-title').innerText()).resolves.toBe('BIÊN BẢN');
    await expect(sheetText(page)).resolves.toContain('CHI BỘ KHU DÂN CƯ SỐ 12');
    await expect(sheetText(page)).resolves.toContain('Chi bộ Khu dân cư số 12');
    // Beside the form, not below it, at 1366×768.
    const [form, panel] = [await page.locator('form.form').boundingBox(), await page.locator('.preview').boundingBox()];
    expect(panel!.x).toBeGreaterThan(form!.x + form!.width - 1);
    expect(panel!.y).toBeLessThan(VIEWPORT.height);
    if (SHOTS) await page.screenshot({ path: join(ROOT, 'docs', 'serve-preview.png') });

    await field(page, '/place').fill('Hội trường Tổ dân phố số 5');
    await soon(() => sheetText(page)).toContain('tại Hội trường Tổ dân phố số 5, Chi bộ Khu dân cư số 12 tiến hành');
    expect(readFileSync(file, 'utf8')).toBe(before); // nothing saved

    // Arrow keys move between the tabs (real buttons), as in any tab list.
    await page.getByRole('tab', { name: 'Biên bản' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Nghị quyết' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('tab-resolution');
    await soon(() => page.locator('.sheet .sh-title').innerText()).toBe('NGHỊ QUYẾT');
    await expect(sheetText(page)).resolves.toContain('Số 12-NQ/CB');
    await page.keyboard.press('ArrowRight');
    await soon(() => page.locator('.sheet .sh-title').innerText()).toBe('PHIẾU ĐÁNH GIÁ');
    await page.keyboard.press('Home');
    await soon(() => page.locator('.sheet .sh-title').innerText()).toBe('BIÊN BẢN');
    await page.keyboard.press('Tab'); // from the tabs to the sheet itself, to scroll it by keyboard

    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('preview-sheet');

    // Drafts print blank what has not happened, marked DỰ THẢO, as render --draft would.
    await field(page, '/status').selectOption('draft');
    await soon(() => page.locator('.sheet .sh-draft-mark').innerText()).toBe('DỰ THẢO');
    await expect(page.locator('#preview-note').innerText()).resolves.toContain('Dự thảo');
    await expect(sheetText(page)).resolves.toContain('kết thúc vào lúc … giờ … phút');

    // A record that is not data yet gets a reason, not a broken sheet.
    await field(page, '/date').fill('31/02/2026');
    await soon(() => page.locator('#preview-reason').innerText()).toMatch(/^Chưa xem trước được: còn mục chưa điền hoặc chưa đúng \(xem danh sách Kiểm tra\)/);
    // No file position on the page: the list names the field.
    await expect(page.locator('#preview-reason').innerText()).resolves.not.toMatch(/dòng \d|cột \d/);
    expect(trouble).toEqual([]);
    await page.close();
  });

  it('shows what is typed as text: the server escapes it, and the CSP would stop a script anyway', async () => {
    const page = await open(JUNE);
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)> & Co';
    await field(page, '/place').fill(evil);
    await soon(() => sheetText(page)).toContain(`tại ${evil}, Chi bộ`);
    await expect(page.locator('#preview-sheet script, #preview-sheet img').count()).resolves.toBe(0);
    await expect(page.locator('#preview-sheet').innerHTML()).resolves.toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; Co');
    expect(trouble).toEqual([]);

    // Were unescaped HTML ever inserted, the page's CSP refuses its inline handlers: nothing runs (the
    // browser reports the refusal on the console, which this part expects).
    page.removeAllListeners('console');
    const blocked = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; violated: string }>((done) => {
          let violated = 'none';
          document.addEventListener('securitypolicyviolation', (e) => (violated = e.violatedDirective));
          document.querySelector('#preview-sheet .sheet')!.insertAdjacentHTML('beforeend', '<img src="/favicon.ico" onload="window.pwned = true" onerror="window.pwned = true">');
          setTimeout(() => done({ ran: (window as { pwned?: boolean }).pwned === true, violated }), 1500);
        }),
    );
    expect(blocked.ran).toBe(false);
    expect(blocked.violated).toMatch(/^script-src/);

    // Only records inside the served folder, only the three documents.
    const api = (body: object) => page.request.post(new URL('/api/preview', served.url).href, { data: body, headers: tokenHeader(served) });
    const outside = await api({ path: '../chi-bo-khu-dan-cu-12/cell.yaml', doc: 'minutes' });
    expect(outside.status()).toBe(403);
    expect((await outside.json()).error).toBe('Chỉ đọc, ghi được tệp trong thư mục đang mở.');
    expect((await api({ path: 'meetings/2026-06.yaml', doc: 'bao-cao' })).status()).toBe(400);
    await page.close();
  });

  it('prints the saved record: the files, their SHA-256 as on disk, the bytes of cellctl render; asks before overwriting', async () => {
    const page = await open(JUNE);
    const files = ['2026-06-bien-ban.docx', '2026-06-nghi-quyet.docx', '2026-06-phieu-danh-gia.docx'];
    const outDir = join(cellDir, 'out');

    // Unsaved changes: the buttons wait for a save, and the server refuses a version it does not have.
    await field(page, '/place').fill('Hội trường Khu dân cư số 12');
    await soon(() => page.locator('#print-hint').innerText()).toBe('Lưu trước khi in.');
    await expect(page.locator('#print-docx').isDisabled()).resolves.toBe(true);
    const stale = await page.request.post(new URL('/api/print', served.url).href, { data: { path: 'meetings/2026-06.yaml', base: '0'.repeat(64) }, headers: tokenHeader(served) });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error).toMatch(/^Lưu trước khi in/);
    expect(existsSync(outDir)).toBe(false);

    await page.keyboard.press('Control+s');
    await soon(() => page.locator('#save-state').innerText()).toContain('Đã lưu lúc');
    await page.locator('#print-docx').click();
    await soon(() => page.locator('.printed li').count()).toBe(3);
    const shown = page.locator('.printed .sha256');
    for (const [i, name] of files.entries()) {
      const path = join(outDir, name);
      await expect(shown.nth(i).getAttribute('data-file')).resolves.toBe(`out/${name}`);
      await expect(shown.nth(i).innerText()).resolves.toBe(sha256(path));
      await expect(page.locator('.printed-size').nth(i).innerText()).resolves.toBe(`(${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(statSync(path).size / 1024)} KB)`);
    }
    await expect(shown.first().evaluate((el) => getComputedStyle(el).fontFamily)).resolves.toMatch(/mono/i);
    validateOoxml(...files.map((f) => join(outDir, f)));

    // The same bytes as the real binary writes for the saved record.
    const cli = writeTree({});
    const run = await runCli(['render', 'meetings/2026-06.yaml', '--out', cli], { cwd: cellDir });
    expect(run.code).toBe(0);
    for (const name of files) expect(sha256(join(cli, name)), name).toBe(sha256(join(outDir, name)));

    // A second print asks first; only "Ghi đè" writes. With LibreOffice found, a PDF of each as well.
    const written = statSync(join(outDir, files[0]!)).mtimeMs;
    const withPdf = HAVE_OFFICE_TOOLS && (await page.locator('#print-pdf').count()) === 1;
    await page.locator(withPdf ? '#print-pdf' : '#print-docx').click();
    await soon(() => page.locator('#print-confirm').innerText()).toContain('Ghi đè?');
    await expect(page.locator('#print-confirm .printed-name').allInnerTexts()).resolves.toEqual(files.map((f) => `out/${f}`));
    expect(statSync(join(outDir, files[0]!)).mtimeMs).toBe(written);
    await page.getByRole('button', { name: 'Ghi đè' }).click();
    // LibreOffice takes a few seconds a document.
    await expect.poll(() => page.locator('.printed li, #print-error').count(), { timeout: 100_000, interval: 250 }).toBe(withPdf ? 6 : 3);
    if (withPdf) {
      const pdf = join(outDir, '2026-06-bien-ban.pdf');
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      await expect(page.locator('.printed .sha256[data-file="out/2026-06-bien-ban.pdf"]').innerText()).resolves.toBe(sha256(pdf));
    }
    for (const name of files) expect(sha256(join(outDir, name))).toBe(sha256(join(cli, name)));
    expect(trouble).toEqual([]);
    await page.close();
  });

  it('prints a draft record as render --draft does, and says so without naming the flag', async () => {
    const page = await open('05/5/2026 · Thường kỳ kết hợp chuyên đề');
    await field(page, '/status').selectOption('draft');
    await page.keyboard.press('Control+s');
    await soon(() => page.locator('#save-state').innerText()).toContain('Đã lưu lúc');
    await page.locator('#print-docx').click();
    await soon(() => page.locator('.printed .note').innerText()).toBe('Hồ sơ đang ở trạng thái Dự thảo: đã in bản dự thảo, có dấu DỰ THẢO trên mỗi trang.');
    const cli = writeTree({});
    const run = await runCli(['render', 'meetings/2026-05.yaml', '--draft', '--out', cli], { cwd: cellDir });
    expect(run.code).toBe(0);
    const names = (await page.locator('.printed .sha256').evaluateAll((els) => els.map((e) => [e.getAttribute('data-file'), e.textContent])));
    expect(names.length).toBeGreaterThan(1);
    for (const [file, hash] of names) expect(sha256(join(cli, file!.replace(/^out\//, '')))).toBe(hash);
    expect(trouble).toEqual([]);
    await page.close();
  });
});
