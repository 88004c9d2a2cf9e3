// What `git diff` and `git show` print, read as one patch: checkpatch.pl
// takes both, so a developer can check before committing or sending.
// A bare diff has no commit message, so nothing is judged that only a mail
// has (origin.bare: the engine skips the commit, series and Cc rules); `git
// show` carries its commit's author and message and is judged like the mail
// `git format-patch` would write for it.
import { NotAMailError, containsDiff, type Mail } from '../mail/parse.js';
import { parsePerson } from '../patch/from-mail.js';

const DIFF_START = /^(?:diff --git |diff -|Index: |--- \S)/;
const SHOW_COMMIT = /^commit [0-9a-f]{7,64}\b/;

/** The first non-empty line starts a diff, or `git show`'s `commit <sha>`; and a hunk follows. */
export function looksLikeBareDiff(text: string): boolean {
  const head = text.slice(0, 65536);
  const first = head.split('\n').find((l) => l.trim()) ?? '';
  return (DIFF_START.test(first) || SHOW_COMMIT.test(first)) && containsDiff(head.length < text.length ? text : head);
}

/** A mail for a bare diff or `git show` output; bare is true when there is no commit message. */
export function mailFromBareDiff(text: string): { mail: Mail; bare: boolean } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim());
  if (!SHOW_COMMIT.test(lines[first] ?? '')) {
    const paths = [...text.matchAll(/^\+\+\+ (?:b\/)?(\S+)/gm)].map((m) => m[1]!).filter((p) => p !== '/dev/null');
    const named = paths.slice(0, 3).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '');
    const subject = `diff of ${named || 'removed files'}`;
    return { mail: { subject, to: [], cc: [], rawTo: '', rawCc: '', references: [], body: lines.join('\n'), bodyFirstLine: 1 }, bare: true };
  }
  // git show: commit, Author:, Date: (and Merge:, or more with --format=fuller), a blank line, the message indented by four.
  let i = first + 1;
  const fields = new Map<string, string>();
  for (; i < lines.length && lines[i]!.trim(); i++) {
    const m = /^(\w+):\s*(?!\s)(.*)$/.exec(lines[i]!);
    if (m) fields.set(m[1]!.toLowerCase(), m[2]!);
  }
  const author = fields.get('author') && parsePerson(fields.get('author')!);
  if (!author) throw new NotAMailError('git show output without an Author: line', first + 2);
  const subjectLine = lines.findIndex((l, k) => k > i && l.startsWith('    '));
  if (subjectLine < 0) throw new NotAMailError('git show output without a commit message', i + 1);
  let end = subjectLine;
  while (end < lines.length && !DIFF_START.test(lines[end]!)) end++;
  const later = lines.slice(end).findIndex((l) => SHOW_COMMIT.test(l));
  if (later >= 0) throw new NotAMailError('several commits: git format-patch --stdout gives them as a series', end + later + 1);
  // Line for line, so that patch lines are the input's lines.
  const body = lines.slice(subjectLine + 1).map((l, k) => (subjectLine + 1 + k < end ? l.replace(/^ {4}/, '') : l));
  const date = new Date(fields.get('date') ?? fields.get('authordate') ?? '');
  return {
    mail: {
      subject: `[PATCH] ${lines[subjectLine]!.trim()}`,
      from: author,
      to: [],
      cc: [],
      rawTo: '',
      rawCc: '',
      ...(Number.isNaN(date.getTime()) ? {} : { date: date.toISOString() }),
      references: [],
      body: body.join('\n'),
      bodyFirstLine: subjectLine + 2,
    },
    bare: false,
  };
}
