// A pull request's commit as the mail `git format-patch` would have written
// for it, so that GitHub and the mailing list produce the same Patch through
// the same parser (src/mail/parse.ts, src/patch/from-mail.ts). Built from the
// commit JSON rather than the `.patch` media type because the JSON says what
// GitHub left out: files without `patch` (binary, or too large to show).
import type { GitHubCommit, GitHubFile } from './github-types.js';

/** Where the commit sits in the pull request: patch `index` of `total`. */
export interface CommitPosition {
  index: number;
  total: number;
}

export interface CommitMail {
  /** The message without the mbox separator line. */
  text: string;
  /** format-patch's `From <sha> Mon Sep 17 00:00:00 2001`, which carries the commit SHA. */
  separator: string;
  /** Files GitHub sent no diff for, which the rules therefore cannot read line by line. */
  withoutDiff: string[];
}

export function commitMail(commit: GitHubCommit, files: readonly GitHubFile[], position: CommitPosition): CommitMail {
  const { subject, body } = splitCommitMessage(commit.commit.message);
  const author = commit.commit.author;
  // git format-patch numbers a range of more than one commit: [PATCH k/n].
  const prefix = position.total > 1 ? `[PATCH ${position.index}/${position.total}]` : '[PATCH]';
  const date = author?.date && !Number.isNaN(Date.parse(author.date)) ? new Date(author.date).toUTCString() : undefined;
  const headers = [
    `From: ${mailbox(author?.name ?? '', author?.email ?? '')}`,
    ...(date ? [`Date: ${date}`] : []),
    `Subject: ${prefix} ${subject}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  const withoutDiff: string[] = [];
  const diffs = files.map((file) => {
    const diff = fileDiffText(file);
    if (!diff.complete) withoutDiff.push(file.filename);
    return diff.text;
  });
  const text = `${headers.join('\n')}\n\n${body ? body + '\n' : ''}---\n${diffs.join('')}-- \n`;
  return { text, separator: `From ${commit.sha} Mon Sep 17 00:00:00 2001`, withoutDiff };
}

/** git's subject is the first paragraph joined into one line (pretty.c, format_subject). */
export function splitCommitMessage(message: string): { subject: string; body: string } {
  const lines = message.replace(/\r\n/g, '\n').split('\n');
  let end = 0;
  while (end < lines.length && lines[end]!.trim() !== '') end++;
  const subject = lines
    .slice(0, end)
    .map((l) => l.trim())
    .join(' ');
  const body = lines
    .slice(end)
    .join('\n')
    .replace(/^\n+/, '')
    .trimEnd();
  return { subject, body };
}

function mailbox(name: string, email: string): string {
  if (!name) return `<${email}>`;
  // RFC 5322 specials need a quoted string: "Doe, Jane" <jane@example.org>.
  const quoted = /[()<>[\]:;@\\,."]/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : name;
  return `${quoted} <${email}>`;
}

/** One file's `diff --git` section; `complete` is false when GitHub omitted its lines. */
function fileDiffText(file: GitHubFile): { text: string; complete: boolean } {
  const path = file.filename;
  const oldPath = file.previous_filename ?? path;
  const header = [`diff --git a/${oldPath} b/${path}`];
  if (file.status === 'added') header.push('new file mode 100644');
  if (file.status === 'removed') header.push('deleted file mode 100644');
  if (file.status === 'renamed' || file.status === 'copied') {
    const verb = file.status === 'renamed' ? 'rename' : 'copy';
    header.push(`${verb} from ${oldPath}`, `${verb} to ${path}`);
  }
  if (file.patch === undefined) {
    // A pure rename has no lines to show; anything else that changed lines
    // was left out by GitHub. A file with no line counts is binary.
    const changedLines = file.additions + file.deletions > 0;
    if (!changedLines && file.status !== 'renamed' && file.status !== 'copied') header.push(`Binary files a/${oldPath} and b/${path} differ`);
    return { text: header.join('\n') + '\n', complete: !changedLines };
  }
  const from = file.status === 'added' ? '/dev/null' : `a/${oldPath}`;
  const to = file.status === 'removed' ? '/dev/null' : `b/${path}`;
  const hunks = file.patch.endsWith('\n') ? file.patch : file.patch + '\n';
  return { text: `${header.join('\n')}\n--- ${from}\n+++ ${to}\n${hunks}`, complete: true };
}
