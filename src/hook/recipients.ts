// Who a mail will really be sent to, as far as the hook can tell, for the
// Cc check (maintainers/cc-list reads patch.recipients). Newer git passes
// the final To/Cc as $2. git 2.39 passes only the mail, so the hook rebuilds
// what git-send-email's process_file() adds by default: the mail's To and
// Cc, its From (the author), and every `Cc:` or `*-by:` line of the body;
// plus the --to/--cc of its command line and the sendemail.to/cc settings.
// Anything it cannot see (a --cc-cmd, sendemail.cccmd, an alias) makes the
// recipients unknown: the Cc check is then skipped, never guessed.
import { readFile } from 'node:fs/promises';
import { addressParser } from 'postal-mime';
import type { Patch, Person } from '../patch/model.js';
import { sendEmailSettings } from './repo.js';
import { type Group, members } from './series.js';

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
    for (const person of people) (name === 'to' ? found.to : found.cc).push(person);
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
    for (const person of people) (kind === 'to' ? found.to : found.cc).push(person);
  }
  return found;
}

/** What git 2.39 adds to a mail's recipients from outside the mail. */
export type OutsideMail = CommandLine & { sawCommandLine: boolean };

/** The sendemail.* settings and, when readable, git send-email's command line. */
export async function recipientsOutsideMail(cwd: string, send: string, readArgs: (pid: number) => Promise<string[] | undefined>): Promise<OutsideMail> {
  const fromSettings = settingRecipients(await sendEmailSettings(cwd));
  if (fromSettings.unknown) return { ...fromSettings, sawCommandLine: false };
  const args = /^\d+$/.test(send) && readArgs ? await readArgs(Number(send)) : undefined;
  if (!args) return { ...fromSettings, sawCommandLine: false };
  const fromArgs = commandLineRecipients(args);
  return { to: [...fromSettings.to, ...fromArgs.to], cc: [...fromSettings.cc, ...fromArgs.cc], unknown: fromArgs.unknown, sawCommandLine: true };
}

/** git send-email's arguments from /proc (Linux); undefined elsewhere. */
export async function procSendEmailArgs(pid: number): Promise<string[] | undefined> {
  try {
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    const script = argv.findIndex((a) => /(?:^|\/)git-send-email$/.test(a) || a === 'send-email');
    return script >= 0 ? argv.slice(script + 1).filter((a) => a !== '') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The recipients of every mail of a series, or why they are not known.
 * With newer git's header file they are exact; with git 2.39 they are what
 * git-send-email adds by default to the mail's own To/Cc.
 */
export function recipientsOf(group: Group, outside: OutsideMail | undefined): { known: true; recipients: Map<number, Recipients> } | { known: false; why: string } {
  const recipients = new Map<number, Recipients>();
  for (const m of members(group)) {
    const own = m.patch.recipients;
    if (m.entry.headers !== undefined) {
      recipients.set(m.entry.seq, own);
      continue;
    }
    if (outside?.unknown) return { known: false, why: outside.unknown };
    const written = own.to.length + own.cc.length > 0;
    if (!written && !outside?.sawCommandLine) {
      return { known: false, why: 'this git passes the hook no recipients, and the mails carry no To/Cc (git format-patch --to/--cc writes them; git 2.40 and later pass them to the hook)' };
    }
    const to = [...own.to, ...(outside?.to ?? [])];
    const cc = [...own.cc, ...addedFromMail(m.patch), ...(outside?.cc ?? [])];
    if (!to.length) return { known: false, why: "the To of this send was typed at git send-email's prompt, which the hook cannot see" };
    recipients.set(m.entry.seq, { to, cc });
  }
  return { known: true, recipients };
}
