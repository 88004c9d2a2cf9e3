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
  return title.slice(0, 17).replace(/\s+$/, '') + '...';
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

/** parse_email(): `Name <addr>`, `<addr>` or a bare address. */
export function parseAddress(text: string): { name: string; email: string } {
  let m = /^([^<]+)<(.+@.*)>.*$/.exec(text);
  let name = '';
  let email = '';
  if (m) {
    name = m[1]!;
    email = m[2]!;
  } else if ((m = /^\s*<(.+@\S*)>.*$/.exec(text))) email = m[1]!;
  else if ((m = /^(.+@\S*).*$/.exec(text))) email = m[1]!;
  return { name: name.trim().replace(/^"|"$/g, ''), email: email.trim() };
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
