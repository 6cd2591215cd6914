// Typed errors: what went wrong decides the exit code, in one place (src/cli/exit.ts).

/** Kinds of failure that stop a command before or instead of producing results. */
export type ErrorKind = 'usage' | 'config' | 'input' | 'internal';

/** An error cellctl expects and can explain; never shown with a stack trace. */
export class CellctlError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'CellctlError';
  }
}

/** Wrong command line: unknown option, bad value, missing argument. */
export class UsageError extends CellctlError {
  constructor(message: string) {
    super('usage', message);
  }
}

/** A configuration file (e.g. --rules) that cannot be used. */
export class ConfigError extends CellctlError {
  constructor(message: string) {
    super('config', message);
  }
}

/** Input that cannot be read or written. */
export class InputError extends CellctlError {
  constructor(message: string) {
    super('input', message);
  }
}
