// The report's own words (status notes, attention reasons), in Vietnamese and English.
import type { Lang } from '../messages/format.js';

const TEXT = {
  missingNoFolder: { vi: 'Không có thư mục hồ sơ "{folder}".', en: 'No records folder "{folder}".' },
  missingNoRecord: { vi: 'Không có hồ sơ buổi sinh hoạt nào trong kỳ.', en: 'No meeting record in the period.' },
  unlisted: { vi: 'Thư mục không có trong danh sách chi bộ của committee.yaml.', en: 'The folder is not in the cell list of committee.yaml.' },
  duplicate: { vi: 'Cùng tên chi bộ "{name}" với thư mục {other}.', en: 'Same cell name "{name}" as folder {other}.' },
  unreadable: { vi: 'Không đọc được {count} tệp: {files}; số liệu chưa đầy đủ.', en: '{count} files could not be read: {files}; figures are incomplete.' },
  nameMismatch: { vi: 'Tên trong cell.yaml "{actual}" khác tên trong committee.yaml "{expected}".', en: 'The name in cell.yaml "{actual}" differs from committee.yaml "{expected}".' },
  reasonMissing: { vi: 'chưa gửi hồ sơ', en: 'sent no records' },
  reasonUnreadable: { vi: 'có tệp không đọc được', en: 'files could not be read' },
  reasonDuplicate: { vi: 'trùng chi bộ', en: 'duplicate cell' },
  reasonUnlisted: { vi: 'ngoài danh sách', en: 'not on the list' },
  reasonMonths: { vi: 'thiếu {count} tháng sinh hoạt thường kỳ', en: '{count} regular months missing' },
  reasonQuarters: { vi: 'thiếu chuyên đề {count} quý', en: 'thematic session missing in {count} quarters' },
  reasonAttendance: { vi: 'tỷ lệ dự {percent}% (cần trên {min}%)', en: 'attendance {percent} % (more than {min} % needed)' },
  reasonBelow: { vi: '{count} buổi có tỷ lệ dự chưa đạt trên {min}%', en: '{count} meetings with attendance not above {min} %' },
  reasonUnexcused: { vi: '{count} lượt vắng không lý do', en: '{count} unexcused absences' },
  reasonErrors: { vi: '{count} lỗi', en: '{count} errors' },
  reasonVisits: { vi: 'cấp ủy viên chưa dự đủ {count} lượt', en: '{count} committee visits short' },
} as const;

/** A report text with `{placeholders}` filled. */
export function reportText(id: keyof typeof TEXT, lang: Lang, data: Record<string, string | number> = {}): string {
  // A decimal figure is written the language's way: 84,3 in Vietnamese, 84.3 in English.
  const shown = (v: string | number) => (typeof v === 'number' && lang === 'vi' ? String(v).replace('.', ',') : String(v));
  return TEXT[id][lang].replace(/\{(\w+)\}/g, (_, k: string) => (data[k] === undefined ? `{${k}}` : shown(data[k])));
}
