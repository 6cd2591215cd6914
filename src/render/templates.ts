// Document templates: load the shipped Handlebars templates (overridable file by file), fill them, parse the markup.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import Handlebars from 'handlebars';
import { ConfigError, InputError } from '../errors.js';
import { CORE_MESSAGES } from '../messages/core.js';
import { formatMessage } from '../messages/format.js';
import { readSource } from '../source/read.js';
import { packagePath } from '../resources.js';
import { closest } from '../util/closest.js';
import type { Block } from './blocks.js';
import { createHandlebars, HELPER_NAMES, HelperError } from './helpers.js';
import { parseMarkup, TemplateError } from './markup.js';
import type { PlanView } from '../plan/plan-view.js';
import type { ReportView } from '../report/views/report-view.js';
import type { MeetingView } from './viewmodel.js';

export { TemplateError } from './markup.js';

/**
 * The documents cellctl renders, each from `<name>.hbs`: the minutes, resolution and quality sheet of a
 * meeting, the year's thematic plan, the committee's report.
 */
export const DOCUMENT_TEMPLATES = ['bien-ban', 'nghi-quyet', 'phieu-danh-gia', 'ke-hoach', 'bao-cao'] as const;
export type DocumentTemplate = (typeof DOCUMENT_TEMPLATES)[number];

/** The templates shipped with cellctl (the `templates/` folder of the package). */
export const SHIPPED_TEMPLATES = packagePath('templates') + sep;

/** Templates are a few kilobytes; anything far larger is not a template. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** One template file, read and parsed. */
export interface TemplateFile {
  /** Document or partial name (file name without `.hbs`). */
  name: string;
  /** Path as shown in messages. */
  path: string;
  source: string;
  /** Every field reference of the file, to point at the line of a field that does not exist. */
  paths: { parts: string[]; line: number }[];
  /** Line of the first `{{> partial}}` of the file: where an endless chain of partials is reported. */
  partialLine?: number;
}

type AstNode = { type?: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;

/** A field the template asked for that the view does not have (raised by the strict view). */
class MissingFieldError extends Error {
  constructor(
    readonly key: string,
    readonly parent: string,
    readonly suggestion: string | undefined,
  ) {
    super(`missing field ${key}`);
  }
}

/** A group of fields printed as if it were text (`{{chair}}` instead of `{{chair.name}}`). */
class GroupAsTextError extends Error {
  constructor(
    readonly field: string,
    readonly keys: string[],
  ) {
    super(`group printed as text: ${field}`);
  }
}

/**
 * The view behind proxies that refuse unknown fields. Handlebars' strict mode checks `{{a.b}}` but not
 * the values given to helpers and block helpers (`{{#if a.typo}}`, `{{upper typo}}`): without this a
 * misspelt field there would silently print nothing or drop a section.
 */
function strictView(value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((item) => strictView(item, path));
  if (value === null || typeof value !== 'object') return value;
  const target: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) target[key] = strictView(item, path ? `${path}.${key}` : key);
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'symbol') {
        if (key === Symbol.toPrimitive) {
          return () => {
            throw new GroupAsTextError(path, Object.keys(t));
          };
        }
        return Reflect.get(t, key, receiver);
      }
      // Own fields only: nothing of Object.prototype (constructor, __proto__, toString) is reachable.
      if (Object.hasOwn(t, key)) return Reflect.get(t, key, receiver);
      // Probes of Handlebars' escaping (toHTML) and of promise detection (then) are not template fields.
      if (key === 'toHTML' || key === 'then') return undefined;
      throw new MissingFieldError(key, path, closest(key, Object.keys(t)));
    },
    // Strict mode asks `name in object` before it prints {{a.name}}; answering here keeps the path for the message.
    has(t, key) {
      if (typeof key === 'symbol' || Object.hasOwn(t, key)) return Reflect.has(t, key);
      throw new MissingFieldError(key, path, closest(key, Object.keys(t)));
    },
  });
}

/** Every key anywhere in the view, to suggest the field a misspelt name meant. */
function allKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) allKeys(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      allKeys(item, into);
    }
  }
  return into;
}

