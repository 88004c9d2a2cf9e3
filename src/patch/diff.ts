// Turns the diff part of a patch mail into FileDiffs. parse-diff reads the
// hunks; this file adds what parse-diff does not know about: git's extended
// headers (rename, copy, binary, modes), C-quoted paths, mail-mangled context
// lines, `\ No newline` markers, CR line endings, and where each line sits.
import parseDiff from 'parse-diff';
import type { FileDiff, FileStatus, PostLine, RemovedLine } from './model.js';

/** A diff that cannot be read as one, with the patch-text line where it broke. */
export class DiffError extends Error {
  constructor(
    message: string,
    readonly patchLine: number,
  ) {
    super(message);
  }
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * The largest line number a hunk may reach: git numbers lines with an int.
 * Beyond it the numbers lose precision (1e26 + 1 === 1e26) and loops over
 * line ranges never end.
 */
const MAX_LINE = 2 ** 31 - 1;

interface Segment {
  /** Index into the lines array of the segment's first header line. */
  start: number;
  end: number;
  /** Lines with mangled context repaired, ready for parse-diff. */
  text: string[];
  /** For each entry of `text`, the index of the source line. */
  source: number[];
  hasHunk: boolean;
}

/**
 * Parses `lines` (the diff part of a mail body; `firstPatchLine` is the
 * patch-text line of `lines[0]`). `crLines` holds indexes of lines that ended
 * in CR before mail decoding normalised them.
 */
export function parsePatchDiff(lines: string[], firstPatchLine: number, crLines?: ReadonlySet<number>): FileDiff[] {
  return splitSegments(lines, firstPatchLine).map((segment) => buildFileDiff(segment, firstPatchLine, crLines));
}

function isGitHeader(line: string): boolean {
  return line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ');
}

function isPlainHeaderPair(lines: string[], i: number): boolean {
  return lines[i]!.startsWith('--- ') && (lines[i + 1]?.startsWith('+++ ') ?? false) && HUNK_HEADER.test(lines[i + 2] ?? '');
}

/**
 * Cuts the diff into one segment per file, counting hunk lines so that a
 * `-- ` signature or a removed line that looks like a header is never
 * mistaken for the start of the next file.
 */
function splitSegments(lines: string[], firstPatchLine: number): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  let hunkHeader = '';
  /** The `-- ` signature was seen: what follows is not diff. */
  let signed = false;

  const close = (end: number) => {
    if (current) {
      current.end = end;
      segments.push(current);
    }
    current = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (oldLeft > 0 || newLeft > 0) {
      // Inside a hunk: the counts decide what each line is.
      let repaired = line;
      // Any locale's "\ No newline at end of file": dropped here, as the
      // model drops it; parse-diff fails on one right after the @@ line.
      if (line.startsWith('\\')) continue;
      if (line.startsWith('+')) newLeft--;
      else if (line.startsWith('-')) oldLeft--;
      else {
        // Context; mail clients drop the leading space of blank lines.
        if (!line.startsWith(' ')) repaired = ' ' + line;
        oldLeft--;
        newLeft--;
      }
      if (oldLeft < 0 || newLeft < 0) {
        throw new DiffError(`hunk ${hunkHeader} has more lines than its header says`, firstPatchLine + i);
      }
      current!.text.push(repaired);
      current!.source.push(i);
      continue;
    }

    const belongsToGitHeader = current !== undefined && !current.hasHunk && isGitHeader(current.text[0]!);
    if (isGitHeader(line) || (isPlainHeaderPair(lines, i) && !belongsToGitHeader)) {
      close(i);
      current = { start: i, end: i, text: [], source: [], hasHunk: false };
    }
    if (!current) continue; // text before the first file header
    const hunk = HUNK_HEADER.exec(line);
    if (hunk) {
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
      hunkHeader = hunk[0];
      if (Number(hunk[1]) + oldLeft > MAX_LINE || Number(hunk[3]) + newLeft > MAX_LINE) {
        throw new DiffError(`corrupt hunk header ${hunkHeader}: line numbers beyond ${MAX_LINE}`, firstPatchLine + i);
      }
      current.hasHunk = true;
    } else if (current.hasHunk) {
      // Past the last hunk of this file: the signature, blank lines, a list
      // footer. A diff line here means the hunk header undercounts: a
      // corrupt patch, which git am would refuse too.
      if (/^-- ?$/.test(line)) signed = true;
      else if (!signed && /^[-+ ]/.test(line) && line.trim() !== '') {
        throw new DiffError(`a diff line outside any hunk: the hunk ${hunkHeader} above counts fewer lines than follow it (corrupt patch)`, firstPatchLine + i);
      }
      continue;
    }
    current.text.push(line);
    current.source.push(i);
  }
  if (oldLeft > 0 || newLeft > 0) {
    throw new DiffError(
      `patch ends inside the hunk ${hunkHeader} (${oldLeft} old and ${newLeft} new lines missing): truncated?`,
      firstPatchLine + lines.length - 1,
    );
  }
  close(lines.length);
  return segments;
}

