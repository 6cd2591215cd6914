// The report as a terminal table: Vietnamese (or English), at most 100 columns, coloured as validate colours.
import type { Style } from '../../formatters/index.js';
import type { Lang } from '../../messages/format.js';
import type { CellReport, CellStatus, CommitteeReport } from '../types.js';
import { shortDate } from '../../util/vi-date.js';

const WIDTH = 100;

const HEAD = {
  vi: { cell: 'Chi bộ', status: 'Tình trạng', regular: 'TK', thematic: 'CĐ', rate: 'Dự', lowest: 'Thấp', unexcused: 'VKL', score: 'Điểm', visits: 'CU dự', errors: 'Lỗi', ok: 'Đạt' },
  en: { cell: 'Cell', status: 'Status', regular: 'Reg', thematic: 'Thm', rate: 'Attd', lowest: 'Low', unexcused: 'Unex', score: 'Score', visits: 'Visits', errors: 'Err', ok: 'OK' },
};

const STATUS: Record<Lang, Record<CellStatus, string>> = {
  vi: { ok: 'đã gửi', missing: 'chưa gửi', unlisted: 'ngoài DS', duplicate: 'trùng', unreadable: 'lỗi tệp' },
  en: { ok: 'sent', missing: 'missing', unlisted: 'unlisted', duplicate: 'duplicate', unreadable: 'unreadable' },
};

