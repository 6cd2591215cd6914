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
export { newRecord, writeNewRecord, remainingText, type NewRecord, type NewRecordOptions, type Remaining } from './plan/new-record.js';
export { startServer, CSP, type ServeOptions, type RunningServer } from './serve/server.js';
export { yearView, type YearView, type SittingView, type SittingState } from './serve/year-view.js';
