// Splits an mbox into messages while it streams in: a 200 MB archive is never
// held whole. Handles mboxo and mboxrd (`>From ` unescaped one level) and
// git format-patch's `From <sha> Mon Sep 17 00:00:00 2001` separators.
import { createReadStream } from 'node:fs';

export interface RawMessage {
  bytes: Buffer;
  /** 1-based line of the input where this message (its `From ` line) starts. */
  line: number;
  /** The mbox separator line, when there was one. */
  separator?: string;
}

// `From sender Thu Jan  1 00:00:00 1970`: asctime after the sender, which
// tells a separator from a commit-message line that starts with "From ".
const SEPARATOR = /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} +\d{1,2}:\d\d/;
const FROM_BYTES = Buffer.from('From ');

export function isMboxSeparator(line: string): boolean {
  return SEPARATOR.test(line);
}

/** Yields the messages of an mbox stream. The first line need not be a separator. */
export async function* splitMbox(stream: AsyncIterable<Buffer>): AsyncGenerator<RawMessage> {
  let parts: Buffer[] = [];
  let messageLine = 1;
  let separator: string | undefined;
  let lineNo = 0;
  let previousBlank = true;
  let leftover: Buffer | undefined;

  function* take(line: Buffer): Generator<RawMessage> {
    lineNo++;
    // line excludes its '\n'; a trailing '\r' stays with it.
    const content = line.length && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line;
    if (previousBlank && content.length > 5 && content.subarray(0, 5).equals(FROM_BYTES)) {
      const text = content.toString('latin1');
      if (isMboxSeparator(text)) {
        if (parts.length) yield { bytes: Buffer.concat(parts), line: messageLine, separator };
        parts = [];
        messageLine = lineNo;
        separator = text;
        previousBlank = false;
        return;
      }
    }
    previousBlank = content.length === 0;
    if (content[0] === 0x3e /* > */) {
      // mboxrd: ">From " and ">>From " lose one '>'.
      let i = 0;
      while (content[i] === 0x3e) i++;
      if (content.subarray(i, i + 5).equals(FROM_BYTES)) line = line.subarray(1);
    }
    parts.push(line, NEWLINE);
  }

  for await (const chunk of stream) {
    let data = leftover ? Buffer.concat([leftover, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(0x0a, start); nl >= 0; nl = data.indexOf(0x0a, start)) {
      yield* take(data.subarray(start, nl));
      start = nl + 1;
    }
    // Copy the tail so that the big chunk can be freed.
    leftover = start < data.length ? Buffer.from(data.subarray(start)) : undefined;
    data = Buffer.alloc(0);
  }
  if (leftover?.length) yield* take(leftover);
  if (parts.length) yield { bytes: Buffer.concat(parts), line: messageLine, separator };
}

const NEWLINE = Buffer.from('\n');

export function splitMboxFile(path: string): AsyncGenerator<RawMessage> {
  return splitMbox(createReadStream(path, { highWaterMark: 1 << 16 }));
}
