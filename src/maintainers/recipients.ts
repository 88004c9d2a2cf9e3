// Who get_maintainer.pl names for a list of matched sections, and how it
// prints them: people (M:, R:) first, then lists (L:), each once, with a
// role such as "maintainer:Migration" or "open list:All patches CC here".
import type { MaintainersSection } from './parse.js';

export interface Recipient {
  kind: 'maintainer' | 'reviewer' | 'list';
  /** Empty for lists and for addresses given without a name. */
  name: string;
  email: string;
  /** get_maintainer.pl's role, e.g. `maintainer:Migration`, `open list:Block layer core`. */
  role: string;
  /** The section the entry comes from. */
  section: MaintainersSection;
}

/** get_maintainer.pl shortens section titles longer than 20 characters to 17 plus "...". */
export function sectionLabel(section: MaintainersSection): string {
  const title = section.title;
  if (title.length <= 20) return title;
  return title.slice(0, 17).trimEnd() + '...';
}

// get_maintainer_role(): the S: status, as a role noun.
const STATUS_ROLE: Record<string, string> = {
  supported: 'supporter',
  maintained: 'maintainer',
  'odd fixes': 'odd fixer',
  orphan: 'orphan minder',
  obsolete: 'obsolete minder',
  'buried alive in reporters': 'chief penguin',
};

function maintainerRole(section: MaintainersSection): string {
  const statuses = section.tags.filter((t) => t.type === 'S');
  const status = statuses.length ? statuses[statuses.length - 1]!.value.toLowerCase() : 'unknown';
  return `${STATUS_ROLE[status] ?? status}:${sectionLabel(section)}`;
}

/**
 * parse_email(): `Name <addr>`, `<addr>` or a bare address. Its three
 * patterns, `^([^<]+)<(.+\@.*)>.*$`, `^\s*<(.+\@\S*)>.*$` and
 * `^(.+\@\S*).*$`, as scans: as regular expressions they backtrack
 * quadratically (the third cubically) on a value with many `@` or `>`.
 * Like the patterns, nothing after the `<` (or in a bare address) may be a
 * line break.
 */
export function parseAddress(text: string): { name: string; email: string } {
  let name = '';
  let email = '';
  const open = text.indexOf('<');
  const inside = text.slice(open + 1);
  const close = inside.lastIndexOf('>');
  const end = open >= 0 && !text.slice(0, open).trim() && !LINE_BREAK.test(inside) ? lastAddressEnd(inside) : -1;
  if (open > 0 && !LINE_BREAK.test(inside) && inside.lastIndexOf('@', close - 1) > 0) {
    name = text.slice(0, open);
    email = inside.slice(0, close);
  } else if (end >= 0) {
    email = inside.slice(0, end);
  } else if (!LINE_BREAK.test(text)) {
    const at = text.lastIndexOf('@');
    if (at > 0) email = text.slice(0, at + 1) + /^\S*/.exec(text.slice(at + 1))![0];
  }
  return { name: name.trim().replace(/^"|"$/g, ''), email: email.trim() };
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const WHITE = /\s/;

/** The last `>` that closes an address `.+@\S*`: an `@` past the first character, with no white space after it. */
function lastAddressEnd(text: string): number {
  let end = -1;
  let at = -1;
  let white = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '>' && at > 0 && at > white) end = i;
    if (c === '@' && i > 0) at = i;
    else if (WHITE.test(c)) white = i;
  }
  return end;
}

/** format_email(): names with characters other than ASCII letters, digits, `_`, ` `, `-` are quoted. */
export function formatAddress(name: string, email: string): string {
  if (!name) return email;
  const quoted = /[^A-Za-z0-9_ -]/.test(name) ? `"${name.replace(/(?<!\\)"/g, '\\"')}"` : name;
  return `${quoted} <${email}>`;
}

/**
 * The people and lists of `sections`, in get_maintainer.pl's order. A
 * person whose name or address was already named is skipped; so is a list
 * already named, and one marked subscribers-only (not mailed by default).
 */
export function recipientsOf(sections: readonly MaintainersSection[]): Recipient[] {
  const people: Recipient[] = [];
  const lists: Recipient[] = [];
  const names = new Set<string>();
  const addresses = new Set<string>();
  const listAddresses = new Set<string>();
  for (const section of sections) {
    for (const tag of section.tags) {
      if (tag.type === 'L') {
        const [address = '', ...rest] = tag.value.split(/\s+/);
        const note = rest.join(' ');
        if (/subscribers-only/.test(note) || listAddresses.has(address.toLowerCase())) continue;
        listAddresses.add(address.toLowerCase());
        const label = section.title === 'THE REST' ? '' : `:${sectionLabel(section)}`;
        lists.push({ kind: 'list', name: '', email: address, role: `${/moderated/.test(note) ? 'moderated' : 'open'} list${label}`, section });
      } else if (tag.type === 'M' || tag.type === 'R') {
        const { name, email } = parseAddress(tag.value);
        if (!email || (name && names.has(name.toLowerCase())) || addresses.has(email.toLowerCase())) continue;
        if (name) names.add(name.toLowerCase());
        addresses.add(email.toLowerCase());
        const role = tag.type === 'M' ? maintainerRole(section) : `reviewer:${sectionLabel(section)}`;
        people.push({ kind: tag.type === 'M' ? 'maintainer' : 'reviewer', name, email, role, section });
      }
    }
  }
  return [...people, ...lists];
}

/** One line of get_maintainer.pl's default output. */
export function formatRecipient(recipient: Recipient): string {
  return `${formatAddress(recipient.name, recipient.email)} (${recipient.role})`;
}
