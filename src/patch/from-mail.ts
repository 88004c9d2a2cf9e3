import { addressParser } from 'postal-mime';
import type { Mail } from '../mail/parse.js';
import { inBodyHeaders, parseTrailers, splitBody } from './body.js';
import { parsePatchDiff } from './diff.js';
import type { Patch, PatchHead, Person } from './model.js';
import { parseSubject } from './subject.js';

const FORMAT_PATCH_SEPARATOR = /^From ([0-9a-f]{40}) Mon Sep 17 00:00:00 2001/;

export function parsePerson(text: string): Person | undefined {
  const [first] = addressParser(text, { flatten: true });
  if (!first?.address) return undefined;
  return { name: first.name ?? '', email: first.address };
}

// A body that holds a diff: git's header, a CVS-style Index:, or a ---/+++ pair.
const DIFF_IN_BODY = /^(?:diff --git |diff -|Index: |--- \S.*\n\+\+\+ \S)/m;

/**
 * What the mail says of its patch without parsing the body: enough to group
 * it into its series. Undefined for mail that is not a patch (replies,
 * discussion): untagged mail counts only when it carries a diff.
 */
export function patchHeadFromMail(mail: Mail, origin: Patch['origin']): PatchHead | undefined {
  const subject = parseSubject(mail.subject);
  if (subject.reply) return undefined;
  const { tags } = subject;
  if (!tags.isPatch && !tags.isPull && !tags.isRfc && !DIFF_IN_BODY.test(mail.body)) return undefined;
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
    recipients: { to: mail.to, cc: mail.cc },
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

/** The rest of a patch: commit message, trailers, notes and diff. Throws DiffError. */
export function completePatch(head: PatchHead, mail: Mail): Patch {
  const parts = splitBody(mail.body);
  const crLines = mail.crLines && shiftSet(mail.crLines, parts.diffStart);
  return {
    ...head,
    message: parts.message.join('\n'),
    trailers: parseTrailers(parts.message),
    notes: parts.notes,
    files: parsePatchDiff(parts.diff, mail.bodyFirstLine + parts.diffStart, crLines),
    messagePatchLine: mail.bodyFirstLine + parts.messageStart,
  };
}

function shiftSet(lines: ReadonlySet<number>, offset: number): Set<number> {
  const shifted = new Set<number>();
  for (const line of lines) if (line >= offset) shifted.add(line - offset);
  return shifted;
}
