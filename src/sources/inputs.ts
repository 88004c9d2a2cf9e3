// Turns command-line inputs (files, folders, `-`) into patch mails. Each
// input fails on its own: a bad one becomes an error event naming it and the
// line, and the others are still read. Bodies are parsed into patches only
// on demand (completePatch), once a series is whole.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { isMboxSeparator, type RawMessage, splitMbox } from '../mail/mbox.js';
import { NotAMailError, parseMail } from '../mail/parse.js';
import { DiffError } from '../patch/diff.js';
import { completePatch, implausibleCounter, patchHeadFromMail } from '../patch/from-mail.js';
import type { Mail } from '../mail/parse.js';
import type { Patch, PatchHead } from '../patch/model.js';
import { looksLikeBareDiff, mailFromBareDiff } from './bare-diff.js';
import { looksLikePageCopy, mailFromPageCopy } from './page.js';

export interface InputError {
  input: string;
  message: string;
  /** 1-based line of the input the problem is at, when it has one. */
  line?: number;
}

/** A patch mail, parsed as far as grouping needs. */
export interface PatchMail {
  head: PatchHead;
  mail: Mail;
}

export type MailEvent = ({ kind: 'mail' } & PatchMail) | ({ kind: 'error' } & InputError);
export type InputEvent = { kind: 'patch'; patch: Patch } | ({ kind: 'error' } & InputError);

// In a folder only mail files count; a .txt page copy is read when named on its own.
const PATCH_FILE = /\.(patch|eml|mbox|mbx)$/i;

export const STDIN = '-';

/** The whole patch of a patch mail, or the error its broken diff gives. */
export function patchOf(item: PatchMail): { patch: Patch } | { error: InputError } {
  try {
    return { patch: completePatch(item.head, item.mail) };
  } catch (error) {
    const event = errorEvent(item.head.origin.input, item.head.origin.line, error);
    const { kind: _kind, ...inputError } = event as { kind: 'error' } & InputError;
    return { error: inputError };
  }
}

/** Reads every input in order into whole patches; `stdin` serves `-`. */
export async function* readInputs(inputs: readonly string[], stdin?: Readable): AsyncGenerator<InputEvent> {
  for await (const event of readMails(inputs, stdin)) {
    if (event.kind === 'error') {
      yield event;
      continue;
    }
    const result = patchOf(event);
    yield 'patch' in result ? { kind: 'patch', patch: result.patch } : { kind: 'error', ...result.error };
  }
}

/** Reads every input in order into patch mails; `stdin` serves `-`. */
export async function* readMails(inputs: readonly string[], stdin: Readable = process.stdin): AsyncGenerator<MailEvent> {
  for (const input of inputs) {
    if (input === STDIN) {
      yield* readStream('<stdin>', stdin);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch {
      yield { kind: 'error', input, message: 'no such file or directory' };
      continue;
    }
    if (info.isDirectory()) yield* readFolder(input);
    else yield* readStream(input, createReadStream(input, { highWaterMark: 1 << 20 }));
  }
}

async function* readFolder(folder: string): AsyncGenerator<MailEvent> {
  const names = (await readdir(folder)).filter((n) => PATCH_FILE.test(n)).sort();
  if (!names.length) {
    yield { kind: 'error', input: folder, message: 'folder holds no .patch, .eml or .mbox files' };
    return;
  }
  for (const name of names) {
    const path = join(folder, name);
    if ((await stat(path)).isFile()) yield* readStream(path, createReadStream(path, { highWaterMark: 1 << 20 }));
  }
}

/** Hands the first chunk back after looking at it, then the rest of the stream. */
async function peek(stream: AsyncIterable<Buffer>): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : Buffer.from(first.value);
  async function* all() {
    if (head.length) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, all: all() };
}

