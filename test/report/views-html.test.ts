// The report's .html in a real headless browser (Debian chromium driven by playwright-core): loads offline, charts draw, prints A4 landscape.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceByMonth, htmlText, reportToHtml } from '../../src/report/views/html.js';
import type { CommitteeReport } from '../../src/report/types.js';
import { FIXTURES } from '../helpers.js';

const REPORT = JSON.parse(readFileSync(join(FIXTURES, 'report', 'committee-report.json'), 'utf8')) as CommitteeReport;
const CHROMIUM = '/usr/bin/chromium';

describe('reportToHtml: the page itself', () => {
  const html = reportToHtml(REPORT, { lang: 'vi' });

  it('is one self-contained file: no script, no external resource', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href)=/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(html).toContain('@page { size: A4 landscape;');
  });

  it('escapes every text of the report: a cell name and a message stay text', () => {
    expect(html).toContain('Chi bộ Tổ dân phố số 5 &amp; &lt;Khu tái định cư&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<Khu tái định cư>');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('says there are no figures yet for an empty committee, and draws nothing broken', () => {
    const empty = reportToHtml({ ...REPORT, cells: [], attention: [] });
    expect(empty).toContain('Chưa có số liệu');
    expect(empty).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('names each problem by its record and its rule in words, with no rule id or path on the page', () => {
    const table = html.slice(html.indexOf('<h2>Lỗi và cảnh báo trong hồ sơ</h2>'));
    expect(table).toContain('>Buổi sinh hoạt tháng 9/2026</td><td>Thời lượng buổi sinh hoạt không ít hơn mức tối thiểu</td>');
    expect(table).toContain('Nội dung hồ sơ ghi đúng mẫu');
    // The file stays in the record's tooltip only.
    expect(table).toContain('title="chi-bo-khu-dan-cu-13/meetings/2026-09.yaml:4:6"');
    expect(table.replace(/ title="[^"]*"/g, '')).not.toMatch(/\.yaml|duration-min|>schema</);
  });

  it('gives every cell a row in the score chart: the one without a score says so and why, and the note names it', () => {
    const chart = html.slice(html.indexOf('aria-label="Điểm tự chấm của từng chi bộ"'));
    const scores = chart.slice(0, chart.indexOf('</figure>'));
    for (const cell of REPORT.cells) expect(scores).toContain(htmlText(cell.name.length > 28 ? `${[...cell.name].slice(0, 27).join('')}…` : cell.name));
    expect(scores).toContain('chưa có điểm (không gửi hồ sơ)');
    expect(scores).toContain('Chưa có điểm: Chi bộ Khu dân cư số 15.');
    // One average mark per cell with a score, one dot per meeting scored.
    expect(scores.match(/class="mean"/g)).toHaveLength(REPORT.cells.filter((c) => c.score.average !== null).length);
    const scored = REPORT.cells.flatMap((c) => c.months.filter((m) => m.score !== null));
    expect(scores.match(/class="meeting"/g)).toHaveLength(scored.length);
  });

  it('starts the score axis near the lowest score, so close averages are told apart, and says when they are all the same', () => {
    const same = { ...REPORT, cells: REPORT.cells.slice(0, 2).map((c) => ({ ...c, score: { ...c.score, average: 92.8 }, months: c.months.map((m) => ({ ...m, score: m.score === null ? null : 92 })) })) };
    const page = reportToHtml(same);
    // Axis from 80 to 100: ticks 80, 90, 100, and no 0 or 50.
    const chart = page.slice(page.indexOf('aria-label="Điểm tự chấm của từng chi bộ"'));
    const ticks = [...chart.slice(0, chart.indexOf('</svg>')).matchAll(/font-size="11">(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(ticks).toEqual([80, 90, 100]);
    expect(page).toContain('Các chi bộ có cùng điểm bình quân 92,8.');
    // The fixture's scores run from 62: the axis spans 50–100 over the 284-unit plot, so 93.5 and 88.4 stand
    // 29 units apart where an axis from 0 would put them 14 apart.
    const marks = [...html.matchAll(/<rect class="mean" x="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(marks[0]! - marks[3]!).toBeCloseTo((284 * (93.5 - 88.4)) / 50, 0);
  });

  it('averages attendance by month over the cells that met, leaving months without figures empty', () => {
    const months = attendanceByMonth(REPORT);
    // July: 12 (0.955), 13 (0.9), 14 (0.7), Trường (0.867); the unlisted cell is not the committee's.
    expect(months[0]!.cells).toBe(4);
    expect(months[0]!.rate).toBeCloseTo((0.955 + 0.9 + 0.7 + 0.867) / 4, 6);
    const empty = attendanceByMonth({ ...REPORT, cells: [] });
    expect(empty.every((m) => m.rate === null)).toBe(true);
  });
});

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('reportToHtml: in headless chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-html-'));
  const file = join(dir, 'bao-cao.html');
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    writeFileSync(file, reportToHtml(REPORT, { lang: 'vi' }));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1180, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads without console errors and asks for nothing but itself', () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
  });

  it('draws the five charts with bars, marks and cells of non-zero size', async () => {
    const charts = await page.$$eval('figure svg', (svgs) =>
      svgs.map((s) => {
        const box = s.getBoundingClientRect();
        const shapes = [...s.querySelectorAll('rect.bar, rect.cell, rect.mean')].map((r) => r.getBoundingClientRect());
        return { label: s.getAttribute('aria-label'), width: box.width, height: box.height, shapes: shapes.filter((b) => b.width > 0 && b.height > 0).length };
      }),
    );
    expect(charts.map((c) => c.label)).toEqual([
      'Tỷ lệ đảng viên dự sinh hoạt theo tháng',
      'Xếp loại các kỳ sinh hoạt',
      'Sinh hoạt của từng chi bộ theo tháng',
      'Điểm tự chấm của từng chi bộ',
      'Cấp ủy viên dự sinh hoạt chi bộ theo phân công',
    ]);
    for (const c of charts) {
      expect(c.width).toBeGreaterThan(100);
      expect(c.height).toBeGreaterThan(40);
      expect(c.shapes).toBeGreaterThan(0);
    }
    // The heat map has one square per cell and month.
    expect(charts[2]!.shapes).toBe(REPORT.cells.length * REPORT.period.months.length);
  });

  it('colours a month below 85 % red against the dashed threshold line, and a missing month red in the grid', async () => {
    const bars = await page.$$eval('figure:first-of-type rect.bar', (rs) => rs.map((r) => ({ fill: r.getAttribute('fill'), title: r.textContent })));
    const september = bars.find((b) => b.title?.startsWith('9/2026'));
    expect(september?.fill).toBe('#d64545');
    expect(await page.locator('line.threshold').count()).toBe(1);
    const missing = await page.locator('rect.cell.missing').count();
    // 13: Aug, Oct; 15: five due months; unlisted: Jul–Sep.
    expect(missing).toBe(2 + 5 + 3);
    // Held months under 85 %: 14 in Jul, Aug, Sep, Nov; unlisted in Oct.
    expect(await page.locator('circle.low').count()).toBe(5);
  });

  it('shows the cell name with & and < as text', async () => {
    const text = await page.locator('body').innerText();
    expect(text).toContain('Chi bộ Tổ dân phố số 5 & <Khu tái định cư>');
    expect(await page.locator('script').count()).toBe(0);
  });

  it('prints to PDF on A4 landscape', async () => {
    const pdf = join(dir, 'bao-cao.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('ĐẢNG ỦY PHƯỜNG HOÀNG LIỆT');
    expect(text).toContain('Sinh hoạt của từng chi bộ theo tháng');
  }, 60_000);
});
