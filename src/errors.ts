// Typed errors: what went wrong decides the exit code, in one place (src/cli/exit.ts).

/** Kinds of failure that stop a command before or instead of producing results. */
export type ErrorKind = 'usage' | 'config' | 'input' | 'internal';

/** An error cellctl expects and can explain; never shown with a stack trace. */
export class CellctlError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** The message in Vietnamese, as shown by default. */
    message: string,
    /** The same message in English, for `--lang en` / CELLCTL_LANG=en (the Vietnamese is shown when absent). */
    readonly en?: string,
  ) {
    super(message);
    this.name = 'CellctlError';
  }

  /** The message in `lang`. */
  text(lang: 'vi' | 'en'): string {
    return lang === 'en' && this.en !== undefined ? this.en : this.message;
  }
}

/** Wrong command line: unknown option, bad value, missing argument. */
export class UsageError extends CellctlError {
  constructor(message: string, en?: string) {
    super('usage', message, en);
  }
}

/** A configuration file (e.g. --rules) that cannot be used. */
export class ConfigError extends CellctlError {
  constructor(message: string, en?: string) {
    super('config', message, en);
  }
}

/** Input that cannot be read or written. */
export class InputError extends CellctlError {
  constructor(message: string, en?: string) {
    super('input', message, en);
  }
}
