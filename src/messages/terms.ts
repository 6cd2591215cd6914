// Vietnamese and English names of the model's enum values, used by the `{placeholder|term}` message filter.
import type { Lang } from './format.js';

const TERMS: Record<string, { vi: string; en: string }> = {
  regular: { vi: 'sinh hoạt thường kỳ', en: 'regular meeting' },
  thematic: { vi: 'sinh hoạt chuyên đề', en: 'thematic session' },
  combined: { vi: 'buổi sinh hoạt thường kỳ kết hợp chuyên đề', en: 'combined regular and thematic sitting' },
  official: { vi: 'đảng viên chính thức', en: 'official member' },
  probationary: { vi: 'đảng viên dự bị', en: 'probationary member' },
  attached: { vi: 'đảng viên sinh hoạt tạm thời', en: 'temporarily attached member' },
  exempted: { vi: 'đảng viên miễn công tác và sinh hoạt đảng', en: 'member exempted from meetings' },
  secretary: { vi: 'bí thư', en: 'secretary' },
  'deputy-secretary': { vi: 'phó bí thư', en: 'deputy secretary' },
  'committee-member': { vi: 'chi ủy viên', en: 'committee member' },
  member: { vi: 'đảng viên', en: 'member' },
  present: { vi: 'có mặt', en: 'present' },
  excused: { vi: 'vắng có lý do', en: 'absent with reason' },
  unexcused: { vi: 'vắng không lý do', en: 'absent without reason' },
  good: { vi: 'Tốt', en: 'Good' },
  fair: { vi: 'Khá', en: 'Fair' },
  average: { vi: 'Trung bình', en: 'Average' },
  poor: { vi: 'Kém', en: 'Poor' },
  draft: { vi: 'dự thảo', en: 'draft' },
  adopted: { vi: 'đã thông qua', en: 'adopted' },
  opening: { vi: 'mở đầu', en: 'opening' },
  conduct: { vi: 'tiến hành', en: 'conduct' },
  closing: { vi: 'kết thúc', en: 'closing' },
  cell: { vi: 'hồ sơ chi bộ', en: 'cell profile' },
  plan: { vi: 'kế hoạch năm', en: 'year plan' },
  meeting: { vi: 'hồ sơ buổi sinh hoạt', en: 'meeting record' },
  rules: { vi: 'quy định riêng', en: 'local rules' },
  'type-string': { vi: 'chuỗi ký tự', en: 'a string' },
  'type-integer': { vi: 'số nguyên', en: 'an integer' },
  'type-number': { vi: 'số', en: 'a number' },
  'type-boolean': { vi: 'true hoặc false', en: 'true or false' },
  'type-object': { vi: 'nhóm trường (key: value)', en: 'a mapping (key: value)' },
  'type-array': { vi: 'danh sách (các dòng bắt đầu bằng "- ")', en: 'a list (lines starting with "- ")' },
  'type-null': { vi: 'giá trị rỗng', en: 'empty (null)' },
  'hd42-2025': { vi: 'Hướng dẫn 42-HD/BTCTW (2025)', en: 'Guidance 42-HD/BTCTW (2025)' },
  'hd12-2018': { vi: 'Hướng dẫn 12-HD/BTCTW (2018)', en: 'Guidance 12-HD/BTCTW (2018)' },
};

/** The term for an enum value in a language; unknown values come back unchanged. */
export function term(value: string, lang: Lang): string {
  return TERMS[value]?.[lang] ?? value;
}
