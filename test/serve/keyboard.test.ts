// The serve page with the keyboard alone (chromium): year view → record → attendance, a step, Ctrl+S; focus always shown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runCli } from '../helpers.js';
import { launchChromium, serve, type Served } from './browser.js';

const soon = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });

/** What has the focus, and whether a sighted user can see where it is. */
interface Focus {
  what: string;
  /**
   * `:focus-visible` applies and draws an outline at least 2px wide, on a box with a size, in a colour with
   * a contrast of at least 3:1 against the background it is drawn on (WCAG 2.2, 1.4.11 and 2.4.13).
   */
  shown: boolean;
  contrast: number;
}

function focusNow(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', shown: false, contrast: 0 };
    const cs = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (c: string) => {
      const [r, g, b] = rgb(c).slice(0, 3).map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    // The outline lies outside the element, on its nearest ancestor with a background of its own.
    let under = el.parentElement;
    while (under && (rgb(getComputedStyle(under).backgroundColor)[3] === 0 || getComputedStyle(under).backgroundColor === 'transparent')) under = under.parentElement;
    const ground = under ? getComputedStyle(under).backgroundColor : 'rgb(255, 255, 255)';
    const [hi, lo] = [luminance(cs.outlineColor), luminance(ground)].sort((a, b) => b - a);
    const contrast = (hi! + 0.05) / (lo! + 0.05);
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('href') ? `[href=${el.getAttribute('href')}]` : ''}${(el as HTMLInputElement).name ? `[name=${(el as HTMLInputElement).name}]` : ''}`;
    const shown =
      el.matches(':focus-visible') && cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && box.width > 0 && box.height > 0 && contrast >= 3;
    return { what, shown, contrast: Math.round(contrast * 100) / 100 };
  });
}

describe('cellctl serve with the keyboard alone', { timeout: 120_000 }, () => {
  let browser: Browser;
  let served: Served;
  let cellDir: string;
  let page: Page;
  /** Every element the focus passed through, for the "always visible" check. */
  const visited: Focus[] = [];

  /** Press `key` and record where the focus went. */
  const press = async (key: string): Promise<Focus> => {
    await page.keyboard.press(key);
    const f = await focusNow(page);
    visited.push(f);
    return f;
  };
  /** Tab (or Shift+Tab) until the focus is on `what`; fails after `max` presses. */
  const tabTo = async (what: string | RegExp, key = 'Tab', max = 150): Promise<number> => {
    for (let n = 1; n <= max; n++) {
      const f = await press(key);
      if (typeof what === 'string' ? f.what === what : what.test(f.what)) return n;
    }
    throw new Error(`${key} never reached ${what}; last: ${visited.at(-1)?.what}`);
  };

  beforeAll(async () => {
    cellDir = copyExample();
    served = await serve(cellDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(served.url);
    await page.waitForSelector('.months');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    expect(await served?.stop()).toBe(0);
  });

  it('reaches a record from the year view, changes attendance with the arrows, writes a step and saves with Ctrl+S', async () => {
    const file = join(cellDir, 'meetings', '2026-04.yaml');
    const before = parse(readFileSync(file, 'utf8'));
    expect(before.attendance[10]).toEqual({ member: 'Ngô Quang Thắng', status: 'excused', reason: 'Đi công tác tại Thành phố Hồ Chí Minh' });

    // The year view: Tab to April's record, Enter opens it. The link is gone with the year view: the focus
    // goes to the form's heading (a screen reader says where it is), not back to the top of the page;
    // Shift+Tab reaches the way back, Tab the save button.
    await tabTo('a[href=#/ho-so/meetings/2026-04.yaml]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#problem-count');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: 10_000 }).toBe('H1');
    expect((await press('Shift+Tab')).what).toBe('a[href=#/]');
    expect((await press('Tab')).what).toBe('button#save');
    await expect(page.locator('h1').innerText()).resolves.toBe('Biên bản Thường kỳ ngày 06/4/2026');

    // Ngô Quang Thắng, excused: Tab reaches his checked radio, the left arrow makes him present, and the
    // reason field goes with the absence.
    await tabTo('input[name=att-10]');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe('excused');
    await press('ArrowLeft');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe('present');
    await soon(() => page.locator('[id="f:/attendance/10/reason"]').count()).toBe(0);

    // On to the first step's content, and Shift+Tab steps back to the field before it.
    await tabTo('textarea#f:/steps/0/content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Đã ghi bằng bàn phím.');
    const back = await press('Shift+Tab');
    expect(back.what).not.toBe('textarea#f:/steps/0/content');
    await press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f:/steps/0/content');

    await page.keyboard.press('Control+s');
    await soon(() => page.locator('#save-state').innerText()).toContain('Đã lưu lúc');
    const after = parse(readFileSync(file, 'utf8'));
    expect(after.attendance[10]).toEqual({ member: 'Ngô Quang Thắng', status: 'present' });
    expect(after.steps[0].content).toBe(`${before.steps[0].content} Đã ghi bằng bàn phím.`);
    const run = await runCli(['validate', cellDir, '--as-of', '2026-12-31']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Không có vấn đề nào');
    expect(run.code).toBe(0);
  });

  it('shows where the focus is on every element the keyboard reached', () => {
    expect(visited.length).toBeGreaterThan(20);
    expect(visited.filter((f) => !f.shown).map((f) => `${f.what} (contrast ${f.contrast})`)).toEqual([]);
  });
});
