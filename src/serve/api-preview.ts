// Preview and print for the meeting form: the record's documents as HTML from the unsaved form, and its .docx (and PDF) written as `cellctl render` writes them.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CellctlError } from '../errors.js';
import { messageText } from '../messages/lookup.js';
import type { MeetingRecord } from '../model.js';
import { loadCell } from '../plan/new-record.js';
import { blocksToHtml, sheetVars } from '../render/html.js';
import { findSoffice } from '../render/pdf.js';
import { hasDocument, OutputExistsError, recordBlocks, render, type DocumentKindName } from '../render/render.js';
import { validateSchema } from '../schema/validator.js';
import { parseYaml } from '../source/yaml.js';
import { isReply, recordRef, refusal, type ApiReply, type ApiRoute } from './api.js';
import { folderInside } from './paths.js';
import { checkText, hashText } from './record.js';
import { applyData } from './yaml-sync.js';
import { draftView } from '../render/draft-view.js';

const DOCUMENTS: readonly DocumentKindName[] = ['minutes', 'resolution', 'score-sheet'];
/** Where print writes, relative to the record's cell folder: where `cellctl render` run in that folder writes. */
export const PRINT_OUT = 'out';

/** Why a record has no such document, for the tab that shows it. */
const NO_DOCUMENT: Record<DocumentKindName, string> = {
  minutes: 'Hồ sơ này không có biên bản.',
  resolution: 'Buổi sinh hoạt này không có nghị quyết (buổi sinh hoạt chuyên đề thường chỉ có kết luận), nên không có bản nghị quyết.',
  'score-sheet': 'Buổi sinh hoạt này không chấm điểm chất lượng nên không có phiếu đánh giá.',
};

/** A preview that cannot be shown yet, with the reason in Vietnamese (a 200: the page shows it in place of the sheet). */
function notYet(reason: string): ApiReply {
  return { status: 200, json: { reason } };
}

/** The reason a record cannot be laid out yet, without a file position: the form names each problem beside its field. */
const NOT_YET = 'Chưa xem trước được: còn mục chưa điền hoặc chưa đúng (xem danh sách Kiểm tra). Sửa xong thì bản xem trước hiện lại.';

/** The record's data from its text, when it parses and passes its schema (a draft: once its blanks are left out); else why not. */
function recordOf(text: string): { ok: true; meeting: MeetingRecord; partial: boolean } | { ok: false; reason: string } {
  const parsed = parseYaml(text);
  if (parsed.fatal) return { ok: false, reason: 'Chưa xem trước được: hồ sơ không đọc được thành dữ liệu.' };
  const first = parsed.problems[0] ?? validateSchema('meeting', parsed.data, parsed.locator)[0];
  if (!first) return { ok: true, meeting: parsed.data as MeetingRecord, partial: false };
  const d = parsed.data as { status?: unknown; stub?: unknown } | null;
  const draft = d !== null && typeof d === 'object' && (d.status === 'draft' || d.stub === true);
  const view = draft && parsed.problems.length === 0 ? draftView(parsed.data) : undefined;
  if (view) return { ok: true, meeting: view, partial: true };
  return { ok: false, reason: first.ruleId === 'schema' ? NOT_YET : `Chưa xem trước được: ${messageText(first.ruleId, first.messageId, first.data, 'vi')}` };
}

/**
 * `POST /api/preview {path, data, doc}`: one document of the record as the form holds it (unsaved), built
 * as `cellctl render` builds the .docx, and as `render --draft` would when the record is a draft, a stub
 * or still has errors. Replies `{html, vars, draft, note, documents}`, or `{reason}` when it cannot be laid
 * out yet (data that is not a record, no valid cell.yaml, a broken template).
 */
