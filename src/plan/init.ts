// `cellctl init`: a new cell folder with a commented cell.yaml (roster and customs to fill in) and meetings/.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, Scalar, stringify } from 'yaml';
import { InputError } from '../errors.js';
import type { CellType, ParentCommittee } from '../model.js';
import { lexists, makeDirs, writeAtomic } from '../render/write.js';
import { explainFsError } from '../util/fs-errors.js';
import { defaultSchemaComment, SCHEMA_FOLDER, schemaComment, workspaceRoot, writeWorkspaceSchemas } from '../schema/workspace.js';

/** What `cellctl init` is told about the cell. */
export interface InitFields {
  /** Tên chi bộ, e.g. "Chi bộ Khu dân cư số 12". */
  name: string;
  /** Cấp ủy cấp trên trực tiếp, e.g. "Đảng bộ phường Hoàng Liệt". */
  parent: string;
  /** Địa danh used in dates, e.g. "Hoàng Liệt". */
  place: string;
  /** Loại hình chi bộ (default residential). */
  type?: CellType;
  /** The month records start from (YYYY-MM; default the current month). */
  recordsFrom?: string;
}

/** The superior committee's kind, when its name says it plainly ("Đảng bộ phường …", "Đảng ủy xã …"). */
function parentKind(name: string): ParentCommittee['kind'] | undefined {
  const m = /^Đảng (?:bộ|ủy) (phường|xã|đặc khu)\s/iu.exec(name);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  return word === 'phường' ? 'ward' : word === 'xã' ? 'commune' : 'special-zone';
}

/** Line breaks, tabs and other control characters: never part of a name printed on a document. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A comment line's text: a value that holds a line break must not end the comment and start YAML. */
function commentText(value: string): string {
  return value.replace(new RegExp(CONTROL.source, 'g'), ' ');
}

/**
 * One value as a YAML scalar on one line, serialised by the `yaml` library: plain when it can be, quoted
 * when `: `, `#`, quotes or a leading `-` need it, double-quoted with escapes when it holds a line break.
 */
function scalar(value: string): string {
  const node = new Scalar(value);
  if (CONTROL.test(value)) node.type = Scalar.QUOTE_DOUBLE;
  return stringify(node, { lineWidth: 0 }).trimEnd();
}

/**
 * The text of a new cell.yaml: the commented template (kept exactly, so its examples can be uncommented
 * line by line) with each given value serialised by the YAML library, then read back to prove it.
 */
export function cellYamlTemplate(fields: InitFields, schema = defaultSchemaComment('cell')): string {
  const values = { ...fields, recordsFrom: fields.recordsFrom ?? new Date().toISOString().slice(0, 7) };
  const text = cellYamlSkeleton(values, schema);
  const back = parseDocument(text).toJS() as { name?: unknown; parent?: { name?: unknown }; place?: unknown; recordsFrom?: unknown };
  if (back.name !== values.name || back.parent?.name !== values.parent || back.place !== values.place || back.recordsFrom !== values.recordsFrom) {
    throw new Error('cell.yaml template does not read back the values given');
  }
  return text;
}

