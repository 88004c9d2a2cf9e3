// Applies fixes to the text of one patch mail: `+` lines of the diff (hunk
// headers recomputed when a fix changes the number of lines), the commit
// message's lines and its subject. Pure: text in, text out.

/** One edit: the lines `line..endLine` of `file` (post-patch) or of the commit message (file null). */
export interface Edit {
  file: string | null;
  line: number;
  endLine: number;
  /** What the lines must still say (without the `+`). */
  expected: string[];
  replacement: string[];
}

export interface MailResult {
  text: string;
  applied: Edit[];
  failed: Array<{ edit: Edit; reason: string }>;
}

interface Hunk {
  /** Index of the `@@` line in the mail. */
  at: number;
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  rest: string;
  file: string;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

/** The hunks of a mail, and where each post-patch line sits in it. */
function mapDiff(lines: readonly string[]): { hunks: Hunk[]; where: Map<string, { index: number; added: boolean }> } {
  const hunks: Hunk[] = [];
  const where = new Map<string, { index: number; added: boolean }>();
  let file: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('+++ ')) {
      file = line === '+++ /dev/null' ? undefined : line.slice(4).replace(/^b\//, '').split('\t')[0];
      continue;
    }
    const m = HUNK.exec(line);
    if (!m || file === undefined) continue;
    const hunk: Hunk = { at: i, oldStart: +m[1]!, oldCount: m[2] === undefined ? 1 : +m[2], newStart: +m[3]!, newCount: m[4] === undefined ? 1 : +m[4], rest: m[5]!, file };
    hunks.push(hunk);
    let oldLeft = hunk.oldCount;
    let newLeft = hunk.newCount;
    let post = hunk.newStart;
    while ((oldLeft > 0 || newLeft > 0) && i + 1 < lines.length) {
      const next = lines[++i]!;
      if (next.startsWith('\\')) continue;
      if (next.startsWith('-')) oldLeft--;
      else if (next.startsWith('+')) {
        where.set(`${file}\0${post++}`, { index: i, added: true });
        newLeft--;
      } else {
        where.set(`${file}\0${post++}`, { index: i, added: false });
        oldLeft--;
        newLeft--;
      }
    }
  }
  return { hunks, where };
}

/** Where each edit goes in the mail: a range of mail lines and what replaces them, or why it cannot. */
function locate(lines: readonly string[], edit: Edit, diff: ReturnType<typeof mapDiff>, message: { start: number; end: number }, subject: number): { from: number; to: number; text: string[] } | string {
  if (edit.file === null) {
    if (edit.line === 1) {
      if (subject < 0) return 'the mail has no Subject header';
      if (/^\s/.test(lines[subject + 1] ?? '')) return 'no safe fix: the Subject header is folded';
      const header = lines[subject]!;
      if (edit.expected.length !== 1 || edit.replacement.length !== 1 || !header.endsWith(edit.expected[0]!)) return 'the subject changed since';
      return { from: subject, to: subject, text: [header.slice(0, header.length - edit.expected[0]!.length) + edit.replacement[0]] };
    }
    // Message lines: by text, as the mail's body may start with in-body headers.
    const hits: number[] = [];
    for (let i = message.start; i + edit.expected.length <= message.end; i++) {
      if (edit.expected.every((e, k) => lines[i + k] === e)) hits.push(i);
    }
    if (hits.length !== 1) return hits.length ? 'no safe fix: the line occurs more than once in the message' : 'the line changed since';
    return { from: hits[0]!, to: hits[0]! + edit.expected.length - 1, text: edit.replacement };
  }
  const indexes: number[] = [];
  for (let l = edit.line; l <= edit.endLine; l++) {
    const at = diff.where.get(`${edit.file}\0${l}`);
    if (!at) return 'the line is not in the patch';
    if (!at.added) return 'no safe fix: the lines are not all added by the patch';
    if (lines[at.index] !== `+${edit.expected[l - edit.line]}`) return 'the line changed since';
    indexes.push(at.index);
  }
  if (indexes.some((v, k) => k > 0 && v !== indexes[k - 1]! + 1)) return 'no safe fix: the lines are not adjacent in the patch';
  return { from: indexes[0]!, to: indexes.at(-1)!, text: edit.replacement.map((r) => `+${r}`) };
}

