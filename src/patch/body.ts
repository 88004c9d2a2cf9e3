// Cuts a patch mail's body the way `git am` (mailinfo) does: in-body
// headers, commit message, `---` notes, diff.
import type { Trailer } from './model.js';
import { MESSAGE_BODY_FIRST_LINE } from './model.js';

export interface BodyParts {
  /** `From:` / `Date:` / `Subject:` lines at the top of the body. */
  inBody: { from?: string; date?: string; subject?: string };
  /** Commit message lines, leading and trailing blank lines removed. */
  message: string[];
  /** Index (0-based) of `message[0]` within the body lines. */
  messageStart: number;
  notes: string;
  /** The diff part, from the first file header on. */
  diff: string[];
  /** Index (0-based) of `diff[0]` within the body lines. */
  diffStart: number;
}

// mailinfo's patchbreak(): a diff header, or `---` followed by whitespace.
function isPatchBreak(line: string): boolean {
  return line.startsWith('diff -') || line.startsWith('Index: ') || /^---(\s|$)/.test(line);
}

function isDiffStart(lines: string[], i: number): boolean {
  const line = lines[i]!;
  if (line.startsWith('diff --git ') || line.startsWith('diff -') || line.startsWith('Index: ')) return true;
  return line.startsWith('--- ') && (lines[i + 1]?.startsWith('+++ ') ?? false);
}

function isScissors(line: string): boolean {
  return /^\s*-{2,}\s*(?:>8|8<)\s*-{2,}/.test(line);
}

/** The in-body `From:`/`Date:`/`Subject:` lines that open a body, and the index after them. */
function readInBodyHeaders(lines: readonly string[]): { inBody: BodyParts['inBody']; next: number } {
  let i = 0;
  const inBody: BodyParts['inBody'] = {};
  while (i < lines.length && lines[i]!.trim() === '') i++;
  // In-body headers override the mail's own (git am behaviour).
  let sawInBody = false;
  for (let m; i < lines.length && (m = /^(From|Date|Subject):\s*(?!\s)(.*)$/.exec(lines[i]!)); i++) {
    const key = m[1]!.toLowerCase() as 'from' | 'date' | 'subject';
    inBody[key] = m[2]!.trim();
    sawInBody = true;
  }
  if (sawInBody) while (i < lines.length && lines[i]!.trim() === '') i++;
  return { inBody, next: i };
}

/** Only the in-body headers, reading no more of the body than they span. */
export function inBodyHeaders(body: string): BodyParts['inBody'] {
  return readInBodyHeaders(body.slice(0, 2048).split('\n', 12)).inBody;
}

export function splitBody(body: string): BodyParts {
  const lines = body.split('\n');
  const { inBody, next } = readInBodyHeaders(lines);
  let i = next;

  let messageStart = i;
  let j = i;
  for (; j < lines.length && !isPatchBreak(lines[j]!); j++) {
    if (isScissors(lines[j]!)) messageStart = j + 1;
  }
  while (messageStart < j && lines[messageStart]!.trim() === '') messageStart++;
  const message = trimBlank(lines.slice(messageStart, j));

  let diffStart = j;
  let notes: string[] = [];
  if (j < lines.length && !isDiffStart(lines, j)) {
    // A `---` line: notes run to the first file header.
    diffStart = j + 1;
    while (diffStart < lines.length && !isDiffStart(lines, diffStart)) diffStart++;
    notes = lines.slice(j + 1, diffStart);
  }
  return {
    inBody,
    message,
    messageStart,
    notes: trimBlank(notes).join('\n'),
    diff: lines.slice(diffStart),
    diffStart,
  };
}

function trimBlank(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(?!\s)(.*)$/;
const KNOWN_TRAILERS = /^(signed-off-by|reviewed-by|acked-by|tested-by|reported-by|suggested-by|co-developed-by|fixes|resolves|buglink|message-id|link|cc|based-on)$/i;

/**
 * The trailer block: the run of `Key: value` lines at the end of the message
 * (continuation lines and `[bracketed]` notes allowed, as in git's
 * interpret-trailers). It must hold a known tag, so that a last paragraph
 * like "Note: ..." is not mistaken for trailers.
 */
export function parseTrailers(message: string[]): Trailer[] {
  const trailers: Trailer[] = [];
  let i = message.length - 1;
  for (; i >= 0; i--) {
    const line = message[i]!;
    if (line.trim() === '') break;
    const m = TRAILER_LINE.exec(line);
    if (m && !/^https?$/i.test(m[1]!)) {
      trailers.push({ key: m[1]!, value: m[2]!.trim(), line: MESSAGE_BODY_FIRST_LINE + i });
    } else if (/^\s+\S/.test(line) || /^\[.*\]$/.test(line.trim())) {
      continue; // a folded value, or a `[rebased on ...]` note between tags
    } else {
      break;
    }
  }
  trailers.reverse();
  return trailers.some((t) => KNOWN_TRAILERS.test(t.key)) ? trailers : [];
}
