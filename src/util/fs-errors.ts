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

/** What went wrong and what to do, per code, in Vietnamese and English ({path} is the file or folder concerned). */
const TEXT: Record<Code, { vi: string; en: string }> = {
  EACCES: { vi: '{path}: không có quyền ghi hoặc đọc. Hãy chọn thư mục khác (--out) hoặc xin quyền ghi vào thư mục này.', en: '{path}: permission denied. Choose another folder (--out) or get write permission for this one.' },
  EPERM: { vi: '{path}: hệ điều hành không cho phép thao tác này. Hãy chọn thư mục khác hoặc kiểm tra quyền của thư mục.', en: '{path}: the operating system does not permit this. Choose another folder or check its permissions.' },
  ENOSPC: { vi: '{path}: ổ đĩa đã đầy. Hãy giải phóng dung lượng hoặc ghi sang ổ khác (--out), rồi chạy lại; không tệp nào được ghi dở.', en: '{path}: no space left on the disk. Free some space or write to another disk (--out), then run again; no file was half written.' },
  EDQUOT: { vi: '{path}: đã hết hạn mức dung lượng của người dùng. Hãy xóa bớt tệp hoặc ghi sang ổ khác, rồi chạy lại.', en: '{path}: your disk quota is used up. Delete some files or write to another disk, then run again.' },
  EEXIST: { vi: '{path}: đã có tệp hoặc thư mục cùng tên. Hãy đổi tên, xóa nó, hoặc dùng --force để ghi đè.', en: '{path}: a file or folder of this name exists. Rename or remove it, or use --force to overwrite.' },
  ENOTDIR: { vi: '{path}: một phần của đường dẫn là tệp chứ không phải thư mục. Hãy sửa đường dẫn hoặc đổi tên tệp đó.', en: '{path}: part of the path is a file, not a folder. Correct the path or rename that file.' },
  EISDIR: { vi: '{path}: là thư mục, không ghi tệp vào tên này được. Hãy đổi tên hoặc chọn đường dẫn khác.', en: '{path}: is a folder; a file cannot be written under this name. Rename it or choose another path.' },
  ENAMETOOLONG: { vi: '{path}: tên tệp hoặc đường dẫn quá dài (tối đa 255 byte mỗi tên). Hãy đặt tên ngắn hơn hoặc chọn thư mục nông hơn.', en: '{path}: the file name or path is too long (at most 255 bytes per name). Use a shorter name or a shallower folder.' },
  EROFS: { vi: '{path}: ổ đĩa hoặc thư mục chỉ cho đọc. Hãy chọn thư mục ghi được (--out).', en: '{path}: the disk or folder is read-only. Choose a folder that can be written (--out).' },
  EMFILE: { vi: '{path}: đang mở quá nhiều tệp cùng lúc. Hãy đóng bớt chương trình khác hoặc xử lý ít thư mục hơn mỗi lần, rồi chạy lại.', en: '{path}: too many files are open at once. Close other programs or process fewer folders at a time, then run again.' },
  ENFILE: { vi: '{path}: hệ thống đang mở quá nhiều tệp. Hãy đóng bớt chương trình khác rồi chạy lại.', en: '{path}: the system has too many files open. Close other programs, then run again.' },
  ENOENT: { vi: '{path}: không tìm thấy tệp hoặc thư mục. Hãy kiểm tra lại đường dẫn.', en: '{path}: no such file or folder. Check the path.' },
  ELOOP: { vi: '{path}: liên kết tượng trưng (symlink) vòng lặp hoặc quá nhiều tầng. Hãy sửa hoặc xóa liên kết đó.', en: '{path}: a symbolic link loops or is nested too deep. Fix or remove that link.' },
  EXDEV: { vi: '{path}: không chuyển tệp giữa hai ổ đĩa được. Hãy chọn thư mục trên cùng ổ đĩa.', en: '{path}: a file cannot be moved between two disks. Choose a folder on the same disk.' },
  ENOTEMPTY: { vi: '{path}: thư mục không trống. Hãy dọn thư mục hoặc chọn thư mục khác.', en: '{path}: the folder is not empty. Empty it or choose another folder.' },
  EBUSY: { vi: '{path}: tệp đang được chương trình khác dùng (ví dụ đang mở trong Word). Hãy đóng nó rồi chạy lại.', en: '{path}: the file is in use by another program (e.g. open in Word). Close it, then run again.' },
  EIO: { vi: '{path}: lỗi đọc ghi của ổ đĩa. Hãy kiểm tra ổ đĩa (hoặc thẻ nhớ, ổ mạng) rồi chạy lại.', en: '{path}: the disk reported a read/write error. Check the disk (or memory card, network drive), then run again.' },
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
export function fsErrorMessage(e: ErrnoError, path?: string, lang: 'vi' | 'en' = 'vi'): string {
  const shown = path ?? e.path ?? (e as { dest?: string }).dest ?? '(?)';
  return TEXT[e.code as Code][lang].replace('{path}', shown);
}

/** An errno error turned into an InputError (exit 2) naming `path`; anything else is returned as it is. */
export function explainFsError(e: unknown, path?: string): unknown {
  return isExplainedFsError(e) ? new InputError(fsErrorMessage(e, path), fsErrorMessage(e, path, 'en')) : e;
}
