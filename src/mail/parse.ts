// One RFC 822 message -> Mail. postal-mime does the MIME work: RFC 2047
// words, addresses, and bodies in quoted-printable, base64 or multipart. Most
// patch mail is a single text/plain part in 7bit or 8bit; its body is only
// decoded from its charset here, which spares postal-mime's per-part Blob
// round trip on the hot path of a large mbox.
import PostalMime, { addressParser, decodeWords } from 'postal-mime';
import type { Address } from 'postal-mime';
import type { Person } from '../patch/model.js';

export interface Mail {
  subject: string;
  from?: Person;
  /** Parsed on first use (see rawTo). */
  to: Person[];
  cc: Person[];
  /** The To and Cc headers as sent (several headers joined by commas). */
  rawTo: string;
  rawCc: string;
  /** ISO 8601 when the Date header parses. */
  date?: string;
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  /** Decoded text/plain body (plus inline patch attachments), LF line ends. */
  body: string;
  /**
   * Patch-text line of the body's first line. Patch-text lines count from the
   * message's first line, its mbox separator included: for a format-patch
   * file they are the file's lines, as checkpatch numbers them.
   */
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

interface Header {
  key: string;
  value: string;
}

/** Where the header block ends (exclusive, after its last newline); -1 when it never ends. */
function findHeaderEnd(bytes: Buffer): number {
  const lf = bytes.indexOf('\n\n');
  const crlf = bytes.indexOf('\r\n\r\n');
  if (lf < 0 && crlf < 0) return -1;
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return crlf + 2;
  return lf + 1;
}

function bodyStart(bytes: Buffer, headerEnd: number): number {
  return bytes[headerEnd] === 0x0d ? headerEnd + 2 : headerEnd + 1;
}

function truncate(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}

/** Checks and unfolds the header block; throws NotAMailError with the line. */
function readHeaders(bytes: Buffer, headerEnd: number): { headers: Header[]; lines: number } {
  const head = bytes.subarray(0, headerEnd < 0 ? Math.min(bytes.length, 1 << 16) : headerEnd).toString('utf8');
  const lines = head.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const headers: Header[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (/^[ \t]/.test(line) && headers.length) {
      headers[headers.length - 1]!.value += ' ' + line.trim();
      continue;
    }
    if (!HEADER_LINE.test(line)) throw new NotAMailError(`not a mail header: "${truncate(line)}"`, i + 1);
    const colon = line.indexOf(':');
    headers.push({ key: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  if (!headers.length) throw new NotAMailError('no mail headers', 1);
  if (headerEnd < 0) throw new NotAMailError('headers never end (no blank line): truncated mail?', lines.length);
  return { headers, lines: lines.length + 1 };
}

function toPeople(addresses: Address[]): Person[] {
  const people: Person[] = [];
  for (const address of addresses) {
    if (address.group) for (const m of address.group) people.push({ name: m.name, email: m.address });
    else people.push({ name: address.name, email: address.address });
  }
  return people;
}

/** People of an address list header (RFC 2047 names decoded). */
export function parseAddressList(value: string): Person[] {
  return value ? toPeople(addressParser(value)) : [];
}

function messageIds(value: string | undefined): string[] {
  return value?.match(/<[^<>\s]+>/g) ?? [];
}

/** The text holds a diff: git's header, or a ---/Index: header with a hunk. */
export function containsDiff(text: string): boolean {
  return /^diff --git /m.test(text) || (/^(?:--- \S|Index: )/m.test(text) && /^@@ -\d/m.test(text));
}

function charsetOf(contentType: string): string {
  const m = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return m ? m[1]!.toLowerCase() : 'utf-8';
}

function decodeText(bytes: Buffer, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8'); // an unknown label: UTF-8 is what patch mail nearly always is
  }
  return decoder.decode(bytes);
}

/**
 * Records which body lines ended in CR when the rest of the mail uses LF, so
 * that a DOS line ending inside an added line is not lost when bodies are
 * normalised to LF. Raw and decoded lines correspond one to one here.
 */
function crLinesOf(body: string): Set<number> | undefined {
  const lines = body.split('\n');
  const withCr = lines.filter((l) => l.endsWith('\r')).length;
  if (withCr === 0 || withCr > lines.length / 2) return undefined; // all-CRLF is transport, not content
  const cr = new Set<number>();
  lines.forEach((l, i) => l.endsWith('\r') && cr.add(i));
  return cr;
}

/**
 * Body text of a mail that needs real MIME decoding; patch attachments join
 * the text. What postal-mime refuses (say, multipart nested deeper than 256
 * levels) is a broken mail, told at `bodyLine`.
 */
async function decodeMimeBody(bytes: Buffer, bodyLine: number): Promise<string> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(bytes);
  } catch (error) {
    throw new NotAMailError(`cannot decode the MIME body: ${(error as Error).message}`, bodyLine);
  }
  let body = email.text ?? '';
  for (const attachment of email.attachments) {
    // Patches come attached as text/x-patch, text/plain, or as octet-stream named *.patch.
    const patchFile = /\.(?:patch|diff)$/i.test(attachment.filename ?? '');
    if (!/^text\//.test(attachment.mimeType) && attachment.mimeType !== 'application/octet-stream' && !patchFile) continue;
    const text = typeof attachment.content === 'string' ? attachment.content : new TextDecoder().decode(attachment.content);
    // The attached file is the patch (often format-patch output, whose
    // From:/Subject: lines read as in-body headers); the covering text is not.
    if (containsDiff(text) && !containsDiff(body)) body = text.replace(/\r\n/g, '\n');
  }
  return body;
}

export async function parseMail(bytes: Buffer, separator?: string): Promise<Mail> {
  // `bytes` starts after the separator line, which counts as line 1.
  const firstLine = separator === undefined ? 1 : 2;
  if (bytes.subarray(0, 8192).includes(0)) throw new NotAMailError('binary data, not a mail', firstLine);
  const headerEnd = findHeaderEnd(bytes);
  let headers: Header[];
  let lines: number;
  try {
    ({ headers, lines } = readHeaders(bytes, headerEnd));
  } catch (error) {
    if (error instanceof NotAMailError) throw new NotAMailError(error.message, error.line + firstLine - 1);
    throw error;
  }
  const header = (key: string) => headers.find((h) => h.key === key)?.value;
  const all = (key: string) => headers.filter((h) => h.key === key).map((h) => h.value);
  if (header('subject') === undefined && header('from') === undefined) throw new NotAMailError('neither Subject nor From header', firstLine);

  const contentType = header('content-type') ?? 'text/plain';
  const encoding = (header('content-transfer-encoding') ?? '7bit').toLowerCase();
  const plain = /^text\/plain\b/i.test(contentType) && ['7bit', '8bit', 'binary'].includes(encoding);
  let body: string;
  let crLines: Set<number> | undefined;
  if (plain) {
    const raw = decodeText(bytes.subarray(bodyStart(bytes, headerEnd)), charsetOf(contentType));
    crLines = crLinesOf(raw);
    body = raw.replace(/\r?\n/g, '\n');
  } else {
    body = await decodeMimeBody(bytes, firstLine + lines);
  }

  const dateHeader = header('date');
  const date = dateHeader && !Number.isNaN(Date.parse(dateHeader)) ? new Date(dateHeader).toISOString() : undefined;
  const from = toPeople(addressParser(header('from') ?? ''))[0];
  const rawTo = all('to').join(', ');
  const rawCc = all('cc').join(', ');
  // To and Cc are parsed when asked for: only the Cc check and email replies
  // read them, and a qemu-devel Cc list is long.
  let to: Person[] | undefined;
  let cc: Person[] | undefined;
  return {
    subject: decodeWords(header('subject') ?? ''),
    from,
    get to() {
      return (to ??= parseAddressList(rawTo));
    },
    get cc() {
      return (cc ??= parseAddressList(rawCc));
    },
    rawTo,
    rawCc,
    date,
    messageId: messageIds(header('message-id'))[0] ?? header('message-id'),
    inReplyTo: messageIds(header('in-reply-to'))[0],
    references: messageIds(header('references')),
    body,
    bodyFirstLine: firstLine + lines,
    crLines,
    separator,
  };
}
