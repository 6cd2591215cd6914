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
