// The serve page on a 1366×768 laptop at 125 % zoom (a 1093×614 CSS viewport at 1.25 device pixels): nothing scrolls sideways.
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, ROOT } from '../helpers.js';
import { launchChromium, serve, type Served } from './browser.js';

/** 1366×768 screen pixels at 125 %: what Windows laptops in an office show by default. */
const ZOOM = { viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 };
const SHOTS = process.env.CELLCTL_SCREENSHOTS === '1';
const soon = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });

/** How far the page reaches past the viewport's width (0 when nothing scrolls sideways). */
const overflowX = (page: Page) => page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);

/** Whether `target`, once scrolled to, is inside the viewport and not covered (what is at its centre is it). */
async function reachable(page: Page, target: Locator): Promise<boolean> {
  await target.scrollIntoViewIfNeeded();
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
}

describe('cellctl serve at 125 % zoom on a 1366×768 screen', { timeout: 120_000 }, () => {
  let browser: Browser;
  let served: Served;
  let page: Page;

  beforeAll(async () => {
    served = await serve(copyExample());
    browser = await launchChromium();
    page = await browser.newPage(ZOOM);
    await page.goto(served.url);
    await page.waitForSelector('.months');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    expect(await served?.stop()).toBe(0);
  });

  it('the browser sees the laptop as configured', async () => {
    await expect(page.evaluate(() => [window.innerWidth, window.innerHeight, window.devicePixelRatio])).resolves.toEqual([1093, 614, 1.25]);
  });

  it('the year view fits the width', async () => {
    await soon(() => page.locator('.month').count()).toBe(12);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    // Every sitting of the plan has its record: the way on is next year's plan.
    expect(await reachable(page, page.getByRole('link', { name: 'Lập kế hoạch năm 2027', exact: true }))).toBe(true);
    expect(await reachable(page, page.getByRole('link', { name: '07/12/2026 · Thường kỳ' }))).toBe(true);
  });

  it('the form fits the width; the save button and the problem list are reachable', async () => {
    await page.getByRole('link', { name: '05/6/2026 · Thường kỳ' }).click();
    await page.waitForSelector('#problem-count');
    await soon(() => page.locator('.attendance tbody tr').count()).toBe(24);
    // A problem to show: 60 minutes instead of at least 90.
    await page.locator('[id="f:/end"]').fill('20:30');
    await soon(() => page.locator('#problem-list li').count()).toBeGreaterThan(0);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    if (SHOTS) await page.screenshot({ path: join(ROOT, 'docs', 'serve-zoom125.png') });

    // Each wide part of the form fits on its own too (a table or a textarea could scroll inside its box).
    const wide = await page.$$eval('.form fieldset, .attendance, textarea, .list', (els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.tagName.toLowerCase()}.${e.className}#${e.id}`),
    );
    expect(wide).toEqual([]);
    // Nor does any part reach past the form's column into the problem list beside it.
    const past = await page.evaluate(() => {
      const edge = document.querySelector('.list')!.getBoundingClientRect().left;
      return Array.from(document.querySelectorAll('.form fieldset, .form table, .form textarea, .form input, .form select'))
        .filter((e) => e.getBoundingClientRect().right > edge)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} reaches ${Math.round(e.getBoundingClientRect().right - edge)}px past`);
    });
    expect(past).toEqual([]);

    expect(await reachable(page, page.getByRole('button', { name: 'Lưu (Ctrl+S)' }))).toBe(true);
    // The list stays beside the form as the secretary scrolls down to the score at the end.
    await page.locator('[id="f:/score/total"]').scrollIntoViewIfNeeded();
    expect(await reachable(page, page.locator('#problem-list li').first())).toBe(true);
    expect(await reachable(page, page.locator('[id="f:/score/criteria/conduct"]'))).toBe(true);
  });
});
