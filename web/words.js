// The page's Vietnamese words for the model's keys (kinds, states, ratings, criteria, attendance).

export const KIND = { regular: 'Thường kỳ', thematic: 'Chuyên đề', combined: 'Thường kỳ kết hợp chuyên đề', unknown: 'Không rõ loại' };
export const STATE = { planned: 'Chưa đến ngày', 'to-fill': 'Cần ghi biên bản', draft: 'Dự thảo', adopted: 'Đã thông qua', problems: 'Có lỗi' };
export const RATING = { good: 'Tốt', fair: 'Khá', average: 'Trung bình', poor: 'Kém' };
export const CRITERION = {
  duration: 'Thời gian sinh hoạt', attendance: 'Tỷ lệ đảng viên dự họp', preparation: 'Chuẩn bị sinh hoạt',
  conduct: 'Tiến hành sinh hoạt', principles: 'Nguyên tắc, tự phê bình và phê bình', results: 'Kết quả sinh hoạt', closing: 'Kết thúc sinh hoạt',
};
export const ATTENDANCE = [['present', 'Có mặt'], ['excused', 'Vắng có lý do'], ['unexcused', 'Vắng không lý do']];

/** A reviewed task's state, as the select offers it ('' until the secretary says). */
export const DONE = [['true', 'Đã hoàn thành'], ['false', 'Chưa hoàn thành']];
/** The rating bands as the page lists them, best first. */
export const BANDS = [['good', 'Tốt'], ['fair', 'Khá'], ['average', 'Trung bình']];

/** Labels of the form's fields by JSON pointer (`*` = any item of a list), as the form shows them. */
const LABELS = [
  ['/kind', 'Loại buổi sinh hoạt'], ['/status', 'Trạng thái'], ['/date', 'Ngày họp'], ['/start', 'Giờ bắt đầu'], ['/end', 'Giờ kết thúc'],
  ['/place', 'Địa điểm'], ['/chair', 'Chủ trì'], ['/secretary', 'Thư ký'], ['/attendance', 'Điểm danh'], ['/guests', 'Đại biểu dự'],
  ['/guests/*/name', 'Họ và tên đại biểu'], ['/guests/*/office', 'Chức vụ, đơn vị của đại biểu'], ['/steps', 'Diễn biến buổi sinh hoạt'],
  ['/topic', 'Chuyên đề'], ['/topic/title', 'Tên chuyên đề'], ['/topic/presenter', 'Người trình bày chuyên đề'],
  ['/resolution', 'Nghị quyết'], ['/resolution/number', 'Số nghị quyết'], ['/resolution/review', 'Đánh giá tháng trước'],
  ['/resolution/review/strengths', 'Ưu điểm'], ['/resolution/review/shortcomings', 'Hạn chế'], ['/resolution/review/causes', 'Nguyên nhân'],
  ['/resolution/tasks', 'Nhiệm vụ tháng tới'], ['/vote', 'Biểu quyết'], ['/vote/for', 'Số tán thành'], ['/vote/against', 'Số không tán thành'],
  ['/dues', 'Đảng phí'], ['/dues/paid', 'Số đồng chí đã nộp đảng phí'], ['/dues/amount', 'Số tiền đảng phí'], ['/dues/note', 'Ghi chú đảng phí'],
  ['/score', 'Chấm điểm'], ['/score/total', 'Tổng điểm'], ['/score/rating', 'Xếp loại'],
];

/**
 * The field a JSON pointer names, in the form's words: "Lý do vắng của Trần Thị Thu", "Kết quả nhiệm vụ 2
 * tháng trước". `data` is the record as the form holds it (for names and step titles), `steps` the step titles.
 */
