// Formatters by name: pure functions from a validation result to the text printed on stdout.
import type { Lang } from '../messages/format.js';
import type { ValidationResult } from '../lint/problem.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** Text decorations a formatter may use; the CLI passes colours, the library plain identity functions. */
export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

/** Plain text: no colour. */
export const PLAIN: Style = {
  red: (s) => s,
  yellow: (s) => s,
  green: (s) => s,
  dim: (s) => s,
  bold: (s) => s,
  underline: (s) => s,
};

/** What a formatter knows besides the results. */
export interface FormatContext {
  lang: Lang;
  style: Style;
  /** cellctl's version, for SARIF's tool description. */
  version: string;
}

export type Formatter = (result: ValidationResult, ctx: FormatContext) => string;

export const formatters = { stylish, json, sarif } as const satisfies Record<string, Formatter>;
export type FormatterName = keyof typeof formatters;

/** A formatter by name, or undefined. */
export function getFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(formatters, name) ? formatters[name as FormatterName] : undefined;
}
