// Entry point of the `patchlint` command. Commands load on demand, so that
// the hook, which starts this once per mail, pays only for what it uses.
import { VERSION } from '../version.js';
import { UsageError } from './options.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
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

check options:
  --format text|json|sarif|markdown|email   output format (default: text)
  --tree DIR            base tree the series applies to (VERSION, MAINTAINERS, ...)
  --git A..B            lint the commits of a range in the current repository
  --qemu-version X.Y    the release new features target (overrides VERSION)
  --rule ID=LEVEL       set a rule to off, info, warning or error (repeatable; ID may be family/*)
  --config FILE         settings file (default: .patchlint.yml of --tree, else of .)
  --verbose             say where files came from and which release was assumed
  --email-from ADDR     From: of --format email replies
  --per-series          --format email: one reply per series instead of per patch
  --previous OLD        the previous version (files, folders or a git range A..B; repeatable):
                        say which of its findings were fixed, and mark those still there

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
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(usage());
    return 0;
  }
  const name = argv[0] && Object.hasOwn(COMMANDS, argv[0]) ? argv[0] : 'check';
  const args = name === argv[0] ? argv.slice(1) : argv;
  const command = await COMMANDS[name]!.load();
  try {
    return await command(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`patchlint: ${error.message}\n(see patchlint --help)\n`);
    return 2;
  }
}