/** Decodes git's C-style quoting: `"a/caf\303\251.c"` -> `a/café.c`. */
export function unquoteGitPath(raw: string): string {
  const s = raw.trim();
  if (!s.startsWith('"') || !s.endsWith('"') || s.length < 2) return s;
  const bytes: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  const body = s.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else if (next in simple) {
      bytes.push(simple[next]!);
      i += 1;
    } else {
      bytes.push(92);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(path: string): string {
  return path.replace(/^[abciwo12]\//, '');
}

/** The path of a `---`/`+++` line: quoted or not, maybe followed by a timestamp. */
function pathOfMarkerLine(line: string): string | null {
  let rest = line.slice(4);
  const tab = rest.indexOf('\t');
  if (tab >= 0) rest = rest.slice(0, tab);
  rest = rest.trimEnd();
  if (rest === '/dev/null') return null;
  return stripPrefix(unquoteGitPath(rest));
}

/** `diff --git a/x b/x`: unambiguous only when quoted or both halves are equal. */
function pathsOfGitHeader(line: string): [string, string] | undefined {
  const rest = line.replace(/^diff --git /, '');
  const quoted = /^("(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*"|\S+)$/.exec(rest);
  if (quoted && (quoted[1]!.startsWith('"') || quoted[2]!.startsWith('"'))) {
    return [stripPrefix(unquoteGitPath(quoted[1]!)), stripPrefix(unquoteGitPath(quoted[2]!))];
  }
  // a/<p> b/<p> with spaces allowed inside <p>: split in the middle.
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === ' ') {
    const a = rest.slice(0, half);
    const b = rest.slice(half + 1);
    if (stripPrefix(a) === stripPrefix(b)) return [stripPrefix(a), stripPrefix(b)];
  }
  return undefined;
}

function buildFileDiff(segment: Segment, firstPatchLine: number, crLines?: ReadonlySet<number>): FileDiff {
  const header: string[] = [];
  for (const line of segment.text) {
    if (HUNK_HEADER.test(line)) break;
    header.push(line);
  }
  const parsed = parseDiff(segment.text.join('\n'))[0] ?? { chunks: [], additions: 0, deletions: 0 };

  let oldPath: string | null | undefined;
  let newPath: string | null | undefined;
  let status: FileStatus = 'modified';
  let similarity: number | undefined;
  let binary = false;
  for (const line of header) {
    let m: RegExpExecArray | null;
    if (line.startsWith('--- ')) oldPath = pathOfMarkerLine(line);
    else if (line.startsWith('+++ ')) newPath = pathOfMarkerLine(line);
    else if ((m = /^(rename|copy) from (.*)$/.exec(line))) {
      oldPath = unquoteGitPath(m[2]!);
      status = m[1] === 'rename' ? 'renamed' : 'copied';
    } else if ((m = /^(rename|copy) to (.*)$/.exec(line))) newPath = unquoteGitPath(m[2]!);
    else if ((m = /^(?:similarity|dissimilarity) index (\d+)%/.exec(line))) similarity = Number(m[1]);
    else if (line === 'GIT binary patch' || /^Binary files .* differ$/.test(line)) binary = true;
  }
  if (header[0] && isGitHeader(header[0])) {
    const fromHeader = pathsOfGitHeader(header[0]);
    if (fromHeader) {
      if (oldPath === undefined) oldPath = fromHeader[0];
      if (newPath === undefined) newPath = fromHeader[1];
    }
  }
  if (parsed.new) {
    status = 'added';
    oldPath = null;
  } else if (parsed.deleted) {
    status = 'deleted';
    newPath = null;
  } else if (oldPath === null) status = 'added';
  else if (newPath === null) status = 'deleted';

  const path = newPath ?? oldPath ?? '';
  const lines = new Map<number, PostLine>();
  const added: PostLine[] = [];
  const removed: RemovedLine[] = [];

  // Each change of parse-diff is one source line after its hunk header, in order.
  let cursor = 0;
  for (const chunk of parsed.chunks) {
    while (cursor < segment.text.length && segment.text[cursor] !== chunk.content) cursor++;
    cursor++;
    for (const change of chunk.changes) {
      const sourceIndex = segment.source[cursor++]!;
      const patchLine = firstPatchLine + sourceIndex;
      let text = change.content.slice(1);
      let cr = crLines?.has(sourceIndex) ?? false;
      if (text.endsWith('\r')) {
        text = text.slice(0, -1);
        cr = true;
      }
      if (change.type === 'del') {
        removed.push({ line: change.ln, text, patchLine });
      } else {
        const post: PostLine = { line: change.type === 'add' ? change.ln : change.ln2, text, added: change.type === 'add', cr, patchLine };
        lines.set(post.line, post);
        if (post.added) added.push(post);
      }
    }
  }

  return {
    ...parsed,
    path,
    oldPath: oldPath ?? path,
    status,
    binary,
    similarity,
    lines,
    added,
    removed,
    patchLine: firstPatchLine + segment.start,
  };
}
