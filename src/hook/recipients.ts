// Who a mail will really be sent to, as far as the hook can tell, for the
// Cc check (maintainers/cc-list reads patch.recipients). Newer git passes
// the final To/Cc as $2. git 2.39 passes only the mail, so the hook rebuilds
// what git-send-email's process_file() adds by default: the mail's To and
// Cc, its From (the author), and every `Cc:` or `*-by:` line of the body;
// plus the --to/--cc of its command line and the sendemail.to/cc settings.
// Anything it cannot see (a --cc-cmd, sendemail.cccmd, an alias) makes the
// recipients unknown: the Cc check is then skipped, never guessed.
import { addressParser } from 'postal-mime';
import type { Patch, Person } from '../patch/model.js';

export type Recipients = Patch['recipients'];

function addresses(value: string): Person[] {
  return addressParser(value, { flatten: true })
    .filter((a) => a.address?.includes('@'))
    .map((a) => ({ name: a.name ?? '', email: a.address! }));
}

/** The addresses of a list, or undefined when an entry is not an address (an alias). */
function addressesOnly(value: string): Person[] | undefined {
  const all = addressParser(value, { flatten: true });
  if (!all.length || all.some((a) => !a.address?.includes('@'))) return undefined;
  return all.map((a) => ({ name: a.name ?? '', email: a.address! }));
}

// git-send-email process_file(): /^([a-z][a-z-]*-by|Cc): (.*)/i on every body line.
const BODY_CC = /^([a-z][a-z-]*-by|cc): (.*)/i;

/** The author and the `Cc:` / `*-by:` lines that git send-email Cc's by default. */
export function addedFromMail(patch: Patch): Person[] {
  const lines = [...patch.message.split('\n'), ...patch.notes.split('\n')];
  const fromBody = lines.flatMap((line) => {
    const m = BODY_CC.exec(line);
    return m ? addresses(m[2]!) : [];
  });
  return [patch.author, patch.sender, ...fromBody].filter((p) => p.email);
}

export interface CommandLine {
  to: Person[];
  cc: Person[];
  /** Why recipients from the command line cannot be known, when they cannot. */
  unknown?: string;
}

// git-send-email takes long options with one or two dashes (Getopt::Long).
const OPTION = /^--?([a-z][a-z-]*)(?:=(.*))?$/is;
const ADDRESS_OPTIONS = new Set(['to', 'cc', 'bcc']);
const HIDDEN_RECIPIENTS = new Set(['to-cmd', 'cc-cmd', 'identity']);

/** The recipients git send-email's own arguments add (after the script path). */
export function commandLineRecipients(args: readonly string[]): CommandLine {
  const found: CommandLine = { to: [], cc: [] };
  for (let i = 0; i < args.length; i++) {
    const m = OPTION.exec(args[i]!);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    if (HIDDEN_RECIPIENTS.has(name)) return { ...found, unknown: `git send-email --${name} adds recipients the hook cannot see` };
    if (!ADDRESS_OPTIONS.has(name)) continue;
    const value = m[2] ?? args[++i] ?? '';
    // An alias (`--to=qemu-devel`) names people only the alias file knows.
    const people = addressesOnly(value);
    if (!people) return { ...found, unknown: `--${name} ${value}: an alias or a name that is not an address` };
    (name === 'to' ? found.to : found.cc).push(...people);
  }
  return found;
}

/** sendemail.to / sendemail.cc settings (key, value); the *cmd ones hide recipients. */
export function settingRecipients(settings: ReadonlyArray<[string, string]>): CommandLine {
  const found: CommandLine = { to: [], cc: [] };
  for (const [key, value] of settings) {
    const kind = /\.(to|cc|tocmd|cccmd)$/i.exec(key)?.[1]?.toLowerCase();
    if (!kind) continue;
    if (kind.endsWith('cmd')) return { ...found, unknown: `${key} adds recipients that git 2.39 does not show the hook` };
    const people = addressesOnly(value);
    if (!people) return { ...found, unknown: `${key} = ${value}: an alias or a name that is not an address` };
    (kind === 'to' ? found.to : found.cc).push(...people);
  }
  return found;
}
