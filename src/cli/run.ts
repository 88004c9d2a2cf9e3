// Process wiring for the CLI: real stdio, exit status, and no stack traces
// for users (PATCHLINT_DEBUG=1 shows them).
import { printable } from '../report/printable.js';
import { main } from './main.js';

export async function run(argv = process.argv.slice(2)): Promise<void> {
  // `patchlint ... | head` closes the pipe early: stop quietly, as git does.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const io = {
    stdout: (text: string) => void process.stdout.write(text),
    // Every command's stderr is for people: no control characters from the input.
    stderr: (text: string) => void process.stderr.write(printable(text)),
    stderrRaw: (text: string) => void process.stderr.write(text),
    // A getter: touching process.stdin sets up a socket, which `check file` does not need.
    get stdin() {
      return process.stdin;
    },
    isTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
    env: process.env,
    cwd: process.cwd(),
  };
  try {
    process.exitCode = await main(argv, io);
  } catch (error) {
    const detail = process.env.PATCHLINT_DEBUG ? (error as Error).stack : (error as Error).message;
    process.stderr.write(`patchlint: internal error: ${printable(detail ?? '')}\n(set PATCHLINT_DEBUG=1 for details, and please report it)\n`);
    process.exitCode = 2;
  }
}
