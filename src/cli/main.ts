// Entry point of the `patchlint` command. Commands load on demand, so that
// the hook, which starts this once per mail, pays only for what it uses.
import { VERSION } from '../version.js';
import { UsageError } from './options.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr as is, for the progress line's own terminal codes (stderr escapes control characters from the input). */
  stderrRaw?: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
  /** stderr is a terminal: long runs show a progress line there. */
  stderrIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

type Command = (args: string[], io: Io) => Promise<number>;

export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: { summary: 'lint patches, series and mboxes (the default command)', load: async () => (await import('./check.js')).check },
  rules: { summary: 'list the rules with their severity and what they check', load: async () => (await import('./rules-list.js')).listRules },
  maintainers: { summary: 'who to Cc for paths, as scripts/get_maintainer.pl -f prints it (--tree DIR)', load: async () => (await import('./maintainers.js')).maintainers },
  'install-hook': { summary: 'install the git send-email hook (--uninstall removes it, --force replaces an existing hook)', load: async () => (await import('./install-hook.js')).installHookCommand },
  'hook-validate': { summary: 'what the hook runs for each mail: hook-validate <mail> [<headers>]', load: async () => (await import('./hook-validate.js')).hookValidate },
  fix: { summary: 'apply the fixes: fix [--git A..B] [--dry-run] (work tree), or fix FILE.patch... [--no-backup] (in place)', load: async () => (await import('./fix.js')).fix },
  watch: { summary: 'the mailing-list bot: answer each series of a public-inbox archive, Maildir or mbox once (watch --help)', load: async () => (await import('./watch.js')).watch },
  schema: { summary: 'lint whole QAPI schema files (a tree\'s debt): schema [DIR|FILE...], --format text|json, --counts', load: async () => (await import('./schema.js')).schema },
};

export const USAGE = `usage: patchlint [check] [options] <input>...   (mbox, .eml, .patch, folder, - for stdin)
       patchlint check --git A..B [options]
       patchlint watch SOURCE [options]   (the list bot; patchlint watch --help)
       patchlint <command> [options]

commands:
${'{commands}'}

check options (patchlint check --help for all of them, and examples):
  -f, --format text|json|sarif|markdown|email   output format (default: text)
  -q, --terse           one line per finding: file:line: severity: [rule] message
      --tree DIR        base tree the series applies to (VERSION, MAINTAINERS, ...)
      --git A..B        lint the commits of a range in the current repository
      --worktree, --staged   lint uncommitted or staged changes
      --checkpatch      also run the tree's scripts/checkpatch.pl

every command takes --help; patchlint rules ID prints a rule's documentation.

exit status: 0 no error-level findings, 1 error-level findings, 2 bad usage or unreadable input
`;

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const list = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
  return USAGE.replace('{commands}', list);
}

export async function main(argv: string[], io: Io): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-V') {
    io.stdout(`qemu-patchlint ${VERSION}\n`);
    return 0;
  }
  // `patchlint help check` is `patchlint check --help`.
  if (argv[0] === 'help' && argv[1] && Object.hasOwn(COMMANDS, argv[1])) argv = [argv[1], '--help'];
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(usage());
    return 0;
  }
  const name = argv[0] && Object.hasOwn(COMMANDS, argv[0]) ? argv[0] : 'check';
  const args = name === argv[0] ? argv.slice(1) : argv;
  const end = args.indexOf('--');
  if (args.slice(0, end < 0 ? undefined : end).some((a) => a === '--help' || a === '-h')) {
    io.stdout((await import('./help.js')).HELP[name]!);
    return 0;
  }
  const command = await COMMANDS[name]!.load();
  try {
    return await command(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`patchlint: ${error.message}\n(see patchlint --help)\n`);
    return 2;
  }
}
