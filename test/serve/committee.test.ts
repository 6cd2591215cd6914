// `cellctl serve` on a committee folder: the report as its home page, links into each cell, the downloads, and what is refused.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitteeReport } from '../../src/report/types.js';
import { band, decimal, percent, statusText, thresholdsOf, words } from '../../src/report/views/common.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { copyExample, ROOT, runCli } from '../helpers.js';
import { docxParagraphs, validateOoxml } from '../ooxml.js';
import { launchChromium, serve, tokenHeader, type Served } from './browser.js';

const EXAMPLE = 'dang-uy-phuong-hoang-liet';
const AS_OF = '2026-11-30';
const VIEWPORT = { width: 1366, height: 768 };
const SHOTS = process.env.CELLCTL_SCREENSHOTS === '1';
const soon = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

/** A fresh copy of the example committee folder. */
function copyCommittee(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-committee-'));
  cpSync(join(ROOT, 'examples', EXAMPLE), join(dir, EXAMPLE), { recursive: true });
  return join(dir, EXAMPLE);
}

/** `cellctl report . --format json` by the real binary, run in the committee folder as a secretary would. */
async function cliReport(dir: string, ...args: string[]): Promise<CommitteeReport> {
  const run = await runCli(['report', '.', '--format', 'json', '--as-of', AS_OF, ...args], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1); // chi-bo-khu-dan-cu-15 sent nothing
  return JSON.parse(run.stdout) as CommitteeReport;
}

describe('cellctl serve on a committee folder: the API', { timeout: 120_000 }, () => {
  let dir: string;
  let server: RunningServer;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(new URL(path, server.url), { ...init, headers: { authorization: `Bearer ${server.token}`, ...init.headers } });
  const post = (path: string, body: unknown) => call(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  beforeAll(async () => {
    dir = copyCommittee();
    // A cell folder elsewhere on the disk, linked into the committee's folder: the link leads outside.
    symlinkSync(copyExample(), join(dir, 'loi-ra-ngoai'));
    server = await startServer({ root: dir, asOf: () => AS_OF });
  });
  afterAll(() => server?.close());

  it('gives the report of `cellctl report --format json`, unchanged, with each cell\'s folder to open', async () => {
    const r = await call('/api/committee');
    expect(r.status).toBe(200);
    const json = (await r.json()) as { report: CommitteeReport; rows: { folder: string; path: string | null }[] };
    const cli = await cliReport(dir);
    expect(json.report).toEqual(cli);
    // Each listed cell opens by its folder; the folder linked from outside has no page here.
    expect(json.rows.map((row) => [row.folder, row.path])).toEqual(cli.cells.map((c) => [c.folder, c.folder === 'loi-ra-ngoai' ? null : c.folder]));
    // The linked folder is a copy of cell 12: the report still counts it, as a duplicate.
    expect(cli.cells.find((c) => c.folder === 'loi-ra-ngoai')?.status).toBe('duplicate');
  });

  it('refuses a cell named by `..`, an absolute path or a link leading out of the folder', async () => {
    for (const cell of ['../..', '..', '/etc', 'chi-bo-khu-dan-cu-12/../..', 'C:\\Windows', 'loi-ra-ngoai']) {
      const r = await call(`/api/cell?cell=${encodeURIComponent(cell)}`);
      expect(r.status, cell).toBe(403);
      expect(((await r.json()) as { error: string }).error).toBe('Chỉ mở được chi bộ trong thư mục đang mở.');
    }
    const made = await post('/api/new', { cell: '../..' });
    expect(made.status).toBe(403);
    expect((await call('/api/cell?cell=chi-bo-khu-dan-cu-99')).status).toBe(404);
    const inside = await call('/api/cell?cell=chi-bo-khu-dan-cu-13');
    expect(inside.status).toBe(200);
    expect(((await inside.json()) as { cell: { name: string } }).cell.name).toBe('Chi bộ Khu dân cư số 13');
  });

  it('says what the folder is, and refuses a period or a format it does not know, in Vietnamese', async () => {
    expect(await (await call('/api/root')).json()).toEqual({ kind: 'committee' });
    const period = await call('/api/committee?period=2026-Q5');
    expect(period.status).toBe(400);
    expect(((await period.json()) as { error: string }).error).toContain('quý (2026-Q4)');
    const format = await call('/api/report-file?format=pdf');
    expect(format.status).toBe(400);
    expect(((await format.json()) as { error: string }).error).toBe('Định dạng tải về phải là xlsx, docx hoặc html.');
  });

  it('serves a folder of cell folders without committee.yaml as a committee, with the report of `cellctl report`', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cellctl-cells-'));
    for (const n of [12, 13]) cpSync(join(dir, `chi-bo-khu-dan-cu-${n}`), join(folder, `chi-bo-khu-dan-cu-${n}`), { recursive: true });
    const cells = await startServer({ root: folder, asOf: () => AS_OF });
    try {
      const get = (path: string) => fetch(new URL(path, cells.url), { headers: { authorization: `Bearer ${cells.token}` } });
      expect(await (await get('/api/root')).json()).toEqual({ kind: 'committee' });
      const json = (await (await get('/api/committee')).json()) as { report: CommitteeReport; rows: { path: string | null }[] };
      const run = await runCli(['report', 'chi-bo-khu-dan-cu-12', 'chi-bo-khu-dan-cu-13', '--format', 'json', '--as-of', AS_OF], { cwd: folder });
      expect(run.code).toBe(0);
      expect(json.report).toEqual(JSON.parse(run.stdout));
      expect(json.report.committee).toBe('');
      expect(json.rows.map((r) => r.path)).toEqual(['chi-bo-khu-dan-cu-12', 'chi-bo-khu-dan-cu-13']);
    } finally {
      await cells.close();
    }
  });

  it('on a cell folder, says it is a cell and has no committee page', async () => {
    const cell = await startServer({ root: copyExample(), asOf: () => AS_OF });
    try {
      const root = await fetch(new URL('/api/root', cell.url), { headers: { authorization: `Bearer ${cell.token}` } });
      expect(await root.json()).toEqual({ kind: 'cell' });
      const home = await fetch(new URL('/api/committee', cell.url), { headers: { authorization: `Bearer ${cell.token}` } });
      expect(home.status).toBe(404);
    } finally {
      await cell.close();
    }
  });
});

