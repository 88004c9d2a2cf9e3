// What became of the findings of the head reviewed before this one (a
// force-push, new commits): the comparison of src/report/previous.ts, fed
// with the findings our own earlier review recorded.
//
// Why the earlier review, and not the earlier head linted again: the review
// records what the author was actually told, by the rules and settings of
// that day; it costs no request (publish.ts lists the reviews anyway), where
// linting the old head again doubles the API calls of every push; and it
// does not depend on GitHub still serving a commit that a force-push left
// behind (fork networks are garbage-collected), nor on the `before` of a
// push being a head that was ever reviewed (a push that superseded a review
// in progress leaves one unreviewed). The app stays stateless: the record
// lives on the pull request, beside what it describes, and survives restarts
// and a move to another instance. Only a bot's review is read (ourReviews),
// and a record that does not read back as findings is reported, not trusted.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Finding } from '../engine/types.js';
import type { Series } from '../patch/model.js';
import { type KeptFinding, type PreviousSummary, type VersionComparison, compareWithPrevious, keptFinding } from '../report/previous.js';

/** A finding as a review records it for the next head's comparison. */
export type RecordedFinding = KeptFinding & {
  /** Commented inline (by this review or an earlier one): a later head does not comment it again. */
  inline?: true;
};

/** Past this many characters the record is left out: a review body holds 65536 at most, and the findings come first. */
export const RECORD_LIMIT = 30_000;

const RECORD = /<!-- qemu-patchlint findings (\S+) -->/;

/**
 * The hidden line of a review body that records its findings: gzipped JSON
 * in base64url (an HTML comment cannot hold `-->`, and the record must leave
 * the body room). An operator reads one with
 * `node -p "zlib.gunzipSync(Buffer.from(process.argv[1], 'base64url')).toString()" DATA`.
 */
export function recordMarker(findings: readonly RecordedFinding[]): string {
  const data = gzipSync(JSON.stringify(findings)).toString('base64url');
  return `<!-- qemu-patchlint findings ${data.length <= RECORD_LIMIT ? data : `omitted:${findings.length}`} -->`;
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

function isRecordedFinding(v: unknown): v is RecordedFinding {
  const f = v as Record<string, unknown>;
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof f.rule === 'string' &&
    typeof f.message === 'string' &&
    SEVERITIES.has(f.severity as string) &&
    Number.isInteger(f.patch) &&
    (f.file === null || typeof f.file === 'string') &&
    (f.line === null || Number.isInteger(f.line)) &&
    (f.endLine === undefined || Number.isInteger(f.endLine)) &&
    (f.excerpt === undefined || (Array.isArray(f.excerpt) && f.excerpt.every((t) => typeof t === 'string'))) &&
    (f.patchSubject === undefined || typeof f.patchSubject === 'string')
  );
}

/** The findings a review body records, or why it has none to give. */
export function readRecord(body: string): { findings: RecordedFinding[] } | { problem: string } {
  const data = RECORD.exec(body)?.[1];
  if (data === undefined) return { problem: 'it holds no record of its findings (an older qemu-patchlint posted it)' };
  const omitted = /^omitted:(\d+)$/.exec(data);
  if (omitted) return { problem: `its ${omitted[1]} findings were too many to record` };
  try {
    const findings: unknown = JSON.parse(gunzipSync(Buffer.from(data, 'base64url')).toString('utf8'));
    if (Array.isArray(findings) && findings.every(isRecordedFinding)) return { findings };
  } catch {
    // Not gzip or not JSON: reported below like any other damage.
  }
  return { problem: 'its record of findings could not be read' };
}

/** A posted review as the comparison needs it. */
export interface ReviewOfHead {
  body: string;
  /** The head the review was posted on (`commit_id`). */
  commitId?: string;
}

/** The review's findings, recorded with what the next head's comparison needs. */
export function recordedFindings(findings: readonly Finding[], series: Series, inline: (f: Finding, i: number) => boolean): RecordedFinding[] {
  const subjects = new Map(series.patches.map((p) => [p.index, p.subject]));
  return findings.map((f, i) => ({ ...keptFinding(f, subjects.get(f.patch)), ...(inline(f, i) ? { inline: true as const } : {}) }));
}

export type EarlierReview =
  | {
      kind: 'compared';
      headSha: string;
      /** For the review body and the check run summary. */
      summary: PreviousSummary;
      comparison: VersionComparison<Finding>;
      /** Per current finding: the earlier review already commented it inline. */
      commented: boolean[];
    }
  | { kind: 'unavailable'; headSha: string; reason: string };

export const shortSha = (sha: string) => sha.slice(0, 12);

/**
 * Compares the findings with those of the latest of our reviews posted on
 * another head; undefined when there is none (the first review). The same
 * head gives the same answer on every delivery: a re-delivery, or a re-run
 * after the review of this head was posted, compares with the same review.
 */
export function compareWithEarlierReview(ours: readonly ReviewOfHead[], headSha: string, findings: readonly Finding[], series: Series): EarlierReview | undefined {
  const earlier = ours.filter((r) => r.commitId && r.commitId !== headSha).at(-1);
  if (!earlier) return undefined;
  const earlierSha = earlier.commitId!;
  const record = readRecord(earlier.body);
  if ('problem' in record) return { kind: 'unavailable', headSha: earlierSha, reason: record.problem };
  const previous: Finding[] = record.findings.map((r) => ({
    rule: r.rule,
    severity: r.severity,
    message: r.message,
    series: 0,
    patch: r.patch,
    file: r.file,
    line: r.line,
    ...(r.endLine !== undefined ? { endLine: r.endLine } : {}),
    ...(r.excerpt ? { excerpt: r.excerpt } : {}),
  }));
  const subjectOf = new Map(series.patches.map((p) => [p.index, p.subject]));
  const previousSubject = new Map(previous.map((f, i) => [f, record.findings[i]!.patchSubject]));
  const comparison = compareWithPrevious(previous, findings, {
    patchKey: (f, version) => (version === 'previous' ? previousSubject.get(f) : subjectOf.get(f.patch)),
  });
  const commented = comparison.pairedWith.map((j) => j !== undefined && record.findings[j]!.inline === true);
  const summary: PreviousSummary = { label: shortSha(earlierSha), fixed: comparison.fixed, counts: comparison.counts };
  return { kind: 'compared', headSha: earlierSha, summary, comparison, commented };
}
