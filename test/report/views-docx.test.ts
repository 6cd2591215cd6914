// The committee's BÁO CÁO: its view model, its blocks from templates/bao-cao.hbs, the .docx checked by the OOXML schemas and opened by LibreOffice.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBlocks, SHIPPED_TEMPLATES } from '../../src/render/templates.js';
import { reportToDocx } from '../../src/report/views/docx.js';
import { reportView } from '../../src/report/views/report-view.js';
import type { CommitteeReport } from '../../src/report/types.js';
import { FIXTURES, HAVE_OFFICE_TOOLS } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';

const REPORT = JSON.parse(readFileSync(join(FIXTURES, 'report', 'committee-report.json'), 'utf8')) as CommitteeReport;
const OPTIONS = { number: '15', date: '2026-12-22', signer: { name: 'Nguyễn Văn Hùng' } };

/** The words of blocks run together, paragraph by paragraph (runs split by bold or italic joined again). */
const blocksText = (blocks: unknown): string =>
  [...JSON.stringify(blocks).matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string).join('');

describe('reportView', () => {
  const view = reportView(REPORT, OPTIONS);

  it('writes the header, number and dated place line the Party way', () => {
    expect(view.parentUpper).toBe('ĐẢNG BỘ THÀNH PHỐ HÀ NỘI');
    expect(view.cellUpper).toBe('ĐẢNG ỦY PHƯỜNG HOÀNG LIỆT');
    expect(view.number).toBe('Số 15-BC/ĐU');
    expect(view.dateline).toBe('Hoàng Liệt, ngày 22 tháng 12 năm 2026');
    expect(reportView(REPORT).number).toBe('Số …-BC/ĐU');
    expect(reportView(REPORT).dateline).toBe('Hoàng Liệt, ngày 20 tháng 12 năm 2026');
  });

  it('sends the report where committee.yaml says, else to the superior standing committee named the Party way', () => {
    expect(reportView({ ...REPORT, recipients: ['Ban Thường vụ Đảng ủy Khối (để b/c)', 'Lưu VP'] }).recipients).toEqual([
      'Ban Thường vụ Đảng ủy Khối (để b/c)',
      'Lưu VP',
    ]);
    expect(reportView({ ...REPORT, parent: 'Đảng bộ tỉnh Lạng Sơn' }).recipients[0]).toBe('Ban Thường vụ Tỉnh ủy Lạng Sơn (để b/c)');
    expect(reportView({ ...REPORT, parent: 'Đảng bộ Khối các cơ quan tỉnh' }).recipients[0]).toBe('Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh (để b/c)');
  });

  it("takes the number and the signer the report carries from committee.yaml, unless given", () => {
    const carried = { ...REPORT, numbering: { code: 'BC/ĐU', next: 7 }, signer: { name: 'Nguyễn Thị Minh Hạnh', role: 'deputy-secretary' } };
    expect(reportView(carried).number).toBe('Số 07-BC/ĐU');
    expect(reportView(carried).signer).toEqual({ name: 'Nguyễn Thị Minh Hạnh', title: 'PHÓ BÍ THƯ' });
    expect(reportView(carried, OPTIONS).number).toBe('Số 15-BC/ĐU');
    expect(reportView(carried, OPTIONS).signer.name).toBe('Nguyễn Văn Hùng');
  });

  it('gives the figures with a decimal comma and counts only what was due', () => {
    expect(view.attendance).toBe('86,2%');
    expect(view.averageScore).toBe('83,1');
    expect(view.attendanceThreshold).toBe('85%');
    expect(view.ratings).toMatchObject({ good: 8, fair: 8, average: 3, poor: 0, total: 19, goodShare: '42,1%', averageShare: '15,8%' });
    expect(view.assignments).toEqual({ kept: 3, due: 4, percent: '75%' });
    // As of 20/12, July–November have ended: 5 months due each. 12 already met on December's sitting, so December
    // counts as due for it too: 12: 6/6, 13: 3/5, 14: 5/5, Trường: 5/5.
    expect(view.regular).toEqual({ held: 19, due: 21 });
    // Q3 has ended (one due each); 12 and 13 held one in Q4 (November), so Q4 is due for them too.
    // Sittings 2 + 1 + 1 + 1 = 5 of 2 + 2 + 1 + 1 = 6 due; 13 missed Q3: 5 of 6 quarters kept.
    expect(view.thematic).toEqual({ held: 5, kept: 5, due: 6 });
    expect(view.rows[0]).toMatchObject({ name: 'Chi bộ Khu dân cư số 12', regular: '6/6', thematic: '2/2', attendance: '94,6%', score: '93,5', ratings: 'Tốt: 6 kỳ', note: '' });
    expect(view.rows[3]).toMatchObject({ name: 'Chi bộ Khu dân cư số 15', regular: '0/5', attendance: '–', note: 'Không gửi hồ sơ' });
  });

  it('names the cells that fall short', () => {
    expect(view.notReporting).toBe('Chi bộ Khu dân cư số 15');
    expect(view.skippedMonths).toEqual([{ name: 'Chi bộ Khu dân cư số 13', detail: 'tháng 8, tháng 10' }]);
    expect(view.missingThematic).toEqual([{ name: 'Chi bộ Khu dân cư số 13', detail: 'quý III' }]);
    expect(view.lowAttendance).toEqual([{ name: 'Chi bộ Khu dân cư số 14', detail: '71,2%' }]);
    expect(view.lowScore).toEqual([{ name: 'Chi bộ Khu dân cư số 14', detail: '68,6 điểm' }]);
    expect(view.missedAssignments).toEqual([{ name: 'Lê Quang Dũng', detail: 'Chi bộ Khu dân cư số 13 (0/1 lượt)' }]);
    expect(view.unlisted.map((c) => c.detail)).toEqual(['to-dan-pho-5']);
    expect(view.hasShortcomings).toBe(true);
  });

  it('calls errors and warnings what they are, and never counts a cell it names in III as without fault', () => {
    // Compliant (every due month and quarter, no error): 12, 14 and Trường; 14 is named for 71,2 % attendance and
    // Trường for an unexcused absence, both warnings: 2 of the 3 still have shortcomings.
    expect([view.compliant, view.compliantNamed]).toEqual([3, 2]);
    // The listed cells' findings: 13 has 3 errors and 2 warnings, 14 five warnings, Trường one (the unlisted folder is not counted).
    expect(view.problems).toEqual({ errors: 3, warnings: 8 });
    expect(view.withProblems).toEqual([
      { name: 'Chi bộ Khu dân cư số 13', detail: '3 lỗi và 2 cảnh báo' },
      { name: 'Chi bộ Khu dân cư số 14', detail: '5 cảnh báo' },
      { name: 'Chi bộ Trường Tiểu học Hoàng Liệt', detail: '1 cảnh báo' },
    ]);
    const text = blocksText(renderBlocks('bao-cao', view));
    expect(text).toContain('3/5 chi bộ thực hiện đầy đủ sinh hoạt thường kỳ, chuyên đề và hồ sơ không có lỗi (trong đó 2 chi bộ còn hạn chế nêu ở phần hạn chế)');
    expect(text).not.toContain('không có sai sót');
    expect(text).toContain('Hồ sơ sinh hoạt còn 3 lỗi phải sửa và 8 điểm cần lưu ý (cảnh báo): Chi bộ Khu dân cư số 13 (3 lỗi và 2 cảnh báo)');
    expect(text).toContain('(yêu cầu trên 85%)');
  });
});

