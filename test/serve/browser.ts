// Test helpers for the serve page: the real `bin/cellctl serve` on a copy of the example, Debian's chromium and Firefox ESR.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser } from 'puppeteer-core';
import { ROOT } from '../helpers.js';

/** A running `cellctl serve`: the URL it printed (the token in its fragment), the token, and how to stop it. */
export interface Served {
  /** `http://127.0.0.1:PORT/#t=TOKEN`: what a user opens; `served.url + '#/ho-so/…'` opens a page of it. */
  url: string;
  /** The access token, for a test's own API calls (`tokenHeader(served)`). */
  token: string;
  /** The server's process id (to read its memory in /proc). */
  pid: number;
  stop(): Promise<number | null>;
}

/** Start the real binary on `cellDir` with --no-open (and `args`, e.g. --as-of) and wait for the URL it prints. */
export async function serve(cellDir: string, ...args: string[]): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'cellctl'), 'serve', cellDir, '--no-open', ...args], {
    env: { PATH: process.env.PATH ?? '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: string) => {
      stdout += c;
      const m = /Mở trang: (http:\/\/127\.0\.0\.1:\d+\/#t=[0-9a-f]{64})\n/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stdout}${stderr}`)));
  });
  return {
    url,
    token: /#t=([0-9a-f]+)/.exec(url)![1]!,
    pid: child.pid!,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The header a test's own API call carries the token in, as the page's api.js sends it. */
export function tokenHeader(served: { token: string }): Record<string, string> {
  return { 'X-Cellctl-Token': served.token };
}

/** Debian's chromium, headless, with no network of its own (Playwright gives it a fresh profile each launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Where Debian's Firefox ESR is (`apt-get install firefox-esr`); FIREFOX overrides it. */
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/**
 * Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi (playwright-core can drive
 * only its own patched Firefox). Puppeteer gives it a fresh profile each launch; the preferences keep it
 * off the network (no updates, telemetry, safe-browsing lists or captive-portal checks).
 */
export function launchFirefox(): Promise<PuppeteerBrowser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
}

/** What a watched page reported that a test should see: page errors, console errors, dialogs. */
export interface Watched {
  page: import('playwright-core').Page;
  /** `pageerror: …`, `console: …`, `dialog: …` lines, in order. */
  trouble: string[];
}

/**
 * A new page at `url` (waiting for `ready`) whose page errors, console errors and dialogs are collected in
 * `trouble` (dialogs are dismissed). `ignore` lets through console errors the page expects (a 409 it asked for).
 */
export async function openWatched(
  browser: Browser,
  url: string,
  options: { viewport?: { width: number; height: number }; locale?: string; deviceScaleFactor?: number; ready?: string; ignore?: (text: string) => boolean; trouble?: string[] } = {},
): Promise<Watched> {
  const { ready = '.months', ignore = () => false, trouble = [], ...context } = options;
  const page = await browser.newPage(context);
  page.on('pageerror', (e) => trouble.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !ignore(m.text())) trouble.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    trouble.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector(ready);
  return { page, trouble };
}
