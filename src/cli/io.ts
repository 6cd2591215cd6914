// The world the CLI talks to, passed in so tests and embedders can run main() without a real process.

/** A writable text stream (process.stdout, or a test buffer). */
export interface Out {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Everything main() needs from its surroundings. */
export interface CliIo {
  argv: readonly string[];
  cwd: string;
  stdout: Out;
  stderr: Out;
  env?: Readonly<Record<string, string | undefined>>;
}
