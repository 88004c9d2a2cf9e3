import { addressParser } from 'postal-mime';
import type { Mail } from '../mail/parse.js';
import { splitBody, parseTrailers } from './body.js';
import { parsePatchDiff } from './diff.js';
import type { Patch, Person } from './model.js';
import { parseSubject } from './subject.js';

const FORMAT_PATCH_SEPARATOR = /^From ([0-9a-f]{40}) Mon Sep 17 00:00:00 2001/;

export function parsePerson(text: string): Person | undefined {
  const [first] = addressParser(text, { flatten: true });
  if (!first?.address) return undefined;
  return { name: first.name ?? '', email: first.address };
}

/**
 * Builds the Patch a mail carries, or returns undefined for mail that is not
 * a patch (replies, discussion, cover-less chatter). Throws DiffError when
 * the diff is broken.
 */
export function patchFromMail(mail: Mail, origin: Patch['origin']): Patch | undefined {
  const subject = parseSubject(mail.subject);
  if (subject.reply) return undefined;

  const parts = splitBody(mail.body);
  const crLines = mail.crLines && shiftSet(mail.crLines, parts.diffStart);
  const files = parsePatchDiff(parts.diff, mail.bodyFirstLine + parts.diffStart, crLines);
  const { tags } = subject;
  if (!files.length && !tags.isPatch && !tags.isPull && !tags.isRfc) return undefined;

  const sender = mail.from ?? { name: '', email: '' };
  const author = (parts.inBody.from && parsePerson(parts.inBody.from)) || sender;
  const summary = parts.inBody.subject ? parseSubject(parts.inBody.subject).summary : subject.summary;
  const index = tags.index ?? 1;

  return {
    index,
    total: tags.total ?? 1,
    subject: summary,
    rawSubject: mail.subject,
    tags,
    author,
    sender,
    date: mail.date,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    recipients: { to: mail.to, cc: mail.cc },
    commitSha: mail.separator && FORMAT_PATCH_SEPARATOR.exec(mail.separator)?.[1],
    message: parts.message.join('\n'),
    trailers: parseTrailers(parts.message),
    notes: parts.notes,
    files,
    messagePatchLine: mail.bodyFirstLine + parts.messageStart,
    origin,
  };
}

function shiftSet(lines: ReadonlySet<number>, offset: number): Set<number> {
  const shifted = new Set<number>();
  for (const line of lines) if (line >= offset) shifted.add(line - offset);
  return shifted;
}
