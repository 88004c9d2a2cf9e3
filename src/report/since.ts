// The "Since vN-1" part of the text, markdown and email outputs: what became
// of the previous version's findings (`check NEW --previous OLD`).
import type { Finding } from '../engine/types.js';
import type { PreviousSummary } from './previous.js';

/** `Since v1: 2 fixed, 1 still there, 3 new` */
export function sinceHeadline(previous: PreviousSummary): string {
  const { fixed, reported } = previous.counts;
  return `Since ${previous.label}: ${fixed} fixed, ${reported} still there, ${previous.counts.new} new`;
}

/** What marks a finding the previous version drew too. */
export function stillThere(f: Finding, previous: PreviousSummary | undefined): string {
  return previous && f.previously === 'reported' ? ` (still there from ${previous.label})` : '';
}

/** Where a fixed finding was, in the previous version: `patch 2, qapi/net.json:12`. */
export function fixedWhere(f: Finding): string {
  const patch = f.patch === 0 ? 'cover letter' : `patch ${f.patch}`;
  const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : f.line ? `commit message line ${f.line}` : '';
  return [patch, where].filter(Boolean).join(', ');
}

/** The plain-text section: the headline and one `FIXED:` line per finding gone. */
export function sinceSection(previous: PreviousSummary): string[] {
  return [
    `=== ${sinceHeadline(previous)}`,
    ...previous.fixed.map((f) => `FIXED: [${f.rule}] ${f.message} (${previous.label} ${fixedWhere(f)})`),
  ];
}
