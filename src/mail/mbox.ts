// Splits an mbox into messages while it streams in: a 200 MB archive is never
// held whole. Handles mboxo and mboxrd (`>From ` unescaped one level) and
// git format-patch's `From <sha> Mon Sep 17 00:00:00 2001` separators.
//
// Only lines that start with "From " or ">" need a look, so the splitter
// jumps from one such line start to the next with indexOf and copies what is
// between in bulk: a line-by-line walk costs an object per line.

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
const FORMAT_PATCH_MAGIC = /^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001$/;
const NL = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const FROM = Buffer.from('From ');
const NL_FROM = Buffer.from('\nFrom ');
const NL_GT = Buffer.from('\n>');

export function isMboxSeparator(line: string): boolean {
  return SEPARATOR.test(line);
}

/** Yields the messages of an mbox stream. The first line need not be a separator. */
export async function* splitMbox(stream: AsyncIterable<Buffer>): AsyncGenerator<RawMessage> {
  let parts: Buffer[] = [];
  let messageLine = 1;
  let separator: string | undefined;
  /** Lines before the current region. */
  let linesBefore = 0;
  /** The last line before the current region was blank (true at the start of input). */
  let previousBlank = true;
  let leftover: Buffer | undefined;

  // `data[0..end)` holds whole lines (the last one may lack its newline at
  // the end of input); position 0 starts a line.
  function* region(data: Buffer, end: number): Generator<RawMessage> {
    let copied = 0;
    let counted = 0;
    let lines = linesBefore;
    const lineOf = (pos: number) => {
      for (let i = data.indexOf(NL, counted); i >= 0 && i < pos; i = data.indexOf(NL, i + 1)) lines++;
      counted = pos;
      return lines + 1;
    };
    const blankBefore = (start: number) => {
      if (start === 0) return previousBlank;
      let q = start - 2;
      if (q >= 0 && data[q] === CR) q--;
      return q < 0 || data[q] === NL;
    };
    let nextF = data.indexOf(NL_FROM);
    let nextGt = data.indexOf(NL_GT);
    for (let start = 0; start < end; ) {
      const first = data[start];
      if (first === 0x46 /* F */ && data.subarray(start, start + 5).equals(FROM)) {
        let lineEnd = data.indexOf(NL, start);
        if (lineEnd < 0 || lineEnd > end) lineEnd = end;
        const text = data.toString('latin1', start, data[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd);
        // format-patch's magic line needs no blank line before it (git
        // mailsplit): `cat 000*.patch` joins files that end without one.
        if ((blankBefore(start) && isMboxSeparator(text)) || FORMAT_PATCH_MAGIC.test(text)) {
          parts.push(data.subarray(copied, start));
          if (parts.some((p) => p.length)) yield { bytes: Buffer.concat(parts), line: messageLine, separator };
          parts = [];
          messageLine = lineOf(start);
          separator = text;
          copied = Math.min(lineEnd + 1, end);
        }
      } else if (first === GT) {
        // mboxrd: ">From " and ">>From " lose one '>'.
        let i = start;
        while (data[i] === GT) i++;
        if (data.subarray(i, i + 5).equals(FROM)) {
          parts.push(data.subarray(copied, start));
          copied = start + 1;
        }
      }
      // On to the next line that starts with "From " or ">"; each search is
      // redone only once the line it found has been passed.
      if (nextF !== -1 && nextF < start) nextF = data.indexOf(NL_FROM, start);
      if (nextGt !== -1 && nextGt < start) nextGt = data.indexOf(NL_GT, start);
      const next = nextF === -1 ? nextGt : nextGt === -1 ? nextF : Math.min(nextF, nextGt);
      if (next === -1 || next + 1 >= end) break;
      start = next + 1;
    }
    if (copied < end) parts.push(data.subarray(copied, end));
    lineOf(end);
    linesBefore = lines;
    previousBlank = blankBefore(end) && data[end - 1] === NL;
  }

  for await (const chunk of stream) {
    const data = leftover ? Buffer.concat([leftover, chunk]) : chunk;
    const end = data.lastIndexOf(NL) + 1;
    if (end > 0) yield* region(data, end);
    leftover = end < data.length ? Buffer.from(data.subarray(end)) : undefined;
  }
  if (leftover?.length) yield* region(leftover, leftover.length);
  if (parts.some((p) => p.length)) yield { bytes: Buffer.concat(parts), line: messageLine, separator };
}
