// `cellctl render` end to end: the real binary renders the example year, LibreOffice opens every document.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from '../helpers.js';
import { validateOoxml } from '../ooxml.js';

const EXAMPLE = join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12');

const cellctl = (args: string[], cwd: string, env: Record<string, string> = {}) => runCli(args, { cwd, env });

/** Convert every .docx in a folder to PDF in one LibreOffice run (its start-up is the slow part). */
function toPdfs(dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.docx')).map((f) => join(dir, f));
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    stdio: 'ignore',
    timeout: 300_000,
  });
}

/** Text of a PDF with white space collapsed (justified lines break names anywhere). */
function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function pdfPages(pdf: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), size: /Page size:\s+([^\n]+)/.exec(info)![1]! };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('rendering the example year', () => {
  const work = mkdtempSync(join(tmpdir(), 'cellctl-render-'));
  let run: CliRun;
  const out = join(work, 'ban-in');

  beforeAll(async () => {
    cpSync(EXAMPLE, join(work, 'chi-bo'), { recursive: true });
    run = await cellctl(['render', 'chi-bo', '--out', 'ban-in', '--as-of', '2026-12-31'], work);
    toPdfs(out);
  }, 400_000);

  it('writes minutes for every record and a resolution for every record that has one, and prints their SHA-256', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const records = readdirSync(join(EXAMPLE, 'meetings'));
    const lines = run.stdout.trim().split('\n');
    for (const r of records) {
      const stem = basename(r, '.yaml');
      const data = parse(readFileSync(join(EXAMPLE, 'meetings', r), 'utf8')) as { resolution?: unknown };
      expect(existsSync(join(out, `${stem}-bien-ban.docx`)), stem).toBe(true);
      expect(existsSync(join(out, `${stem}-nghi-quyet.docx`)), stem).toBe(Boolean(data.resolution));
    }
    for (const line of lines) {
      const [hash, file] = line.split(/ {2}/) as [string, string];
      expect(hash).toBe(sha(join(work, file)));
    }
    expect(lines).toHaveLength(readdirSync(out).filter((f) => f.endsWith('.docx')).length);
  });

  it('every document opens in LibreOffice as an A4 PDF', () => {
    for (const f of readdirSync(out).filter((x) => x.endsWith('.docx'))) {
      const pdf = join(out, f.replace(/\.docx$/, '.pdf'));
      expect(existsSync(pdf), f).toBe(true);
      const { pages, size } = pdfPages(pdf);
      expect(size, f).toMatch(/^595\.\d+ x 841\.\d+ pts/);
      expect(pages, f).toBeGreaterThanOrEqual(1);
      expect(pages, f).toBeLessThan(20);
    }
  });

  // One of each kind (combined resolution, regular minutes, thematic minutes): the validator loads the schemas
  // for every part, too slow for the whole year on a shared machine; all come from the one builder.
  it('writes schema-valid OOXML', () => {
    validateOoxml(...['2026-05-nghi-quyet', '2026-06-bien-ban', '2026-03-chuyen-de-bien-ban'].map((f) => join(out, `${f}.docx`)));
  }, 120_000);

  it("each document's text carries the header, title, attendance, every speaker, the vote and the signatures", () => {
    const cell = parse(readFileSync(join(EXAMPLE, 'cell.yaml'), 'utf8')) as { members: { name: string; role?: string }[] };
    const bithu = cell.members.find((m) => m.role === 'secretary')!.name;
    for (const r of readdirSync(join(EXAMPLE, 'meetings'))) {
      const stem = basename(r, '.yaml');
      const m = parse(readFileSync(join(EXAMPLE, 'meetings', r), 'utf8')) as {
        chair: string;
        secretary: string;
        attendance: { member: string; status: string }[];
        steps: { speakers?: { speaker: string }[] }[];
        vote?: { for: number };
        resolution?: { signer?: string };
      };
      const minutes = pdfText(join(out, `${stem}-bien-ban.pdf`));
      for (const words of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT', 'CHI BỘ KHU DÂN CƯ SỐ 12', 'BIÊN BẢN', 'THƯ KÝ', 'CHỦ TRÌ']) {
        expect(minutes, `${stem}: ${words}`).toContain(words);
      }
      expect(minutes, stem).toContain(m.chair);
      expect(minutes, stem).toContain(m.secretary);
      const present = m.attendance.filter((a) => a.status === 'present').length;
      expect(minutes, `${stem} present`).toMatch(new RegExp(`\\b${present}\\b`));
      for (const s of m.steps.flatMap((x) => x.speakers ?? [])) expect(minutes, `${stem} speaker`).toContain(s.speaker);
      if (m.vote) expect(minutes, `${stem} vote`).toMatch(new RegExp(`${m.vote.for}/\\d+ đồng chí tán thành, đạt [\\d,]+%`));
      if (m.resolution) {
        const resolution = pdfText(join(out, `${stem}-nghi-quyet.pdf`));
        for (const words of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'NGHỊ QUYẾT', 'Nơi nhận', 'T/M CHI BỘ', '- Lưu Chi bộ.']) {
          expect(resolution, `${stem}: ${words}`).toContain(words);
        }
        expect(resolution, stem).toMatch(/Hoàng Liệt, ngày \d\d tháng \d\d? năm 2026/);
        expect(resolution, stem).toMatch(/Số \d\d-NQ\/CB/);
        expect(resolution, `${stem} vote`).toMatch(new RegExp(`${m.vote!.for}/\\d+ đồng chí tán thành, đạt [\\d,]+%`));
        // An absent bí thư's resolution is signed by the presiding phó bí thư.
        const bithuPresent = m.attendance.some((a) => a.member === bithu && a.status === 'present');
        expect(resolution, stem).toContain(m.resolution.signer ?? (bithuPresent ? bithu : m.chair));
      }
    }
  });

  it('lays the page out the Party way: Times New Roman 14 pt, margins 20/20/30/15 mm, numbers from page 2', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(out, '2026-06-nghi-quyet.docx')));
    const doc = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar [^>]*w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(doc).toContain('<w:titlePg/>');
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
    expect(doc).toMatch(/<w:gridCol w:w="4819"\/><w:gridCol w:w="5102"\/>/);
    const twoPages = readdirSync(out).filter((f) => f.endsWith('.pdf')).find((f) => pdfPages(join(out, f)).pages >= 2)!;
    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', join(out, twoPages), '-'], { encoding: 'utf8' });
    const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', join(out, twoPages), '-'], { encoding: 'utf8' });
    expect(page2.split('\n').slice(0, 4).join(' ')).toMatch(/\b2\b/);
    expect(page1.split('\n').slice(0, 2).join(' ')).not.toMatch(/^\s*1\s*$/m);
  });

  it('renders identical bytes from identical input', async () => {
    const again = await cellctl(['render', 'chi-bo', '--out', 'lan-hai', '--as-of', '2026-12-31'], work);
    expect(again.code).toBe(0);
    for (const f of readdirSync(join(work, 'lan-hai'))) {
      expect(sha(join(work, 'lan-hai', f)), f).toBe(sha(join(out, f)));
    }
  });

  it('never overwrites without --force, and leaves the existing files as they were', async () => {
    const before = sha(join(out, '2026-06-bien-ban.docx'));
    const mtime = statSync(join(out, '2026-06-bien-ban.docx')).mtimeMs;
    writeFileSync(join(out, '2026-01-bien-ban.docx'), 'chữ ký đã có');
    const refused = await cellctl(['render', 'chi-bo', '--out', 'ban-in', '--as-of', '2026-12-31'], work);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(refused.stdout).toBe('');
    expect(readFileSync(join(out, '2026-01-bien-ban.docx'), 'utf8')).toBe('chữ ký đã có');
    expect(statSync(join(out, '2026-06-bien-ban.docx')).mtimeMs).toBe(mtime);
    const forced = await cellctl(['render', 'chi-bo', '--out', 'ban-in', '--as-of', '2026-12-31', '--force'], work);
    expect(forced.code).toBe(0);
    expect(sha(join(out, '2026-06-bien-ban.docx'))).toBe(before);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('drafts, refusals and PDF', () => {
  function cellWith(edit: (meeting: string) => string): string {
    const work = mkdtempSync(join(tmpdir(), 'cellctl-draft-'));
    cpSync(EXAMPLE, join(work, 'chi-bo'), { recursive: true });
    const file = join(work, 'chi-bo', 'meetings', '2026-06.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return work;
  }

  it('refuses a record with errors (exit 1, problems listed) and renders it as DỰ THẢO with --draft', async () => {
    const work = cellWith((t) => t.replace('end: "21:20"', 'end: "20:00"'));
    const refused = await cellctl(['render', 'chi-bo/meetings/2026-06.yaml', '--as-of', '2026-12-31'], work);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('duration-min');
    expect(existsSync(join(work, 'out'))).toBe(false);
    const draft = await cellctl(['render', 'chi-bo/meetings/2026-06.yaml', '--as-of', '2026-12-31', '--draft'], work);
    expect(draft.code).toBe(0);
    toPdfs(join(work, 'out'));
    expect(pdfText(join(work, 'out', '2026-06-bien-ban.pdf'))).toContain('DỰ THẢO');
  }, 120_000);

  it('always renders a draft-status record as a draft, and a clean adopted one without the mark', async () => {
    const work = cellWith((t) => t.replace('status: adopted', 'status: draft'));
    const r = await cellctl(['render', 'chi-bo/meetings/2026-06.yaml', 'chi-bo/meetings/2026-07.yaml', '--only', 'minutes', '--as-of', '2026-12-31'], work);
    expect(r.code).toBe(0);
    toPdfs(join(work, 'out'));
    expect(pdfText(join(work, 'out', '2026-06-bien-ban.pdf'))).toContain('DỰ THẢO');
    expect(pdfText(join(work, 'out', '2026-07-bien-ban.pdf'))).not.toContain('DỰ THẢO');
    expect(existsSync(join(work, 'out', '2026-06-nghi-quyet.docx'))).toBe(false);
  }, 120_000);

  it('--pdf writes a PDF beside each document, and says how to install LibreOffice when it is missing', async () => {
    const work = cellWith((t) => t);
    const r = await cellctl(['render', 'chi-bo/meetings/2026-06.yaml', '--pdf', '--as-of', '2026-12-31'], work);
    expect(r.code).toBe(0);
    expect(pdfPages(join(work, 'out', '2026-06-nghi-quyet.pdf')).size).toMatch(/^595/);
    // Minutes, resolution and quality sheet, each with its PDF.
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(6);
    const missing = await cellctl(['render', 'chi-bo/meetings/2026-07.yaml', '--pdf', '--out', 'x'], work, { PATH: '/nonexistent', CELLCTL_SOFFICE: '' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('libreoffice');
    expect(existsSync(join(work, 'x'))).toBe(false);
  }, 120_000);
});

describe('templates', () => {
  it('exports the built-in templates, renders with an edited one, and names the file and line of a broken one', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cellctl-tpl-'));
    cpSync(EXAMPLE, join(work, 'chi-bo'), { recursive: true });
    const exported = await cellctl(['templates', 'export', 'mau'], work);
    expect(exported.code).toBe(0);
    expect(readdirSync(join(work, 'mau'))).toEqual(expect.arrayContaining(['nghi-quyet.hbs']));
    const again = await cellctl(['templates', 'export', 'mau'], work);
    expect(again.code).toBe(2);

    const tpl = join(work, 'mau', 'nghi-quyet.hbs');
    writeFileSync(tpl, readFileSync(tpl, 'utf8').replace('<document>', '<document>\n<p>Dòng riêng của Đảng ủy phường &amp; chi bộ</p>'));
    const edited = await cellctl(['render', 'chi-bo/meetings/2026-06.yaml', '--templates', 'mau', '--only', 'resolution', '--as-of', '2026-12-31'], work);
    expect(edited.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(work, 'out', '2026-06-nghi-quyet.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Dòng riêng của Đảng ủy phường &amp; chi bộ');
    expect(xml).not.toContain('&amp;amp;');

    const lines = readFileSync(tpl, 'utf8').split('\n');
    // An unclosed block right after the document opens: the error must name this file and line.
    lines.splice(lines.findIndex((l) => l.includes('<document>')) + 1, 0, '{{#if resolution}}');
    writeFileSync(tpl, lines.join('\n'));
    const broken = await cellctl(['render', 'chi-bo/meetings/2026-06.yaml', '--templates', 'mau', '--out', 'hong', '--as-of', '2026-12-31'], work);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('nghi-quyet.hbs');
    expect(broken.stderr).toMatch(/\b\d+\b/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe('hostile and extreme content', () => {
  it('NFD text, & and <, a 20,000-character speech, 60 speakers and no optional sections all render and open; a control character is refused at its position', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cellctl-extreme-'));
    cpSync(EXAMPLE, join(work, 'chi-bo'), { recursive: true });
    const file = join(work, 'chi-bo', 'meetings', '2026-06.yaml');
    const { parseDocument } = await import('yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const present = (doc.toJS() as { attendance: { member: string; status: string }[] }).attendance.filter((a) => a.status === 'present').map((a) => a.member);
    const speakers = Array.from({ length: 60 }, (_, i) => ({
      speaker: present[i % present.length]!,
      opinion: i === 0 ? `${'Ý kiến rất dài về công tác xây dựng Đảng. '.repeat(500)}` : `Ý kiến ${i}: Vệ sinh & an ninh <tốt> {{cell.name}} </p> ]]> chuông`,
    }));
    const steps = doc.get('steps') as { items: { get(k: string): unknown; set(k: string, v: unknown): void }[] };
    const discussion = steps.items.find((s) => s.get('step') === 'discussion')!;
    discussion.set('speakers', doc.createNode(speakers));
    discussion.set('content', 'Đồng chí Hùng phát biểu'.normalize('NFD'));
    doc.delete('guests');
    doc.delete('dues');
    doc.deleteIn(['resolution', 'review', 'tasks']);
    writeFileSync(file, doc.toString({ lineWidth: 0 }));
    const r = await cellctl(['render', 'chi-bo/meetings/2026-06.yaml', '--as-of', '2026-12-31'], work);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    toPdfs(join(work, 'out'));
    const text = pdfText(join(work, 'out', '2026-06-bien-ban.pdf'));
    expect(text).toContain('Vệ sinh & an ninh <tốt> {{cell.name}} </p> ]]>');
    expect(text).toContain('Đồng chí Hùng phát biểu');
    expect(text).toContain('Ý kiến 59');
    const zip = await JSZip.loadAsync(readFileSync(join(work, 'out', '2026-06-bien-ban.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).not.toContain('\u0007');
    expect(xml).not.toContain('&amp;amp;');
    expect(xml).toContain('Đồng chí Hùng phát biểu'.normalize('NFC'));
    expect(pdfPages(join(work, 'out', '2026-06-nghi-quyet.pdf')).pages).toBeGreaterThanOrEqual(1);
    validateOoxml(join(work, 'out', '2026-06-bien-ban.docx'), join(work, 'out', '2026-06-nghi-quyet.docx'));

    // A control character (BEL, typed as an escape) is invisible in Word: the record is refused, the
    // problem points at the speech, and nothing is written over the documents above.
    const before = readFileSync(join(work, 'out', '2026-06-bien-ban.docx'));
    const withBell = parseDocument(readFileSync(file, 'utf8'));
    withBell.setIn(['steps', steps.items.indexOf(discussion), 'speakers', 1, 'opinion'], 'Ý kiến 1: \u0007chuông');
    writeFileSync(file, withBell.toString({ lineWidth: 0 }));
    const refused = await cellctl(['render', 'chi-bo/meetings/2026-06.yaml', '--as-of', '2026-12-31', '--force'], work);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^ +\d+:\d+ +lỗi .*ký tự điều khiển.*encoding$/m);
    expect(readFileSync(join(work, 'out', '2026-06-bien-ban.docx')).equals(before)).toBe(true);
  }, 180_000);
});

describe('refusal output', () => {
  it('is plain text when stderr is not a terminal', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cellctl-plain-'));
    cpSync(EXAMPLE, join(work, 'chi-bo'), { recursive: true });
    const file = join(work, 'chi-bo', 'meetings', '2026-06.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('end: "21:20"', 'end: "20:00"'));
    const r = await cellctl(['render', 'chi-bo/meetings/2026-06.yaml', '--as-of', '2026-12-31'], work);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('duration-min');
    expect(r.stderr).not.toContain('\u001b[');
  });
});

describe("a cell's own layout", () => {
  it('ĐẢNG ỦY, T/M CHI ỦY, I- headings, other margins and recipients come from cell.yaml into the document', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cellctl-layout-'));
    cpSync(EXAMPLE, join(work, 'chi-bo'), { recursive: true });
    const cellFile = join(work, 'chi-bo', 'cell.yaml');
    writeFileSync(
      cellFile,
      `${readFileSync(cellFile, 'utf8')}\nlayout:\n  parentPrefix: ĐẢNG ỦY\n  onBehalfOf: T/M CHI ỦY\n  headingStyle: "-"\n  recipientEnding: ";"\n  margins: { left: 35 }\nrecipients: [Đảng ủy phường Hoàng Liệt (b/c), Lưu Chi bộ]\n`,
    );
    const r = await cellctl(['render', 'chi-bo/meetings/2026-06.yaml', '--only', 'resolution', '--as-of', '2026-12-31'], work);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(work, 'out', '2026-06-nghi-quyet.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('ĐẢNG ỦY PHƯỜNG HOÀNG LIỆT');
    expect(text).not.toContain('ĐẢNG BỘ PHƯỜNG HOÀNG LIỆT');
    expect(text).toContain('T/M CHI ỦY');
    expect(text).toMatch(/I- ĐÁNH GIÁ/);
    expect(text).toContain('- Đảng ủy phường Hoàng Liệt (b/c);');
    expect(text).toContain('- Lưu Chi bộ.');
    expect(xml).toMatch(/<w:pgMar [^>]*w:left="1984"/);
  });
});
