// A new secretary's first evening, in real Chromium and Firefox at 1366×768 and 125 % zoom: an empty folder → a cell of 14 → the 2027 plan (printed) → January's draft resolution → the sitting written → signed minutes and resolution.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { docxHeaders, docxParagraphs, validateOoxml } from '../ooxml.js';
import { launchChromium, launchFirefox, serve } from './browser.js';

const AS_OF = '2026-12-08';
const soon = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 150 });

/** What the journey needs of a browser page: the same steps in Playwright's Chromium and Puppeteer's Firefox. */
interface Driver {
  goto(url: string): Promise<void>;
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  waitFor(selector: string): Promise<void>;
  /** The text of the first match, or null when there is none. */
  text(selector: string): Promise<string | null>;
  shot(path: string): Promise<void>;
  /** Run `fn(arg)` in the page. */
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  trouble: string[];
  close(): Promise<void>;
}

const byId = (id: string) => `[id="${id}"]`;

/** The 14 members: [name, status, role], two probationary (joined 19/5/2026), one exempted. */
const ROSTER: [string, string, string][] = [
  ['Nguyễn Văn An', 'official', 'secretary'], ['Trần Thị Bình', 'official', 'deputy-secretary'], ['Lê Văn Cường', 'official', 'committee-member'],
  ['Phạm Thị Dung', 'official', 'member'], ['Hoàng Văn Em', 'official', 'member'], ['Vũ Thị Giang', 'official', 'member'], ['Đặng Văn Hải', 'official', 'member'],
  ['Bùi Thị Hoa', 'official', 'member'], ['Đỗ Văn Khánh', 'official', 'member'], ['Ngô Thị Lan', 'official', 'member'], ['Dương Văn Minh', 'official', 'member'],
  ['Lý Thị Nga', 'exempted', 'member'], ['Nguyễn Thị An', 'probationary', 'member'], ['Trịnh Văn Phúc', 'probationary', 'member'],
];

