// Every printed meeting document states only what happened (issue 15): real example records, the real CLI, the .docx read back.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyExample, edit, runCli } from '../helpers.js';
import { docxParagraphs } from '../ooxml.js';
import { blocksToHtml } from '../../src/render/html.js';
import { recordBlocks } from '../../src/render/render.js';
import type { CellProfile, MeetingRecord } from '../../src/model.js';

/** The example cell in a temporary folder, with `change` applied to one of its files first. */
function exampleWith(changes: Record<string, (text: string) => string> = {}): string {
  const cell = copyExample();
  for (const [file, change] of Object.entries(changes)) {
    const path = join(cell, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  }
  return cell;
}

/** Render one record of the example cell with the real binary; the paths of what it may have written. */
async function renderIn(cell: string, record: string, args: string[] = []) {
  const run = await runCli(['render', `meetings/${record}.yaml`, '--out', 'out', ...args], { cwd: cell });
  const at = (kind: string) => join(cell, 'out', `${record}-${kind}.docx`);
  return { run, minutes: at('bien-ban'), resolution: at('nghi-quyet'), sheet: at('phieu-danh-gia') };
}

const setStatus = (status: string) => (text: string) => edit(text, (d) => d.set('status', status));

/** Whether the page header of a .docx (checked by docxParagraphs first) carries the DỰ THẢO mark. */
async function markedDraft(file: string): Promise<boolean> {
  await docxParagraphs(file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  const headers = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n));
  const texts = await Promise.all(headers.map((n) => zip.file(n)!.async('string')));
  return texts.some((xml) => xml.includes('DỰ THẢO'));
}

