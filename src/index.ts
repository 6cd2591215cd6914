// The cellctl library API: validation (and later planning and rendering) without any CLI concerns.
export { validate, today, type ValidateOptions } from './lint/validate.js';
export type { Problem, FileResult, ValidationResult } from './lint/problem.js';
export { formatters, getFormatter, PLAIN, type Formatter, type FormatterName, type FormatContext, type Style } from './formatters/index.js';
export { RULES, getRule } from './rules/registry.js';
export type { Rule, Report, MessageText } from './rules/types.js';
export { CellctlError, UsageError, ConfigError, InputError, type ErrorKind } from './errors.js';
export { schemaText, SCHEMA_NAMES } from './schema/validator.js';
export type * from './model.js';
export type { Lang } from './messages/format.js';
export { render, type RenderOptions, type RenderResult, type RenderedFile, type RenamedOutput } from './render/render.js';
export { report, type ReportOptions } from './report/report.js';
export { parsePeriod } from './report/period.js';
export type * from './report/types.js';
export { findCommitteeFile, loadCommittee, type Committee, type CommitteeMember, type Assignment } from './source/committee.js';
export { reportToXlsx } from './report/views/xlsx.js';
export { reportToHtml } from './report/views/html.js';
export { reportToDocx, type ReportDocOptions, type ReportView } from './report/views/docx.js';
export type { ReportLang, ReportViewOptions, Thresholds } from './report/views/common.js';
