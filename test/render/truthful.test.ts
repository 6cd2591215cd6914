// Documents that say nothing untrue: drafts leave blanks, the end time is printed once, the right person signs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, edit, runCli, writeTree } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';


/** The text of a .docx, one line per paragraph (body, headers and footers), after checking the package. */
async function docxText(file: string): Promise<string> {
  expect(existsSync(file), file).toBe(true);
  validateOoxml(file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n)).sort();
  const texts: string[] = [];
  for (const part of parts) {
    const xml = await zip.file(part)!.async('string');
    for (const p of xml.split('</w:p>')) {
      const line = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      if (line.trim() !== '') texts.push(line.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));
    }
  }
  return texts.join('\n');
}

/** Render one record of the base cell through the real binary; returns the folder and the run. */
async function renderRecord(meeting: string, args: string[] = [], cell = BASE_CELL) {
  const dir = writeTree({ 'cell.yaml': cell, 'meetings/2026-03.yaml': meeting });
  const run = await runCli(['render', join(dir, 'meetings', '2026-03.yaml'), '--out', join(dir, 'out'), ...args]);
  return { dir, run, minutes: join(dir, 'out', '2026-03-bien-ban.docx'), resolution: join(dir, 'out', '2026-03-nghi-quyet.docx') };
}

/** What only a meeting that took place can say. */
function expectNoClaims(text: string): void {
  expect(text).not.toMatch(/\d+\/\d+ đồng chí tán thành/); // a vote result
  expect(text).not.toMatch(/đã được (Chi bộ )?thông qua/); // adoption
  expect(text).not.toMatch(/Có mặt: \d/); // an attendance count
  expect(text).not.toMatch(/có mặt \d+\/\d+/);
  expect(text).not.toMatch(/Dự sinh hoạt có \d/);
  expect(text).not.toMatch(/kết thúc vào lúc \d/); // an end time
  expect(text).not.toMatch(/đến \d+ giờ/);
  expect(text).not.toMatch(/\d+ điểm, xếp loại/); // a self-assessment
}

describe('a draft claims nothing that has not happened', () => {
  it('--draft on an adopted record marks it DỰ THẢO and leaves the results blank', async () => {
    const { run, minutes, resolution } = await renderRecord(BASE_MEETING, ['--draft']);
    expect(run.stderr).toContain('dự thảo');
    expect(run.code).toBe(0);
    const m = await docxText(minutes);
    const r = await docxText(resolution);
    for (const text of [m, r]) {
      expect(text).toContain('DỰ THẢO');
      expectNoClaims(text);
    }
    expect(m).toContain('Buổi sinh hoạt kết thúc vào lúc … giờ … phút');
    expect(m).toContain('…/… đồng chí tán thành');
    expect(m).toMatch(/Có mặt: …/);
    expect(r).toContain('…/… đồng chí tán thành');
  });

  it('a record with status: draft leaves the same blanks (no --draft needed)', async () => {
    const { run, minutes, resolution } = await renderRecord(edit(BASE_MEETING, (d) => d.set('status', 'draft')));
    expect(run.code).toBe(0);
    for (const file of [minutes, resolution]) {
      const text = await docxText(file);
      expect(text).toContain('DỰ THẢO');
      expectNoClaims(text);
    }
  });

  it('an adopted record without --draft still states its results', async () => {
    const { run, minutes, resolution } = await renderRecord(BASE_MEETING);
    expect(run.code).toBe(0);
    const m = await docxText(minutes);
    expect(m).not.toContain('DỰ THẢO');
    expect(m).toContain('Buổi sinh hoạt kết thúc vào lúc 16 giờ 00 phút');
    expect(m).toMatch(/7\/\d+ đồng chí tán thành/);
    expect(await docxText(resolution)).toMatch(/đã được Chi bộ thông qua/);
  });

  it('a stub written by plan --with-meetings renders with --draft as a form to fill in', async () => {
    const dir = writeTree({ 'cell.yaml': BASE_CELL });
    const planned = await runCli(['plan', dir, '--year', '2027', '--with-meetings']);
    expect(planned.code).toBe(0);
    const run = await runCli(['render', join(dir, 'meetings', '2027-03.yaml'), '--draft', '--out', join(dir, 'out')]);
    expect(run.code).toBe(0);
    const text = await docxText(join(dir, 'out', '2027-03-bien-ban.docx'));
    expect(text).toContain('DỰ THẢO');
    expectNoClaims(text);
    expect(text).toContain('… giờ … phút');
  });
});

