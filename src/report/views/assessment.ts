// The BÁO CÁO's assessment sentences, each made from the figures and naming its cells; absent when the figures say nothing.
import type { CellReport, CommitteeReport } from '../types.js';
import { band, cleanText, percent, type Thresholds } from './common.js';

/** The assessment's sentences, each list empty when the figures give nothing to say. */
export interface Assessment {
  /** Whether the cells keep their monthly rhythm, naming those that do not or sent nothing. */
  rhythm: string[];
  /** Strengths (ưu điểm), each naming its cells. */
  strengths: string[];
  /** Causes of the strengths the figures show. */
  strengthCauses: string[];
  /** Causes of the shortcomings the figures show. */
  shortcomingCauses: string[];
  /** Recommendations (đề xuất, kiến nghị), one per cell of `report.attention`. */
  recommendations: string[];
}

/** Vietnamese list: `A`, `A và B`, `A, B và C`. */
export function joinVi(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

const names = (cells: CellReport[]): string => joinVi(cells.map((c) => cleanText(c.name)));

/** `5/6 chi bộ gửi hồ sơ duy trì sinh hoạt hằng tháng`; who did not and who sent nothing, by name. */
function rhythmSentences(reporting: CellReport[], missing: CellReport[]): string[] {
  const out: string[] = [];
  const kept = reporting.filter((c) => c.regular.due > 0 && c.regular.missingMonths.length === 0);
  const skipped = reporting.filter((c) => c.regular.missingMonths.length > 0);
  if (kept.length > 0 && skipped.length === 0 && missing.length === 0) {
    out.push(`Tất cả ${kept.length} chi bộ trực thuộc duy trì sinh hoạt thường kỳ đủ các tháng đến hạn.`);
  } else if (kept.length > 0) {
    out.push(`${kept.length}/${reporting.length + missing.length} chi bộ duy trì sinh hoạt thường kỳ đủ các tháng đến hạn: ${names(kept)}.`);
  }
  if (skipped.length > 0) out.push(`${names(skipped)} chưa sinh hoạt đủ các tháng đến hạn (nêu tại mục hạn chế).`);
  if (missing.length > 0) out.push(`${names(missing)} chưa gửi hồ sơ sinh hoạt nên chưa đánh giá được việc duy trì nền nếp sinh hoạt.`);
  return out;
}

/** Strengths: cells keeping every month and quarter, good attendance, a Good average score. */
function strengthSentences(reporting: CellReport[], limits: Thresholds): string[] {
  const out: string[] = [];
  const full = reporting.filter((c) => c.regular.due > 0 && c.regular.missingMonths.length === 0 && c.thematic.missingQuarters.length === 0);
  if (full.length > 0) out.push(`${names(full)} sinh hoạt đủ thường kỳ hằng tháng và chuyên đề theo quý.`);
  const attending = reporting.filter((c) => c.attendance.rate !== null && c.attendance.rate > limits.attendance);
  if (attending.length > 0) out.push(`Tỷ lệ đảng viên dự sinh hoạt đạt trên ${percent(limits.attendance, 'vi')} tại ${names(attending)}.`);
  const good = reporting.filter((c) => band(c.score.average, limits) === 'good');
  if (good.length > 0) out.push(`Chất lượng sinh hoạt được tự đánh giá ở mức Tốt (điểm bình quân) tại ${names(good)}.`);
  return out;
}

/** Causes of strengths the records show: committee members attending as assigned, no unexcused absence. */
function strengthCauseSentences(reporting: CellReport[]): string[] {
  const out: string[] = [];
  const visited = reporting.filter((c) => c.visits.assignments.length > 0 && c.visits.assignments.every((a) => a.kept));
  if (visited.length > 0) out.push(`Cấp ủy viên được phân công dự đủ sinh hoạt tại ${names(visited)}.`);
  const noAbsence = reporting.filter((c) => c.attendance.unexcused === 0);
  if (noAbsence.length > 0) out.push(`Không có đảng viên vắng sinh hoạt không lý do tại ${names(noAbsence)}.`);
  return out;
}

/** Causes of shortcomings the records show: absences without reason, assigned visits not made, records not sent. */
function shortcomingCauseSentences(reporting: CellReport[], missing: CellReport[]): string[] {
  const out: string[] = [];
  const absent = reporting.filter((c) => (c.attendance.unexcused ?? 0) > 0);
  if (absent.length > 0) out.push(`Việc đôn đốc đảng viên dự sinh hoạt chưa chặt chẽ: còn đảng viên vắng không lý do tại ${names(absent)}.`);
  const unvisited = reporting.filter((c) => c.visits.assignments.some((a) => !a.kept));
  if (unvisited.length > 0) out.push(`Cấp ủy viên được phân công chưa dự đủ sinh hoạt tại ${names(unvisited)}.`);
  if (missing.length > 0) out.push(`Việc gửi hồ sơ sinh hoạt về Đảng ủy chưa được thực hiện tại ${names(missing)}.`);
  return out;
}

/** One recommendation per cell needing attention, most serious first. */
function recommendationSentences(report: CommitteeReport): string[] {
  return report.attention.map(
    (a) => `Đề nghị ${cleanText(a.name)} khẩn trương khắc phục (${a.reasons.map(cleanText).join('; ')}), báo cáo kết quả về Đảng ủy.`,
  );
}

/** The assessment of the cells that belong to the committee (`own`: not unlisted, not duplicate). */
export function assessment(report: CommitteeReport, own: CellReport[], limits: Thresholds): Assessment {
  const reporting = own.filter((c) => c.status !== 'missing');
  const missing = own.filter((c) => c.status === 'missing');
  return {
    rhythm: rhythmSentences(reporting, missing),
    strengths: strengthSentences(reporting, limits),
    strengthCauses: strengthCauseSentences(reporting),
    shortcomingCauses: shortcomingCauseSentences(reporting, missing),
    recommendations: recommendationSentences(report),
  };
}
