// An mbox file that grows (a delivery agent appends to it). The cursor is a
// byte offset plus a hash of the bytes before it, so a file that was
// rewritten (expunged, rotated) is noticed and read again from the start;
// mails already seen are skipped by Message-ID.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { isMboxSeparator, splitMbox } from '../mail/mbox.js';
import type { Journal } from './journal.js';
import { BATCH, type MailSource, type RawMail, type SourceEvent } from './source.js';

interface MboxCursor {
  offset: number;
  /** sha256 of the first min(offset, 4096) bytes. */
  head: string;
}

const HEAD_BYTES = 4096;

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Where the whole messages of `data` end: at the start of its last
 * separator line, or at its end when it ends with a blank line (a delivery
 * agent ends every message so). A message still being written is left for
 * the next read.
 */
export function wholeMessagesEnd(data: Buffer): number {
  if (data.length >= 2 && data[data.length - 1] === 0x0a && data[data.length - 2] === 0x0a) return data.length;
  for (let i = data.lastIndexOf('\nFrom '); i >= 0; i = i > 0 ? data.lastIndexOf('\nFrom ', i - 1) : -1) {
    const end = data.indexOf(0x0a, i + 1);
    if (isMboxSeparator(data.toString('latin1', i + 1, end < 0 ? data.length : end))) return i + 1;
  }
  return 0;
}

export function mboxSource(path: string): MailSource {
  return {
    description: `mbox ${path}`,
    async *read(journal: Journal): AsyncGenerator<SourceEvent> {
      const file = await open(path, 'r');
      try {
        const { size } = await file.stat();
        const saved = journal.cursor('mbox');
        let cursor: MboxCursor = saved ? (JSON.parse(saved) as MboxCursor) : { offset: 0, head: hashOf(Buffer.alloc(0)) };
        const headAt = async (offset: number) => {
          const head = Buffer.alloc(Math.min(offset, HEAD_BYTES));
          await file.read(head, 0, head.length, 0);
          return hashOf(head);
        };
        if (cursor.offset > size || (await headAt(cursor.offset)) !== cursor.head) {
          yield { kind: 'error', message: `${path}: the file was rewritten since the last run; reading it again from the start, mails already seen are skipped`, notice: true };
          cursor = { offset: 0, head: hashOf(Buffer.alloc(0)) };
        }
        if (size === cursor.offset) return;
        const data = Buffer.alloc(size - cursor.offset);
        await file.read(data, 0, data.length, cursor.offset);
        const end = wholeMessagesEnd(data);
        if (!end) return;
        const arrived = Date.now();
        const mails: RawMail[] = [];
        for await (const raw of splitMbox(Readable.from([data.subarray(0, end)]))) {
          mails.push({ where: `${path} (from byte ${cursor.offset}, line ${raw.line})`, bytes: raw.bytes, arrived });
        }
        const next: MboxCursor = { offset: cursor.offset + end, head: await headAt(cursor.offset + end) };
        for (let i = 0; i < mails.length; i += BATCH) {
          const last = i + BATCH >= mails.length;
          yield { kind: 'batch', mails: mails.slice(i, i + BATCH), advance: (j) => last && j.setCursor('mbox', JSON.stringify(next)) };
        }
      } finally {
        await file.close();
      }
    },
  };
}