/** Walk a Handlebars AST, calling `visit` on every node. */
function walk(node: unknown, visit: (n: AstNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const n = node as AstNode;
  if (typeof n.type === 'string') visit(n);
  for (const [key, child] of Object.entries(n)) {
    if (key !== 'loc' && child !== null && typeof child === 'object') walk(child, visit);
  }
}

/** The line of the innermost `{{#block}}` left open, found by scanning the source (comments removed). */
function unclosedBlock(source: string): { name: string; line: number } | undefined {
  const text = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) => c.replace(/[^\n]/g, ' '));
  const stack: { name: string; line: number }[] = [];
  for (const m of text.matchAll(/\{\{~?\s*([#^/])\s*>?\s*([^\s}~]+)/g)) {
    const line = text.slice(0, m.index).split('\n').length;
    if (m[1] === '/') {
      if (stack.length && stack[stack.length - 1]!.name === m[2]) stack.pop();
    } else {
      stack.push({ name: m[2]!, line });
    }
  }
  return stack[stack.length - 1];
}

const HELPERS = new Set(HELPER_NAMES);

/** Handlebars' own block helpers and the number of values each takes (checked before filling, for a message with its line). */
const BUILTIN_ARITY: Record<string, number> = { if: 1, unless: 1, each: 1, with: 1, lookup: 2 };
const BLOCK_ONLY = new Set(['if', 'unless', 'each', 'with']);
/** Names Handlebars keeps for itself: as a field they would call its internals. */
const RESERVED = new Set(['helperMissing', 'blockHelperMissing', 'log']);

/** A loaded set of templates: the documents and partials, compiled on a private Handlebars instance. */
export class TemplateSet {
  private readonly hb = createHandlebars();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  constructor(
    readonly documents: ReadonlyMap<string, TemplateFile>,
    readonly partials: ReadonlyMap<string, TemplateFile>,
    asts: ReadonlyMap<TemplateFile, unknown>,
  ) {
    const options: CompileOptions = {
      strict: true,
      knownHelpers: Object.fromEntries(HELPER_NAMES.map((n) => [n, true])),
      knownHelpersOnly: true,
      preventIndent: true,
    };
    for (const file of [...documents.values(), ...partials.values()]) {
      const template = this.hb.compile(asts.get(file), options);
      // Errors are explained by the innermost file they happen in, so a partial's line is the partial's.
      const wrapped = ((context: unknown, runtime?: Handlebars.RuntimeOptions) => {
        try {
          return template(context, runtime);
        } catch (e) {
          throw explain(e, file);
        }
      }) as Handlebars.TemplateDelegate;
      if (documents.get(file.name) === file) this.compiled.set(file.name, wrapped);
      else this.hb.registerPartial(file.name, wrapped);
    }
  }

  /** Fill a document template with the view (a meeting's, or the year plan's for `ke-hoach`) and parse the markup it wrote into blocks. */
  render(name: DocumentTemplate, view: MeetingView | PlanView | ReportView): Block[] {
    const file = this.documents.get(name);
    const template = this.compiled.get(name);
    if (!file || !template) throw new ConfigError(`không có mẫu văn bản ${name}.hbs`, `no template ${name}.hbs`);
    if (name === 'nghi-quyet' && (view as MeetingView).resolution === null) {
      throw new InputError(`hồ sơ buổi sinh hoạt ngày ${(view as MeetingView).dateShort} không có nghị quyết (resolution) để in`, `the record of ${(view as MeetingView).date} has no resolution to print`);
    }
    if (name === 'phieu-danh-gia' && (view as MeetingView).score === null) {
      throw new InputError(`hồ sơ buổi sinh hoạt ngày ${(view as MeetingView).dateShort} không có phần tự đánh giá, chấm điểm (score) để in phiếu`, `the record of ${(view as MeetingView).date} has no score to print a sheet from`);
    }
    let markup: string;
    try {
      markup = template(strictView(view, ''));
    } catch (e) {
      throw withSuggestion(explain(e, file), view);
    }
    try {
      return parseMarkup(markup, file.path);
    } catch (e) {
      if (!(e instanceof TemplateError) || e.needle === undefined) throw e;
      // The markup's own line is of the filled-in text; point at the template line that wrote the tag instead.
      const found = this.locate(e.needle, file);
      return found ? rethrow(new TemplateError({ file: found.path, line: found.line, detail: e.detail, detailEn: e.detailEn })) : rethrow(e);
    }
  }

  private locate(needle: string, main: TemplateFile): { path: string; line: number } | undefined {
    // The shipped templates are tested to make valid markup, so a markup error comes from the office's own
    // files: look there first, or a tag the shipped template also uses would be blamed on a shipped line.
    const files = [main, ...this.partials.values()];
    const shipped = (f: TemplateFile) => f.path.startsWith(SHIPPED_TEMPLATES);
    for (const file of [...files.filter((f) => !shipped(f)), ...files.filter(shipped)]) {
      const index = file.source.split('\n').findIndex((line) => line.includes(needle));
      if (index >= 0) return { path: file.path, line: index + 1 };
    }
    return undefined;
  }
}

function rethrow(e: Error): never {
  throw e;
}

/** Line of the first reference to a field named `key` in a template file. */
function lineOfField(file: TemplateFile, key: string): number | undefined {
  return file.paths.find((p) => p.parts.includes(key))?.line;
}

/** The message of a field the data does not have, with "did you mean" when there is a close one. */
function unknownField(name: string, guess?: string): { detail: string; detailEn: string } {
  return {
    detail: `trường "${name}" không có trong dữ liệu${guess ? ` (có phải "${guess}"?)` : ''}`,
    detailEn: `the data has no field "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
  };
}

/** Any error of filling a template, as a TemplateError naming the file and, when known, the line. */
function explain(e: unknown, file: TemplateFile): TemplateError {
  if (e instanceof TemplateError) return e;
  // First, and without any regular expression: the stack is all but exhausted where this is caught.
  if (e instanceof RangeError) {
    return new TemplateError({
      file: file.path,
      ...(file.partialLine !== undefined ? { line: file.partialLine } : {}),
      detail: 'mẫu con gọi lại chính nó (trực tiếp hoặc qua mẫu con khác) không dừng; hãy bỏ lệnh {{> …}} này',
      detailEn: 'a partial includes itself (directly or through another partial) without end; remove this {{> …}}',
    });
  }
  if (e instanceof HelperError) {
    return new TemplateError({ file: file.path, ...(e.line !== undefined ? { line: e.line } : {}), detail: e.message, detailEn: e.en });
  }
  if (e instanceof MissingFieldError) {
    const line = lineOfField(file, e.key);
    const name = e.parent ? `${e.parent}.${e.key}` : e.key;
    return new TemplateError({
      file: file.path,
      ...(line !== undefined ? { line } : {}),
      ...unknownField(name, e.suggestion),
    });
  }
  if (e instanceof GroupAsTextError) {
    const last = e.field.split('.').pop() ?? e.field;
    const line = lineOfField(file, last);
    const example = `{{${e.field ? `${e.field}.` : ''}${e.keys[0] ?? 'name'}}}`;
    return new TemplateError({
      file: file.path,
      ...(line !== undefined ? { line } : {}),
      detail:
        `"${e.field || 'this'}" là một nhóm trường (${e.keys.join(', ')}), không in trực tiếp được; ` +
        `hãy ghi một trường của nhóm, ví dụ ${example}`,
      detailEn: `"${e.field || 'this'}" is a group of fields (${e.keys.join(', ')}), not text to print; write one of its fields, e.g. ${example}`,
    });
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const lineNumber = (err as { lineNumber?: unknown }).lineNumber;
  const line = typeof lineNumber === 'number' ? lineNumber : undefined;
  const notDefined = /^"([^"]+)" not defined in/u.exec(err.message);
  if (notDefined) {
    return new TemplateError({
      file: file.path,
      ...(line !== undefined ? { line } : {}),
      ...unknownField(notDefined[1]!),
      needle: notDefined[1]!,
    });
  }
  const nullRead = /Cannot read properties of (?:null|undefined) \(reading '([^']+)'\)/u.exec(err.message);
  if (nullRead) {
    const l = lineOfField(file, nullRead[1]!);
    return new TemplateError({
      file: file.path,
      ...(l !== undefined ? { line: l } : {}),
      detail:
        `không đọc được trường "${nullRead[1]}" vì nhóm chứa nó đang trống (null) ở văn bản này; ` +
        `hãy đặt phần đó trong {{#if …}} kiểm tra nhóm trước`,
      detailEn:
        `cannot read the field "${nullRead[1]}": the group holding it is empty (null) in this document; ` +
        `put that part inside an {{#if …}} that tests the group first`,
    });
  }
  // `{{cellName.length}}`: strict mode asks `key in value` of a text.
  const inText = /Cannot use 'in' operator to search for '([^']+)'/u.exec(err.message);
  if (inText) {
    const key = inText[1]!;
    const owner = file.paths.find((p) => p.parts.includes(key));
    const parent = owner ? owner.parts[owner.parts.indexOf(key) - 1] : undefined;
    return new TemplateError({
      file: file.path,
      ...(owner ? { line: owner.line } : {}),
      detail: `${parent ? `"${parent}"` : 'giá trị này'} là chữ, không có trường "${key}"; hãy bỏ ".${key}"`,
      detailEn: `${parent ? `"${parent}"` : 'this value'} is text and has no field "${key}"; remove ".${key}"`,
    });
  }
  const message = err.message.replace(/ - \d+:\d+$/u, '');
  return new TemplateError({
    file: file.path,
    ...(line !== undefined ? { line } : {}),
    detail: `không điền được dữ liệu vào mẫu; hãy kiểm tra các lệnh {{…}} vừa sửa trong tệp này, so với mẫu có sẵn do lệnh cellctl templates export xuất ra; chi tiết kỹ thuật: ${message}`,
    detailEn: `the data could not be filled into the template; check the {{…}} you changed in this file against the shipped templates (cellctl templates export); technical detail: ${message}`,
  });
}

/** Add "did you mean" to Handlebars' own unknown-field errors, from every field the view has. */
function withSuggestion(e: TemplateError, view: MeetingView | PlanView | ReportView): TemplateError {
  // Only the unknown-field message without a suggestion yet; its needle is the field's name.
  if (!e.needle || e.detail !== unknownField(e.needle).detail) return e;
  const guess = closest(e.needle, [...allKeys(view)]);
  if (!guess) return e;
  return new TemplateError({ file: e.file, ...(e.line !== undefined ? { line: e.line } : {}), ...unknownField(e.needle, guess) });
}

/** The text of one template file. */
function readText(abs: string, display: string): string {
  const read = readSource(abs, MAX_TEMPLATE_BYTES);
  if (!read.ok) {
    const { ruleId, messageId, data, line } = read.problem;
    const why =
      messageId === 'tooLarge'
        ? { vi: `tệp quá lớn (${data?.size} byte, tối đa ${MAX_TEMPLATE_BYTES} byte); một mẫu văn bản chỉ vài KB`, en: `the file is too large (${data?.size} bytes, at most ${MAX_TEMPLATE_BYTES}); a template is a few KB` }
        : CORE_MESSAGES[ruleId]?.[messageId];
    throw new TemplateError({
      file: display,
      // An encoding problem points at the bad bytes; an unreadable file has no line.
      ...(ruleId === 'encoding' && line > 1 ? { line } : {}),
      detail: `không đọc được tệp mẫu: ${why ? formatMessage(why.vi, data, 'vi') : messageId}`,
      detailEn: `cannot read the template: ${why ? formatMessage(why.en, data, 'en') : messageId}`,
    });
  }
  return read.text;
}

/** Parse one template file's text and note its field references. */
function readTemplate(text: string, display: string, name: string): { file: TemplateFile; ast: unknown } {
  const source = text.normalize('NFC');
  let ast: unknown;
  try {
    ast = Handlebars.parse(source);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const lineNumber = (err as { lineNumber?: unknown }).lineNumber;
    const parseLine = /Parse error on line (\d+)/u.exec(err.message)?.[1];
    const unclosed = /got 'EOF'/u.test(err.message) ? unclosedBlock(source) : undefined;
    if (unclosed) {
      throw new TemplateError({
        file: display,
        line: unclosed.line,
        detail: `khối {{#${unclosed.name}}} mở ở dòng này chưa được đóng bằng {{/${unclosed.name}}}; hãy thêm {{/${unclosed.name}}} ở chỗ khối kết thúc`,
        detailEn: `the block {{#${unclosed.name}}} opened on this line is not closed by {{/${unclosed.name}}}; add {{/${unclosed.name}}} where the block ends`,
      });
    }
    const line = typeof lineNumber === 'number' ? lineNumber : parseLine ? Number(parseLine) : undefined;
    const reason = err.message.split('\n').filter((l) => l.trim() !== '' && !/^-*\^$/u.test(l.trim()));
    const why = reason[reason.length - 1]?.replace(/ - \d+:\d+$/u, '') ?? err.message;
    throw new TemplateError({
      file: display,
      ...(line !== undefined ? { line } : {}),
      detail: `lỗi cú pháp Handlebars: ${why}; hãy kiểm tra các cặp {{ }} của dòng này`,
      detailEn: `Handlebars syntax error: ${why}; check the {{ }} pairs on this line`,
    });
  }
  const paths: TemplateFile['paths'] = [];
  let partialLine: number | undefined;
  walk(ast, (n) => {
    if (n.type === 'PathExpression' && n.loc) paths.push({ parts: (n['parts'] as string[]) ?? [], line: n.loc.start.line });
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.loc) partialLine ??= n.loc.start.line;
  });
  return { file: { name, path: display, source, paths, ...(partialLine !== undefined ? { partialLine } : {}) }, ast };
}

/** Refuse what a template may not do: unescaped output, unknown helpers, missing partials, decorators. */
function checkTemplate(file: TemplateFile, ast: unknown, partials: ReadonlySet<string>): void {
  const fail = (n: AstNode, detail: string, detailEn: string): never => {
    throw new TemplateError({ file: file.path, ...(n.loc ? { line: n.loc.start.line } : {}), detail, detailEn });
  };
  walk(ast, (n) => {
    const path = n['path'] as AstNode | undefined;
    const name = path?.type === 'PathExpression' ? String(path['original']) : undefined;
    if (name !== undefined && RESERVED.has(name.split(/[./]/u)[0]!)) {
      fail(
        n,
        `"${name}" là tên dành riêng của Handlebars, không phải trường dữ liệu; xem danh sách trường trong README.md của thư mục mẫu`,
        `"${name}" is a name Handlebars keeps for itself, not a data field; see the list of fields in the README.md of the templates folder`,
      );
    }
    if (name !== undefined && Object.hasOwn(BUILTIN_ARITY, name) && n.type !== 'PathExpression') {
      const params = ((n['params'] as unknown[] | undefined) ?? []).length;
      const wanted = BUILTIN_ARITY[name]!;
      if (n.type === 'MustacheStatement' && BLOCK_ONLY.has(name)) {
        fail(
          n,
          `{{${name}}} chỉ dùng dạng khối: {{#${name} …}}…{{/${name}}}`,
          `{{${name}}} is written only as a block: {{#${name} …}}…{{/${name}}}`,
        );
      }
      if (params !== wanted) {
        const what = n.type === 'BlockStatement' ? `{{#${name}}}` : `{{${name}}}`;
        if (wanted === 1) {
          fail(
            n,
            `${what} cần đúng một giá trị, có ${params}; ví dụ {{#${name} guests}}…{{/${name}}}`,
            `${what} takes exactly one value, not ${params}; e.g. {{#${name} guests}}…{{/${name}}}`,
          );
        }
        fail(n, `${what} cần ${wanted} giá trị, có ${params}; ví dụ {{lookup steps 0}}`, `${what} takes ${wanted} values, not ${params}; e.g. {{lookup steps 0}}`);
      }
    }
    switch (n.type) {
      case 'MustacheStatement':
        if (n['escaped'] === false) {
          fail(
            n,
            'không dùng {{{…}}} hoặc {{&…}}: mọi dữ liệu phải được in qua {{…}} để không phá vỡ mã đánh dấu',
            '{{{…}}} and {{&…}} are not allowed: all data must be printed through {{…}} so that it cannot break the markup',
          );
        }
      // falls through: a mustache with values is a helper call
      case 'BlockStatement':
      case 'SubExpression': {
        const params = (n['params'] as unknown[] | undefined) ?? [];
        const isCall = n.type === 'SubExpression' || params.length > 0 || n['hash'] !== undefined;
        if (isCall && name !== undefined && !HELPERS.has(name)) {
          const guess = closest(name, [...HELPERS]);
          fail(
            n,
            `không có hàm trợ giúp "${name}"${guess ? ` (có phải "${guess}"?)` : ''}; các hàm dùng được: ${[...HELPERS].join(', ')}`,
            `there is no helper "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}; the helpers are: ${[...HELPERS].join(', ')}`,
          );
        }
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const partial = n['name'] as AstNode | undefined;
        if (partial?.type !== 'PathExpression') {
          fail(n, 'tên mẫu con phải viết cố định, ví dụ {{> diem-danh}}', 'a partial must be named as it is, not computed: e.g. {{> diem-danh}}');
        }
        const partialName = String(partial!['original']);
        if (!partials.has(partialName)) {
          const guess = closest(partialName, [...partials]);
          fail(
            n,
            `không có mẫu con "${partialName}" trong thư mục partials${guess ? ` (có phải "${guess}"?)` : ''}`,
            `there is no partial "${partialName}" in the partials folder${guess ? ` (did you mean "${guess}"?)` : ''}`,
          );
        }
        break;
      }
      case 'Decorator':
      case 'DecoratorBlock':
        fail(n, 'không dùng decorator {{* …}} trong mẫu văn bản', 'decorators {{* …}} are not allowed in a document template');
    }
  });
}

/** The `.hbs` files of a folder, by name without extension. */
function hbsFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return out;
  for (const entry of readdirSync(dir).sort()) {
    if (entry.endsWith('.hbs')) out.set(basename(entry, '.hbs'), join(dir, entry));
  }
  return out;
}

