// The secretary's page in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi): year view, form, live check, Ctrl+S.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runCli } from '../helpers.js';
import { launchFirefox, serve, type Served } from './browser.js';

/** Wait for what the page shows to settle (a live check runs a moment after typing). */
const soon = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 150 });

describe('cellctl serve in Firefox', { timeout: 120_000 }, () => {
  let browser: Browser;
  let served: Served;
  let cellDir: string;
  let page: Page;
  const errors: string[] = [];

  /** Text of the first element matching `selector`, or null when there is none. */
  const text = (selector: string) => page.$eval(selector, (e) => (e as HTMLElement).innerText).catch(() => null);
  const value = (pointer: string) => page.$eval(`[id="f:${pointer}"]`, (e) => (e as HTMLInputElement).value);
  /** The problems shown beside the field of `pointer`, as text ('' when none). */
  const beside = (pointer: string) =>
    page.evaluate((id) => {
      const box = document.getElementById(id)?.closest('.field');
      return box ? Array.from(box.querySelectorAll('.problems-here li'), (li) => (li as HTMLElement).innerText).join('\n') : null;
    }, `f:${pointer}`);
  /** Replace a field's text as typing would: select all, then type (each key an input event). */
  const retype = async (pointer: string, typed: string) => {
    const input = (await page.$(`[id="f:${pointer}"]`))!;
    await input.click({ count: 3 });
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await input.type(typed);
  };

  beforeAll(async () => {
    cellDir = copyExample();
    served = await serve(cellDir);
    browser = await launchFirefox();
    page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    expect(await served?.stop()).toBe(0);
  });

  it('runs Firefox ESR itself, not a browser of its own download', async () => {
    expect(await browser.version()).toMatch(/^firefox\/\d+\.\d+/i);
  });

  it('shows the year view in Vietnamese', async () => {
    await page.goto(served.url);
    await page.waitForSelector('.months');
    expect(await text('h1')).toBe('Chi bộ Khu dân cư số 12 — năm 2026');
    await soon(() => page.$$eval('.month', (l) => l.length)).toBe(12);
    expect(await page.$eval('a[href="#/ho-so/meetings/2026-05.yaml"]', (a) => (a as HTMLElement).innerText)).toBe('05/5/2026 · Thường kỳ kết hợp chuyên đề');
  });

  it('opens a record, checks a change live beside its field, and saves it with Ctrl+S', async () => {
    const file = join(cellDir, 'meetings', '2026-05.yaml');
    const before = readFileSync(file, 'utf8');
    await page.click('a[href="#/ho-so/meetings/2026-05.yaml"]');
    await page.waitForSelector('#problem-count');
    expect(await text('h1')).toBe('Biên bản Thường kỳ kết hợp chuyên đề ngày 05/5/2026');
    expect(await value('/date')).toBe('05/5/2026');
    await soon(() => text('#problem-count')).toBe('Không có lỗi.');

    // 60 minutes instead of at least 90: the duration rule speaks beside "Kết thúc", then goes when fixed.
    const end = await value('/end');
    await retype('/end', '20:30');
    await soon(() => beside('/end')).toContain('60 phút');
    await soon(() => text('#problem-list')).toContain('60 phút');
    await retype('/end', end);
    await soon(() => beside('/end')).toBe('');
    await soon(() => text('#problem-count')).toBe('Không có lỗi.');

    await retype('/place', 'Hội trường Khu dân cư số 12');
    await soon(() => text('#save-state')).toBe('Có thay đổi chưa lưu.');
    await page.keyboard.down('Control');
    await page.keyboard.press('s');
    await page.keyboard.up('Control');
    await soon(() => text('#save-state')).toContain('Đã lưu lúc');
    const after = readFileSync(file, 'utf8');
    expect(after.split('\n').filter((l, i) => l !== before.split('\n')[i])).toEqual(['place: Hội trường Khu dân cư số 12']);
    const run = await runCli(['validate', cellDir, '--as-of', '2026-12-31']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(errors).toEqual([]);
  });
});