async function chromiumDriver(zoom: boolean): Promise<{ driver: Driver; done: () => Promise<void> }> {
  const browser = await launchChromium();
  const page = await browser.newPage(zoom ? { viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 } : { viewport: { width: 1366, height: 768 } });
  const trouble: string[] = [];
  page.on('pageerror', (e) => trouble.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') trouble.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { trouble.push(`dialog: ${d.message()}`); void d.dismiss(); });
  const driver: Driver = {
    goto: async (url) => { await page.goto(url); },
    click: (s) => page.click(s),
    type: (s, t) => page.locator(s).pressSequentially(t),
    select: async (s, v) => { await page.selectOption(s, v); },
    waitFor: async (s) => { await page.waitForSelector(s, { timeout: 60_000 }); },
    text: (s) => page.$eval(s, (e) => (e as HTMLElement).innerText).catch(() => null),
    shot: async (path) => { await page.screenshot({ path }); },
    run: (fn, arg) => page.evaluate(fn as never, arg) as never,
    trouble,
    close: () => page.close(),
  };
  return { driver, done: () => browser.close() };
}

async function firefoxDriver(zoom: boolean): Promise<{ driver: Driver; done: () => Promise<void> }> {
  const browser = await launchFirefox();
  const page = await browser.newPage();
  await page.setViewport(zoom ? { width: 1093, height: 614, deviceScaleFactor: 1.25 } : { width: 1366, height: 768 });
  const trouble: string[] = [];
  page.on('pageerror', (e) => trouble.push(`pageerror: ${String(e)}`));
  page.on('console', (m) => { if (m.type() === 'error') trouble.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { trouble.push(`dialog: ${d.message()}`); void d.dismiss(); });
  const driver: Driver = {
    goto: async (url) => { await page.goto(url); },
    click: (s) => page.click(s),
    type: (s, t) => page.type(s, t),
    select: async (s, v) => { await page.select(s, v); },
    waitFor: async (s) => { await page.waitForSelector(s, { timeout: 60_000 }); },
    text: (s) => page.$eval(s, (e) => (e as HTMLElement).innerText).catch(() => null),
    shot: async (path) => { await page.screenshot({ path: path as `${string}.png` }); },
    run: (fn, arg) => page.evaluate(fn as never, arg) as never,
    trouble,
    close: () => page.close(),
  };
  return { driver, done: () => browser.close() };
}

/** How far the page reaches past the viewport's width (0 when nothing scrolls sideways). */
const overflowX = (d: Driver) => d.run(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth, null);

/**
 * The journey, as a secretary walks it; `shots` names the screenshots to keep in docs/ (one browser and
 * size keeps them, so they show what a secretary sees on the laptop in the office).
 */
async function journey(d: Driver, shots: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'Hồ sơ chi bộ '));
  const served = await serve(dir, '--as-of', AS_OF);
  try {
    // The first screen: a welcome and the setup, not a refusal.
    await d.goto(served.url);
    await d.waitFor(byId('c:/name'));
    expect(await d.text('h1')).toBe('Chào đồng chí! Thiết lập hồ sơ chi bộ');
    await d.type(byId('c:/name'), 'Chi bộ Khu dân cư số 3');
    await d.type(byId('c:/parent/name'), 'Đảng bộ phường Hoàng Liệt');
    await d.type(byId('c:/place'), 'Hoàng Liệt');
    for (const [i, [name, status, role]] of ROSTER.entries()) {
      await d.click('#add-member');
      await d.type(byId(`c:/members/${i}/name`), name);
      if (role !== 'member') await d.select(byId(`c:/members/${i}/role`), role);
      if (status === 'probationary') {
        await d.select(byId(`c:/members/${i}/status`), 'probationary');
        await d.type(byId(`c:/members/${i}/since`), '19/05/2026');
      }
      if (status === 'exempted') {
        await d.click(byId(`c:/members/${i}/exemption`));
        await d.type(byId(`c:/members/${i}/exemption/reason`), 'Tuổi cao, sức yếu');
      }
    }
    // Checked beside the roster as typed; the ids are made from the names, unique.
    await soon(() => d.text('.list h2')).toBe('Chưa thấy lỗi.');
    await soon(() => d.text('#roster-summary')).toMatch(/^14 đảng viên: 11 chính thức, 2 dự bị, 1 miễn sinh hoạt\./);
    await soon(() => d.text(`${byId('c:/members/12')} .member-id`)).toBe('Mã: an.nt');
    expect(await overflowX(d)).toBeLessThanOrEqual(0);
    if (shots) {
      await d.run(() => window.scrollTo(0, 0), null);
      await d.shot(join(ROOT, 'docs', 'serve-setup.png'));
    }
    await d.click('#save-cell');

    // The year opens on 2027 (records start in January), with no plan yet and the way to make one.
    await d.waitFor('.months');
    await soon(() => d.text('h1')).toBe('Chi bộ Khu dân cư số 3 — năm 2027');
    expect(await d.text('.plan-line')).toBe('Năm 2027 chưa có kế hoạch sinh hoạt. Lập kế hoạch năm 2027');
    const cell = readFileSync(join(dir, 'cell.yaml'), 'utf8');
    expect(cell).toMatch(/- id: an\.nt\n {4}name: Nguyễn Thị An\n {4}status: probationary\n {4}since: 2026-05-19/);
    expect(cell).toMatch(/status: exempted\n {4}exemption:\n {6}reason: Tuổi cao, sức yếu/);

    // The plan: made by the library; a date moved onto New Year's Day is warned, moved back, saved, printed.
    await d.click('#open-plan');
    await d.waitFor('.plan-table');
    const january = (await d.run(() => (document.getElementById('p:0') as HTMLInputElement).value, null)) as string;
    await d.run(() => { (document.getElementById('p:0') as HTMLInputElement).select(); }, null);
    await d.type(byId('p:0'), '01/01/2027');
    await soon(() => d.text('.plan-table tr.warn')).toMatch(/Trùng ngày nghỉ: .*Tết Dương lịch/);
    if (shots) await d.shot(join(ROOT, 'docs', 'serve-plan.png'));
    await d.run(() => { (document.getElementById('p:0') as HTMLInputElement).select(); }, null);
    await d.type(byId('p:0'), january);
    await soon(() => d.text('.plan-table tr.warn')).toBeNull();
    await d.click('#save-plan');
    await d.waitFor('#print-plan');
    expect(existsSync(join(dir, 'plan-2027.yaml'))).toBe(true);
    expect(await overflowX(d)).toBeLessThanOrEqual(0);
    const href = (await d.run(() => document.getElementById('print-plan')!.getAttribute('href'), null)) as string;
    const docx = (await d.run(async ([h, t]) => Array.from(new Uint8Array(await (await fetch(h, { headers: { 'X-Cellctl-Token': t } })).arrayBuffer())), [href, served.token])) as number[];
    const kh = join(mkdtempSync(join(tmpdir(), 'cellctl-kh-')), 'ke-hoach-chuyen-de-2027.docx');
    writeFileSync(kh, Buffer.from(docx));
    validateOoxml(kh);

    // Back to the year: the button says which sitting and date it makes, and asks first.
    await d.click('a.back');
    await d.waitFor('#new-record');
    expect(await d.text('#new-record')).toBe(`Lập biên bản kỳ họp thường kỳ ngày ${january}`);
    await d.click('#new-record');
    expect(await d.text('.next-sitting .ask')).toMatch(/Trang sẽ tạo tệp meetings\/2027-01\.yaml/);
    expect(existsSync(join(dir, 'meetings', '2027-01.yaml'))).toBe(false);
    if (shots) await d.shot(join(ROOT, 'docs', 'serve-year-next.png'));
    await d.click('#confirm-new');

    // January's record opens in the form.
    await soon(() => d.run(() => location.hash, null)).toBe('#/ho-so/meetings/2027-01.yaml');
    await d.waitFor('#print-docx');
    expect(existsSync(join(dir, 'meetings', '2027-01.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'meetings', '2027-01.yaml'), 'utf8')).toContain(`\ndate: ${january.split('/').reverse().join('-')}\n`);

    // Back on the year, January's blanks are in the problem list; a problem opens the record at its field.
    await d.goto(served.url + '#/nam/2027');
    await d.waitFor('.year-problems');
    await d.run(() => { (document.querySelector('.year-problems') as HTMLDetailsElement).open = true; }, null);
    const target = (await d.run(() => document.querySelector('.year-problems a')!.getAttribute('href'), null)) as string;
    expect(target).toMatch(/^#\/ho-so\/meetings\/2027-01\.yaml\?truong=%2F/);
    await d.click('.year-problems a');
    const pointer = decodeURIComponent(target.slice(target.indexOf('truong=') + 7));
    await soon(() => d.run(() => document.activeElement?.id ?? '', null)).toMatch(/^f:\//);
    expect(pointer.startsWith((await d.run(() => document.activeElement!.id, null)).slice(2))).toBe(true);

    // The year switcher: 2026, before the records start, says so in one sentence rather than twelve blanks.
    await d.goto(served.url + '#/nam/2027');
    await d.waitFor('nav.years');
    await d.run(() => Array.from(document.querySelectorAll<HTMLButtonElement>('nav.years button')).find((b) => b.innerText.startsWith('2026'))!.click(), null);
    await soon(() => d.text('h1')).toBe('Chi bộ Khu dân cư số 3 — năm 2026');
    expect(await d.text('.before')).toBe('Chi bộ lưu hồ sơ bằng cellctl từ tháng 01/2027; năm 2026 không có gì phải ghi ở đây.');
    expect(await overflowX(d)).toBeLessThanOrEqual(0);
    if (shots) await d.shot(join(ROOT, 'docs', 'serve-year-switch.png'));

    // What the page wrote passes validate; only the new record's blanks are left to fill.
    const run = await runCli(['validate', dir, '--as-of', AS_OF, '--format', 'json']);
    const errors = (JSON.parse(run.stdout) as { results: { file: string; problems: { severity: string }[] }[] }).results
      .filter((r) => r.problems.some((p) => p.severity === 'error'))
      .map((r) => r.file.slice(dir.length + 1));
    expect(errors).toEqual(['meetings/2027-01.yaml']);

    // Before the sitting (HD 42: the draft resolution is posted a day before): printed from the page as it is,
    // blanks and all — a DỰ THẢO that claims no number, no date and no outcome.
    await d.run(() => { location.hash = '#/ho-so/meetings/2027-01.yaml'; }, null);
    await d.waitFor('#print-docx');
    await d.click('#print-docx');
    await d.waitFor('.printed');
    const out = join(dir, 'out');
    const draft = await docxParagraphs(join(out, '2027-01-nghi-quyet.docx'));
    expect(await docxHeaders(join(out, '2027-01-nghi-quyet.docx'))).toContain('DỰ THẢO');
    expect(draft).toMatch(/Số …-NQ\/CB/);
    // Blanks to fill by hand ("…/… đồng chí tán thành"), never a figure of a sitting not yet held.
    expect(draft.split('\n').filter((l) => /\d+\/\d+ đồng chí|Có mặt \d|đạt \d+([,.]\d+)?%/.test(l))).toEqual([]);

    // The sitting, written in the form: every step, an opinion, the assessment, a task, the vote, dues, score.
    await fillSitting(d);
    await d.click('#save');
    await soon(() => d.text('#save-state')).toMatch(/Đã lưu lúc/);
    await d.click('#print-docx');
    await d.waitFor('#print-overwrite'); // the draft's files are there: the page asks before replacing them
    await d.click('#print-overwrite');
    await soon(() => d.run(() => document.querySelectorAll('.printed .printed-name').length, null)).toBeGreaterThan(1);
    const minutes = await docxParagraphs(join(out, '2027-01-bien-ban.docx'));
    const resolution = await docxParagraphs(join(out, '2027-01-nghi-quyet.docx'));
    for (const doc of ['bien-ban', 'nghi-quyet']) expect(await docxHeaders(join(out, `2027-01-${doc}.docx`))).not.toContain('DỰ THẢO');
    expect(resolution).toContain('Số 01-NQ/CB');
    expect(resolution).toMatch(/\d+\/\d+ đồng chí tán thành/);
    expect(minutes).toContain('Nguyễn Văn An');
    const final = await runCli(['validate', dir, '--as-of', AS_OF, '--format', 'json']);
    const janResult = (JSON.parse(final.stdout) as { results: { file: string; problems: { severity: string }[] }[] }).results.find((r) => r.file.endsWith('2027-01.yaml'));
    expect(janResult?.problems.filter((p) => p.severity === 'error') ?? []).toEqual([]);
    // Chromium notes every 4xx answer in the console; the print's 409 is the question "replace the draft?" answered above.
    expect(d.trouble.filter((t) => !/status of 409 \(Conflict\)/.test(t))).toEqual([]);
  } finally {
    expect(await served.stop()).toBe(0);
  }
}

/** Fill what a sitting decides, through the form's own fields, as the secretary types them after the sitting. */
async function fillSitting(d: Driver): Promise<void> {
  const ids = (selector: string) => d.run((sel) => Array.from(document.querySelectorAll(sel)).map((e) => e.id), selector);
  for (const [i, id] of (await ids('.steps textarea[id$="/content"]')).entries()) await d.type(byId(id), `Nội dung bước ${i + 1} theo diễn biến buổi sinh hoạt.`);
  const speaker = (await ids('[id$="/speakers/0/speaker"]'))[0]!;
  await d.select(byId(speaker), 'Trần Thị Bình');
  await d.type(byId(speaker.replace(/speaker$/, 'opinion')), 'Nhất trí với dự thảo nghị quyết.');
  for (const [id, text] of [['f:/resolution/review/strengths', 'Chi bộ hoàn thành kế hoạch tháng 12.'], ['f:/resolution/review/shortcomings', 'Một số đảng viên đến muộn.']]) {
    if ((await ids(byId(id))).length > 0) await d.type(byId(id), text);
  }
  await d.type(byId('f:/resolution/tasks/0/task'), 'Tổ chức gặp mặt đầu xuân');
  await d.select(byId('f:/resolution/tasks/0/owner'), 'Lê Văn Cường');
  await d.type(byId('f:/resolution/tasks/0/deadline'), '31/01/2027');
  if ((await ids('#use-number')).length > 0) await d.click('#use-number');
  await d.type(byId('f:/vote/for'), (await d.text('#eligible-present'))!);
  await d.type(byId('f:/vote/against'), '0');
  await d.type(byId('f:/dues/paid'), String((await ids('.attendance tbody tr')).length));
  await d.type(byId('f:/dues/amount'), '650.000');
  for (const id of await ids('[id^="f:/score/criteria/"]')) {
    await d.type(byId(id), (await d.run((sel) => document.querySelector(sel)!.getAttribute('max'), byId(id)))!);
  }
  await d.select(byId('f:/status'), 'adopted');
  await soon(() => d.text('#problem-count')).toBe('Không có lỗi.');
}

const SIZES = [['1366×768', false], ['125 % zoom', true]] as const;

describe('a new secretary’s first evening, in Chromium', { timeout: 300_000 }, () => {
  for (const [size, zoom] of SIZES) {
    it(`from an empty folder to January’s signed minutes at ${size}`, async () => {
      const { driver, done } = await chromiumDriver(zoom);
      try {
        await journey(driver, !zoom && process.env.CELLCTL_SCREENSHOTS === '1');
      } finally {
        await done();
      }
    });
  }
});

describe('a new secretary’s first evening, in Firefox', { timeout: 300_000 }, () => {
  for (const [size, zoom] of SIZES) {
    it(`from an empty folder to January’s signed minutes at ${size}`, async () => {
      const { driver, done } = await firefoxDriver(zoom);
      try {
        await journey(driver, false);
      } finally {
        await done();
      }
    });
  }
});