/** A fraction as a percentage, with the language's decimal mark; "–" for nothing to count. */
export function percent(x: number | null, lang: Lang): string {
  if (x === null) return '–';
  const text = (Math.round(x * 1000) / 10).toFixed(1);
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`;
}

function num(x: number | null, lang: Lang): string {
  if (x === null) return '–';
  const text = x.toFixed(1);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

function fit(text: string, width: number): string {
  const chars = [...text.normalize('NFC')];
  return chars.length <= width ? text.padEnd(width) : `${chars.slice(0, width - 1).join('')}…`;
}

/** Column widths: name, status, then the figures (right-aligned). */
const COLS = [27, 10, 5, 5, 7, 7, 4, 5, 6, 4, 4];

function row(values: string[], style: Style, colours: (((s: string) => string) | undefined)[] = []): string {
  return values
    .map((v, i) => {
      const w = COLS[i]!;
      const cell = i < 2 ? fit(v, w) : v.padStart(w);
      const colour = colours[i];
      return colour ? colour(cell) : cell;
    })
    .join(' ')
    .trimEnd();
}

function cellRow(c: CellReport, lang: Lang, style: Style): string {
  const ratio = (held: number, due: number) => `${held}/${due}`;
  const bad = c.status === 'missing' || c.status === 'unreadable';
  const statusColour = c.status === 'ok' ? style.green : bad ? style.red : style.yellow;
  const missing = c.regular.missingMonths.length > 0 ? style.red : undefined;
  const missingQ = c.thematic.missingQuarters.length > 0 ? style.red : undefined;
  const lowRate = c.attendance.rate !== null && c.attendance.rate <= 0.85 ? style.yellow : undefined;
  return row(
    [
      c.name,
      STATUS[lang][c.status],
      ratio(c.regular.held, c.regular.due),
      ratio(c.thematic.held, c.thematic.due),
      percent(c.attendance.rate, lang),
      percent(c.attendance.lowest, lang),
      c.attendance.unexcused === null ? '–' : String(c.attendance.unexcused),
      num(c.score.average, lang),
      ratio(c.visits.held, c.visits.due),
      String(c.errorCount),
      c.compliant ? '✓' : '✗',
    ],
    style,
    [undefined, statusColour, missing, missingQ, lowRate, undefined, (c.attendance.unexcused ?? 0) > 0 ? style.yellow : undefined, undefined, undefined, c.errorCount > 0 ? style.red : undefined, c.compliant ? style.green : style.red],
  );
}

/** Wrap a line of prose at the table's width, indenting the continuation. */
function wrap(text: string, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && [...line].length + 1 + [...word].length > WIDTH) {
      out.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** The whole report as text lines for a terminal. */
export function formatTable(r: CommitteeReport, lang: Lang, style: Style): string {
  const vi = lang === 'vi';
  const h = HEAD[lang];
  const lines: string[] = [];
  const title = vi ? `BÁO CÁO KẾT QUẢ SINH HOẠT CHI BỘ ${r.period.label.toLocaleUpperCase('vi')}` : `CELL MEETINGS REPORT, ${r.period.label.toUpperCase()}`;
  if (r.committee) lines.push(style.bold(r.committee.toLocaleUpperCase('vi')));
  lines.push(style.bold(title));
  lines.push(style.dim(vi ? `Số liệu tính đến hết ngày ${shortDate(r.asOf)} (kỳ báo cáo từ ${shortDate(r.period.from)} đến ${shortDate(r.period.to)})` : `Figures as of ${r.asOf} (period ${r.period.from} – ${r.period.to})`));
  lines.push('');
  lines.push(style.bold(row([h.cell, h.status, h.regular, h.thematic, h.rate, h.lowest, h.unexcused, h.score, h.visits, h.errors, h.ok], style)));
  lines.push('─'.repeat(WIDTH - 9));
  for (const c of r.cells) lines.push(cellRow(c, lang, style));
  lines.push('─'.repeat(WIDTH - 9));
  const t = r.totals;
  lines.push(
    vi
      ? `Chi bộ: ${t.cells} · đã gửi hồ sơ: ${t.reporting} · đủ kỳ, không lỗi: ${t.compliant} · giữ nền nếp hằng tháng: ${percent(t.monthlyRhythm, lang)}`
      : `Cells: ${t.cells} · reporting: ${t.reporting} · all due sittings, no error: ${t.compliant} · monthly rhythm kept: ${percent(t.monthlyRhythm, lang)}`,
  );
  lines.push(
    vi
      ? `Tỷ lệ đảng viên dự: ${percent(t.attendanceRate, lang)} · điểm tự chấm bình quân: ${num(t.averageScore, lang)} · Tốt ${t.ratings.good}, Khá ${t.ratings.fair}, TB ${t.ratings.average}, Kém ${t.ratings.poor}`
      : `Attendance: ${percent(t.attendanceRate, lang)} · average self-score: ${num(t.averageScore, lang)} · Good ${t.ratings.good}, Fair ${t.ratings.fair}, Average ${t.ratings.average}, Poor ${t.ratings.poor}`,
  );
  lines.push(
    vi
      ? `Phân công dự sinh hoạt: ${t.assignmentsKept}/${t.assignmentsDue} đã thực hiện · ${t.errorCount} lỗi, ${t.warningCount} cảnh báo`
      : `Visit assignments kept: ${t.assignmentsKept}/${t.assignmentsDue} · ${t.errorCount} errors, ${t.warningCount} warnings`,
  );
  if (r.attention.length > 0) {
    lines.push('');
    lines.push(style.bold(vi ? 'Chi bộ cần quan tâm:' : 'Cells needing attention:'));
    r.attention.forEach((a, i) => {
      lines.push(...wrap(`${String(i + 1).padStart(2)}. ${a.name}: ${a.reasons.join('; ')}`, '    '));
    });
  }
  const notes = r.cells.filter((c) => c.statusNote);
  if (notes.length > 0) {
    lines.push('');
    lines.push(style.bold(vi ? 'Ghi chú:' : 'Notes:'));
    for (const c of notes) lines.push(...wrap(`  ${c.folder}: ${c.statusNote}`, '    '));
  }
  lines.push('');
  const legend = vi
    ? 'TK: tháng có sinh hoạt thường kỳ/tháng phải có; CĐ: buổi chuyên đề đã tổ chức/phải tổ chức (mỗi quý một buổi); VKL: lượt vắng không lý do (– khi chi bộ chưa gửi hồ sơ); CU dự: lượt cấp ủy viên dự/phải dự; Đạt: đủ các kỳ phải tổ chức và không có lỗi (cảnh báo không tính, xem danh sách cần quan tâm).'
    : 'Reg: months with a regular meeting/due; Thm: thematic sessions held/due (one a quarter); Unex: unexcused absences (– when the cell sent nothing); Visits: committee visits held/due; OK: every due sitting held and no error (warnings aside: see the attention list).';
  for (const l of wrap(legend, '')) lines.push(style.dim(l));
  return `${lines.join('\n')}\n`;
}
