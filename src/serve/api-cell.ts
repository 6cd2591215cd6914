// The cell-setup page's server side: a new or existing cell.yaml read, checked as validate checks it, and written keeping its comments.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '../lint/validate.js';
import type { CellProfile } from '../model.js';
import { cellYamlTemplate } from '../plan/init.js';
import { loadRecords, numberAfter } from '../plan/new-record.js';
import { makeDirs, writeAtomic } from '../render/write.js';
import { documentNumber } from '../render/viewmodel.js';
// Types only: api.ts imports this module for its ROUTES, so a value imported back would be a cycle.
import type { ApiReply, ApiRoute } from './api.js';
import { servedKind } from './api-committee.js';
import { cellInside, resolveInside } from './paths.js';
import { hashText } from './record.js';
import { applyData, dataOf } from './yaml-sync.js';

/** A problem of the cell as the setup page shows it: beside the field `path` names, in plain Vietnamese. */
export interface SetupProblem {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

type Data = Record<string, unknown>;
type MemberData = Record<string, unknown> & { id?: unknown; name?: unknown };

/** The words of a member field as the page labels it. */
const MEMBER_LABEL: Record<string, string> = {
  id: 'Mã đảng viên',
  name: 'Họ và tên',
  status: 'Tình trạng đảng viên',
  role: 'Chức vụ',
  group: 'Tổ đảng',
  since: 'Ngày vào sinh hoạt tại chi bộ',
  until: 'Ngày chuyển đi (thôi sinh hoạt)',
  officialSince: 'Ngày công nhận đảng viên chính thức',
  exemption: 'Miễn sinh hoạt',
};

/** The words of a cell field as the page labels it, by JSON pointer. */
const CELL_LABEL: Record<string, string> = {
  '/name': 'Tên chi bộ',
  '/parent/name': 'Cấp ủy cấp trên trực tiếp',
  '/parent/kind': 'Cấp của cấp ủy cấp trên',
  '/place': 'Địa danh',
  '/type': 'Loại hình chi bộ',
  '/recordsFrom': 'Bắt đầu lưu hồ sơ từ tháng',
  '/numbering/termStart': 'Ngày bắt đầu nhiệm kỳ',
  '/numbering/next': 'Số nghị quyết tiếp theo',
  '/members': 'Danh sách đảng viên',
};

/** The page's label of the field at `path`, with the member's name and place in the list for a roster field. */
export function fieldLabel(path: string, data: Data): string {
  const m = /^\/members\/(\d+)(?:\/([^/]+))?/.exec(path);
  if (m) {
    const member = (Array.isArray(data.members) ? data.members[Number(m[1])] : undefined) as MemberData | undefined;
    const who = typeof member?.name === 'string' && member.name.trim() ? `đồng chí ${member.name.trim()}` : `đảng viên thứ ${Number(m[1]) + 1}`;
    const field = m[2] ? MEMBER_LABEL[m[2]] : undefined;
    return field ? `${field} của ${who}` : `Mục của ${who}`;
  }
  for (let p = path; p; p = p.slice(0, p.lastIndexOf('/'))) if (CELL_LABEL[p]) return CELL_LABEL[p]!;
  return 'Hồ sơ chi bộ';
}

/** A problem as validate reports it, with what the page needs to word it. */
type Found = { ruleId: string; messageId: string; message: string; path: string; data?: Record<string, string | number> };

/** The field a problem is about: a missing field is reported on its parent, with its name in the data. */
export function cellPagePath(p: Found): string {
  return p.ruleId === 'schema' && p.messageId === 'required' && typeof p.data?.property === 'string' ? `${p.path}/${p.data.property}` : p.path;
}

/**
 * The page's words for a problem validate found: schema messages name the field by its label (the page
 * has no keys, lines or YYYY-MM-DD to point to); the roster rule's messages are kept, without the keys
 * they name for YAML writers.
 */
export function cellPageMessage(p: Found, data: Data): string {
  const label = fieldLabel(cellPagePath(p), data);
  if (p.ruleId === 'schema') {
    switch (p.messageId) {
      case 'empty':
      case 'required':
        return `Chưa điền: ${label}.`;
      case 'date':
      case 'dateFix':
        return `${label}: ngày không có thật; ghi theo dạng ngày/tháng/năm, ví dụ 05/03/2027.`;
      case 'month':
        return `${label}: ghi theo dạng tháng/năm, ví dụ 01/2027.`;
      case 'enum':
      case 'enumSuggest':
        return `${label}: hãy chọn một mục trong danh sách.`;
      case 'minItems':
      case 'emptyRoster':
        return 'Danh sách đảng viên còn trống: thêm từng đồng chí bằng nút “Thêm đảng viên”.';
      default:
        return `${label}: ${p.message}`;
    }
  }
  if (p.ruleId === 'cell-structure' && p.messageId === 'noSecretary') return 'Danh sách chưa có bí thư chi bộ: chọn chức vụ “Bí thư” cho một đồng chí.';
  if (p.ruleId === 'cell-structure' && p.messageId === 'duplicateName') return `${label}: có hai đồng chí cùng họ tên; cellctl đã đặt mã riêng cho mỗi đồng chí, hãy kiểm tra lại đúng người.`;
  // A key named for YAML writers in parentheses, e.g. "(role: secretary)", means nothing on the page.
  return p.message.replace(/\s*\([a-zA-Z-]+(?::\s*[a-zA-Z-]+)?\)/g, '');
}

/** Lower-case ASCII of a Vietnamese word (đ → d, diacritics dropped). */
function ascii(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * An id for a member from their name, not among `taken`: the given name (`Nguyễn Văn An` → `an`), then the
 * given name with the initials of the rest (`an.nv`), then that with a number (`an.nv2`).
 */
export function memberId(name: string, taken: ReadonlySet<string>): string {
  const words = name.normalize('NFC').trim().split(/\s+/).map(ascii).filter(Boolean);
  const given = words.at(-1) ?? 'dv';
  const initials = words.slice(0, -1).map((w) => w[0]).join('');
  const first = /^[a-z0-9]/.test(given) ? given : `dv${given}`;
  if (!taken.has(first)) return first;
  const second = initials ? `${first}.${initials}` : first;
  if (!taken.has(second)) return second;
  for (let n = 2; ; n++) if (!taken.has(`${second}${n}`)) return `${second}${n}`;
}

/** Every text of the data in NFC: a name typed on a Mac (NFD) is the same name in records and on documents. */
function nfc<T>(v: T): T {
  if (typeof v === 'string') return v.normalize('NFC') as T;
  if (Array.isArray(v)) return v.map(nfc) as T;
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfc(x)])) as T;
  return v;
}

