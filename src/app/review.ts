// The pull request review: inline comments on the lines of the PR's diff
// (the only lines GitHub accepts them on), everything else listed in the
// body, and a marker in the body by which a re-run finds the review it posted.
// After a push, the review says what became of the findings of the head
// reviewed before (earlier-review.ts), and does not comment again what an
// earlier review already commented.
import type { Finding } from '../engine/types.js';
import type { Series } from '../patch/model.js';
import { SEVERITY_ICON, countBySeverity, countsSentence, plural } from '../report/counts.js';
import { sinceMarkdown } from '../report/markdown.js';
import { stillThere } from '../report/since.js';
import { fitOutput } from './check-run.js';
import { type EarlierReview, recordMarker, recordedFindings, shortSha } from './earlier-review.js';
import { findingsAtHead } from './head-lines.js';

export const REVIEW_MARKER = '<!-- qemu-patchlint review -->';
/** Beyond this many, further findings go to the review body: a wall of comments is noise. */
export const MAX_INLINE_COMMENTS = 100;

export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

export interface ReviewPlan {
  body: string;
  comments: ReviewComment[];
  /** How many findings there are in all. */
  findings: number;
  /** The head the review is about. */
  headSha: string;
  /** Compared with the review of an earlier head: how many of its findings are gone, and how many are new. */
  since?: { fixed: number; new: number };
}

/** A review or comment already on the pull request. */
export interface PostedReview {
  id: number;
  body: string;
  /** GitHub's `user.type`: only a bot's review can be ours. */
  userType?: string;
  /** The head it was posted on (`commit_id`). */
  commitId?: string;
}

export interface PostedComment {
  path: string;
  /** null once GitHub considers the comment outdated. */
  line: number | null;
  body: string;
}

export type ReviewAction =
  | { kind: 'create'; body: string; comments: ReviewComment[] }
  | { kind: 'update'; reviewId: number; body: string }
  | { kind: 'none' };

/** A code fence longer than any backtick run in the text, so a suggestion holding ``` survives. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

export function commentBody(finding: Finding, withSuggestion: boolean): string {
  const head = `${SEVERITY_ICON[finding.severity]} **${finding.severity}** \`${finding.rule}\`: ${finding.message}`;
  const replacement = finding.fix?.replacement;
  if (withSuggestion && replacement) {
    const text = replacement.join('\n');
    const f = fence(text);
    return `${head}\n\n${f}suggestion\n${text}\n${f}`;
  }
  if (finding.fix?.diff) {
    const f = fence(finding.fix.diff);
    return `${head}\n\n${f}diff\n${finding.fix.diff.replace(/\n$/, '')}\n${f}`;
  }
  return head;
}

function where(finding: Finding, series: Series): string {
  const patch = finding.patch === 0 ? 'cover letter' : `patch ${finding.patch}/${series.patches.length}`;
  if (!finding.file) return finding.line ? `${patch}, commit message line ${finding.line}` : patch;
  return `${patch}, \`${finding.file}${finding.line ? `:${finding.line}` : ''}\``;
}

/** A fix that replaces other lines than the finding's (a rewrapped paragraph): no suggestion on the finding's lines. */
function fixHasOwnRange(f: Finding): boolean {
  const fix = f.fix;
  if (fix?.line === undefined) return false;
  return fix.line !== f.line || (fix.endLine ?? fix.line) !== (f.endLine ?? f.line);
}

/**
 * `diffLines` holds, per path at the head, the lines of the PR's diff.
 * A finding becomes an inline comment when its line (all its lines, for a
 * span) is there; a suggestion only when the comment covers exactly the
 * lines the fix replaces. With `earlier` compared, a finding that review
 * (or one before it) already commented inline is counted in the body
 * instead: GitHub keeps the earlier comment.
 */