async function* readStream(input: string, stream: Readable): AsyncGenerator<MailEvent> {
  let peeked;
  try {
    peeked = await peek(stream);
  } catch (error) {
    yield { kind: 'error', input, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    return;
  }
  const { head, all } = peeked;
  if (head.toString('latin1').trim() === '') {
    yield { kind: 'error', input, message: 'empty input' };
    return;
  }
  if (head.subarray(0, 8192).includes(0)) {
    yield { kind: 'error', input, line: 1, message: 'binary data, not a mail, mbox or patch' };
    return;
  }
  const firstLine = head.toString('latin1').split('\n', 1)[0]!.replace(/\r$/, '');

  let patches = 0;
  let failed = false;
  const messages = isMboxSeparator(firstLine) || /^[\x21-\x39\x3b-\x7e]+:/.test(firstLine) ? splitMbox(all) : undefined;
  if (!messages) {
    // Not mail: a bare diff, `git show` output, or a patch copied from a web page; read it whole.
    const chunks: Buffer[] = [];
    for await (const chunk of all) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    if (looksLikeBareDiff(text)) {
      try {
        const { mail, bare } = mailFromBareDiff(text);
        const head = patchHeadFromMail(mail, { input, line: 1, ...(bare ? { bare } : {}) });
        if (head) yield { kind: 'mail', head, mail };
        return;
      } catch (error) {
        yield errorEvent(input, 1, error);
        return;
      }
    }
    if (!looksLikePageCopy(text)) {
      yield { kind: 'error', input, line: 1, message: `not a mail, mbox or patch (line 1: "${firstLine.slice(0, 50)}")` };
      return;
    }
    try {
      const mail = mailFromPageCopy(text);
      const head = patchHeadFromMail(mail, { input, line: 1 });
      const implausible = head && implausibleCounter(head);
      if (implausible) throw new NotAMailError(implausible, 1);
      if (head) {
        patches++;
        yield { kind: 'mail', head, mail };
      }
    } catch (error) {
      yield errorEvent(input, 1, error);
      failed = true;
    }
  } else {
    for await (const raw of messages) {
      const event = await readMessage(input, raw);
      if (!event) continue;
      if (event.kind === 'mail') patches++;
      else failed = true;
      yield event;
    }
  }
  if (!patches && !failed) yield { kind: 'error', input, message: 'no patch in this input (replies and discussion mail are skipped)' };
}

/** `input:line: message`, the one line an input problem is told in. */
export function describeInputError(error: InputError): string {
  return `${error.input}${error.line ? `:${error.line}` : ''}: ${error.message}`;
}

/** One message of an input -> its patch mail, an error with its line, or nothing for mail that is no patch. */
export async function readMessage(input: string, raw: RawMessage): Promise<MailEvent | undefined> {
  // Patch-text lines count from the message's first line, separator included.
  const firstLine = raw.line;
  try {
    const mail = await parseMail(raw.bytes, raw.separator);
    const head = patchHeadFromMail(mail, { input, line: firstLine });
    const implausible = head && implausibleCounter(head);
    if (implausible) throw new NotAMailError(implausible, headerLine(raw.bytes, 'subject') + (raw.separator === undefined ? 0 : 1));
    return head && { kind: 'mail', head, mail };
  } catch (error) {
    return errorEvent(input, firstLine, error);
  }
}

/** 1-based line of a header within the message bytes (1 when it is not found). */
function headerLine(bytes: Buffer, name: string): number {
  const at = new RegExp(`^${name}:`, 'im').exec(bytes.subarray(0, 1 << 16).toString('latin1'));
  if (!at) return 1;
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < at.index; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}

function errorEvent(input: string, firstLine: number, error: unknown): { kind: 'error' } & InputError {
  if (error instanceof NotAMailError) return { kind: 'error', input, line: firstLine + error.line - 1, message: error.message };
  if (error instanceof DiffError) return { kind: 'error', input, line: firstLine + error.patchLine - 1, message: error.message };
  throw error;
}