describe('templates/bao-cao.hbs', () => {
  const blocks = renderBlocks('bao-cao', reportView(REPORT, OPTIONS));

  it('lays the report out: header, title, six sections, the table of cells, the closing', () => {
    expect(blocks[0]).toEqual({
      type: 'header',
      parent: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
      cell: 'ĐẢNG ỦY PHƯỜNG HOÀNG LIỆT',
      number: 'Số 15-BC/ĐU',
      dateline: 'Hoàng Liệt, ngày 22 tháng 12 năm 2026',
    });
    expect(blocks[1]).toEqual({ type: 'title', text: 'BÁO CÁO', subtitle: 'kết quả sinh hoạt chi bộ từ tháng 7 đến tháng 12 năm 2026' });
    const h1 = blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b.type === 'heading' ? `${b.number} ${b.runs.map((r) => r.text).join('')}` : ''));
    expect(h1).toEqual([
      'I TÌNH HÌNH CHUNG',
      'II CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VÀ KIỂM TRA, GIÁM SÁT CỦA ĐẢNG ỦY',
      'III KẾT QUẢ SINH HOẠT CHI BỘ',
      'IV ƯU ĐIỂM, HẠN CHẾ VÀ NGUYÊN NHÂN',
      'V PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
      'VI ĐỀ XUẤT, KIẾN NGHỊ',
    ]);
    const table = blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.length).toBe(REPORT.cells.length);
    const closing = blocks[blocks.length - 1];
    expect(closing).toEqual({
      type: 'closing',
      for: 'T/M ĐẢNG ỦY',
      title: 'BÍ THƯ',
      name: 'Nguyễn Văn Hùng',
      // A city's Party organisation reports to its Thành ủy.
      recipients: ['Ban Thường vụ Thành ủy Hà Nội (để b/c)', 'Các chi bộ trực thuộc', 'Lưu VP'],
    });
  });

  it('keeps a cell name with & and < as text', () => {
    const text = JSON.stringify(blocks);
    expect(text).toContain('Chi bộ Tổ dân phố số 5 & <Khu tái định cư>');
  });

  it('names a duplicate folder and a cell with unreadable files apart from an unlisted one', () => {
    const cells = [
      ...REPORT.cells,
      { ...REPORT.cells[0]!, folder: 'kdc-12-ban-sao', status: 'duplicate' as const, compliant: false },
      { ...REPORT.cells[4]!, status: 'unreadable' as const, statusNote: 'Không đọc được 1 tệp: meetings/2026-08.yaml; số liệu chưa đầy đủ.' },
    ];
    const view = reportView({ ...REPORT, cells });
    const text = JSON.stringify(renderBlocks('bao-cao', view));
    expect(view.duplicates).toEqual([{ name: 'Chi bộ Khu dân cư số 12', detail: 'kdc-12-ban-sao' }]);
    expect(text).toContain('Hồ sơ trong thư mục kdc-12-ban-sao trùng tên Chi bộ Khu dân cư số 12 với một chi bộ đã có');
    expect(text).toContain('Hồ sơ của Chi bộ Trường Tiểu học Hoàng Liệt có sai sót: Không đọc được 1 tệp: meetings/2026-08.yaml; số liệu chưa đầy đủ.');
    expect(view.unlisted.map((c) => c.detail)).toEqual(['to-dan-pho-5']);
    expect(view.rows.slice(-2).map((r) => r.note)).toEqual(['Trùng chi bộ', 'Hồ sơ lỗi']);
  });

  it('says there is nothing to fault when every cell is in order', () => {
    const good = { ...REPORT, cells: [REPORT.cells[0]!], attention: [] };
    const text = JSON.stringify(renderBlocks('bao-cao', reportView(good)));
    expect(text).toContain('không có chi bộ nào có hạn chế cần nêu');
    expect(text).not.toContain('khẩn trương khắc phục');
  });

  it("takes an office's own wording from a templates folder", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cellctl-bao-cao-tpl-'));
    try {
      const shipped = readFileSync(join(SHIPPED_TEMPLATES, 'bao-cao.hbs'), 'utf8');
      writeFileSync(join(dir, 'bao-cao.hbs'), shipped.replace('<h1>TÌNH HÌNH CHUNG</h1>', '<h1>ĐẶC ĐIỂM TÌNH HÌNH</h1>'));
      const own = renderBlocks('bao-cao', reportView(REPORT), dir);
      expect(JSON.stringify(own)).toContain('ĐẶC ĐIỂM TÌNH HÌNH');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reportToDocx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-bao-cao-'));
  const file = join(dir, 'bao-cao.docx');
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await reportToDocx(REPORT, OPTIONS);
    writeFileSync(file, bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the OOXML schema check', () => {
    validateOoxml(file);
  });

  it('an empty committee still gives a valid document', async () => {
    const empty = join(dir, 'empty.docx');
    writeFileSync(empty, await reportToDocx({ ...REPORT, cells: [], attention: [] }));
    validateOoxml(empty);
  });

  it('gives identical bytes for identical input', async () => {
    expect(Buffer.compare(bytes, await reportToDocx(REPORT, OPTIONS))).toBe(0);
  });

  it('sets the superior body in regular type and the committee in bold', async () => {
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const run = (text: string) => new RegExp(`<w:r>(?:(?!</w:r>).)*?<w:t[^>]*>${text}</w:t></w:r>`).exec(xml)?.[0] ?? '';
    expect(run('ĐẢNG BỘ THÀNH PHỐ HÀ NỘI')).toContain('<w:t');
    expect(run('ĐẢNG BỘ THÀNH PHỐ HÀ NỘI')).not.toContain('<w:b/>');
    expect(run('ĐẢNG ỦY PHƯỜNG HOÀNG LIỆT')).toContain('<w:b/>');
  });
});

