// The report as CSV: RFC 4180 (csv-stringify), UTF-8 with a BOM so Excel shows Vietnamese, one row per cell.
import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../../messages/format.js';
import type { CellReport, CommitteeReport } from '../types.js';

/** Columns: key, Vietnamese and English header, and the value of a cell (rates as fractions 0–1, empty when null). */
const COLUMNS: [string, string, string, (c: CellReport) => string | number | null][] = [
  ['folder', 'Thư mục', 'Folder', (c) => c.folder],
  ['name', 'Chi bộ', 'Cell', (c) => c.name],
  ['status', 'Tình trạng', 'Status', (c) => c.status],
  ['statusNote', 'Ghi chú', 'Note', (c) => c.statusNote ?? ''],
  ['regularHeld', 'Thường kỳ đã tổ chức', 'Regular held', (c) => c.regular.held],
  ['regularDue', 'Thường kỳ phải tổ chức', 'Regular due', (c) => c.regular.due],
  ['missingMonths', 'Tháng thiếu', 'Missing months', (c) => c.regular.missingMonths.join(' ')],
  ['thematicHeld', 'Chuyên đề đã tổ chức', 'Thematic held', (c) => c.thematic.held],
  ['thematicDue', 'Chuyên đề phải tổ chức', 'Thematic due', (c) => c.thematic.due],
  ['missingQuarters', 'Quý thiếu chuyên đề', 'Missing quarters', (c) => c.thematic.missingQuarters.join(' ')],
  ['attendanceRate', 'Tỷ lệ dự', 'Attendance rate', (c) => c.attendance.rate],
  ['attendanceLowest', 'Tỷ lệ dự thấp nhất', 'Lowest attendance', (c) => c.attendance.lowest],
  ['unexcused', 'Vắng không lý do', 'Unexcused absences', (c) => c.attendance.unexcused],
  ['scoreAverage', 'Điểm bình quân', 'Average score', (c) => c.score.average],
  ['good', 'Tốt', 'Good', (c) => c.score.ratings.good],
  ['fair', 'Khá', 'Fair', (c) => c.score.ratings.fair],
  ['average', 'Trung bình', 'Average', (c) => c.score.ratings.average],
  ['poor', 'Kém', 'Poor', (c) => c.score.ratings.poor],
  ['visitsHeld', 'Lượt cấp ủy viên dự', 'Visits held', (c) => c.visits.held],
  ['visitsDue', 'Lượt phải dự', 'Visits due', (c) => c.visits.due],
  ['resolutionsAdopted', 'Nghị quyết thông qua', 'Resolutions adopted', (c) => c.resolutions.adopted],
  ['errorCount', 'Lỗi', 'Errors', (c) => c.errorCount],
  ['warningCount', 'Cảnh báo', 'Warnings', (c) => c.warningCount],
  ['compliant', 'Đạt yêu cầu', 'Compliant', (c) => (c.compliant ? 1 : 0)],
];

/** Column keys in order (docs/report.md lists them). */
export const CSV_COLUMNS = COLUMNS.map((c) => c[0]);

/** The CSV text, BOM first, CRLF line ends. */
export function formatCsv(r: CommitteeReport, lang: Lang): string {
  const header = COLUMNS.map((c) => (lang === 'vi' ? c[1] : c[2]));
  const rows = r.cells.map((cell) => COLUMNS.map((c) => c[3](cell) ?? ''));
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: 'windows' })}`;
}