describe('the minutes print the end time once, from the record', () => {
  it("drops the last step's own 'kết thúc lúc …' and prints the record's end", async () => {
    const meeting = edit(BASE_MEETING, (d) => {
      d.setIn(['steps', 12, 'content'], 'Thư ký đọc biên bản, chi bộ nhất trí thông qua; kết thúc lúc 15 giờ 50 phút cùng ngày.');
    });
    const { run, minutes } = await renderRecord(meeting);
    expect(run.code).toBe(0);
    const text = await docxText(minutes);
    expect(text.match(/kết thúc (vào )?lúc/g)).toHaveLength(1);
    expect(text).not.toContain('15 giờ 50 phút');
    expect(text).toContain('Buổi sinh hoạt kết thúc vào lúc 16 giờ 00 phút cùng ngày.');
    expect(text).toContain('Thư ký đọc biên bản, chi bộ nhất trí thông qua.');
  });

  it('drops a separate closing sentence too, and keeps a step whose content was only that sentence', async () => {
    const meeting = edit(BASE_MEETING, (d) => {
      d.setIn(['steps', 12, 'content'], 'Buổi sinh hoạt kết thúc vào lúc 16 giờ 00 phút.');
    });
    const { minutes } = await renderRecord(meeting);
    const text = await docxText(minutes);
    expect(text.match(/kết thúc (vào )?lúc/g)).toHaveLength(1);
    expect(text).toContain('Thư ký đọc và thông qua biên bản');
  });
});

describe('who signs the resolution', () => {
  const absent = (text: string) =>
    edit(text, (d) => {
      d.setIn(['attendance', 0], d.createNode({ member: 'Nguyễn Văn An', status: 'excused', reason: 'Đi công tác' }));
      d.set('chair', 'Trần Thị Bình');
      d.set('secretary', 'Lê Văn Cường');
      d.setIn(['steps', 1, 'content'], 'Đồng chí Lê Văn Cường được cử làm thư ký.');
      d.setIn(['steps', 5, 'presenter'], 'Trần Thị Bình');
      d.setIn(['vote', 'for'], 6);
    });

  it('the presiding phó bí thư signs when the bí thư was absent', async () => {
    const { run, resolution } = await renderRecord(absent(BASE_MEETING));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = await docxText(resolution);
    expect(text).toMatch(/T\/M CHI BỘ\s*\n?PHÓ BÍ THƯ/);
    expect(text).toContain('Trần Thị Bình');
    expect(text).not.toMatch(/(^|\n)BÍ THƯ/);
    expect(text).not.toContain('Nguyễn Văn An');
  });

  it('the signer named in the record signs', async () => {
    const meeting = edit(absent(BASE_MEETING), (d) => d.setIn(['resolution', 'signer'], 'Nguyễn Văn An'));
    const text = await docxText((await renderRecord(meeting)).resolution);
    expect(text).toMatch(/(^|\n)BÍ THƯ/);
    expect(text).toContain('Nguyễn Văn An');
  });

  it('the bí thư signs when present', async () => {
    const text = await docxText((await renderRecord(BASE_MEETING)).resolution);
    expect(text).toMatch(/(^|\n)BÍ THƯ/);
    expect(text).toContain('Nguyễn Văn An');
  });
});

describe('one style of quotation marks, quarters in Roman numerals', () => {
  it('prints the straight quotes a clerk typed as the curly ones of the templates', async () => {
    const meeting = edit(BASE_MEETING, (d) => {
      d.setIn(['steps', 6, 'content'], 'Đánh giá việc thực hiện "Nghị quyết tháng 02" và phong trào "Ngày Chủ nhật xanh".');
    });
    const text = await docxText((await renderRecord(meeting)).minutes);
    expect(text).toContain('Đánh giá việc thực hiện “Nghị quyết tháng 02” và phong trào “Ngày Chủ nhật xanh”.');
    expect(text).not.toContain('"');
  });

  it('names the quarter of a thematic session in Roman numerals', async () => {
    const dir = writeTree({ 'cell.yaml': BASE_CELL });
    expect((await runCli(['plan', dir, '--year', '2027', '--with-meetings'])).code).toBe(0);
    const thematic = readdirSync(join(dir, 'meetings')).find((f) => f.startsWith('2027-08') || f.startsWith('2027-09'))!;
    const run = await runCli(['render', join(dir, 'meetings', thematic), '--draft', '--only', 'minutes', '--out', join(dir, 'out')]);
    expect(run.code).toBe(0);
    const text = await docxText(join(dir, 'out', thematic.replace('.yaml', '-bien-ban.docx')));
    expect(text).toContain('quý III năm 2027');
    expect(text).not.toMatch(/quý \d/);
  });
});