describe.skipIf(!HAVE_OFFICE_TOOLS && !process.env.CI)('reportToDocx: opened by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cellctl-bao-cao-lo-'));
  const profile = join(tmpdir(), `lo-bao-cao-${process.pid}`);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('is an A4 report with the header, the title, the table, the shortcomings and the closing', async () => {
    writeFileSync(join(dir, 'bao-cao.docx'), await reportToDocx(REPORT, OPTIONS));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bao-cao.docx')], {
      stdio: 'ignore',
      timeout: 90_000,
    });
    const pdf = join(dir, 'bao-cao.pdf');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
    for (const words of [
      'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 15-BC/ĐU',
      'Hoàng Liệt, ngày 22 tháng 12 năm 2026',
      'BÁO CÁO',
      'kết quả sinh hoạt chi bộ từ tháng 7 đến tháng 12 năm 2026',
      'I. TÌNH HÌNH CHUNG',
      'đạt 86,2%',
      'Chi bộ Khu dân cư số 13 không sinh hoạt thường kỳ tháng 8, tháng 10',
      'Đồng chí Lê Quang Dũng chưa dự sinh hoạt',
      'T/M ĐẢNG ỦY',
      'Nơi nhận:',
      'Lưu VP.',
      'Nguyễn Văn Hùng',
    ]) {
      expect(text).toContain(words);
    }
  }, 120_000);
});
