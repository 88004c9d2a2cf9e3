// The lines checkpatch.pl walks for its per-line checks: each hunk's
// post-image (context and added lines) in order, with the C text
// "sanitised" the way its sanitise_line() does, so that a check can tell
// code from comments and strings. Everything here is linear in the size of
// the hunk: a patch may add a megabyte on one line.
import type { RuleContext } from '../engine/types.js';
import type { FileDiff, PostLine } from '../patch/model.js';
import { isImported } from './files.js';

/** checkpatch's `$;`: what comment text is replaced with. */
export const COMMENT = '\x1c';

export interface HunkLine extends PostLine {
  /** The text with comments turned into COMMENT and string and character contents into X. */
  code: string;
}

export function postImageHunks(file: FileDiff): PostLine[][] {
  return file.chunks.map((chunk) => {
    const lines: PostLine[] = [];
    for (const change of chunk.changes) {
      const line = change.type === 'add' ? file.lines.get(change.ln) : change.type === 'normal' ? file.lines.get(change.ln2) : undefined;
      if (line) lines.push(line);
    }
    return lines;
  });
}

// checkpatch guesses whether a hunk starts inside a comment: the first
// comment edge it finds decides, else a first line that looks like the
// middle of a block comment (" * text").
function startsInComment(lines: readonly PostLine[]): boolean {
  for (const { text } of lines) {
    const open = text.indexOf('/*');
    const close = text.indexOf('*/');
    if (open < 0 && close < 0) continue;
    if (edgeInsideString(text)) continue;
    const first = open < 0 ? close : close < 0 ? open : Math.min(open, close);
    return first === close;
  }
  return /^\s*(?:\*\*+| \*)(?:\s|$)/.test(lines[0]?.text ?? '');
}

/** checkpatch's `m@"[^"]*(?:/\*|\*\/)[^"]*"@`: a comment marker between two quotes. */
function edgeInsideString(text: string): boolean {
  for (let q = text.indexOf('"'); q >= 0; q = text.indexOf('"', q + 1)) {
    const end = text.indexOf('"', q + 1);
    if (end < 0) return false;
    const inner = text.slice(q + 1, end);
    if (inner.includes('/*') || inner.includes('*/')) return true;
  }
  return false;
}

const SLASH = 0x2f;
const STAR = 0x2a;
const BACKSLASH = 0x5c;
const TAB = 0x09;
const X = 0x58;
const MARK = COMMENT.charCodeAt(0);

/** sanitise_line() over one hunk, carrying comment and string state from line to line. */
export function sanitiseHunk(lines: readonly PostLine[]): HunkLine[] {
  let quote = startsInComment(lines) ? '*/' : '';
  return lines.map((line) => {
    const { text } = line;
    // Most lines hold no comment, string or escape: nothing to rewrite.
    if (quote === '' && !MAY_NEED_SANITISING.test(text)) return withCode(line, withDirectiveStrings(text));
    // Written into a buffer of code units: building the line a character at
    // a time as a string would churn the garbage collector on long lines.
    const out = new Uint16Array(text.length + 1);
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      if (quote === '' && c === SLASH && next === STAR) {
        quote = '*/';
        out[n++] = MARK;
        out[n++] = MARK;
        i++;
        continue;
      }
      if (quote === '*/' && c === STAR && next === SLASH) {
        quote = '';
        out[n++] = MARK;
        out[n++] = MARK;
        i++;
        continue;
      }
      if (quote === '' && c === SLASH && next === SLASH) {
        quote = '//';
        out[n++] = SLASH;
        out[n++] = SLASH;
        i++;
        continue;
      }
      if ((quote === "'" || quote === '"') && c === BACKSLASH) {
        out[n++] = X;
        if (i + 1 < text.length) out[n++] = X;
        i++;
        continue;
      }
      const ch = text[i]!;
      if (ch === "'" || ch === '"') {
        if (quote === '') {
          quote = ch;
          out[n++] = c;
          continue;
        }
        if (quote === ch) quote = '';
      }
      if (quote === '*/' || quote === '//') out[n++] = c === TAB ? c : MARK;
      else if (quote) out[n++] = c === TAB ? c : X;
      else out[n++] = c;
    }
    if (quote === '//') quote = '';
    return withCode(line, withDirectiveStrings(Buffer.from(out.buffer, 0, n * 2).toString('utf16le')));
  });
}

const MAY_NEED_SANITISING = /[/'"\\]/;

// A literal of fixed shape: this runs for every line of every C hunk, and a
// spread copy costs several times as much.
function withCode(line: PostLine, code: string): HunkLine {
  return { line: line.line, text: line.text, added: line.added, cr: line.cr, patchLine: line.patchLine, code };
}

/** A #include path and the text of #error/#warning count as strings. */
function withDirectiveStrings(code: string): string {
  if (!/^\s*#/.test(code)) return code;
  const include = /^\s*#\s*include\s+</.exec(code);
  if (include) {
    const close = code.lastIndexOf('>');
    return close > include[0].length ? code.slice(0, include[0].length) + 'X'.repeat(close - include[0].length) + code.slice(close) : code;
  }
  const directive = /^\s*#\s*(?:error|warning)\s+/.exec(code);
  return directive ? directive[0] + 'X'.repeat(code.length - directive[0].length) : code;
}

/** The sanitised post-image hunks of a file, computed once per patch and shared by the style rules. */
export function sanitisedHunks(ctx: Pick<RuleContext, 'memo'>, file: FileDiff): HunkLine[][] {
  return ctx.memo(`checkpatch:sanitised:${file.path}`, () => postImageHunks(file).map(sanitiseHunk));
}

/** Leading spaces and tabs. */
export function indentOf(text: string): string {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.slice(0, i);
}

/** The text without trailing spaces and tabs (a loop: a regex would backtrack on long runs). */
export function trimEndBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

/** expand_tabs(): the width on screen, tabs to the next multiple of 8, in characters. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width = c === '\t' ? width + 8 - (width % 8) : width + 1;
  return width;
}

/** The text files of a patch checkpatch looks at: not deleted, not binary, not imported from Linux. */
export function checkedFiles(files: readonly FileDiff[]): FileDiff[] {
  return files.filter((f) => f.status !== 'deleted' && !f.binary && !isImported(f.path));
}
