// Ordinary file-system failures (no permission, disk full, read-only…) as plain Vietnamese messages, in one place.
import { InputError } from '../errors.js';

/** The errno codes cellctl explains itself rather than calling them internal errors. */
export const EXPLAINED_CODES = [
  'EACCES',
  'EPERM',
  'ENOSPC',
  'EDQUOT',
  'EEXIST',
  'ENOTDIR',
  'EISDIR',
  'ENAMETOOLONG',
  'EROFS',
  'EMFILE',
  'ENFILE',
  'ENOENT',
  'ELOOP',
  'EXDEV',
  'ENOTEMPTY',
  'EBUSY',
  'EIO',
] as const;

type Code = (typeof EXPLAINED_CODES)[number];

/** What went wrong and what to do, per code ({path} is the file or folder concerned). */
const TEXT: Record<Code, string> = {
  EACCES: '{path}: không có quyền ghi hoặc đọc. Hãy chọn thư mục khác (--out) hoặc xin quyền ghi vào thư mục này. (permission denied)',
  EPERM: '{path}: hệ điều hành không cho phép thao tác này. Hãy chọn thư mục khác hoặc kiểm tra quyền của thư mục. (operation not permitted)',
  ENOSPC: '{path}: ổ đĩa đã đầy. Hãy giải phóng dung lượng hoặc ghi sang ổ khác (--out), rồi chạy lại; không tệp nào được ghi dở. (no space left on device)',
  EDQUOT: '{path}: đã hết hạn mức dung lượng của người dùng. Hãy xóa bớt tệp hoặc ghi sang ổ khác, rồi chạy lại. (disk quota exceeded)',
  EEXIST: '{path}: đã có tệp hoặc thư mục cùng tên. Hãy đổi tên, xóa nó, hoặc dùng --force để ghi đè. (already exists)',
  ENOTDIR: '{path}: một phần của đường dẫn là tệp chứ không phải thư mục. Hãy sửa đường dẫn hoặc đổi tên tệp đó. (not a directory)',
  EISDIR: '{path}: là thư mục, không ghi tệp vào tên này được. Hãy đổi tên hoặc chọn đường dẫn khác. (is a directory)',
  ENAMETOOLONG: '{path}: tên tệp hoặc đường dẫn quá dài (tối đa 255 byte mỗi tên). Hãy đặt tên ngắn hơn hoặc chọn thư mục nông hơn. (name too long)',
  EROFS: '{path}: ổ đĩa hoặc thư mục chỉ cho đọc. Hãy chọn thư mục ghi được (--out). (read-only file system)',
  EMFILE: '{path}: đang mở quá nhiều tệp cùng lúc. Hãy đóng bớt chương trình khác hoặc xử lý ít thư mục hơn mỗi lần, rồi chạy lại. (too many open files)',
  ENFILE: '{path}: hệ thống đang mở quá nhiều tệp. Hãy đóng bớt chương trình khác rồi chạy lại. (too many open files in system)',
  ENOENT: '{path}: không tìm thấy tệp hoặc thư mục. Hãy kiểm tra lại đường dẫn. (no such file or directory)',
  ELOOP: '{path}: liên kết tượng trưng (symlink) vòng lặp hoặc quá nhiều tầng. Hãy sửa hoặc xóa liên kết đó. (too many symbolic links)',
  EXDEV: '{path}: không chuyển tệp giữa hai ổ đĩa được. Hãy chọn thư mục trên cùng ổ đĩa. (cross-device link)',
  ENOTEMPTY: '{path}: thư mục không trống. Hãy dọn thư mục hoặc chọn thư mục khác. (directory not empty)',
  EBUSY: '{path}: tệp đang được chương trình khác dùng (ví dụ đang mở trong Word). Hãy đóng nó rồi chạy lại. (resource busy)',
  EIO: '{path}: lỗi đọc ghi của ổ đĩa. Hãy kiểm tra ổ đĩa (hoặc thẻ nhớ, ổ mạng) rồi chạy lại. (input/output error)',
};

/** A Node errno error (from node:fs and friends). */
export type ErrnoError = NodeJS.ErrnoException & { code: string };

/** Whether `e` is an errno error cellctl can explain. */
export function isExplainedFsError(e: unknown): e is ErrnoError {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as ErrnoError).code in TEXT;
}

/**
 * The plain Vietnamese message for an errno error: what happened to which path and what to do. `path` is
 * the path as the user should see it (default: the one the error names).
 */
export function fsErrorMessage(e: ErrnoError, path?: string): string {
  const shown = path ?? e.path ?? (e as { dest?: string }).dest ?? '(?)';
  return TEXT[e.code as Code].replace('{path}', shown);
}

/** An errno error turned into an InputError (exit 2) naming `path`; anything else is returned as it is. */
export function explainFsError(e: unknown, path?: string): unknown {
  return isExplainedFsError(e) ? new InputError(fsErrorMessage(e, path)) : e;
}
