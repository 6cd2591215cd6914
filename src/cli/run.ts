// The process around main(): pipe and Ctrl+C handling, then the exit code (bin/cellctl and the single-file program both call run()).
import { main } from './main.js';

/** Run cellctl on `argv` in this process and set process.exitCode; returns the code too. */
export async function run(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  // `cellctl … | head`: the reader has what it wanted and closed the pipe. Stop quietly, as git and grep do,
  // instead of a Node stack trace on stderr.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }

  // Ctrl+C: by default Node dies at once, even between staging a file and putting it in place. With a
  // handler the signal waits for the synchronous all-or-nothing write to finish, so nothing is stranded.
  // A command that stops itself gracefully (serve) has its own handler and is left to it.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return;
      process.stderr.write('\nĐã dừng (Ctrl+C); không tệp nào bị ghi dở.\n');
      process.exit(code);
    });
  }

  const code = await main({ argv: [...argv], cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env });
  process.exitCode = code;
  return code;
}
