// Render benchmark: batch documents/s (cellctl vs docxtemplater on the same data) and one fresh `cellctl render`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Docxtemplater from 'docxtemplater';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import PizZip from 'pizzip';
import { parse } from 'yaml';
import { render } from '../dist/render/render.js';
import { buildDocx } from '../dist/render/docx.js';
import { resolveLayout } from '../dist/render/layout.js';
import { renderBlocks } from '../dist/render/templates.js';
import { buildViewModel } from '../dist/render/viewmodel.js';

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** A folder of `count` records: the example year's records copied under new names, with its cell profile. */
function batchFolder(root, example, count) {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'meetings'), { recursive: true });
  cpSync(join(example, 'cell.yaml'), join(root, 'cell.yaml'));
  const records = readdirSync(join(example, 'meetings'));
  for (let i = 0; i < count; i++) {
    const r = records[i % records.length];
    cpSync(join(example, 'meetings', r), join(root, 'meetings', `${String(i).padStart(4, '0')}-${r}`));
  }
}

// docxtemplater's template: the same header, title, attendance, steps with speakers, vote and signatures.
function p(text, opts = {}) {
  return new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, children: [new TextRun({ text, bold: opts.bold, font: 'Times New Roman', size: 28 })] });
}
function cell(children, width) {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, children });
}
function twoColumns(left, right) {
  return new Table({ columnWidths: [4252, 5102], rows: [new TableRow({ children: [cell(left, 4252), cell(right, 5102)] })] });
}
async function docxtemplaterTemplate(kind) {
  const children = [
    twoColumns([p('{parentUpper}', { center: true }), p('{cellUpper}', { center: true, bold: true }), p('*', { center: true })], [p('ĐẢNG CỘNG SẢN VIỆT NAM', { center: true, bold: true }), p('{dateline}', { center: true })]),
    p(kind === 'minutes' ? 'BIÊN BẢN' : 'NGHỊ QUYẾT', { center: true, bold: true }),
    p('Vào lúc {start}, {dateLong}, tại {venue}, {cellName} tiến hành sinh hoạt.'),
    p('Tổng số đảng viên: {attendance.total.all}; có mặt {attendance.present.all}; vắng {attendance.absentCount}.'),
    p('{#attendance.excused}'), p('- Đồng chí {name}: {reason}'), p('{/attendance.excused}'),
    p('{#steps}'), p('{title}', { bold: true }), p('{content}'), p('{#speakers}'), p('- Đồng chí {name}: {opinion}'), p('{/speakers}'), p('{/steps}'),
    p('{#resolution}'), p('{#tasks}'), p('- {task} ({owner}; {deadline})'), p('{/tasks}'), p('{/resolution}'),
    p('{#vote}'), p('{sentence}'), p('{/vote}'),
    twoColumns([p('THƯ KÝ', { center: true, bold: true }), p('{secretary.name}', { center: true, bold: true })], [p('CHỦ TRÌ', { center: true, bold: true }), p('{chair.name}', { center: true, bold: true })]),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** Dotted tags ({attendance.total.all}) resolved against the scope, then the enclosing scopes. */
function dottedParser(tag) {
  return {
    get(scope, context) {
      if (tag === '.') return scope;
      const path = tag.split('.');
      const scopes = [scope, ...[...(context?.scopeList ?? [])].reverse()];
      for (const s of scopes) {
        const v = path.reduce((o, k) => (o == null ? undefined : o[k]), s);
        if (v !== undefined) return v;
      }
      return undefined;
    },
  };
}

/** The render part of `npm run bench`; returns printable lines. */
export async function benchRender({ root, data, runs = 3, meetings = 500 }) {
  const example = join(root, 'examples', 'chi-bo-khu-dan-cu-12');
  const lines = [];
  const folder = join(data, 'render-batch');
  batchFolder(folder, example, meetings);

  // 1. The whole pipeline through the library, in one process: validate, view model, templates, docx, atomic writes.
  let best;
  for (let i = 0; i < runs; i++) {
    rmSync(join(data, 'render-out'), { recursive: true, force: true });
    const t = performance.now();
    const result = await render([folder], { cwd: data, out: 'render-out', asOf: '2026-12-31', force: true });
    const ms = performance.now() - t;
    if (result.refused.length) throw new Error(`refused: ${result.refused.map((r) => r.file).join(', ')}`);
    if (!best || ms < best.ms) best = { ms, docs: result.files.length };
  }
  lines.push(`  cellctl render (library, ${fmt(meetings)} meetings)  ${fmt(best.docs).padStart(5)} docs  ${fmt(best.ms).padStart(6)} ms  ${fmt((best.docs / best.ms) * 1000).padStart(5)} docs/s`);

  // 2. Template → .docx only, cellctl against docxtemplater, on the same view models.
  const cell = parse(readFileSync(join(example, 'cell.yaml'), 'utf8'));
  const layout = resolveLayout(cell.layout);
  const views = readdirSync(join(example, 'meetings')).map((f) => buildViewModel(parse(readFileSync(join(example, 'meetings', f), 'utf8')), cell, layout));
  const jobs = Array.from({ length: meetings }, (_, i) => views[i % views.length]);
  const time = async (fn) => {
    let min = Infinity;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      await fn();
      min = Math.min(min, performance.now() - t);
    }
    return min;
  };
  // Minutes for every record; a resolution for those that have one (thematic sessions here do not).
  const docsOf = (view) => (view.resolution ? ['bien-ban', 'nghi-quyet'] : ['bien-ban']);
  const cellctlMs = await time(async () => {
    for (const view of jobs) {
      for (const name of docsOf(view)) {
        await buildDocx({ blocks: renderBlocks(name, view), draft: false, meta: { title: name, author: view.cellName, date: view.date } }, layout);
      }
    }
  });
  const templates = { minutes: await docxtemplaterTemplate('minutes'), resolution: await docxtemplaterTemplate('resolution') };
  const dtMs = await time(async () => {
    for (const view of jobs) {
      for (const name of docsOf(view)) {
        const kind = name === 'bien-ban' ? 'minutes' : 'resolution';
        const doc = new Docxtemplater(new PizZip(templates[kind]), { paragraphLoop: true, linebreaks: true, parser: dottedParser, nullGetter: () => '' });
        doc.render(view);
        doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
      }
    }
  });
  const docs = jobs.reduce((n, view) => n + docsOf(view).length, 0);
  lines.push(`  cellctl templates → docx            ${fmt(docs).padStart(5)} docs  ${fmt(cellctlMs).padStart(6)} ms  ${fmt((docs / cellctlMs) * 1000).padStart(5)} docs/s`);
  lines.push(`  docxtemplater, equivalent template  ${fmt(docs).padStart(5)} docs  ${fmt(dtMs).padStart(6)} ms  ${fmt((docs / dtMs) * 1000).padStart(5)} docs/s`);
  lines.push(`  ratio cellctl / docxtemplater: ${fmt(dtMs / cellctlMs, 2)}× (cellctl lays out the full Party format; the docxtemplater template is simpler)`);

  // 3. One `cellctl render` of one meeting as a fresh process, as a secretary runs it.
  const single = [];
  const out = join(data, 'render-single');
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    execFileSync(process.execPath, [join(root, 'bin', 'cellctl'), 'render', join(example, 'meetings', '2026-06.yaml'), '--out', out, '--force', '--as-of', '2026-12-31'], { stdio: 'ignore' });
    single.push(performance.now() - t);
  }
  single.sort((a, b) => a - b);
  lines.push(`  single \`cellctl render\` of one meeting (2 documents), fresh process: best ${fmt(single[0] / 1000, 2)} s, median ${fmt(single[2] / 1000, 2)} s`);
  writeFileSync(join(data, 'render-bench.txt'), lines.join('\n'));
  return lines;
}