export function planReview(
  findings: readonly Finding[],
  series: Series,
  diffLines: ReadonlyMap<string, ReadonlySet<number>> | 'no-inline',
  headSha: string,
  earlier?: EarlierReview,
): ReviewPlan {
  const compared = earlier?.kind === 'compared' ? earlier : undefined;
  // The findings marked new or still there, in the same order.
  const marked: readonly Finding[] = compared?.comparison.findings ?? findings;
  const index = new Map(marked.map((f, i) => [f, i]));
  const inline = new Set<number>();
  const comments: ReviewComment[] = [];
  const elsewhere: Finding[] = [];
  const commentedBefore: Finding[] = [];
  for (const { finding, at } of findingsAtHead(series, marked)) {
    const i = index.get(finding)!;
    const lines = at && diffLines !== 'no-inline' ? diffLines.get(at.path) : undefined;
    if (at && lines?.has(at.line) && compared?.commented[i]) {
      commentedBefore.push(finding);
      inline.add(i);
      continue;
    }
    if (!at || !lines?.has(at.line) || comments.length >= MAX_INLINE_COMMENTS) {
      elsewhere.push(finding);
      continue;
    }
    let span = true;
    for (let l = at.line; l <= (at.endLine ?? at.line); l++) if (!lines.has(l)) span = false;
    // A span the comment cannot cover would make a suggestion replace the wrong lines.
    const exact = span && (finding.endLine === undefined || at.endLine !== undefined) && !fixHasOwnRange(finding);
    const comment: ReviewComment = { path: at.path, line: at.line, side: 'RIGHT', body: commentBody(finding, exact) };
    if (span && at.endLine !== undefined) comments.push({ path: at.path, start_line: at.line, start_side: 'RIGHT', line: at.endLine, side: 'RIGHT', body: comment.body });
    else comments.push(comment);
    inline.add(i);
  }

  const counts = countBySeverity(findings);
  // The record first: a body cut at GitHub's limit loses the end, not the record.
  const blocks = [
    [
      REVIEW_MARKER,
      recordMarker(recordedFindings(marked, series, (_, i) => inline.has(i))),
      `**qemu-patchlint** on ${shortSha(headSha)}: ${countsSentence(counts)}` + (comments.length ? ` (${plural(comments.length, 'comment')} inline)` : ''),
    ],
  ];
  if (compared) blocks.push(trimmed(sinceMarkdown(compared.summary)));
  if (earlier?.kind === 'unavailable') blocks.push([`_No comparison with the review of ${shortSha(earlier.headSha)}: ${earlier.reason}._`]);
  const item = (f: Finding) => `- ${SEVERITY_ICON[f.severity]} \`${f.rule}\` (${where(f, series)}): ${f.message.replace(/\n/g, ' ')}`;
  if (commentedBefore.length) blocks.push(['Still there, already commented inline:', '', ...commentedBefore.map(item)]);
  if (elsewhere.length) {
    const heading = diffLines === 'no-inline' ? 'Findings:' : comments.length >= MAX_INLINE_COMMENTS ? 'Not commented inline (off the diff, or past the inline limit):' : 'Not on a line of this diff:';
    blocks.push([heading, '', ...elsewhere.map((f) => item(f) + stillThere(f, compared?.summary))]);
  }
  if (!findings.length) blocks.push(['Nothing left to report.']);
  return {
    body: fitOutput(blocks.map((b) => b.join('\n')).join('\n\n')),
    comments,
    findings: findings.length,
    headSha,
    ...(compared ? { since: { fixed: compared.summary.counts.fixed, new: compared.summary.counts.new } } : {}),
  };
}

/** Lines without the blank ones that end them. */
function trimmed(lines: readonly string[]): string[] {
  const out = [...lines];
  while (out.at(-1) === '') out.pop();
  return out;
}

/** Our earlier reviews on the pull request, oldest first. */
export function ourReviews(reviews: readonly PostedReview[]): PostedReview[] {
  return reviews.filter((r) => r.userType === 'Bot' && r.body.includes(REVIEW_MARKER));
}

/**
 * What to do given what is already posted: only comments that are not there
 * yet go into a new review; with none, the latest review's body is updated
 * when it is of the same head. A re-run or a re-delivery of the same head
 * therefore posts nothing new, and a clean pull request that was never
 * commented on gets no review at all. The review of an earlier head is never
 * rewritten (it records that head's findings, for the comparison): a new head
 * gets its own review when there is news (findings fixed or new since that
 * review; without a comparison, any finding, or that none are left).
 */
export function reviewAction(plan: ReviewPlan, previous: readonly PostedReview[], posted: readonly PostedComment[]): ReviewAction {
  const key = (c: { path: string; line: number | null; body: string }) => `${c.path}\u0000${c.line}\u0000${c.body}`;
  const present = new Set(posted.filter((c) => c.line !== null).map(key));
  const fresh = plan.comments.filter((c) => !present.has(key(c)));
  const latest = previous.at(-1);
  if (fresh.length) return { kind: 'create', body: plan.body, comments: fresh };
  // GitHub gives every review its commit_id; without it, the review is taken as this head's.
  if (latest && (latest.commitId === undefined || latest.commitId === plan.headSha)) {
    return latest.body === plan.body ? { kind: 'none' } : { kind: 'update', reviewId: latest.id, body: plan.body };
  }
  const news = plan.since ? plan.since.fixed + plan.since.new > 0 : plan.findings > 0 || previous.length > 0;
  return news ? { kind: 'create', body: plan.body, comments: [] } : { kind: 'none' };
}