const preview: ApiRoute = {
  method: 'POST',
  async handle({ root, asOf, body }) {
    const r = recordRef(root, body.path);
    if (isReply(r)) return r;
    const kind = body.doc as DocumentKindName;
    if (!DOCUMENTS.includes(kind)) return refusal(400, 'Văn bản xem trước phải là minutes, resolution hoặc score-sheet.');
    const onDisk = readFileSync(r.abs, 'utf8');
    const text = body.data === undefined ? onDisk : applyData(onDisk, body.data);
    const read = recordOf(text);
    if (!read.ok) return notYet(read.reason);
    const { meeting } = read;
    try {
      const cell = loadCell(r.cellDir, (abs) => relative(root, abs) || abs);
      const errors = (await checkText(r.cellDir, r.abs, r.keys, text, asOf)).filter((p) => p.severity === 'error').length;
      // As the CLI: a record with errors or a stub prints only with --draft, and --draft marks it DỰ THẢO.
      const draft = errors > 0 || meeting.stub === true || meeting.status === 'draft';
      const documents = DOCUMENTS.filter((k) => hasDocument(k, meeting, draft));
      const built = recordBlocks(kind, meeting, cell, { draft });
      if (!built) return { status: 200, json: { reason: NO_DOCUMENT[kind], documents } };
      const note =
        read.partial
          ? 'Dự thảo: những mục chưa điền để trống trên bản in, để ghi tại buổi sinh hoạt; chọn Đã thông qua khi biên bản đã được thông qua.'
          : errors > 0
          ? `Hồ sơ còn ${errors} lỗi (xem danh sách Kiểm tra): đây là bản dự thảo, có dấu DỰ THẢO; sửa hết lỗi thì in được bản chính thức.`
          : meeting.stub === true
            ? 'Kỳ họp chưa diễn ra (hồ sơ dựng sẵn): đây là bản dự thảo, để trống những gì buổi họp sẽ điền.'
            : meeting.status === 'draft'
              ? 'Trạng thái Dự thảo: bản in để trống những gì buổi họp sẽ điền; chọn Đã thông qua khi biên bản đã được thông qua.'
              : '';
      return { status: 200, json: { html: blocksToHtml(built.doc, built.layout), vars: sheetVars(built.layout), draft, note, documents } };
    } catch (e) {
      // A broken cell.yaml or template is the user's to fix: its message says where; anything else is still no 500.
      return notYet(e instanceof CellctlError ? `Chưa xem trước được: ${e.message}` : 'Chưa xem trước được hồ sơ này; chạy cellctl validate để xem lỗi.');
    }
  },
};

/** One file print wrote, as the page lists it. */
export interface PrintedFile {
  /** Relative to the served folder, `/` separated. */
  path: string;
  size: number;
  sha256: string;
  kind: DocumentKindName;
  format: 'docx' | 'pdf';
  draft: boolean;
}

/**
 * `POST /api/print {path, base, data?, force?, pdf?}`: the record's documents written by render(), with
 * the names, folder (`out/` of the cell) and bytes of `cellctl render` run in the cell folder; a PDF of each
 * when `pdf` and LibreOffice is found. Refused (409) when the file on disk is not the version `base` the
 * page holds, or the page's `data` is not saved yet; asks (409 with `exists`) before overwriting unless
 * `force`. A draft or stub record is printed as `--draft` would print it; a record with errors is not.
 */
const print: ApiRoute = {
  method: 'POST',
  async handle({ root, asOf, body, env }) {
    const r = recordRef(root, body.path);
    if (isReply(r)) return r;
    const text = readFileSync(r.abs, 'utf8');
    const unsaved =
      body.base !== hashText(text)
        ? 'Lưu trước khi in: tệp trên đĩa không còn là bản trang đang mở (đã sửa ở cửa sổ khác?). Tải lại hoặc lưu rồi in.'
        : body.data !== undefined && applyData(text, body.data) !== text
          ? 'Lưu trước khi in: trang còn thay đổi chưa lưu, bản in lấy từ tệp đã lưu.'
          : undefined;
    if (unsaved) return { status: 409, json: { error: unsaved, unsaved: true } };
    if (!folderInside(root, join(r.cellDir, PRINT_OUT))) {
      return refusal(403, `Chưa in: thư mục ${PRINT_OUT} của chi bộ là một liên kết dẫn ra ngoài thư mục đang mở; cellctl chỉ ghi trong thư mục đang mở. Xóa liên kết ${PRINT_OUT} đó (hoặc thay bằng một thư mục thật) rồi in lại.`);
    }
    const read = recordOf(text);
    if (!read.ok) return refusal(422, read.reason.replace('Chưa xem trước được', 'Chưa in được'));
    const draft = read.meeting.status === 'draft' || read.meeting.stub === true;
    // The environment of the command that started serve: where cellctl render would look for LibreOffice too.
    const soffice = body.pdf === true ? findSoffice(env) : undefined;
    if (body.pdf === true && !soffice) {
      return refusal(422, 'Không tìm thấy LibreOffice nên không in được PDF; cài LibreOffice, hoặc chỉ in .docx.');
    }
    const options = { asOf, ...(draft ? { draft: true } : {}), ...(body.force === true ? { force: true } : {}), ...(soffice ? { pdfWith: soffice } : {}) };
    let result;
    try {
      // A record with blanks still to fill (just made, to post before the sitting) prints as `render --draft` prints it.
      result = await render([r.abs], { cwd: r.cellDir, out: PRINT_OUT, ...options, ...(read.partial ? { draft: true } : {}) });
    } catch (e) {
      if (e instanceof OutputExistsError) {
        const exists = e.existing.map((abs) => relative(root, abs).split(/[\\/]/).join('/'));
        return { status: 409, json: { error: 'Các tệp này đã có. Ghi đè?', exists } };
      }
      if (e instanceof CellctlError) return refusal(422, `Chưa in được: ${e.message}`);
      throw e;
    }
    if (result.refused.length > 0) {
      const problems = result.refused.flatMap((f) => f.problems).filter((p) => p.severity === 'error');
      return {
        status: 422,
        json: {
          error: draft
            ? `Chưa in được bản dự thảo: còn ${problems.length} mục chưa điền hoặc chưa đúng mà bản in cần (xem danh sách Kiểm tra).`
            : `Chưa in: hồ sơ còn ${problems.length} lỗi. Sửa các lỗi (xem danh sách Kiểm tra), hoặc chọn trạng thái Dự thảo để in bản dự thảo.`,
          problems: problems.map((p) => ({ path: p.path, line: p.line, column: p.column, message: p.message })),
        },
      };
    }
    const files: PrintedFile[] = result.files.map((f) => {
      const abs = resolve(r.cellDir, f.file);
      return { path: relative(root, abs).split(/[\\/]/).join('/'), size: statSync(abs).size, sha256: f.sha256, kind: f.kind, format: f.format, draft: f.draft };
    });
    const note = draft ? 'Hồ sơ đang ở trạng thái Dự thảo: đã in bản dự thảo, có dấu DỰ THẢO trên mỗi trang.' : '';
    return { status: 200, json: { files, draft, note } };
  },
};