/**
 * The data as it is written: texts in NFC, and an id made for each named member who has none (existing
 * ids are never changed: records refer to them).
 */
export function withIds(raw: Data): Data {
  const data = nfc(raw);
  if (!Array.isArray(data.members)) return data;
  const members = data.members as MemberData[];
  const taken = new Set(members.map((m) => m?.id).filter((id): id is string => typeof id === 'string' && id !== ''));
  return {
    ...data,
    members: members.map((m) => {
      if (!m || typeof m !== 'object' || (typeof m.id === 'string' && m.id !== '')) return m;
      const rest = { ...m };
      delete rest.id;
      if (typeof m.name !== 'string' || m.name.trim() === '') return rest;
      const id = memberId(m.name, taken);
      taken.add(id);
      return { id, ...rest };
    }),
  };
}

/** The cell.yaml of a folder, when it has one. */
function cellFile(dir: string): string | undefined {
  for (const name of ['cell.yaml', 'cell.yml']) {
    const found = resolveInside(dir, name);
    if (found.ok) return found.abs;
  }
  return undefined;
}

/**
 * The text of a cell.yaml holding `data`: the existing file with only what changed rewritten, or, for a
 * new cell, `cellctl init`'s commented template with the roster written under `members:`.
 */
export function cellText(current: string | undefined, data: Data): string {
  if (current !== undefined) return applyData(current, data);
  const parent = (data.parent ?? {}) as { name?: unknown };
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const template = cellYamlTemplate({
    name: str(data.name),
    parent: str(parent.name),
    place: str(data.place),
    ...(typeof data.recordsFrom === 'string' ? { recordsFrom: data.recordsFrom } : {}),
  });
  // The template's `members:` is empty (its examples are comments): the roster goes right under it, so the
  // later edits find a list to change in place and the explanations above and below stay.
  const members = Array.isArray(data.members) && data.members.length > 0 ? data.members : undefined;
  const seeded = members ? template.replace(/^members:\n/m, () => `members:\n${applyData('x: 1\n', { x: members }).replace(/^x:\n/, '')}`) : template;
  // What the template knows and the page does not ask (the superior body's level, from its name) stays.
  const kind = (dataOf(template) as { parent?: { kind?: string } }).parent?.kind;
  const parentData = (isData(data.parent) ? data.parent : {}) as Data;
  return applyData(seeded, kind && parentData.kind === undefined ? { ...data, parent: { ...parentData, kind } } : data);
}