/** Template sets by folder, loaded once per process: rendering looks them up for every document. */
const cache = new Map<string, TemplateSet>();

/**
 * Load the templates: the shipped `templates/` folder, with the files of a user folder (`--templates DIR`)
 * replacing shipped ones of the same name, partials too (`DIR/partials/*.hbs`), and adding new partials.
 * Every file is parsed and checked at once, so a broken template fails before anything is rendered.
 */
export function loadTemplates(dir?: string): TemplateSet {
  const key = dir === undefined ? '' : resolve(dir);
  const cached = cache.get(key);
  if (cached) return cached;
  if (dir !== undefined && (!existsSync(dir) || !statSync(dir).isDirectory())) {
    throw new ConfigError(`${dir}: không có thư mục mẫu văn bản này`, `${dir}: templates folder not found`);
  }
  // name → [absolute path, path shown in messages]
  const documents = new Map<string, [string, string]>();
  const partials = new Map<string, [string, string]>();
  for (const [name, abs] of hbsFiles(SHIPPED_TEMPLATES)) {
    if ((DOCUMENT_TEMPLATES as readonly string[]).includes(name)) documents.set(name, [abs, abs]);
  }
  for (const [name, abs] of hbsFiles(join(SHIPPED_TEMPLATES, 'partials'))) partials.set(name, [abs, abs]);
  if (dir !== undefined) {
    for (const [name, abs] of hbsFiles(dir)) {
      if ((DOCUMENT_TEMPLATES as readonly string[]).includes(name)) documents.set(name, [abs, join(dir, `${name}.hbs`)]);
    }
    for (const [name, abs] of hbsFiles(join(dir, 'partials'))) partials.set(name, [abs, join(dir, 'partials', `${name}.hbs`)]);
  }

  const texts = new Map<string, string>();
  for (const [abs, display] of [...documents.values(), ...partials.values()]) texts.set(abs, readText(abs, display));

  const asts = new Map<TemplateFile, unknown>();
  const read = (entries: Map<string, [string, string]>): Map<string, TemplateFile> =>
    new Map(
      [...entries].map(([name, [abs, display]]) => {
        const { file, ast } = readTemplate(texts.get(abs)!, display, name);
        asts.set(file, ast);
        return [name, file];
      }),
    );
  const documentFiles = read(documents);
  const partialFiles = read(partials);
  const partialNames = new Set(partialFiles.keys());
  for (const file of [...documentFiles.values(), ...partialFiles.values()]) checkTemplate(file, asts.get(file), partialNames);

  const set = new TemplateSet(documentFiles, partialFiles, asts);
  cache.set(key, set);
  return set;
}

/** Fill a document template (`bien-ban` or `nghi-quyet` with a meeting's view, `ke-hoach` with the plan's) and return its blocks. */
export function renderBlocks(name: DocumentTemplate, view: MeetingView | PlanView | ReportView, templatesDir?: string): Block[] {
  return loadTemplates(templatesDir).render(name, view);
}
