// The check run for a pull request's head: conclusion by severity, a
// markdown summary (src/report/markdown.ts), and the findings as annotations
// on the head's lines, in the batches of 50 that the Checks API accepts.
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../engine/types.js';
import type { Series } from '../patch/model.js';
import { countBySeverity, countsSentence } from '../report/counts.js';
import { formatMarkdown } from '../report/markdown.js';
import type { ReportWithPrevious } from '../report/previous.js';
import { findingsAtHead } from './head-lines.js';

export const CHECK_NAME = 'qemu-patchlint';
/** external_id prefix that tells our check runs from another app's of the same name. */
export const CHECK_EXTERNAL_ID = 'qemu-patchlint';
export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub rejects a check run output text above 65535 characters. */
export const OUTPUT_TEXT_LIMIT = 65535;

export type Conclusion = 'failure' | 'neutral' | 'success' | 'skipped';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
  raw_details?: string;
}

export interface CheckRunPlan {
  conclusion: Conclusion;
  title: string;
  summary: string;
  /** Annotations in request-sized batches; the first goes with the conclusion. */
  batches: Annotation[][];
  /** Identifies the annotations, so that a re-run can tell whether they changed. */
  externalId: string;
}

const LEVEL: Record<Severity, Annotation['annotation_level']> = { error: 'failure', warning: 'warning', info: 'notice' };

/** Errors fail the check; warnings only make it neutral, so that they do not block a merge. */
export function conclusionOf(findings: readonly Finding[]): Conclusion {
  if (findings.some((f) => f.severity === 'error')) return 'failure';
  if (findings.some((f) => f.severity === 'warning')) return 'neutral';
  return 'success';
}

export function checkTitle(findings: readonly Finding[]): string {
  if (!findings.length) return 'No findings';
  const counts = countBySeverity(findings);
  return `${countsSentence(counts)}`;
}

export function annotationsOf(findings: readonly Finding[], series: Series): Annotation[] {
  const annotations: Annotation[] = [];
  for (const { finding, at } of findingsAtHead(series, findings)) {
    if (!at) continue;
    const replacement = finding.fix?.replacement;
    annotations.push({
      path: at.path,
      start_line: at.line,
      end_line: at.endLine ?? at.line,
      annotation_level: LEVEL[finding.severity],
      title: finding.rule,
      message: finding.message,
      ...(replacement ? { raw_details: `Suggested:\n${replacement.join('\n')}` } : finding.fix?.diff ? { raw_details: finding.fix.diff } : {}),
    });
  }
  return annotations;
}

export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

/** Cuts text to GitHub's output limit, saying so. */
export function fitOutput(text: string, limit = OUTPUT_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const note = '\n\n_(cut here: GitHub limits this text to 65535 characters; run `patchlint` locally for the rest)_';
  return text.slice(0, limit - note.length) + note;
}

export function planCheckRun(report: ReportWithPrevious, series: Series, notes: readonly string[] = []): CheckRunPlan {
  const annotations = annotationsOf(report.findings, series);
  // First: a summary cut at GitHub's limit must still say what was not checked.
  const first = notes.length ? `### What could not be checked\n\n${notes.map((n) => `- ${n}`).join('\n')}\n\n` : '';
  const digest = createHash('sha256').update(JSON.stringify(annotations)).digest('hex').slice(0, 16);
  return {
    conclusion: conclusionOf(report.findings),
    title: checkTitle(report.findings),
    summary: fitOutput(first + formatMarkdown(report)),
    batches: batchesOf(annotations, ANNOTATIONS_PER_REQUEST),
    externalId: `${CHECK_EXTERNAL_ID}:${digest}`,
  };
}

/** The check run that says the review could not be done, and why. */
export function planFailedCheckRun(reason: string): CheckRunPlan {
  return {
    conclusion: 'failure',
    title: 'qemu-patchlint could not review this pull request',
    summary: fitOutput(reason),
    batches: [],
    externalId: `${CHECK_EXTERNAL_ID}:failed`,
  };
}

/** The check run a review starts with: GitHub shows it as running, with a Re-run button if it never ends. */
export function planStartedCheckRun(commits: number | undefined): { title: string; summary: string } {
  const what = commits ? `${commits} commit${commits === 1 ? '' : 's'}` : 'the pull request';
  return { title: `Reviewing ${what}`, summary: `qemu-patchlint is reviewing ${what}. The findings replace this text when it is done.` };
}

/** The check run of a head that a newer push replaced before its review was published. */
export function planSupersededCheckRun(currentSha: string): CheckRunPlan {
  const newer = /^[0-9a-f]{40}$/.test(currentSha) ? currentSha.slice(0, 12) : currentSha;
  return {
    conclusion: 'skipped',
    title: 'Superseded by a newer push',
    summary: `This head was replaced by ${newer} before its review was done; the newer head is reviewed instead.`,
    batches: [],
    externalId: `${CHECK_EXTERNAL_ID}:superseded`,
  };
}