describe('cellctl serve on a committee folder: the command', { timeout: 60_000 }, () => {
  // An empty folder opens on the cell setup (test/serve/setup.test.ts); a folder that is not there stops.
  it('stops in Vietnamese on a folder that does not exist', async () => {
    const gone = join(mkdtempSync(join(tmpdir(), 'cellctl-nothing-')), 'khong-co');
    const run = await runCli(['serve', gone, '--no-open']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('không có thư mục này');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops on a broken committee.yaml with its file, line and column', async () => {
    const dir = copyCommittee();
    const file = join(dir, 'committee.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('kind: ward', 'kind: phuong'));
    const run = await runCli(['serve', dir, '--no-open']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/committee\.yaml:\d+:\d+: /);
  });
});

describe('cellctl serve on a committee folder: the page in a browser', { timeout: 120_000 }, () => {
  let dir: string;
  let served: Served;
  let browser: Browser;
  let cli: CommitteeReport;
  const errors: string[] = [];

  const open = async (hash = ''): Promise<Page> => {
    const page = await browser.newPage({ viewport: VIEWPORT, acceptDownloads: true });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(served.url + hash);
    await page.waitForSelector('#cells tbody tr');
    return page;
  };
  const rows = (page: Page) => page.locator('#cells tbody tr');

  beforeAll(async () => {
    dir = copyCommittee();
    served = await serve(dir, '--as-of', AS_OF);
    browser = await launchChromium();
    cli = await cliReport(dir);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    expect(await served?.stop()).toBe(0);
  });

  it('shows the committee\'s report: each row has the figures of `cellctl report --format json`, coloured as the HTML report', async () => {
    const page = await open();
    await expect(page.locator('h1').innerText()).resolves.toBe('Đảng ủy phường Hoàng Liệt');
    await expect(page.locator('#period-label').innerText()).resolves.toBe('năm 2026');
    await expect(page.locator('#as-of').innerText()).resolves.toBe('30/11/2026');
    const limits = thresholdsOf(cli);
    await expect(rows(page).count()).resolves.toBe(cli.cells.length);
    for (const [i, c] of cli.cells.entries()) {
      const row = rows(page).nth(i);
      const cells = row.locator('td');
      await expect(row.locator('th').innerText()).resolves.toBe(c.name);
      await expect(cells.nth(1).innerText()).resolves.toContain(statusText(c.status, 'vi'));
      await expect(cells.nth(2).locator('.fig').innerText()).resolves.toBe(`${c.regular.held}/${c.regular.due}`);
      await expect(cells.nth(3).locator('.fig').innerText()).resolves.toBe(`${c.thematic.held}/${c.thematic.due}`);
      await expect(cells.nth(4).innerText()).resolves.toBe(percent(c.attendance.rate, 'vi'));
      await expect(cells.nth(5).innerText()).resolves.toBe(`${c.errorCount} / ${c.warningCount}`);
      await expect(cells.nth(6).innerText()).resolves.toBe(decimal(c.score.average, 'vi'));
      const b = band(c.score.average, limits);
      await expect(cells.nth(7).innerText()).resolves.toBe(b ? words('vi').rating[b] : '–');
    }
    const t = cli.totals;
    await expect(page.locator('#totals').innerText()).resolves.toBe(
      `${t.cells} chi bộ · ${t.reporting} đã gửi hồ sơ · ${t.compliant} thực hiện đầy đủ · sinh hoạt đều hằng tháng ${percent(t.monthlyRhythm, 'vi')} · ` +
        `tỷ lệ dự bình quân ${percent(t.attendanceRate, 'vi')} · điểm bình quân ${decimal(t.averageScore, 'vi')} · ${t.errorCount} lỗi, ${t.warningCount} cảnh báo`,
    );
    // The cells needing attention, in the report's order, with its reasons.
    await expect(page.locator('#attention li').allInnerTexts()).resolves.toEqual(cli.attention.map((a) => `${a.name}: ${a.reasons.join('; ')}`));

    // The silent cell shows as such, in red; the skipped months and the low attendance too.
    const silent = page.locator('tr[data-folder="chi-bo-khu-dan-cu-15"]');
    await expect(silent.locator('td.status').innerText()).resolves.toBe('Không gửi hồ sơ\nKhông có hồ sơ buổi sinh hoạt nào trong kỳ.');
    await expect(silent.locator('td.status').getAttribute('class')).resolves.toBe('status bad');
    await expect(page.locator('#attention li').first().innerText()).resolves.toBe('Chi bộ Khu dân cư số 15: chưa gửi hồ sơ');
    const skipped = page.locator('tr[data-folder="chi-bo-khu-dan-cu-13"] td').nth(2);
    await expect(skipped.innerText()).resolves.toBe('9/11\nthiếu 4/2026, 8/2026');
    await expect(skipped.getAttribute('class')).resolves.toBe('num bad');
    await expect(page.locator('tr[data-folder="chi-bo-khu-dan-cu-14"] td').nth(4).getAttribute('class')).resolves.toBe('num bad');
    await expect(page.locator('tr[data-folder="chi-bo-khu-dan-cu-12"] td').nth(4).getAttribute('class')).resolves.toBe('num good');

    // Readable at 1366×768: the table and the attention list side by side, nothing wider than the window.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(VIEWPORT.width);
    const table = await page.locator('#cells').boundingBox();
    const attention = await page.locator('#attention').boundingBox();
    expect(attention!.x).toBeGreaterThan(table!.x + table!.width);
    if (SHOTS) await page.screenshot({ path: join(ROOT, 'docs', 'serve-committee.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to a quarter: the label, the figures and the download links follow', async () => {
    const page = await open();
    await page.getByLabel('Kỳ').selectOption({ label: 'Quý IV' });
    await soon(() => page.locator('#period-label').innerText()).toBe('quý IV năm 2026');
    expect(new URL(page.url()).hash).toBe('#/ky/2026-Q4');
    const q4 = await cliReport(dir, '--period', '2026-Q4');
    const figures = await rows(page).locator('td:nth-child(4) .fig').allInnerTexts();
    expect(figures).toEqual(q4.cells.map((c) => `${c.regular.held}/${c.regular.due}`));
    await expect(page.locator('#download-xlsx').getAttribute('href')).resolves.toBe('/api/report-file?format=xlsx&period=2026-Q4');
    await page.getByLabel('Kỳ').selectOption({ label: 'Tháng 11' });
    await soon(() => page.locator('#period-label').innerText()).toBe('tháng 11 năm 2026');
    await page.getByLabel('Kỳ').selectOption({ label: 'Cả năm' });
    await soon(() => page.locator('#period-label').innerText()).toBe('năm 2026');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a cell\'s year from its row, a record from there, and comes back to the cell, then to the committee', async () => {
    const page = await open('#/ky/2026-Q4');
    await soon(() => page.locator('#period-label').innerText()).toBe('quý IV năm 2026');
    await page.getByRole('link', { name: 'Chi bộ Khu dân cư số 13' }).first().click();
    await soon(() => page.locator('h1').innerText()).toBe('Chi bộ Khu dân cư số 13 — năm 2026');
    expect(new URL(page.url()).hash).toBe('#/chi-bo/chi-bo-khu-dan-cu-13');
    // April was skipped: a sitting to fill, with no record.
    await expect(page.locator('.month').nth(3).locator('.sitting.to-fill').count()).resolves.toBe(1);
    const june = page.locator('.month').nth(5).getByRole('link', { name: '05/6/2026 · Thường kỳ' });
    await expect(june.getAttribute('href')).resolves.toBe('#/ho-so/chi-bo-khu-dan-cu-13/meetings/2026-06.yaml');
    await june.click();
    await page.waitForSelector('#problem-count');
    await expect(page.locator('h1').innerText()).resolves.toBe('Biên bản Thường kỳ ngày 05/6/2026');
    await expect(page.locator('.file').innerText()).resolves.toBe('chi-bo-khu-dan-cu-13/meetings/2026-06.yaml');
    await page.getByRole('link', { name: '← Về trang năm' }).click();
    await soon(() => page.locator('h1').innerText()).toBe('Chi bộ Khu dân cư số 13 — năm 2026');
    await page.getByRole('link', { name: '← Về trang đảng ủy' }).click();
    await soon(() => page.locator('h1').innerText()).toBe('Đảng ủy phường Hoàng Liệt');
    await expect(page.locator('#period-label').innerText()).resolves.toBe('quý IV năm 2026');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads the report as a workbook that passes the OOXML check and reads back with exceljs', async () => {
    const page = await open();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('bao-cao-sinh-hoat-chi-bo-nam-2026.xlsx');
    const file = join(mkdtempSync(join(tmpdir(), 'cellctl-committee-dl-')), download.suggestedFilename());
    await download.saveAs(file);
    validateOoxml(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Chi bộ')!.getColumn(2).values.slice(2)).toEqual(cli.cells.map((c) => c.name));
    await page.close();
  });

  it('downloads the BÁO CÁO as .docx and the report as .html, named without diacritics', async () => {
    const page = await open();
    // The office's own sections, as `cellctl report` prints them.
    writeFileSync(join(dir, 'bao-cao-dang-uy.md'), '## Lãnh đạo, chỉ đạo\nĐảng ủy ban hành kế hoạch kiểm tra sổ sách các chi bộ.\n\n## Kiểm tra, giám sát\nỦy ban Kiểm tra giám sát hai chi bộ.\n');
    const get = (query: string) => page.request.get(new URL(`/api/report-file?${query}`, served.url).href, { headers: tokenHeader(served) });
    const docx = await get('format=docx&period=2026-Q4');
    expect(docx.status(), await docx.text()).toBe(200);
    expect(docx.headers()['content-disposition']).toBe('attachment; filename="bao-cao-sinh-hoat-chi-bo-quy-iv-nam-2026.docx"');
    const file = join(mkdtempSync(join(tmpdir(), 'cellctl-committee-dl-')), 'bao-cao.docx');
    writeFileSync(file, await docx.body());
    const text = await docxParagraphs(file);
    expect(text).toContain('Đảng ủy ban hành kế hoạch kiểm tra sổ sách các chi bộ.');
    expect(text).toContain('Ủy ban Kiểm tra giám sát hai chi bộ.');
    expect(text).toContain('Số …-BC/ĐU'); // not issued: cellctl report gives the number
    const report = await get('format=html');
    expect(report.status(), await report.text()).toBe(200);
    expect(report.headers()['content-disposition']).toBe('attachment; filename="bao-cao-sinh-hoat-chi-bo-nam-2026.html"');
    expect(report.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await report.text()).toContain('<h1>Đảng ủy phường Hoàng Liệt</h1>');
    await page.close();
  });

  it('"Lập biên bản kỳ họp …" in a cell writes the record in that cell\'s folder', async () => {
    const page = await open();
    await page.getByRole('link', { name: 'Chi bộ Khu dân cư số 13' }).first().click();
    await soon(() => page.locator('h1').innerText()).toBe('Chi bộ Khu dân cư số 13 — năm 2026');
    await page.getByRole('button', { name: /^Lập biên bản kỳ họp thường kỳ ngày \d\d\/\d{1,2}\/2026$/ }).click();
    await page.getByRole('button', { name: 'Lập biên bản', exact: true }).click();
    await page.waitForSelector('#problem-count');
    await soon(() => page.locator('.file').innerText()).toBe('chi-bo-khu-dan-cu-13/meetings/2026-04.yaml');
    expect(existsSync(join(dir, 'chi-bo-khu-dan-cu-13', 'meetings', '2026-04.yaml'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.yaml'))).toEqual(['committee.yaml']);
    expect(existsSync(join(dir, 'meetings'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