/** The template with empty placeholders where the given values go. */
function cellYamlSkeleton(fields: InitFields, schema: string): string {
  const type = fields.type ?? 'residential';
  const kind = parentKind(fields.parent);
  const time = type === 'residential' ? '19:30' : '14:00';
  const room = type === 'residential' ? 'Nhà văn hóa khu dân cư' : 'Phòng họp của cơ quan, đơn vị';
  return `#${schema}
# Hồ sơ ${commentText(fields.name)}. Điền danh sách đảng viên (members) rồi kiểm tra bằng: cellctl validate <thư mục chi bộ>
name: ${scalar(fields.name)}
parent:
  name: ${scalar(fields.parent)}
${kind ? `  kind: ${kind}\n` : ''}place: ${scalar(fields.place)}
type: ${type}
recordsFrom: ${scalar(fields.recordsFrom!)}        # tháng bắt đầu lưu hồ sơ bằng cellctl; các tháng trước đó không bị kiểm tra

# Danh sách đảng viên: ít nhất 03 đảng viên chính thức và đúng một bí thư; từ 09 đảng viên chính thức trở lên thì bầu chi ủy.
# Bỏ dấu # ở đầu các dòng mẫu dưới đây, sửa theo thực tế, mỗi đảng viên một mục.
#   status: official (chính thức), probationary (dự bị), attached (sinh hoạt tạm thời),
#           exempted (miễn công tác và sinh hoạt đảng)
#   role:   secretary (bí thư), deputy-secretary (phó bí thư), committee-member (chi ủy viên), member (đảng viên)
#   since / until: ngày chuyển đến (kết nạp) / ngày chuyển đi; officialSince: ngày quyết định công nhận đảng viên chính thức
members:
#  - id: an
#    name: Nguyễn Văn An
#    status: official
#    role: secretary
#    group: Tổ đảng số 1
#  - id: binh
#    name: Trần Thị Bình
#    status: official
#    role: deputy-secretary
#    group: Tổ đảng số 2
#  - id: cuong
#    name: Lê Văn Cường
#    status: official
#    group: Tổ đảng số 1
#  - id: dung
#    name: Phạm Thị Dung
#    status: probationary
#    group: Tổ đảng số 2
#    since: 2026-05-19

# Nền nếp sinh hoạt của chi bộ, dùng khi lập kế hoạch năm (cellctl plan --year YYYY).
# Bỏ dấu # ở những dòng cần dùng; dòng nào để nguyên thì cellctl dùng giá trị mặc định ghi bên cạnh.
#customs:
#  meetingDay: { kind: day-of-month, day: 5, ifDayOff: next }    # mặc định: ngày 05, trùng ngày nghỉ thì lùi sang ngày làm việc kế tiếp
#  # meetingDay: { kind: nth-weekday, n: 1, weekday: tuesday }  # thứ Ba đầu tiên của tháng
#  # meetingDay: { kind: last-working-day-before, day: 10 }    # ngày làm việc cuối cùng trước ngày 10
#  time: "${time}"                    # giờ bắt đầu
#  place: ${room}      # mặc định: Trụ sở chi bộ
#  durationMinutes: 105               # thời lượng dự kiến (ít nhất 90 phút; buổi kết hợp thêm 30 phút, ít nhất 120 phút)
#  workingDays: [monday, tuesday, wednesday, thursday, friday]
#  blackoutDates: [2027-11-18]        # những ngày chi bộ không sinh hoạt (ví dụ ngày hội Đại đoàn kết toàn dân tộc)
#  prepWorkingDays: 3                 # chi ủy họp chuẩn bị trước kỳ sinh hoạt bao nhiêu ngày làm việc
#  thematic:
#    count: 4                         # 4–6 chuyên đề một năm, mỗi quý ít nhất 01
#    mode: separate                   # separate: họp riêng; combined: kết hợp với sinh hoạt thường kỳ cùng tháng
#    meetingDay: 20                   # ngày họp chuyên đề riêng
#    topics:                          # để trống thì cellctl gợi ý theo các nhóm chuyên đề của hướng dẫn
#      - title: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; trách nhiệm nêu gương của đảng viên
#        presenter: Tổ đảng số 1
`;
}

/**
 * Create a cell folder: `cell.yaml` (the `$schema` line, the given names, the roster and the customs as
 * commented examples) and an empty `meetings/`. A folder that exists and is not empty is refused unless
 * `force`, which replaces cell.yaml and keeps every other file. Returns the paths written, relative to `dir`.
 */
export function initCell(dir: string, fields: InitFields, force: boolean): string[] {
  try {
    if (lexists(dir)) {
      if (!statSync(dir).isDirectory()) throw new InputError(`${dir}: không phải thư mục`, `${dir}: not a folder`);
      if (!force && readdirSync(dir).length > 0) {
        throw new InputError(`${dir}: thư mục đã có tệp; dùng --force để ghi cell.yaml vào đó`, `${dir}: folder not empty; use --force`);
      }
    }
  } catch (e) {
    throw explainFsError(e, dir);
  }
  const normalized: InitFields = {
    ...fields,
    name: fields.name.normalize('NFC').trim(),
    parent: fields.parent.normalize('NFC').trim(),
    place: fields.place.normalize('NFC').trim(),
  };
  for (const key of ['name', 'parent', 'place'] as const) {
    if (!normalized[key]) throw new InputError(`--${key}: không được để trống`, `--${key}: must not be empty`);
    const at = normalized[key].search(CONTROL);
    if (at >= 0) {
      const code = `U+${normalized[key].codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0')}`;
      throw new InputError(
        `--${key}: có ký tự xuống dòng hoặc ký tự điều khiển (${code}) ở vị trí ${at + 1}; hãy viết tên trên một dòng, ` +
          `trong dấu ngoặc kép, ví dụ --${key} "Chi bộ Khu dân cư số 12"`,
        `--${key}: a line break or control character (${code}) at position ${at + 1}; write the name on one line, in double quotes, e.g. --${key} "Chi bộ Khu dân cư số 12"`,
      );
    }
  }
  // Both or neither: the folder made first, removed again if cell.yaml cannot be written.
  const meetings = join(dir, 'meetings');
  let created: string | undefined;
  const written: string[] = [];
  try {
    created = makeDirs(meetings);
    const root = workspaceRoot(dir);
    if (writeWorkspaceSchemas(root).length > 0 && root === dir) written.push(`${SCHEMA_FOLDER}/`);
    writeAtomic(join(dir, 'cell.yaml'), Buffer.from(cellYamlTemplate(normalized, schemaComment('cell', join(dir, 'cell.yaml'), root)), 'utf8'), force);
  } catch (e) {
    if (created) rmSync(created, { recursive: true, force: true });
    throw explainFsError(e, dir);
  }
  return ['cell.yaml', 'meetings/', ...written];
}
