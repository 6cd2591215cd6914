// The monthly quality sheet (phiếu đánh giá chất lượng sinh hoạt chi bộ) as its own document, and criteria optional.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, edit, runCli, writeTree } from '../helpers.js';
import { docxParagraphs } from '../ooxml.js';



async function render(meeting: string, args: string[] = []) {
  const dir = writeTree({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': meeting });
  const run = await runCli(['render', join(dir, 'meetings', '2026-03.yaml'), '--out', join(dir, 'out'), ...args]);
  return { dir, run, out: join(dir, 'out'), sheet: join(dir, 'out', '2026-03-phieu-danh-gia.docx') };
}

describe('the quality sheet', () => {
  it('lists each criterion with its maximum and points, the total and the rating', async () => {
    const { run, sheet } = await render(BASE_MEETING);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2026-03-phieu-danh-gia.docx');
    const text = await docxParagraphs(sheet);
    expect(text).toContain('ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT');
    expect(text).toContain('CHI BỘ KHU DÂN CƯ SỐ 5');
    expect(text).toContain('PHIẾU ĐÁNH GIÁ');
    // Titles keep “tháng 3” on one line with a no-break space.
    expect(text.replaceAll('\u00a0', ' ')).toContain('chất lượng sinh hoạt thường kỳ tháng 3 năm 2026');
    // hd42-2025 sheet rows, in the sheet's order: label, maximum, points.
    expect(text).toContain(
      [
        '1', 'Thời lượng sinh hoạt', '5', '5',
        '2', 'Tỷ lệ đảng viên dự sinh hoạt', '5', '5',
        '3', 'Công tác chuẩn bị', '10', '9',
        '4', 'Tổ chức, tiến hành sinh hoạt', '40', '36',
      ].join('\n'),
    );
    expect(text).toContain(['Tổng cộng', '100', '92'].join('\n'));
    expect(text).toContain('Xếp loại: Tốt.');
    expect(text).toContain('THƯ KÝ');
  });

  it('prints only the total and the rating when the record gives no criteria, and such a record is valid', async () => {
    const meeting = edit(BASE_MEETING, (d) => d.deleteIn(['score', 'criteria']));
    const dir = writeTree({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': meeting });
    const checked = await runCli(['validate', join(dir, 'meetings', '2026-03.yaml'), '--format', 'json']);
    const json = JSON.parse(checked.stdout) as { results: { problems: { ruleId: string }[] }[] };
    expect(json.results[0]!.problems.filter((p) => p.ruleId === 'schema' || p.ruleId.startsWith('score'))).toEqual([]);
    const { run, sheet } = await render(meeting);
    expect(run.code).toBe(0);
    const text = await docxParagraphs(sheet);
    expect(text).not.toContain('Tiêu chí');
    expect(text).not.toContain('Tổng cộng');
    expect(text).toContain('Tổng số điểm: 92 điểm.');
    expect(text).toContain('Xếp loại: Tốt.');
  });

  it('--only score-sheet writes the sheet alone; a record without a score has none', async () => {
    const { run, out } = await render(BASE_MEETING, ['--only', 'score-sheet']);
    expect(run.code).toBe(0);
    expect(readdirSync(out)).toEqual(['2026-03-phieu-danh-gia.docx']);
    const none = await render(edit(BASE_MEETING, (d) => d.delete('score')));
    expect(existsSync(none.sheet)).toBe(false);
    expect(readdirSync(none.out).sort()).toEqual(['2026-03-bien-ban.docx', '2026-03-nghi-quyet.docx']);
  });

  it('a draft gets the sheet as a form: maximums printed, points, total and rating blank', async () => {
    const { run, sheet } = await render(BASE_MEETING, ['--draft']);
    expect(run.code).toBe(0);
    const text = await docxParagraphs(sheet);
    expect(text).toContain(['Tổ chức, tiến hành sinh hoạt', '40', '…'].join('\n'));
    expect(text).toContain('Xếp loại: ….');
    expect(text).not.toContain('92');
  });
});
