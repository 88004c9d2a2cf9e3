// One RFC 822 message -> Mail. postal-mime does the MIME work (quoted-printable,
// base64, charsets, RFC 2047 words); this file only checks that the input is a
// mail at all and keeps what a patch needs.
import PostalMime from 'postal-mime';
import type { Address, Email } from 'postal-mime';
import type { Person } from '../patch/model.js';

export interface Mail {
  subject: string;
  from?: Person;
  to: Person[];
  cc: Person[];
  /** ISO 8601 when the Date header parses. */
  date?: string;
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  /** Decoded text/plain body (plus inline patch attachments), LF line ends. */
  body: string;
  /** Patch-text line of the body's first line (after headers and the blank line). */
  bodyFirstLine: number;
  /** Body lines (0-based) that ended in CR in a mail that is otherwise LF. */
  crLines?: Set<number>;
  /** The mbox separator, e.g. format-patch's `From <sha> Mon Sep 17 00:00:00 2001`. */
  separator?: string;
}

/** The input is not a mail; `line` is the 1-based line within the message. */
export class NotAMailError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+:/;

function toPerson(address: Address | undefined): Person | undefined {
  if (!address) return undefined;
  if (address.group) return address.group[0] && toPerson(address.group[0]);
  return { name: address.name ?? '', email: address.address ?? '' };
}

function toPeople(addresses: Address[] | undefined): Person[] {
  const people: Person[] = [];
  for (const address of addresses ?? []) {
    if (address.group) people.push(...address.group.map((m) => ({ name: m.name, email: m.address })));
    else people.push({ name: address.name, email: address.address });
  }
  return people;
}

function messageIds(value: string | undefined): string[] {
  return value?.match(/<[^<>\s]+>/g) ?? [];
}

/** Checks the header block and returns how many lines it spans (with the blank line). */
function headerLineCount(bytes: Buffer): number {
  const headEnd = findHeaderEnd(bytes);
  const head = bytes.subarray(0, headEnd < 0 ? Math.min(bytes.length, 4096) : headEnd).toString('latin1');
  const lines = head.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  let sawHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (/^[ \t]/.test(line) && sawHeader) continue; // folded continuation
    if (HEADER_LINE.test(line)) {
      sawHeader = true;
      continue;
    }
    throw new NotAMailError(`not a mail header: "${truncate(line)}"`, i + 1);
  }
  if (!sawHeader) throw new NotAMailError('no mail headers', 1);
  if (headEnd < 0) throw new NotAMailError('headers never end (no blank line): truncated mail?', lines.length);
  return lines.length + 1;
}

/** Where the header block ends (exclusive, after its last newline) and the body starts; -1 when it never ends. */
function findHeaderEnd(bytes: Buffer): number {
  const lf = bytes.indexOf('\n\n');
  const crlf = bytes.indexOf('\r\n\r\n');
  if (lf < 0 && crlf < 0) return -1;
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return crlf + 2;
  return lf + 1;
}

function bodyStart(bytes: Buffer): number {
  const end = findHeaderEnd(bytes);
  return bytes[end] === 0x0d ? end + 2 : end + 1;
}

function truncate(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}

function looksLikeDiff(text: string): boolean {
  return /^(diff --git |--- \S|Index: )/m.test(text) && /^@@ -\d/m.test(text);
}

/**
 * Records which body lines ended in CR when the rest of the mail uses LF, so
 * that a DOS line ending inside an added line survives postal-mime's newline
 * normalisation. Only for bodies without transfer encoding, where raw and
 * decoded lines correspond one to one.
 */
function crLinesOf(bytes: Buffer, bodyStart: number, email: Email): Set<number> | undefined {
  const encoding = email.headers.find((h) => h.key === 'content-transfer-encoding')?.value.trim().toLowerCase();
  const type = email.headers.find((h) => h.key === 'content-type')?.value.toLowerCase() ?? '';
  if ((encoding && !['7bit', '8bit', 'binary'].includes(encoding)) || type.startsWith('multipart/')) return undefined;
  const body = bytes.subarray(bodyStart).toString('latin1').split('\n');
  const withCr = body.filter((l) => l.endsWith('\r')).length;
  if (withCr === 0 || withCr > body.length / 2) return undefined; // all-CRLF is transport, not content
  const lines = new Set<number>();
  body.forEach((l, i) => l.endsWith('\r') && lines.add(i));
  return lines;
}

export async function parseMail(bytes: Buffer, separator?: string): Promise<Mail> {
  if (bytes.subarray(0, 8192).includes(0)) throw new NotAMailError('binary data, not a mail', 1);
  const headerLines = headerLineCount(bytes);
  const email = await PostalMime.parse(bytes);
  if (email.subject === undefined && !email.from) throw new NotAMailError('neither Subject nor From header', 1);

  let body = email.text ?? '';
  // Patches sent as attachments (text/x-patch, text/x-diff) are part of the mail's text.
  for (const attachment of email.attachments) {
    if (!/^text\/(x-patch|x-diff|plain|x-log)/.test(attachment.mimeType)) continue;
    const text = typeof attachment.content === 'string' ? attachment.content : new TextDecoder().decode(attachment.content);
    if (looksLikeDiff(text) && !looksLikeDiff(body)) body = body + (body.endsWith('\n') || !body ? '' : '\n') + text.replace(/\r\n/g, '\n');
  }

  const date = email.date && !Number.isNaN(Date.parse(email.date)) ? new Date(email.date).toISOString() : undefined;
  return {
    subject: email.subject ?? '',
    from: toPerson(email.from),
    to: toPeople(email.to),
    cc: toPeople(email.cc),
    date,
    messageId: messageIds(email.messageId)[0] ?? email.messageId?.trim(),
    inReplyTo: messageIds(email.inReplyTo)[0],
    references: messageIds(email.references),
    body,
    bodyFirstLine: headerLines + 1,
    crLines: crLinesOf(bytes, bodyStart(bytes), email),
    separator,
  };
}