const ENCODED = /^content-transfer-encoding:\s*(quoted-printable|base64)/im;

export function applyEdits(text: string, edits: readonly Edit[]): MailResult {
  const lines = text.split('\n');
  const headerEnd = lines.indexOf('');
  if (ENCODED.test(lines.slice(0, headerEnd).join('\n'))) {
    return { text, applied: [], failed: edits.map((edit) => ({ edit, reason: 'no safe fix: the mail is quoted-printable or base64 encoded' })) };
  }
  const subject = lines.slice(0, headerEnd).findIndex((l) => /^subject:/i.test(l));
  const cut = lines.findIndex((l, i) => i > headerEnd && (l === '---' || l.startsWith('diff --git ')));
  const message = { start: headerEnd + 1, end: cut < 0 ? lines.length : cut };
  const diff = mapDiff(lines);

  const placed: Array<{ from: number; to: number; text: string[]; edit: Edit }> = [];
  const failed: MailResult['failed'] = [];
  for (const edit of edits) {
    const where = locate(lines, edit, diff, message, subject);
    if (typeof where === 'string') failed.push({ edit, reason: where });
    else if (placed.some((p) => p.from <= where.to && where.from <= p.to)) failed.push({ edit, reason: 'two fixes overlap (the other one was applied)' });
    else placed.push({ ...where, edit });
  }
  placed.sort((a, b) => a.from - b.from);

  // Rebuild, counting what each hunk gains so that its header and the later hunks of its file move.
  const delta = new Map<number, number>();
  for (const p of placed) {
    const hunk = [...diff.hunks].reverse().find((h) => h.at < p.from);
    if (hunk && p.from > hunk.at) delta.set(hunk.at, (delta.get(hunk.at) ?? 0) + p.text.length - (p.to - p.from + 1));
  }
  const headers = new Map<number, string>();
  let file: string | undefined;
  let shift = 0;
  for (const h of diff.hunks) {
    if (h.file !== file) [file, shift] = [h.file, 0];
    const gain = delta.get(h.at) ?? 0;
    if (gain || shift) {
      const count = h.newCount + gain;
      const start = h.newStart + (h.newCount === 0 && count > 0 && h.newStart === 0 ? 1 : 0) + shift;
      const old = `-${h.oldStart}${h.oldCount === 1 ? '' : `,${h.oldCount}`}`;
      headers.set(h.at, `@@ ${old} +${start}${count === 1 ? '' : `,${count}`} @@${h.rest}`);
    }
    shift += gain;
  }
  const out: string[] = [];
  let next = 0;
  for (let i = 0; i < lines.length; i++) {
    const p = placed[next];
    if (p && i === p.from) {
      out.push(...p.text);
      i = p.to;
      next++;
      continue;
    }
    out.push(headers.get(i) ?? lines[i]!);
  }
  return { text: out.join('\n'), applied: placed.map((p) => p.edit), failed };
}

/** Each hunk's post-patch side: file, first line, and its lines without markers. */
export function newSides(text: string): Array<{ file: string; start: number; lines: string[] }> {
  const lines = text.split('\n');
  const { hunks } = mapDiff(lines);
  return hunks.map((h) => {
    const side: string[] = [];
    let oldLeft = h.oldCount;
    let newLeft = h.newCount;
    for (let i = h.at + 1; i < lines.length && (oldLeft > 0 || newLeft > 0); i++) {
      const l = lines[i]!;
      if (l.startsWith('\\')) continue;
      if (l.startsWith('-')) oldLeft--;
      else {
        side.push(l.slice(1));
        newLeft--;
        if (!l.startsWith('+')) oldLeft--;
      }
    }
    return { file: h.file, start: h.newStart, lines: side };
  });
}