/** The problems validate finds in a cell.yaml text, with the page's words (records and plans are not this page's). */
async function checkCell(dir: string, abs: string | undefined, text: string, data: Data, asOf: string): Promise<SetupProblem[]> {
  let problems: (Found & { severity: 'error' | 'warning' })[];
  if (abs !== undefined) {
    const result = await validate([dir], { asOf, cwd: dir, overrides: { [abs]: text } });
    problems = result.results.filter((r) => r.file === abs).flatMap((r) => r.problems);
  } else {
    // A cell not yet written is checked in a folder of its own, alone.
    const tmp = mkdtempSync(join(tmpdir(), 'cellctl-setup-'));
    try {
      writeFileSync(join(tmp, 'cell.yaml'), text);
      const result = await validate([tmp], { asOf, cwd: tmp });
      problems = result.results.flatMap((r) => r.problems);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  // The records (their absence, or the year's checks waiting for them) are the year page's business, not the setup's.
  return problems
    .filter((p) => p.ruleId !== 'input' && p.ruleId !== 'cell-context')
    .map((p) => ({ path: cellPagePath(p), severity: p.severity, message: cellPageMessage(p, data) }))
    .concat(exemptProblems(data));
}

/** The exemption's reason, which the page asks for: the schema leaves it optional for files written before it existed. */
function exemptProblems(data: Data): SetupProblem[] {
  const out: SetupProblem[] = [];
  const members = Array.isArray(data.members) ? (data.members as MemberData[]) : [];
  members.forEach((m, i) => {
    const x = m?.exemption as { reason?: unknown } | undefined;
    if (!x || typeof x !== 'object') return;
    if (typeof x.reason !== 'string' || x.reason.trim() === '') out.push({ path: `/members/${i}/exemption/reason`, severity: 'error', message: `Chưa điền lý do miễn sinh hoạt của ${fieldLabel(`/members/${i}`, data).replace(/^Mục của /, '')}.` });
  });
  return out;
}

/** The resolution number the next record will carry, as `cellctl new` numbers it (the last one of the term plus one). */
function nextNumber(dir: string, cell: Partial<CellProfile>): string {
  const numbered = loadRecords(dir)
    .filter((r) => r.data?.resolution?.number !== undefined && !r.stub)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // The sitting after every record on file: as `new` numbers it.
  return documentNumber(numberAfter(numbered, cell, '9999-12-31').number);
}

/** The folder whose setup a request is about: `cell` (a cell folder inside the served one) or the served folder. */
function setupDir(root: string, cell: unknown): string | ApiReply {
  if (typeof cell !== 'string' || cell === '' || cell === '.') {
    // A committee's own folder holds its cells, not a cell: nothing is set up (or written) there.
    return servedKind(root) === 'committee' ? refusal(404, 'Thư mục đang mở là của đảng ủy; chọn một chi bộ trên trang đảng ủy để thiết lập.') : root;
  }
  const found = cellInside(root, cell);
  return found.ok ? found.dir : refusal(found.why === 'outside' ? 403 : 404, 'Không có chi bộ này trong thư mục đang mở.');
}

/** The month after `asOf` (YYYY-MM): when a secretary setting up a cell starts keeping its records. */
function nextMonth(asOf: string): string {
  const [y, m] = [Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** A refusal the page shows as is. */
function refusal(status: number, error: string): ApiReply {
  return { status, json: { error } };
}

function isData(v: unknown): v is Data {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `GET /api/setup?cell=`: the cell's setup as the page edits it (a blank one for a folder without cell.yaml). */
export const setupRoute: ApiRoute = {
  method: 'GET',
  async handle({ root, asOf, url }) {
    const dir = setupDir(root, url.searchParams.get('cell'));
    if (typeof dir !== 'string') return dir;
    const abs = cellFile(dir);
    const text = abs !== undefined ? readFileSync(abs, 'utf8') : undefined;
    const data = text !== undefined ? dataOf(text) : { name: '', parent: { name: '' }, place: '', type: 'residential', recordsFrom: nextMonth(asOf), members: [] };
    if (!isData(data)) return refusal(422, 'Tệp cell.yaml không đọc được như một hồ sơ chi bộ; sửa tệp bằng trình soạn thảo rồi mở lại trang.');
    const problems = text !== undefined ? await checkCell(dir, abs, text, data, asOf) : [];
    return { status: 200, json: { exists: text !== undefined, hash: text !== undefined ? hashText(text) : '', data, problems, nextNumber: nextNumber(dir, data) } };
  },
};

/** What both setup routes start from: the cell's folder, the page's data with ids made for new members, its cell.yaml. */
function setupInput(root: string, body: Record<string, unknown>): { dir: string; data: Data; abs: string | undefined } | ApiReply {
  const dir = setupDir(root, body.cell);
  if (typeof dir !== 'string') return dir;
  if (!isData(body.data)) return refusal(400, 'Thiếu dữ liệu hồ sơ chi bộ.');
  return { dir, data: withIds(body.data), abs: cellFile(dir) };
}

/** `POST /api/setup/check {cell, data}`: the data with ids made for new members, and its problems. */
export const setupCheckRoute: ApiRoute = {
  method: 'POST',
  async handle({ root, asOf, body }) {
    const input = setupInput(root, body);
    if ('status' in input) return input;
    const { dir, data, abs } = input;
    const text = cellText(abs !== undefined ? readFileSync(abs, 'utf8') : undefined, data);
    return { status: 200, json: { data, problems: await checkCell(dir, abs, text, data, asOf) } };
  },
};

/**
 * `POST /api/setup/save {cell, base, data}`: cell.yaml written atomically, only what changed rewritten,
 * when the file is still the version `base` ('' for none); a new cell gets its meetings/ folder too.
 */
export const setupSaveRoute: ApiRoute = {
  method: 'POST',
  async handle({ root, asOf, body }) {
    const input = setupInput(root, body);
    if ('status' in input) return input;
    const { dir, data, abs } = input;
    const current = abs !== undefined ? readFileSync(abs, 'utf8') : undefined;
    if ((current === undefined ? '' : hashText(current)) !== (typeof body.base === 'string' ? body.base : '')) {
      return refusal(409, 'Tệp cell.yaml đã bị thay đổi (ở cửa sổ khác hoặc chương trình khác) từ khi trang mở nó; chưa ghi gì. Tải lại trang để xem bản mới.');
    }
    const text = cellText(current, data);
    const problems = await checkCell(dir, abs, text, data, asOf);
    if (problems.some((p) => p.severity === 'error')) {
      return { status: 422, json: { error: 'Chưa ghi: hồ sơ chi bộ còn lỗi; sửa các ô được đánh dấu rồi ghi lại.', data, problems } };
    }
    const target = abs ?? join(dir, 'cell.yaml');
    // A new cell is written as `cellctl init` makes one: cell.yaml and an empty meetings/.
    const mode = abs !== undefined ? statSync(abs).mode & 0o7777 : undefined;
    writeAtomic(target, Buffer.from(text, 'utf8'), abs !== undefined);
    // The file is replaced by a new one: it keeps the permissions the user gave the old one.
    if (mode !== undefined) chmodSync(target, mode);
    if (abs === undefined) makeDirs(join(dir, 'meetings'));
    // The page goes on from the file as written (with what the template added).
    return { status: 200, json: { hash: hashText(text), data: dataOf(text), problems } };
  },
};
