import { addressParser } from 'postal-mime';
import { containsDiff, type Mail } from '../mail/parse.js';
import { inBodyHeaders, parseTrailers, splitBody } from './body.js';
import { DiffError, parsePatchDiff } from './diff.js';
import type { Patch, PatchHead, Person } from './model.js';
import { parseSubject } from './subject.js';

const FORMAT_PATCH_SEPARATOR = /^From ([0-9a-f]{40}) Mon Sep 17 00:00:00 2001/;

// `Name <user@host>` as git writes it, without quotes or encoded words: most sign-offs and in-body Froms.
// (The `@` inside is checked apart: one class on both sides of it would backtrack quadratically.)
const PLAIN_ADDRESS = /^([^"<>=,;:@()\\]*)<([^<>\s"]+)>$/;

export function parsePerson(text: string): Person | undefined {
  const plain = PLAIN_ADDRESS.exec(text.trim());
  const at = plain ? plain[2]!.indexOf('@', 1) : -1;
  if (plain && at > 0 && at < plain[2]!.length - 1) return { name: plain[1]!.trim(), email: plain[2]! };
  const [first] = addressParser(text, { flatten: true });
  if (!first?.address) return undefined;
  return { name: first.name ?? '', email: first.address };
}


/**
 * The largest series a subject counter may announce. QEMU's largest series
 * run to a few hundred patches; a counter beyond this is a corrupt or
 * hostile subject, and its missing patches must not be listed one by one.
 */
export const MAX_SERIES = 999;

/** Why the counter of a patch head cannot be believed, if it cannot. */
export function implausibleCounter(head: PatchHead): string | undefined {
  if (head.total <= MAX_SERIES && head.index <= MAX_SERIES) return undefined;
  return `implausible patch counter ${head.tags.counter} in the subject: more than ${MAX_SERIES} patches`;
}

/**
 * What the mail says of its patch without parsing the body: enough to group
 * it into its series. Undefined for mail that is not a patch (replies,
 * discussion): untagged mail counts only when it carries a diff.
 */
export function patchHeadFromMail(mail: Mail, origin: Patch['origin']): PatchHead | undefined {
  const subject = parseSubject(mail.subject);
  if (subject.reply) return undefined;
  const { tags } = subject;
  if (!tags.isPatch && !tags.isPull && !tags.isRfc && !containsDiff(mail.body)) return undefined;
  const inBody = inBodyHeaders(mail.body);
  const sender = mail.from ?? { name: '', email: '' };
  return {
    index: tags.index ?? 1,
    total: tags.total ?? 1,
    subject: inBody.subject ? parseSubject(inBody.subject).summary : subject.summary,
    rawSubject: mail.subject,
    tags,
    author: (inBody.from && parsePerson(inBody.from)) || sender,
    sender,
    date: mail.date,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    // Getters: the mail parses its To/Cc only when a rule asks.
    recipients: {
      get to() {
        return mail.to;
      },
      get cc() {
        return mail.cc;
      },
      raw: [mail.rawTo, mail.rawCc].filter(Boolean).join(', '),
    },
    commitSha: mail.separator && FORMAT_PATCH_SEPARATOR.exec(mail.separator)?.[1],
    origin,
  };
}

/**
 * Builds the Patch a mail carries, or returns undefined for mail that is not
 * a patch. Throws DiffError when the diff is broken.
 */
export function patchFromMail(mail: Mail, origin: Patch['origin']): Patch | undefined {
  const head = patchHeadFromMail(mail, origin);
  return head && completePatch(head, mail);
}

/**
 * The rest of a patch: commit message, trailers, notes and diff. Throws
 * DiffError for a broken diff, and for a patch (not a cover letter) with
 * none: git format-patch always writes one, so its absence means a part
 * this tool could not read, and linting the rest would only mislead.
 */
export function completePatch(head: PatchHead, mail: Mail): Patch {
  const parts = splitBody(mail.body);
  const crLines = mail.crLines && shiftSet(mail.crLines, parts.diffStart);
  const files = parsePatchDiff(parts.diff, mail.bodyFirstLine + parts.diffStart, crLines);
  if (!files.length && head.index > 0) {
    throw new DiffError('no diff found in this patch mail (an attachment of a type it cannot read, or a broken MIME part?)', mail.bodyFirstLine);
  }
  return {
    ...head,
    message: parts.message.join('\n'),
    trailers: parseTrailers(parts.message),
    notes: parts.notes,
    files,
    messagePatchLine: mail.bodyFirstLine + parts.messageStart,
    text: { body: mail.body, firstLine: mail.bodyFirstLine },
  };
}

function shiftSet(lines: ReadonlySet<number>, offset: number): Set<number> {
  const shifted = new Set<number>();
  for (const line of lines) if (line >= offset) shifted.add(line - offset);
  return shifted;
}
