// Two BÁO CÁO, two numbers: the committee's sequence in so-van-ban-di.yaml, --number and --date, and the docx table against the json.
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { docxParagraphs, validateOoxml } from '../ooxml.js';

const COMMITTEE = 'dang-uy-phuong-hoang-liet';
const REGISTER = join(COMMITTEE, 'so-van-ban-di.yaml');
const YEAR = ['report', COMMITTEE, '--period', '2026', '--as-of', '2026-12-31'];
const Q4 = ['report', COMMITTEE, '--period', '2026-Q4', '--as-of', '2026-12-31'];

/** The rows of the docx's first table with seven columns (the table of cells), each a list of cell texts. */
async function docxTable(file: string): Promise<string[][]> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
  // Each row from its own <w:tr> (the text before a table's first row is not in it).
  const rows = xml.split('</w:tr>').slice(0, -1).map((chunk) =>
    chunk.slice(chunk.search(/<w:tr[ >](?![\s\S]*<w:tr[ >])/)).split('</w:tc>').slice(0, -1).map((tc) => [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/\u00a0/g, ' ')),
  );
  return rows.filter((r) => r.length === 7);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cellctl-numbering-'));
  // committee.yaml of the example: numbering { code: BC/ĐU, next: 15, termStart: 2025-07-01 }.
  cpSync(join(ROOT, 'examples', COMMITTEE), join(dir, COMMITTEE), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report --format docx: numbered from the committee sequence', () => {
  it('gives the year report Số 15 and the Q4 report Số 16, both dated the as-of day, and keeps them in the register', async () => {
    const year = await runCli([...YEAR, '--format', 'docx', '--out', 'nam.docx'], { cwd: dir });
    expect(year.code).toBe(1);
    expect(year.stderr).toContain('so-van-ban-di.yaml: Số 15-BC/ĐU');
    const q4 = await runCli([...Q4, '--format', 'docx', '--out', 'quy4.docx'], { cwd: dir });
    expect(q4.stderr).toContain('so-van-ban-di.yaml: Số 16-BC/ĐU');
    const yearText = await docxParagraphs(join(dir, 'nam.docx'));
    const q4Text = await docxParagraphs(join(dir, 'quy4.docx'));
    expect(yearText).toContain('Số 15-BC/ĐU');
    expect(q4Text).toContain('Số 16-BC/ĐU');
    expect(q4Text).not.toContain('Số 15-BC/ĐU');
    for (const text of [yearText, q4Text]) expect(text.replace(/\u00a0/g, ' ')).toContain('Hoàng Liệt, ngày 31 tháng 12 năm 2026');
    // Q4: cell 14 has no error but 81 % attendance and an unexcused absence (warnings): it is not called faultless.
    const q4Plain = q4Text.replace(/\u00a0/g, ' ');
    expect(q4Plain).toContain('4/5 chi bộ thực hiện đầy đủ sinh hoạt thường kỳ, chuyên đề và hồ sơ không có lỗi (trong đó 1 chi bộ còn hạn chế nêu ở phần hạn chế)');
    expect(q4Plain).toContain('Hồ sơ sinh hoạt còn 3 điểm cần lưu ý (cảnh báo): Chi bộ Khu dân cư số 14 (3 cảnh báo).');

    const register = parse(readFileSync(join(dir, REGISTER), 'utf8'));
    expect(register.issued).toEqual([
      { code: 'BC/ĐU', number: 15, date: '2026-12-31', period: 'năm 2026', file: '../nam.docx' },
      { code: 'BC/ĐU', number: 16, date: '2026-12-31', period: 'quý IV năm 2026', file: '../quy4.docx' },
    ]);
    // The JSON says which number the next BÁO CÁO will carry; printing it takes none.
    const json = await runCli([...Q4, '--format', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout).numbering).toMatchObject({ code: 'BC/ĐU', next: 17 });
    expect(parse(readFileSync(join(dir, REGISTER), 'utf8')).issued).toHaveLength(2);
    // The register is the committee's, as committee.yaml is: validate never reads it as a cell's record.
    const validate = await runCli(['validate', COMMITTEE, '--as-of', '2026-12-31', '--format', 'json'], { cwd: dir });
    expect(validate.stdout).toContain('chi-bo-khu-dan-cu-12');
    expect(validate.stdout).not.toContain('so-van-ban-di.yaml');
  }, 120_000);

  it('takes --number and --date, says so when a number was already given to another report, and keeps the file mode', async () => {
    chmodSync(join(dir, REGISTER), 0o640);
    const run = await runCli([...Q4.slice(0, 3), '2026-Q3', ...Q4.slice(4), '--format', 'docx', '--out', 'quy3.docx', '--number', '15', '--date', '2027-01-05'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Số 15-BC/ĐU đã cấp cho báo cáo năm 2026 ngày 31/12/2026');
    expect(run.stderr).toContain('bỏ --number để lấy số tiếp theo (17)');
    const text = (await docxParagraphs(join(dir, 'quy3.docx'))).replace(/\u00a0/g, ' ');
    expect(text).toContain('Số 15-BC/ĐU');
    expect(text).toContain('Hoàng Liệt, ngày 05 tháng 01 năm 2027');
    expect(statSync(join(dir, REGISTER)).mode & 0o777).toBe(0o640);
    expect(parse(readFileSync(join(dir, REGISTER), 'utf8')).issued.at(-1)).toEqual({ code: 'BC/ĐU', number: 15, date: '2027-01-05', period: 'quý III năm 2026', file: '../quy3.docx' });

    // Reprinting the Q4 report under its own number is no clash and adds no line.
    const again = await runCli([...Q4, '--format', 'docx', '--out', 'quy4-lai.docx', '--number', '16'], { cwd: dir });
    expect(again.stderr).not.toContain('đã cấp');
    expect(parse(readFileSync(join(dir, REGISTER), 'utf8')).issued).toHaveLength(3);
  }, 120_000);

  it('refuses --number and --date outside docx, and a number that is not one, taking no number', async () => {
    const before = readFileSync(join(dir, REGISTER), 'utf8');
    const json = await runCli([...Q4, '--format', 'json', '--number', '20'], { cwd: dir });
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('--number chỉ dùng với --format docx');
    const bad = await runCli([...Q4, '--format', 'docx', '--out', 'x.docx', '--number', 'mười'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('số báo cáo phải là một số');
    // A docx that exists is not replaced without --force, and takes no number either.
    const refused = await runCli([...Q4, '--format', 'docx', '--out', 'quy4.docx'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
    expect(readFileSync(join(dir, REGISTER), 'utf8')).toBe(before);
  }, 120_000);
});

describe('report --format docx: a committee that has declared no number yet', () => {
  it('leaves Số …-BC/ĐU for the clerk until a first --number, then goes on from it', async () => {
    const own = mkdtempSync(join(tmpdir(), 'cellctl-numbering-none-'));
    try {
      cpSync(join(ROOT, 'examples', COMMITTEE, 'chi-bo-khu-dan-cu-12'), join(own, 'du', 'cb'), { recursive: true });
      writeFileSync(join(own, 'du', 'committee.yaml'), 'name: Đảng ủy xã Thử\nkind: commune\nplace: Thử\nparent: Đảng bộ tỉnh Thử\ncells:\n  - { folder: cb, name: Chi bộ Khu dân cư số 12 }\n');
      const args = ['report', 'du', '--period', '2026-Q4', '--as-of', '2026-12-31', '--format', 'docx'];
      const blank = await runCli([...args, '--out', 'a.docx'], { cwd: own });
      expect(blank.code).toBe(0);
      expect(await docxParagraphs(join(own, 'a.docx'))).toContain('Số …-BC/ĐU');
      expect(existsSync(join(own, 'du', 'so-van-ban-di.yaml'))).toBe(false);
      await runCli([...args, '--out', 'b.docx', '--number', '3'], { cwd: own });
      const next = await runCli([...args.slice(0, 3), '2026', ...args.slice(4), '--out', 'c.docx'], { cwd: own });
      expect(next.stderr).toContain('Số 4-BC/ĐU');
      expect(await docxParagraphs(join(own, 'c.docx'))).toContain('Số 04-BC/ĐU');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('report: the BÁO CÁO table prints what the json says', () => {
  it('Thường kỳ and Chuyên đề of every cell are json held/due (5/4 sessions for a cell with two in Q3)', async () => {
    const json = JSON.parse((await runCli([...YEAR, '--format', 'json'], { cwd: dir })).stdout);
    const file = join(dir, 'nam-bang.docx');
    await runCli([...YEAR, '--format', 'docx', '--out', 'nam-bang.docx'], { cwd: dir });
    validateOoxml(file);
    const rows = await docxTable(file);
    expect(rows[0]!.slice(0, 4)).toEqual(['TT', 'Chi bộ', 'Thường kỳ', 'Chuyên đề']);
    const body = rows.slice(1);
    expect(body.map((r) => r[1])).toEqual(json.cells.map((c: { name: string }) => c.name));
    for (const [i, c] of json.cells.entries()) {
      expect(body[i]!.slice(2, 4)).toEqual([`${c.regular.held}/${c.regular.due}`, `${c.thematic.held}/${c.thematic.due}`]);
    }
    // Cell 12 held thematic sittings on 19/3, 5/5 (combined), 16/7, 17/9 and 19/11: 5 of the 4 due, one a quarter.
    expect(body[0]!.slice(1, 4)).toEqual(['Chi bộ Khu dân cư số 12', '12/12', '5/4']);
    const text = await docxParagraphs(file);
    expect(text).toContain('chuyên đề: số buổi đã tổ chức/số buổi phải tổ chức (mỗi quý một buổi)');
  }, 120_000);
});
