// The secretary's page in a real headless chromium against the real `cellctl serve`: year view, form, live checks, saving.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, ROOT, runCli } from '../helpers.js';
import { launchChromium, openWatched, serve, type Served } from './browser.js';

const VIEWPORT = { width: 1366, height: 768 };
/** Screenshots for the README are written only when asked: tests must not change the repository. */
const SHOTS = process.env.CELLCTL_SCREENSHOTS === '1';
/** Wait for what the page shows to settle (a live check runs a moment after typing). */
const soon = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });

describe('cellctl serve: the page in a browser', { timeout: 60_000 }, () => {
  let browser: Browser;
  let served: Served;
  let cellDir: string;
  const errors: string[] = [];

  const open = async (): Promise<Page> => (await openWatched(browser, served.url, { viewport: VIEWPORT, trouble: errors })).page;
  const openRecord = async (page: Page, linkText: string): Promise<void> => {
    await page.getByRole('link', { name: linkText }).click();
    await page.waitForSelector('#problem-count');
  };
  const field = (page: Page, pointer: string) => page.locator(`[id="f:${pointer}"]`);
  /** The problems shown beside a field (in its own .field box). */
  const beside = (page: Page, pointer: string) => page.locator('.field', { has: field(page, pointer) }).locator('.problems-here');

  beforeAll(async () => {
    cellDir = copyExample();
    served = await serve(cellDir);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    expect(await served?.stop()).toBe(0);
  });

  it('shows the year of the cell in Vietnamese, from a separate bundle under the strict CSP', async () => {
    const page = await open();
    const first = await page.request.get(new URL('/', served.url).href);
    expect(first.headers()['content-security-policy']).toContain("script-src 'self'");
    const shell = await first.text();
    expect(shell).toContain('<script type="module" src="/app.js"></script>');
    expect(shell).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    await expect(page.locator('h1').innerText()).resolves.toBe('Chi bộ Khu dân cư số 12 — năm 2026');
    await soon(() => page.locator('.month').count()).toBe(12);
    await expect(page.locator('.month h2').first().innerText()).resolves.toBe('Tháng 1');
    const june = page.locator('.month').nth(5);
    await expect(june.getByRole('link', { name: '05/6/2026 · Thường kỳ' }).getAttribute('href')).resolves.toBe('#/ho-so/meetings/2026-06.yaml');
    await expect(june.locator('.state').innerText()).resolves.toBe('Đã thông qua');
    if (SHOTS) await page.screenshot({ path: join(ROOT, 'docs', 'serve-year.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('builds the form for the record and checks each change live, beside its field and in the list', async () => {
    const page = await open();
    await openRecord(page, '05/6/2026 · Thường kỳ');
    await expect(page.locator('h1').innerText()).resolves.toBe('Biên bản Thường kỳ ngày 05/6/2026');
    await expect(field(page, '/date').inputValue()).resolves.toBe('05/6/2026');
    await soon(() => page.locator('.attendance tbody tr').count()).toBe(24);
    await expect(page.getByRole('radio', { name: 'Vắng có lý do' }).nth(9).isChecked()).resolves.toBe(true);
    await expect(field(page, '/attendance/9/reason').inputValue()).resolves.toBe('Miễn sinh hoạt');
    await expect(page.locator('#eligible strong').innerText()).resolves.toBe('20');
    await expect(page.locator('#problem-count').innerText()).resolves.toBe('Không có lỗi.');

    // 60 minutes instead of 90: the duration rule speaks beside "Kết thúc" and in the list, with no button pressed.
    await field(page, '/end').fill('20:30');
    await soon(() => beside(page, '/end').innerText()).toContain('60 phút');
    await soon(() => page.locator('#problem-list').innerText()).toContain('60 phút');
    await expect(field(page, '/end').getAttribute('aria-invalid')).resolves.toBe('true');
    if (SHOTS) await page.screenshot({ path: join(ROOT, 'docs', 'serve-check.png') });
    await field(page, '/end').fill('21:20');
    await soon(() => beside(page, '/end').count()).toBe(0);
    await soon(() => page.locator('#problem-count').innerText()).toBe('Không có lỗi.');

    // A date typed the Party's way is stored as the model stores it; an impossible one is named beside it.
    await field(page, '/date').fill('31/02/2026');
    await soon(() => beside(page, '/date').count()).toBe(1);
    await field(page, '/date').fill('5/6/2026');
    await soon(() => beside(page, '/date').count()).toBe(0);

    // Real labels on native inputs: the keyboard (and a screen reader) reaches each field by its name.
    await expect(page.getByLabel('Địa điểm').getAttribute('id')).resolves.toBe('f:/place');
    await expect(page.getByLabel('Lý do vắng của Nguyễn Văn Toàn').inputValue()).resolves.toBe('Miễn sinh hoạt');
    await field(page, '/place').focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f:/chair');

    // Absent without reason: the reason field goes; the eligible count follows the roster's rules live.
    await page.locator('.attendance tbody tr').nth(1).getByRole('radio', { name: 'Vắng có lý do' }).check();
    await soon(() => field(page, '/attendance/1/reason').isVisible()).toBe(true);
    await page.locator('.attendance tbody tr').nth(9).getByRole('radio', { name: 'Có mặt' }).check();
    await soon(() => field(page, '/attendance/9/reason').count()).toBe(0);

    // The score: a running total and the rating it gives.
    await expect(page.locator('#score-total').innerText()).resolves.toBe('92');
    await field(page, '/score/criteria/conduct').fill('20');
    await soon(() => page.locator('#score-total').innerText()).toBe('75');
    await soon(() => page.locator('#score-rating').innerText()).toBe('Khá');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves only what changed: comments and layout kept, and the file validates with the CLI', async () => {
    const file = join(cellDir, 'meetings', '2026-05.yaml');
    const before = readFileSync(file, 'utf8');
    const page = await open();
    await openRecord(page, '05/5/2026 · Thường kỳ kết hợp chuyên đề');
    await field(page, '/place').fill('Hội trường Khu dân cư số 12');
    await soon(() => page.locator('#save-state').innerText()).toBe('Có thay đổi chưa lưu.');
    await page.keyboard.press('Control+s');
    await soon(() => page.locator('#save-state').innerText()).toContain('Đã lưu lúc');
    const after = readFileSync(file, 'utf8');
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(changed).toEqual(['place: Hội trường Khu dân cư số 12']);
    expect(after.split('\n').length).toBe(before.split('\n').length);
    const run = await runCli(['validate', cellDir, '--as-of', '2026-12-31']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    await page.close();
  });

  it('Ctrl+S pressed right after a change saves that change, never the form as it was a moment before', async () => {
    const file = join(cellDir, 'meetings', '2026-04.yaml');
    const page = await open();
    await openRecord(page, '06/4/2026 · Thường kỳ');
    // The change and the key in one task, before the page can draw again: the save must take what the form holds now.
    await page.evaluate(() => {
      const status = document.getElementById('f:/status') as HTMLSelectElement;
      status.value = 'draft';
      status.dispatchEvent(new Event('change', { bubbles: true }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }));
    });
    await soon(() => page.locator('#save-state').innerText()).toContain('Đã lưu lúc');
    expect(readFileSync(file, 'utf8')).toMatch(/^status: draft$/m);
    // Typing while a save is on its way leaves the page "unsaved", not "saved", and the next save takes it.
    await page.evaluate(() => {
      const place = document.getElementById('f:/place') as HTMLInputElement;
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }));
      place.value = 'Hội trường B';
      place.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await soon(() => page.locator('#save-state').innerText()).toBe('Có thay đổi chưa lưu.');
    await page.keyboard.press('Control+s');
    await soon(() => page.locator('#save-state').innerText()).toContain('Đã lưu lúc');
    expect(readFileSync(file, 'utf8')).toMatch(/^place: Hội trường B$/m);
    await page.close();
  });

  it('two tabs on one record: the second save is refused with the difference by field, and nothing typed is lost', async () => {
    const file = join(cellDir, 'meetings', '2026-04.yaml');
    const [a, b] = [await open(), await open()];
    await openRecord(a, '06/4/2026 · Thường kỳ');
    await openRecord(b, '06/4/2026 · Thường kỳ');
    await field(a, '/place').fill('Nhà văn hóa (tab A)');
    await a.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
    await soon(() => a.locator('#save-state').innerText()).toContain('Đã lưu lúc');

    await field(b, '/place').fill('Nhà văn hóa (tab B)');
    await b.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
    await soon(() => b.locator('#conflict').innerText()).toContain('biên bản đã được lưu ở nơi khác');
    // Field by field, by its label, in Vietnamese: never a YAML diff.
    await expect(b.locator('#conflict tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent?.replace(/\s+/g, ' ').trim()))).resolves.toEqual([
      'Địa điểm Nhà văn hóa (tab B) Nhà văn hóa (tab A)',
    ]);
    await expect(b.locator('#conflict').innerText()).resolves.not.toMatch(/@@|place:/);
    expect(readFileSync(file, 'utf8')).toContain('place: Nhà văn hóa (tab A)');
    await expect(field(b, '/place').inputValue()).resolves.toBe('Nhà văn hóa (tab B)');

    await b.getByRole('button', { name: 'Bỏ thay đổi trên trang, mở bản đã lưu' }).click();
    await soon(() => field(b, '/place').inputValue()).toBe('Nhà văn hóa (tab A)');
    await a.close();
    await b.close();
  });

  it('keeps what was typed when the server is gone', async () => {
    const extra = copyExample();
    const other = await serve(extra);
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(other.url);
    await page.waitForSelector('.months');
    await openRecord(page, '05/8/2026 · Thường kỳ');
    expect(await other.stop()).toBe(0);
    await field(page, '/place').fill('Chưa kịp lưu');
    await page.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
    await soon(() => page.locator('.error-box').innerText()).toContain('Nội dung trên trang vẫn còn');
    await expect(field(page, '/place').inputValue()).resolves.toBe('Chưa kịp lưu');
    expect(readFileSync(join(extra, 'meetings', '2026-08.yaml'), 'utf8')).not.toContain('Chưa kịp lưu');
    await page.close();
  });

  it('creates the next sitting\'s record from the year view, and it does not validate until filled', async () => {
    rmSync(join(cellDir, 'meetings', '2026-12.yaml'));
    const page = await open();
    // The button names the sitting it makes, and asks before making it.
    await page.getByRole('button', { name: 'Lập biên bản kỳ họp thường kỳ ngày 07/12/2026' }).click();
    expect(existsSync(join(cellDir, 'meetings', '2026-12.yaml'))).toBe(false);
    await page.getByRole('button', { name: 'Lập biên bản', exact: true }).click();
    await page.waitForSelector('#problem-count');
    await soon(() => page.locator('.file').innerText()).toBe('meetings/2026-12.yaml');
    expect(existsSync(join(cellDir, 'meetings', '2026-12.yaml'))).toBe(true);
    await soon(() => page.locator('#problem-count').innerText()).not.toBe('Không có lỗi.');
    await soon(() => page.locator('.attendance tbody tr').count()).not.toBe(0);
    // Filling a step's content makes its problem go away.
    const empty = page.locator('.step', { has: page.locator('.problems-here') }).first().locator('textarea');
    const id = await empty.getAttribute('id');
    await empty.fill('Nội dung đã ghi.');
    await soon(() => page.locator(`.field:has([id="${id}"]) .problems-here`).count()).toBe(0);
    await page.close();
  });
});