export function labelOf(pointer, data = {}, steps = {}) {
  const k = pointer.split('/').slice(1);
  const n = (i) => Number(k[i]) + 1;
  const member = (i) => data.attendance?.[Number(k[i])]?.member ?? `đồng chí thứ ${n(i)}`;
  const step = (i) => { const s = data.steps?.[Number(k[i])]; return `bước “${s?.title ?? steps[s?.step] ?? n(i)}”`; };
  if (k[0] === 'attendance' && k.length >= 2) return k[2] === 'reason' ? `Lý do vắng của ${member(1)}` : `Điểm danh ${member(1)}`;
  if (k[0] === 'steps' && k.length >= 2) {
    if (k[2] === 'presenter') return `Người trình bày (${step(1)})`;
    if (k[2] === 'speakers') return k.length >= 5 ? `${k[4] === 'speaker' ? 'Người phát biểu' : 'Nội dung'} ý kiến ${n(3)} (${step(1)})` : `Ý kiến (${step(1)})`;
    return k[2] === 'content' ? `Nội dung ${step(1)}` : `Bước ${step(1).slice(5)}`;
  }
  if (k[0] === 'resolution' && k[1] === 'review' && k[2] === 'tasks' && k.length >= 4) {
    return { result: `Kết quả nhiệm vụ ${n(3)} tháng trước`, done: `Hoàn thành? (nhiệm vụ ${n(3)} tháng trước)`, task: `Nhiệm vụ ${n(3)} tháng trước` }[k[4]] ?? `Nhiệm vụ ${n(3)} tháng trước`;
  }
  if (k[0] === 'resolution' && k[1] === 'tasks' && k.length >= 3) {
    return { task: `Nhiệm vụ ${n(2)} tháng tới`, owner: `Người phụ trách nhiệm vụ ${n(2)}`, deadline: `Thời hạn nhiệm vụ ${n(2)}` }[k[3]] ?? `Nhiệm vụ ${n(2)} tháng tới`;
  }
  if (k[0] === 'score' && k[1] === 'criteria' && k[2]) return `Điểm “${CRITERION[k[2]] ?? k[2]}”`;
  const generic = '/' + k.map((x) => (/^\d+$/.test(x) ? '*' : x)).join('/');
  for (let p = generic; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const hit = LABELS.find(([q]) => q === p);
    if (hit) return hit[1];
  }
  return 'Biên bản';
}

/** A time as the form asks for it. */
const TIME_HINT = 'ghi giờ và phút, ví dụ 19:30';
/** A date as the form asks for it. */
const DATE_HINT = 'ghi ngày/tháng/năm, ví dụ 05/6/2026';

/**
 * A problem said in plain Vietnamese for the field `label`: the checker's messages about the file's keys,
 * codes and types ("Thiếu trường bắt buộc “reason”", "true hoặc false", "HH:MM") become what to do on the
 * form. Rule messages are sentences about the sitting already, and are kept.
 */
export function plainMessage(p, label) {
  if (p.ruleId === 'record-complete') return 'Hồ sơ này mới là bản khung dựng sẵn từ kế hoạch: ghi đủ các mục của buổi họp rồi lưu.';
  if (p.ruleId !== 'schema') return p.message;
  const value = p.data?.value;
  const lower = label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
  switch (p.messageId) {
    case 'required':
    case 'empty':
    case 'minItems':
      return `Chưa điền ${lower}.`;
    case 'time':
    case 'timeFix':
      return `${label}: ${TIME_HINT}${value && value !== 'null' ? ` (đang ghi “${value}”)` : ''}.`;
    case 'date':
    case 'dateFix':
      return `${label}: ${DATE_HINT}${value && value !== 'null' ? `; “${value}” không phải ngày có thật` : ''}.`;
    case 'enum':
    case 'enumSuggest':
    case 'enumLabel':
      return `${label}: chưa chọn; chọn một mục trong danh sách.`;
    case 'type': {
      const expected = String(p.data?.expected);
      if (expected === 'type-boolean') return `${label}: chưa chọn.`;
      if (/integer|number/.test(expected)) return p.data?.actual === 'type-null' ? `Chưa điền ${lower}.` : `${label}: ghi bằng chữ số.`;
      return p.data?.actual === 'type-null' ? `Chưa điền ${lower}.` : `${label}: chưa đúng, xin ghi lại.`;
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return `${label} không được nhỏ hơn ${p.data?.limit}.`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${label} không được lớn hơn ${p.data?.limit}.`;
    case 'thousands':
      return `${label}: ghi số liền, không có dấu chấm hay dấu phẩy.`;
    default:
      return `${label}: chưa đúng, xin ghi lại.`;
  }
}