/**
 * `GET /api/print-info?path=…`: whether LibreOffice is found (for the PDF button) and, for the record named,
 * the full path of the folder print writes to (`out/` of its cell, where `cellctl render <cell folder>` writes).
 */
const printInfo: ApiRoute = {
  method: 'GET',
  handle({ root, env, url }) {
    const named = url.searchParams.get('path');
    const r = named === null ? undefined : recordRef(root, named);
    const outDir = r && !isReply(r) ? join(r.cellDir, PRINT_OUT) : undefined;
    return { status: 200, json: { pdf: findSoffice(env) !== undefined, out: PRINT_OUT, ...(outDir ? { outDir } : {}) } };
  },
};

/** The system's own way to show a folder: Explorer, Finder, or the desktop's file manager. */
function opener(platform: NodeJS.Platform, dir: string): [string, string[]] {
  if (platform === 'win32') return ['explorer', [dir]];
  return platform === 'darwin' ? ['open', [dir]] : ['xdg-open', [dir]];
}

/**
 * `POST /api/open-out {path}`: open the record's print folder in the system's file manager, on this machine
 * (the server listens on 127.0.0.1 only, and every route needs the page's token). Nothing but that folder is
 * ever opened; a folder not made yet (nothing printed) is a message.
 */
const openOut: ApiRoute = {
  method: 'POST',
  handle({ root, body, env }) {
    const r = recordRef(root, body.path);
    if (isReply(r)) return r;
    const dir = join(r.cellDir, PRINT_OUT);
    // As print: an out/ that is a link leading out of the served folder is not followed.
    if (!folderInside(root, dir)) return refusal(403, `Thư mục ${PRINT_OUT} của chi bộ là một liên kết dẫn ra ngoài thư mục đang mở; không mở.`);
    if (!existsSync(dir)) return refusal(404, `Chưa có thư mục bản in ${dir}: bấm Ghi .docx một lần thì thư mục được tạo.`);
    const [cmd, args] = opener(process.platform, dir);
    return new Promise((done) => {
      // The server's PATH, as the command that started it: where the desktop's opener is found.
      const child = spawn(cmd, args, { stdio: 'ignore', detached: true, env: { ...env } as NodeJS.ProcessEnv });
      child.once('error', () => done(refusal(422, `Không mở được thư mục trên máy này; mở bằng tay: ${dir}`)));
      child.once('spawn', () => {
        child.unref();
        done({ status: 200, json: { opened: dir } });
      });
    });
  },
};

/** The routes of this module, for api.ts's ROUTES. */
export const PREVIEW_ROUTES = { preview, print, printInfo, openOut } as const;
