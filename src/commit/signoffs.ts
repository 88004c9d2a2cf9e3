// The Signed-off-by lines of a commit message and the people behind them,
// for the commit/ rules. Lines are found the way checkpatch.pl finds them
// (`/^\s*signed-off-by:/i` anywhere above the `---`), not only in the
// trailer block, so that a misplaced or misspelt one still counts.
import { parsePerson } from '../patch/from-mail.js';
import { MESSAGE_BODY_FIRST_LINE, type Patch, type Person } from '../patch/model.js';

export interface SignOff {
  /** The line as written. */
  text: string;
  /** Commit-message line (subject = 1). */
  line: number;
  /** Who signed; undefined when the value is not an address. */
  person?: Person;
}

const SIGN_OFF = /^\s*signed-off-by:\s*(?!\s)(.*)$/i;

// Four commit rules ask for them on every patch: found once per patch.
const cache = new WeakMap<Patch, SignOff[]>();

export function signOffs(patch: Patch): SignOff[] {
  let found = cache.get(patch);
  if (found) return found;
  found = [];
  for (const [i, text] of patch.message.split('\n').entries()) {
    const m = SIGN_OFF.exec(text);
    if (m) found.push({ text, line: MESSAGE_BODY_FIRST_LINE + i, person: parsePerson(m[1]!.trim()) });
  }
  cache.set(patch, found);
  return found;
}

export function sameAddress(a: Person | undefined, b: Person | undefined): boolean {
  return !!a?.email && !!b?.email && a.email.toLowerCase() === b.email.toLowerCase();
}

/** Names compared the way people read them: case, spacing, quotes and accents aside. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/["']/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  return norm(a) === norm(b);
}

/**
 * A qemu-devel (or other nongnu.org QEMU list) address in a From: means the
 * list rewrote the sender for DMARC ("Name via Qemu-devel <qemu-devel@nongnu.org>").
 */
export function isListAddress(person: Person | undefined): boolean {
  return !!person && /^qemu-[a-z0-9.-]+@nongnu\.org$/i.test(person.email);
}

/** A service that sends mail on the author's behalf (sourcehut's web send-email). */
export function isSendingService(person: Person | undefined): boolean {
  return !!person && /@git\.sr\.ht$/i.test(person.email);
}


/**
 * A patch of a pull request that someone other than its author already
 * applied (their Signed-off-by follows the author's): the maintainer took it
 * as it is, so the rules on the author's own habits (RuleMeta.authorHabit)
 * have nothing left to ask.
 */
export function appliedInPull(patch: Patch): boolean {
  return patch.tags.isPull && signOffs(patch).some((s) => !sameAddress(s.person, patch.author));
}