describe('a draft prints the structure only', () => {
  it('an adopted record set to draft: none of its figures, opinions or conclusions reach the minutes', async () => {
    const cell = exampleWith({ 'meetings/2026-06.yaml': setStatus('draft') });
    const { run, minutes } = await renderIn(cell, '2026-06');
    expect(run.code, run.stderr).toBe(0);
    expect(await markedDraft(minutes)).toBe(true);
    const text = await docxParagraphs(minutes);
    // What the record says happened: attendance, dues, votes, score, adoption, what was said.
    for (const claim of [
      'Có mặt 21 đồng chí',
      'Tỷ lệ dự họp',
      '24/24',
      '1.255.000',
      '19/20',
      'đạt 95%',
      '92 điểm',
      'xếp loại Tốt',
      'chi bộ nhất trí thông qua',
      'Chi bộ nhất trí cử',
      'Nhất trí dự thảo',
      'Tự nhận tháng 5',
      'Ý kiến phát biểu',
      'Tiếp thu ý kiến',
      'Biểu quyết bằng phiếu kín',
      'đủ tư cách đảng viên',
    ]) {
      expect(text, claim).not.toContain(claim);
    }
    // The structure: step titles, presenters, blanks to fill by hand.
    expect(text).toContain('Đảng viên thảo luận; tự phê bình và phê bình');
    expect(text).toContain('Xét, đề nghị công nhận đảng viên chính thức');
    expect(text).toContain('Đồng chí Trần Thị Thu trình bày.');
    expect(text).toContain('Có mặt: … đồng chí');
    expect(text).toContain('…/… đồng chí tán thành, đạt …%');
    expect(text).toContain('Đảng phí: đã thu của …/24 đồng chí, số tiền … đồng.');
  });

  it('the draft resolution carries no number, no date of issue and no guests at a sitting not yet held', async () => {
    const cell = exampleWith({ 'meetings/2026-05.yaml': setStatus('draft') });
    const { run, resolution } = await renderIn(cell, '2026-05');
    expect(run.code, run.stderr).toBe(0);
    expect(await markedDraft(resolution)).toBe(true);
    const text = await docxParagraphs(resolution);
    expect(text).toContain('Số …-NQ/CB');
    expect(text).not.toMatch(/Số \d+-NQ/);
    expect(text).toContain('Hoàng Liệt, ngày … tháng … năm …');
    expect(text).not.toMatch(/Hoàng Liệt, ngày \d/);
    expect(text).not.toContain('Dự buổi sinh hoạt có');
    expect(text).not.toContain('Đào Thanh Bình');
    expect(text).not.toMatch(/Dự sinh hoạt có \d/);
    // Nor do the draft minutes list the guests as present: a blank to fill.
    const minutes = await docxParagraphs(join(cell, 'out', '2026-05-bien-ban.docx'));
    expect(minutes).toContain('Đại biểu dự: …');
    expect(minutes).not.toContain('Đào Thanh Bình');
  });

  it('the same records, adopted, print their number, date, guests and results', async () => {
    const cell = copyExample();
    const may = await renderIn(cell, '2026-05');
    expect(may.run.code, may.run.stderr).toBe(0);
    const r = await docxParagraphs(may.resolution);
    expect(r).toContain('Số 11-NQ/CB');
    expect(r).toMatch(/Hoàng Liệt, ngày \d+ tháng 5 năm 2026/);
    expect(r).toContain('Dự buổi sinh hoạt có đồng chí Đào Thanh Bình');
    const june = await renderIn(cell, '2026-06');
    const m = await docxParagraphs(june.minutes);
    expect(m).toContain('Nhất trí dự thảo.');
    expect(m).toContain('số tiền 1.255.000 đồng');
  });

  it('HD 42: a record just made by cellctl new prints as DỰ THẢO with --draft, outcome fields still empty', async () => {
    const cell = copyExample();
    const made = await runCli(['new', '.', '--date', '2027-01-05', '--kind', 'regular'], { cwd: cell });
    expect(made.code, made.stderr).toBe(0);
    const record = /meetings\/(\S+)\.yaml/.exec(made.stdout)![1]!;
    // Without --draft the empty outcome fields are errors, and the message offers --draft.
    const plain = await renderIn(cell, record);
    expect(plain.run.code).toBe(1);
    expect(plain.run.stderr).toContain('--draft');
    const { run, minutes, resolution, sheet } = await renderIn(cell, record, ['--draft']);
    expect(run.code, run.stderr).toBe(0);
    for (const file of [minutes, resolution, sheet]) expect(await markedDraft(file)).toBe(true);
    expect(await docxParagraphs(resolution)).toContain('Số …-NQ/CB');
  });

  it('a record --draft cannot print says what to fix, never to add the --draft it was given', async () => {
    const cell = exampleWith({ 'meetings/2026-06.yaml': (t) => t.replace(/^date: .*$/m, 'date: ngày 5') });
    const { run, minutes } = await renderIn(cell, '2026-06', ['--draft']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('kể cả bản dự thảo');
    expect(run.stderr).not.toContain('dùng --draft');
    expect(existsSync(minutes)).toBe(false);
  });
});

describe('final documents', () => {
  const noSecretary = (text: string) => edit(text, (d) => d.deleteIn(['members', 0, 'role']));

  it('a cell without its bí thư: validate exits 1, render refuses and writes nothing; --draft prints a DỰ THẢO', async () => {
    const cell = exampleWith({ 'cell.yaml': noSecretary });
    const checked = await runCli(['validate', '.'], { cwd: cell });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('cell-structure');
    const { run, resolution } = await renderIn(cell, '2026-06');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(existsSync(join(cell, 'out'))).toBe(false);
    expect(run.stderr).toContain('Chưa in: 1 hồ sơ còn lỗi');
    expect(run.stderr).toContain('cell.yaml');
    expect(run.stderr).toContain('bí thư');
    const draft = await renderIn(cell, '2026-06', ['--draft']);
    expect(draft.run.code, draft.run.stderr).toBe(0);
    expect(await markedDraft(resolution)).toBe(true);
  });

  it('the vote adds up: 19 for of 20 eligible, and the one who did not vote is said', async () => {
    const { run, minutes } = await renderIn(copyExample(), '2026-06');
    expect(run.code, run.stderr).toBe(0);
    const text = await docxParagraphs(minutes);
    expect(text).toContain(
      'Biểu quyết thông qua nghị quyết: 19/20 đồng chí tán thành, đạt 95%; không có đồng chí nào không tán thành; không có ý kiến khác; 1 đồng chí không biểu quyết.',
    );
  });

  it('the minutes state attendance once, in their own section', async () => {
    const { minutes } = await renderIn(copyExample(), '2026-06');
    const text = await docxParagraphs(minutes);
    expect(text.match(/Có mặt/g)).toHaveLength(1);
    expect(text).not.toContain('Tỷ lệ dự họp 20/22');
    expect(text).toContain('Có mặt: 21 đồng chí');
    expect(text).toContain('Thông báo tình hình đảng viên dự sinh hoạt');
  });

  it('the score sheet is signed by THƯ KÝ and CHỦ TRÌ by default, for the cell by its bí thư when the layout says so', async () => {
    const byDefault = await renderIn(copyExample(), '2026-06', ['--only', 'score-sheet']);
    expect(byDefault.run.code, byDefault.run.stderr).toBe(0);
    const plain = await docxParagraphs(byDefault.sheet);
    expect(plain).toMatch(/THƯ KÝ[\s\S]*Phạm Thị Hoa/);
    expect(plain).toContain('CHỦ TRÌ');
    expect(plain).not.toContain('T/M CHI BỘ');

    const cell = exampleWith({ 'cell.yaml': (t) => edit(t, (d) => d.set('layout', d.createNode({ scoreSheetSigners: 'cell' }))) });
    const forCell = await renderIn(cell, '2026-06', ['--only', 'score-sheet']);
    expect(forCell.run.code, forCell.run.stderr).toBe(0);
    const text = await docxParagraphs(forCell.sheet);
    expect(text).toMatch(/T\/M CHI BỘ\nBÍ THƯ\nNguyễn Văn Hùng/);
    expect(text).not.toContain('THƯ KÝ');
    expect(text).not.toContain('CHỦ TRÌ');
    expect(text).not.toContain('Nơi nhận');
  });
});

describe('invisible text', () => {
  const RLO = '\u202E';
  const hidden = (text: string) =>
    text.replace('- task: Tuyên truyền quy định', `- task: Tuyên${RLO} truyền quy định`).replace('chair: Nguyễn Văn Hùng', `chair: Nguyễn Văn${RLO} Hùng`);

  it('validate reports a right-to-left override and a zero-width space at their position', async () => {
    const cell = exampleWith({ 'meetings/2026-06.yaml': (t) => hidden(t).replace('place: Nhà văn hóa', 'place: Nhà\u200B văn hóa') });
    const run = await runCli(['validate', 'meetings/2026-06.yaml', '--format', 'json'], { cwd: cell });
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout).results[0].problems.filter((p: { messageId: string }) => p.messageId === 'invisibleChar');
    const lines = readFileSync(join(cell, 'meetings', '2026-06.yaml'), 'utf8').split('\n');
    const where = (needle: string) => {
      const line = lines.findIndex((l) => l.includes(needle));
      return { line: line + 1, column: lines[line]!.indexOf(needle) + 1 };
    };
    const at = problems.map((p: { line: number; column: number; message: string }) => ({ line: p.line, column: p.column, code: /U\+[0-9A-F]{4}/.exec(p.message)?.[0] }));
    expect(at).toContainEqual({ ...where(RLO), code: 'U+202E' });
    expect(at).toContainEqual({ ...where('\u200B'), code: 'U+200B' });
    expect(problems).toHaveLength(3);
    expect(problems[0].message).toContain('vô hình');
  });

  it('validate reports one written as an escape in quotes ("\\u202E") at its value', async () => {
    const cell = exampleWith({ 'meetings/2026-06.yaml': (t) => t.replace('chair: Nguyễn Văn Hùng', 'chair: "Nguyễn Văn\\u202E Hùng"') });
    const run = await runCli(['validate', 'meetings/2026-06.yaml', '--format', 'json'], { cwd: cell });
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout).results[0].problems.filter((p: { messageId: string }) => p.messageId === 'invisibleChar');
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('U+202E');
    const line = readFileSync(join(cell, 'meetings', '2026-06.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('chair:')) + 1;
    expect(problems[0].line).toBe(line);
  });

  it('is never printed: not in the minutes, the resolution or the preview', async () => {
    const cell = exampleWith({ 'meetings/2026-06.yaml': hidden });
    const { run, minutes, resolution } = await renderIn(cell, '2026-06', ['--draft']);
    expect(run.code, run.stderr).toBe(0);
    const m = await docxParagraphs(minutes);
    const r = await docxParagraphs(resolution);
    for (const text of [m, r]) expect(text).not.toMatch(/[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/u);
    expect(m).toContain('Chủ trì: đồng chí Nguyễn Văn Hùng');
    expect(r).toContain('Tuyên truyền quy định');

    const meeting = parseDocument(hidden(readFileSync(join(cell, 'meetings', '2026-06.yaml'), 'utf8'))).toJS() as MeetingRecord;
    const profile = parseDocument(readFileSync(join(cell, 'cell.yaml'), 'utf8')).toJS() as CellProfile;
    for (const kind of ['minutes', 'resolution'] as const) {
      const built = recordBlocks(kind, meeting, profile, { draft: false })!;
      const page = blocksToHtml(built.doc, built.layout);
      expect(page).toContain(kind === 'minutes' ? 'Nguyễn Văn Hùng' : 'Tuyên truyền quy định');
      expect(page).not.toMatch(/[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/u);
    }
  });
});

describe('a long name', () => {
  it('of 300 characters is a validate error stating the limit, and a draft lays it out at once', async () => {
    const words = ['phường', 'Hoàng', 'Liệt', 'quận', 'Hoàng', 'Mai', 'thành', 'phố', 'Hà', 'Nội'];
    const name = `Đảng bộ ${Array.from({ length: 60 }, (_, i) => words[i % words.length]).join(' ')}`.slice(0, 300).trim();
    const cell = exampleWith({ 'cell.yaml': (t) => edit(t, (d) => d.setIn(['parent', 'name'], name)) });
    const checked = await runCli(['validate', 'cell.yaml'], { cwd: cell });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('header-fits');
    expect(checked.stdout).toContain('chỉ chứa được 3 dòng');
    const refused = await renderIn(cell, '2026-06');
    expect(refused.run.code).toBe(1);
    const { run, minutes } = await renderIn(cell, '2026-06', ['--draft']);
    expect(run.code, run.stderr).toBe(0);
    const text = await docxParagraphs(minutes);
    expect(text).toContain('QUẬN HOÀNG MAI');
  });
});
