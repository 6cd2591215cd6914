// The meeting form in a real headless chromium against the real `cellctl serve`: a new record filled through the form only, saved, validated and rendered by the CLI.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, ROOT, runCli } from '../helpers.js';
import { docxParagraphs } from '../ooxml.js';
import { WARD_BANDS, WARD_SHEET, wardWithOwnSheet } from '../plan/new-committee.js';
import { launchChromium, openWatched, serve, type Served } from './browser.js';

const VIEWPORT = { width: 1366, height: 768 };
/** Screenshots for the README are written only when asked: tests must not change the repository. */
const SHOTS = process.env.CELLCTL_SCREENSHOTS === '1';
const soon = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

describe('cellctl serve: the whole meeting form', { timeout: 180_000 }, () => {
  let browser: Browser;
  const errors: string[] = [];

  const open = async (served: Served): Promise<Page> => {
    return (await openWatched(browser, served.url, { viewport: VIEWPORT, locale: 'en-US', trouble: errors })).page;
  };
  const field = (page: Page, pointer: string) => page.locator(`[id="f:${pointer}"]`);
  const beside = (page: Page, pointer: string) => page.locator('.field', { has: field(page, pointer) }).locator('.problems-here');

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('creates the next record from the year view, fills it through the form only, saves it; the CLI validates and renders it', async () => {
    const cellDir = copyExample();
    rmSync(join(cellDir, 'meetings', '2026-12.yaml'));
    const served = await serve(cellDir);
    try {
      const page = await open(served);
      await page.getByRole('button', { name: /^Lập biên bản kỳ họp / }).click(); // it names the sitting, then asks
      await page.getByRole('button', { name: 'Lập biên bản', exact: true }).click();
      await page.waitForSelector('#problem-count');
      await soon(() => page.locator('.file').innerText()).toBe('meetings/2026-12.yaml');
      const file = join(cellDir, 'meetings', '2026-12.yaml');
      const written = readFileSync(file, 'utf8');

      // Attendance: one member away with a reason.
      await page.locator('.attendance tbody tr').nth(2).getByRole('radio', { name: 'Vắng có lý do' }).check();
      await field(page, '/attendance/2/reason').fill('Đi công tác');

      // A guest, added with a real button.
      await page.getByRole('button', { name: '+ Thêm đại biểu' }).click();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f:/guests/0/name');
      await page.keyboard.type('Đào Thanh Bình');
      await field(page, '/guests/0/office').fill('Đảng ủy viên, Đảng ủy phường Hoàng Liệt');

      // Every step: its content, and the opinions of the discussion (one added, one added and removed).
      const contents = page.locator('.steps textarea[id$="/content"]');
      for (let i = 0; i < (await contents.count()); i++) await contents.nth(i).fill(`Nội dung bước ${i + 1} đã ghi theo diễn biến.`);
      const discussion = page.locator('.step', { has: page.locator('[id$="/speakers/0/speaker"]') });
      const d = Number((await discussion.getAttribute('id'))!.split('/')[2]);
      await field(page, `/steps/${d}/speakers/0/speaker`).selectOption('Trần Thị Thu');
      await field(page, `/steps/${d}/speakers/0/opinion`).fill('Nhất trí với dự thảo nghị quyết.');
      await discussion.getByRole('button', { name: '+ Thêm ý kiến' }).click();
      await discussion.getByRole('button', { name: '+ Thêm ý kiến' }).click();
      await soon(() => discussion.locator('.speaker').count()).toBe(3);
      await field(page, `/steps/${d}/speakers/1/speaker`).selectOption('Phạm Thị Hoa');
      await field(page, `/steps/${d}/speakers/1/opinion`).fill('Đề nghị giao cụ thể cho từng tổ đảng.');
      await discussion.getByRole('button', { name: 'Xóa ý kiến 3' }).click();
      await soon(() => discussion.locator('.speaker').count()).toBe(2);

      // Last month's tasks, as `cellctl new` copied them: each result and done state.
      const reviewed = page.locator('.tasks.reviewed > li');
      const nReviewed = await reviewed.count();
      expect(nReviewed).toBe(6);
      // Each with its owner and deadline as November's resolution set them.
      await expect(reviewed.first().locator('.assigned').innerText()).resolves.toBe('Phụ trách: Trần Thị Thu · thời hạn 15/11/2026');
      for (let i = 0; i < nReviewed; i++) {
        await field(page, `/resolution/review/tasks/${i}/result`).fill(`Kết quả nhiệm vụ ${i + 1}: đã thực hiện.`);
        await field(page, `/resolution/review/tasks/${i}/done`).selectOption({ label: i === 4 ? 'Chưa hoàn thành' : 'Đã hoàn thành' });
      }
      await field(page, '/resolution/review/strengths').fill('Đảng viên gương mẫu thực hiện nghị quyết.');
      await field(page, '/resolution/review/shortcomings').fill('Kiểm tra phòng cháy còn chậm.');

      // Next month's tasks: a problem beside the empty task, gone once it is written.
      await soon(() => beside(page, '/resolution/tasks/0/task').count()).toBe(1);
      await field(page, '/resolution/tasks/0/task').fill('Tổ chức hội nghị kiểm điểm cuối năm');
      await soon(() => beside(page, '/resolution/tasks/0/task').count()).toBe(0);
      // The owner from the roster; the deadline picked on the calendar, shown the Party's way whatever the browser's locale.
      await field(page, '/resolution/tasks/0/owner').selectOption('Nguyễn Văn Hùng');
      await page.locator('[id="f:/resolution/tasks/0/deadline:lịch"]').fill('2026-12-20');
      await soon(() => field(page, '/resolution/tasks/0/deadline').inputValue()).toBe('20/12/2026');
      // The keyboard goes task → owner → deadline → calendar button → row buttons (up and down disabled for the only task); the calendar input itself is skipped.
      await field(page, '/resolution/tasks/0/task').focus();
      const order: string[] = [];
      for (let k = 0; k < 4; k++) {
        await page.keyboard.press('Tab');
        order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('aria-label') || ''));
      }
      expect(order).toEqual(['f:/resolution/tasks/0/owner', 'f:/resolution/tasks/0/deadline', 'Chọn thời hạn trên lịch', 'Xóa nhiệm vụ 1']);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter'); // opens the browser's calendar where there is one; never an error
      await page.keyboard.press('Escape');
      await expect(field(page, '/resolution/tasks/0/deadline').inputValue()).resolves.toBe('20/12/2026');

      // A second task owned by the cell as a whole, its deadline typed; an impossible date is named beside it.
      await page.getByRole('button', { name: '+ Thêm nhiệm vụ' }).click();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f:/resolution/tasks/1/task');
      await page.keyboard.type('Thu đảng phí tháng 12/2026');
      await field(page, '/resolution/tasks/1/owner').selectOption('Chi bộ');
      await field(page, '/resolution/tasks/1/deadline').fill('31/02/2026');
      await soon(() => beside(page, '/resolution/tasks/1/deadline').count()).toBe(1);
      await field(page, '/resolution/tasks/1/deadline').fill('5/1/2027');
      await soon(() => beside(page, '/resolution/tasks/1/deadline').count()).toBe(0);
      await expect(field(page, '/resolution/tasks/1/deadline').inputValue()).resolves.toBe('05/01/2027');

      // A third task moved up with the keyboard, then a fourth added and removed.
      await page.getByRole('button', { name: '+ Thêm nhiệm vụ' }).click();
      await page.keyboard.type('Vận động hộ gia đình phân loại rác tại nguồn');
      await field(page, '/resolution/tasks/2/owner').selectOption('Tổ đảng số 2');
      await field(page, '/resolution/tasks/2/deadline').fill('31/12/2026');
      await page.getByRole('button', { name: 'Chuyển nhiệm vụ 3 lên trên' }).focus();
      await page.keyboard.press('Enter');
      await soon(() => field(page, '/resolution/tasks/1/task').inputValue()).toBe('Vận động hộ gia đình phân loại rác tại nguồn');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f:/resolution/tasks/1:lên');
      await page.getByRole('button', { name: '+ Thêm nhiệm vụ' }).click();
      await soon(() => page.locator('.tasks.next > li').count()).toBe(4);
      await page.getByRole('button', { name: 'Xóa nhiệm vụ 4' }).click();
      await soon(() => page.locator('.tasks.next > li').count()).toBe(3);

      // The vote of every eligible member, the dues, the score at each criterion's maximum, and adopted.
      // Every eligible member present votes for: the count shown beside the vote, after the absence above.
      await expect(page.locator('.voters').innerText()).resolves.toMatch(/^Số đảng viên có quyền biểu quyết: \d+, có mặt: \d+$/);
      const eligible = Number(await page.locator('#eligible-present').innerText());
      expect(eligible).toBeGreaterThan(10);
      await field(page, '/vote/for').fill(String(eligible));
      await field(page, '/vote/against').fill('0');
      const members = (await page.locator('.attendance tbody tr').count());
      await field(page, '/dues/paid').fill(String(members));
      await field(page, '/dues/amount').fill('1260000');
      const criteria = page.locator('[id^="f:/score/criteria/"]');
      for (let i = 0; i < (await criteria.count()); i++) await criteria.nth(i).fill((await criteria.nth(i).getAttribute('max'))!);
      await soon(() => page.locator('#score-total').innerText()).toBe('100');
      await expect(page.locator('#score-rating').innerText()).resolves.toBe('Tốt');
      await field(page, '/status').selectOption('adopted');

      await soon(() => page.locator('#problem-list').innerText()).toBe('');
      await expect(page.locator('#problem-count').innerText()).resolves.toBe('Không có lỗi.');
      if (SHOTS) {
        await page.locator('[id="f:/resolution/review"]').scrollIntoViewIfNeeded();
        await page.locator('[id="f:/resolution/review/tasks/4"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: join(ROOT, 'docs', 'serve-form.png') });
      }
      await page.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
      await soon(() => page.locator('#save-state').innerText()).toContain('Đã lưu lúc');
      expect(errors).toEqual([]);
      await page.close();

      // The saved file: what the form held, the comments `cellctl new` wrote kept.
      const saved = readFileSync(file, 'utf8');
      const data = parse(saved);
      expect(data.resolution.tasks).toEqual([
        { task: 'Tổ chức hội nghị kiểm điểm cuối năm', owner: 'Nguyễn Văn Hùng', deadline: '2026-12-20' },
        { task: 'Vận động hộ gia đình phân loại rác tại nguồn', owner: 'Tổ đảng số 2', deadline: '2026-12-31' },
        { task: 'Thu đảng phí tháng 12/2026', owner: 'Chi bộ', deadline: '2027-01-05' },
      ]);
      expect(data.resolution.review.tasks.map((t: { done: boolean }) => t.done)).toEqual([true, true, true, true, false, true]);
      expect(data.guests).toEqual([{ name: 'Đào Thanh Bình', office: 'Đảng ủy viên, Đảng ủy phường Hoàng Liệt' }]);
      expect(data.status).toBe('adopted');
      expect(data.dues).toMatchObject({ paid: members, amount: 1260000 });
      const comments = (text: string) => text.split('\n').filter((l) => /^\s*#/.test(l) || / # /.test(l)).map((l) => l.slice(l.indexOf('#')));
      // Every whole-line comment of the new record is still there, in order (the skeleton task's own comments included).
      const wholeLines = (text: string) => text.split('\n').filter((l) => /^\s*#/.test(l)).map((l) => l.trim());
      expect(wholeLines(saved)).toEqual(wholeLines(written));
      for (const c of ['# nhiệm vụ', '# đồng chí hoặc tổ đảng phụ trách', '# thời hạn, dạng YYYY-MM-DD', '# số đồng chí tán thành', '# tối đa 40 điểm']) {
        expect(comments(saved)).toContain(c);
      }

      // The real CLI: the cell validates, and the resolution prints each task's owner and deadline dd/mm/yyyy.
      const checked = await runCli(['validate', cellDir, '--as-of', '2026-12-31']);
      expect(checked.stderr).toBe('');
      expect(checked.stdout).toBe('✔ Không có vấn đề nào\n');
      expect(checked.code).toBe(0);
      const out = join(cellDir, '..', 'out');
      const rendered = await runCli(['render', file, '--out', out, '--as-of', '2026-12-31']);
      expect(rendered.stderr).toBe('');
      expect(rendered.code).toBe(0);
      const resolution = await docxParagraphs(join(out, '2026-12-nghi-quyet.docx'));
      expect(resolution).toMatch(/Tổ chức hội nghị kiểm điểm cuối năm\n(.*\n)?Nguyễn Văn Hùng\n20\/12\/2026/);
      expect(resolution).toMatch(/Thu đảng phí tháng 12\/2026\n(.*\n)?Chi bộ\n05\/01\/2027/);
      const minutes = await docxParagraphs(join(out, '2026-12-bien-ban.docx'));
      expect(minutes).toContain('Đào Thanh Bình');
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it("shows the committee's scoring sheet and rating bands when a committee.yaml above the cell replaces them", async () => {
    const [, cellDir] = wardWithOwnSheet();
    rmSync(join(cellDir, 'meetings', '2026-12.yaml'));
    const served = await serve(cellDir);
    try {
      const page = await open(served);
      await page.getByRole('button', { name: /^Lập biên bản kỳ họp / }).click(); // it names the sitting, then asks
      await page.getByRole('button', { name: 'Lập biên bản', exact: true }).click();
      await page.waitForSelector('#problem-count');
      await soon(() => page.locator('.file').innerText()).toBe('meetings/2026-12.yaml');
      const labels = await page.locator('[id^="f:/score/criteria/"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent));
      expect(labels).toEqual(['Chuẩn bị sinh hoạt (tối đa 20)', 'Tiến hành sinh hoạt (tối đa 50)', 'Kết quả sinh hoạt (tối đa 30)']);
      expect(Object.keys(WARD_SHEET)).toEqual(['preparation', 'conduct', 'results']);
      await expect(page.locator('#rating-bands').innerText()).resolves.toBe(
        `Thang xếp loại: Tốt từ ${WARD_BANDS.good} điểm; Khá từ ${WARD_BANDS.fair} điểm; Trung bình từ ${WARD_BANDS.average} điểm; dưới nữa: Kém.`,
      );
      // The running total's rating follows the ward's bands: 87 is Tốt there (it would be Khá on the profile's 90).
      await field(page, '/score/criteria/preparation').fill('17');
      await field(page, '/score/criteria/conduct').fill('45');
      await field(page, '/score/criteria/results').fill('25');
      await soon(() => page.locator('#score-total').innerText()).toBe('87');
      await expect(page.locator('#score-rating').innerText()).resolves.toBe('Tốt');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  /** A copy of the example with December's record made fresh by the page's own button, opened in the form. */
  const freshDecember = async (): Promise<{ cellDir: string; file: string; served: Served; page: Page }> => {
    const cellDir = copyExample();
    rmSync(join(cellDir, 'meetings', '2026-12.yaml'));
    const served = await serve(cellDir);
    const page = await open(served);
    await page.getByRole('button', { name: /^Lập biên bản kỳ họp / }).click(); // it names the sitting, then asks
    await page.getByRole('button', { name: 'Lập biên bản', exact: true }).click();
    await page.waitForSelector('#problem-count');
    await soon(() => page.locator('.file').innerText()).toContain('2026-12.yaml');
    return { cellDir, file: join(cellDir, 'meetings', '2026-12.yaml'), served, page };
  };
  const saveNow = async (page: Page) => {
    await page.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
    await soon(() => page.locator('#save-state').innerText()).toContain('Đã lưu lúc');
  };

  it('reads money typed the Vietnamese way as the whole sum, keeps what was typed, and guesses nothing', async () => {
    const { file, served, page } = await freshDecember();
    try {
      const amount = field(page, '/dues/amount');
      const readAs = page.locator('[id="f:/dues/amount:đọc"]');
      // Typed key by key: the dots stay where they were typed, and the sum read is said under the field.
      await amount.pressSequentially('1.250.000');
      await expect(amount.inputValue()).resolves.toBe('1.250.000');
      await expect(readAs.innerText()).resolves.toBe('Đọc là: 1.250.000 đồng');
      for (const [typed, read] of [['560 000', '560.000'], ['560.000 đ', '560.000']] as const) {
        await amount.fill(typed);
        await expect(amount.inputValue()).resolves.toBe(typed);
        await expect(readAs.innerText()).resolves.toBe(`Đọc là: ${read} đồng`);
      }
      // Pasted: the same.
      await amount.fill('');
      await amount.focus();
      await page.keyboard.insertText('560.000');
      await expect(readAs.innerText()).resolves.toBe('Đọc là: 560.000 đồng');
      await saveNow(page);
      expect(parse(readFileSync(file, 'utf8')).dues.amount).toBe(560000);
      // What could be two sums is a message beside the field, not a guess.
      for (const typed of ['560,5', '56.00']) {
        await amount.fill(typed);
        await expect(amount.inputValue()).resolves.toBe(typed);
        await soon(() => beside(page, '/dues/amount').innerText()).toMatch(/^⚠?\s*Không rõ số tiền “.+”.*560\.000/);
        await expect(readAs.innerText()).resolves.toBe('');
      }
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it('speaks every problem in the words of the form: labels, no keys, codes, null, true/false, HH:MM or line numbers; the new record previews and prints as a draft', async () => {
    const { cellDir, served, page } = await freshDecember();
    try {
      // The preview of a record just made is the draft to post before the sitting, with no command-line flag in sight.
      await soon(() => page.locator('#preview-sheet .sheet-holder').count()).toBe(1);
      await expect(page.locator('#preview-note').innerText()).resolves.toContain('Dự thảo');
      await expect(page.locator('.preview').innerText()).resolves.not.toMatch(/--draft|cellctl [a-z]/);
      await expect(page.locator('#preview-sheet').innerText()).resolves.toContain('DỰ THẢO');
      // And it prints so, as it is: the outcome fields (vote, dues, score, results) still blank.
      await page.locator('#print-docx').click();
      await soon(() => page.locator('.printed .note').innerText()).toContain('bản dự thảo');
      const printed = join(cellDir, 'out', '2026-12-bien-ban.docx');
      expect(await docxParagraphs(printed)).toMatch(/^BIÊN BẢN$/m);
      // The mark is in the page header, as render --draft puts it.
      expect(execFileSync('unzip', ['-p', printed, 'word/header*.xml'], { encoding: 'utf8' })).toContain('DỰ THẢO');
      await expect(page.locator('.printed').innerText()).resolves.not.toMatch(/--draft|cellctl [a-z]/);
      // An absence without its reason, and a time that is not a time.
      await page.locator('.attendance tbody tr').nth(2).getByRole('radio', { name: 'Vắng có lý do' }).check();
      const who = (await page.locator('.attendance tbody tr').nth(2).locator('th').innerText()).trim();
      await field(page, '/start').fill('25:00');
      await soon(() => beside(page, '/attendance/2/reason').count()).toBe(0); // the reason's own row, not a .field
      await soon(() => page.locator('.attendance tbody tr').nth(2).locator('.problems-here').innerText()).toContain(`Chưa điền lý do vắng của ${who}.`);
      await soon(() => beside(page, '/start').innerText()).toContain('Giờ bắt đầu: ghi giờ và phút, ví dụ 19:30');
      const list = await page.locator('#problem-list').innerText();
      expect(list.length).toBeGreaterThan(0);
      for (const bad of [/Dòng \d/, /“reason”/, /\bnull\b/, /\btrue\b/, /\bfalse\b/, /HH:MM/, /trường bắt buộc/, /good \(Tốt\)/, /cellctl/]) {
        expect(list).not.toMatch(bad);
      }
      expect(list).toContain('Hoàn thành? (nhiệm vụ 1 tháng trước): chưa chọn.');
      await expect(page.locator('#problem-count').innerText()).resolves.toMatch(/^\d+ lỗi(, \d+ cảnh báo)?\.$/);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it('judges what it can while other fields are blank: a short sitting, one person in two roles, a deadline before the sitting, an adopted resolution without its number', async () => {
    const { served, page } = await freshDecember();
    try {
      const start = await field(page, '/start').inputValue();
      const [h, m] = start.split(':').map(Number);
      await field(page, '/end').fill(`${String(h! + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
      await soon(() => beside(page, '/end').innerText()).toContain('kéo dài 60 phút');
      await field(page, '/secretary').selectOption(await field(page, '/chair').inputValue());
      await soon(() => beside(page, '/secretary').innerText()).toContain('vừa chủ trì vừa làm thư ký');
      await field(page, '/resolution/tasks/0/deadline').fill('20/12/2025');
      await soon(() => beside(page, '/resolution/tasks/0/deadline').innerText()).toContain('sớm hơn ngày họp');
      // The number: the cell's next one offered (November's resolution is the last numbered), a warning while adopted without it.
      await field(page, '/resolution/number').fill('');
      await field(page, '/status').selectOption('adopted');
      await soon(() => page.locator('#problem-list').innerText()).toContain('Nghị quyết: Nghị quyết đã thông qua nhưng chưa có số');
      await expect(page.locator('#number-hint').innerText()).resolves.toMatch(/^Số tiếp theo: nghị quyết ngày \d\d\/11\/2026 mang số \d\d\.$/);
      const offered = (await page.locator('#use-number').innerText()).replace(/\D/g, '');
      await page.locator('#use-number').click();
      await soon(() => field(page, '/resolution/number').inputValue()).toBe(String(Number(offered)));
      await soon(() => page.locator('#problem-list').innerText()).not.toContain('chưa có số');
      await expect(page.locator('#number-hint').innerText()).resolves.toBe(`In là: Số ${offered}-NQ/CB. `.trim());
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it('asks before any move inside the page drops unsaved changes; staying keeps them', async () => {
    const { served, page } = await freshDecember();
    try {
      await field(page, '/place').fill('Nhà văn hóa tổ dân phố 5');
      // This page answers the questions itself (the watcher would dismiss them as trouble).
      page.removeAllListeners('dialog');
      const asked: string[] = [];
      const answer = (leave: boolean) => page.once('dialog', (d) => { asked.push(d.message()); void (leave ? d.accept() : d.dismiss()); });
      const stays = async () => {
        await expect(field(page, '/place').inputValue()).resolves.toBe('Nhà văn hóa tổ dân phố 5');
        await expect(page.evaluate(() => location.hash)).resolves.toMatch(/^#\/ho-so\//);
      };
      answer(false);
      await page.getByRole('link', { name: '← Về trang năm' }).click();
      await soon(() => asked.length).toBe(1);
      expect(asked[0]).toContain('Biên bản có thay đổi chưa lưu');
      await stays();
      // The browser's Back, declined: still here, the address still the record's.
      answer(false);
      await page.goBack();
      await soon(() => asked.length).toBe(2);
      await stays();
      // Leaving when the user says so.
      answer(true);
      await page.getByRole('link', { name: '← Về trang năm' }).click();
      await soon(() => page.locator('.months').count()).toBe(1);
      expect(asked).toHaveLength(3);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it('explains a save that crossed another tab field by field, by label, and keeps the side chosen for each', async () => {
    const { file, served, page } = await freshDecember();
    try {
      const url = page.url();
      const other = await open(served);
      await other.goto(url);
      await other.waitForSelector('#problem-count');
      await field(other, '/place').fill('Hội trường Ủy ban phường');
      await field(other, '/dues/note').fill('Đã thu đủ');
      await saveNow(other);

      await field(page, '/place').fill('Nhà văn hóa tổ dân phố 5');
      await field(page, '/dues/amount').fill('560.000');
      // The browser logs the refused save (409) itself: the page shows why, below.
      const before = errors.length;
      await page.getByRole('button', { name: 'Lưu (Ctrl+S)' }).click();
      const panel = page.locator('#conflict');
      await soon(() => panel.count()).toBe(1);
      const rows = panel.locator('tbody tr');
      const text = await panel.innerText();
      expect(text).not.toMatch(/@@|\+\+\+|---|place:|amount:/);
      const byLabel = Object.fromEntries(await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, [...tr.querySelectorAll('.value')].map((v) => v.textContent)])));
      expect(byLabel['Địa điểm']).toEqual(['Nhà văn hóa tổ dân phố 5', 'Hội trường Ủy ban phường']);
      expect(byLabel['Số tiền đảng phí']).toEqual(['560.000', '(để trống)']);
      expect(byLabel['Ghi chú đảng phí']![1]).toBe('Đã thu đủ');
      // Their place, my sum, their note (mine is as `new` wrote it: only they changed it, so theirs is the default).
      await rows.filter({ hasText: 'Địa điểm' }).locator('input[type=radio]').nth(1).check();
      await page.locator('#conflict-apply').click();
      await soon(() => page.locator('#save-state').innerText()).toContain('Đã lưu lúc');
      const saved = parse(readFileSync(file, 'utf8'));
      expect(saved.place).toBe('Hội trường Ủy ban phường');
      expect(saved.dues).toMatchObject({ amount: 560000, note: 'Đã thu đủ' });
      await expect(field(page, '/place').inputValue()).resolves.toBe('Hội trường Ủy ban phường');
      expect(errors.splice(before)).toEqual(['console: Failed to load resource: the server responded with a status of 409 (Conflict)']);
      expect(errors).toEqual([]);
      await other.close();
      await page.close();
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it('keeps paragraphs typed in a text through save and print; a combined sitting has its topic and presenter; the print folder is shown and opened', async () => {
    const cellDir = copyExample();
    // The desktop's opener, stood in for by a script that notes what it was asked to open.
    const bin = mkdtempSync(join(tmpdir(), 'cellctl-opener-'));
    writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\nprintf "%s" "$1" > "$(dirname "$0")/opened"\n', { mode: 0o755 });
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path ?? ''}`;
    const served = await serve(cellDir).finally(() => { process.env.PATH = path; });
    try {
      const page = await open(served);
      await page.getByRole('link', { name: '05/5/2026 · Thường kỳ kết hợp chuyên đề' }).click();
      await page.waitForSelector('#problem-count');
      // The topic, as the record has it; the presenter changed through the form.
      await expect(field(page, '/topic/title').inputValue()).resolves.toMatch(/^Học tập và làm theo tư tưởng/);
      await expect(field(page, '/topic/presenter').inputValue()).resolves.toBe('Trần Thị Thu');
      await field(page, '/topic/presenter').fill('Nguyễn Văn Hùng');
      // Two paragraphs, as pasted.
      await field(page, '/resolution/review/strengths').fill('');
      await field(page, '/resolution/review/strengths').focus();
      await page.keyboard.insertText('Đoạn thứ nhất về ưu điểm.\n\nĐoạn thứ hai về ưu điểm.');
      await saveNow(page);
      const file = join(cellDir, 'meetings', '2026-05.yaml');
      const saved = parse(readFileSync(file, 'utf8'));
      expect(saved.topic.presenter).toBe('Nguyễn Văn Hùng');
      expect(saved.resolution.review.strengths).toBe('Đoạn thứ nhất về ưu điểm.\n\nĐoạn thứ hai về ưu điểm.');
      // The preview and the printed resolution: two paragraphs.
      await page.getByRole('tab', { name: 'Nghị quyết' }).click();
      await soon(() => page.locator('#preview-sheet p', { hasText: 'Đoạn thứ hai về ưu điểm.' }).count()).toBe(1);
      await expect(page.locator('#preview-sheet p', { hasText: 'Đoạn thứ nhất về ưu điểm.' }).innerText()).resolves.toBe('Đoạn thứ nhất về ưu điểm.');
      await page.locator('#print-docx').click();
      await soon(() => page.locator('.printed').count()).toBe(1);
      const resolution = await docxParagraphs(join(cellDir, 'out', '2026-05-nghi-quyet.docx'));
      expect(resolution).toContain('\nĐoạn thứ nhất về ưu điểm.\nĐoạn thứ hai về ưu điểm.\n');
      // Where the files went, in full, and opened there: the cell's out/, as `cellctl render <cell>` writes.
      await expect(page.locator('#out-dir').innerText()).resolves.toBe(join(cellDir, 'out'));
      await page.locator('#open-out').click();
      await soon(() => page.locator('#open-out-state').innerText()).toBe(`Đã mở thư mục ${join(cellDir, 'out')}.`);
      await soon(() => existsSync(join(bin, 'opened'))).toBe(true);
      expect(readFileSync(join(bin, 'opened'), 'utf8')).toBe(join(cellDir, 'out'));
      const cli = await runCli(['render', cellDir, '--only', 'resolution', '--as-of', '2026-12-31']);
      expect(cli.code).toBe(2); // the same file, already there: render asks for --force, as the page asks before overwriting
      expect(cli.stderr).toContain(join(cellDir, 'out', '2026-05-nghi-quyet.docx'));
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });
});
