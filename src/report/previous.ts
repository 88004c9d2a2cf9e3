// What became of the previous version's findings: the comparison behind
// `check NEW --previous OLD`, the GitHub App's review after a force-push and
// the mailing-list bot's reply to a vN. One pure function, so every
// front-end says the same thing about the same two versions.
//
// Line numbers move between versions, so a finding in a file is recognised
// by its rule, its file and the text of its line(s); a commit-message or
// series finding by its rule and message (and, when the caller can tell,
// the patch it belongs to).
import type { LintReport } from './summary.js';
import type { Finding } from '../engine/types.js';

export type Previously = 'new' | 'reported';

/**
 * A finding as a front-end keeps it until the next version (in the bot's
 * journal, in a review's hidden record): JSON-safe, with the subject of its
 * commit so that commit-message findings follow their commit.
 */
export type KeptFinding = Pick<Finding, 'rule' | 'severity' | 'message' | 'patch' | 'file' | 'line'> & { endLine?: number; excerpt?: string[]; patchSubject?: string };

export function keptFinding(f: Finding, patchSubject: string | undefined): KeptFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    patch: f.patch,
    file: f.file,
    line: f.line,
    ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
    ...(f.excerpt?.length ? { excerpt: f.excerpt } : {}),
    ...(patchSubject !== undefined ? { patchSubject } : {}),
  };
}

/** What the comparison reads of a finding (a whole Finding fits). */
export type ComparableFinding = Pick<Finding, 'rule' | 'message' | 'patch' | 'file' | 'line' | 'excerpt'>;

export interface CompareOptions<T> {
  /**
   * Which patch a commit-message finding belongs to, in terms that survive a
   * new version (its subject, say). Such findings then match in the same
   * patch, found by this key or else by position; without it, on rule and
   * message alone (the same position preferred).
   */
  patchKey?: (finding: T, version: 'previous' | 'current') => string | undefined;
}

export interface VersionComparison<T> {
  /** Every current finding, in its order, marked as new or already reported. */
  findings: Array<T & { previously: Previously }>;
  /** The previous version's findings that are gone, in their order. */
  fixed: T[];
  counts: { fixed: number; reported: number; new: number };
  /** Per current finding, the index in `previous` of the finding it was matched with (undefined when new). */
  pairedWith: Array<number | undefined>;
}

/** The text a file finding is about; undefined when the finding quotes none. */
function lineText(f: ComparableFinding): string | undefined {
  return f.excerpt?.length ? f.excerpt.join('\n') : undefined;
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

type Key<T> = (f: T, version: 'previous' | 'current') => string | undefined;

/**
 * The keys tried in turn, strictest first: a pass pairs findings whose keys
 * are equal, each at most once, before a looser pass sees the rest. A file
 * finding whose line was only re-spaced (another rule's fix) is still the
 * same finding; a commit-message finding in a patch that changed its
 * subject is still matched by position.
 */
function passes<T extends ComparableFinding>(patchKey: CompareOptions<T>['patchKey']): Key<T>[] {
  const inFile = (text: (f: T) => string | undefined, withMessage: boolean): Key<T> => (f) => {
    if (f.file === null) return undefined;
    const t = text(f);
    if (t === undefined) return withMessage ? ['file', f.rule, f.file, f.message].join('\0') : undefined;
    return ['file', f.rule, f.file, t, withMessage ? f.message : ''].join('\0');
  };
  const inMessage = (where: (f: T, version: 'previous' | 'current') => string | undefined): Key<T> => (f, version) => {
    if (f.file !== null) return undefined;
    const w = where(f, version);
    return w === undefined ? undefined : ['msg', f.rule, f.message, w].join('\0');
  };
  return [
    inFile(lineText, true),
    inFile(lineText, false),
    inFile((f) => (lineText(f) === undefined ? undefined : squeeze(lineText(f)!)), false),
    inMessage((f, version) => patchKey?.(f, version)),
    inMessage((f) => String(f.patch)),
    // Without patch identities, rule and message are all there is; with
    // them, a finding in another patch at another place is another finding.
    ...(patchKey ? [] : [inMessage(() => '')]),
  ];
}

/**
 * Compares the findings of a previous version of a series with the current
 * one. Neither list is changed; the result's findings are copies.
 */
export function compareWithPrevious<T extends ComparableFinding>(
  previous: readonly T[],
  current: readonly T[],
  options: CompareOptions<T> = {},
): VersionComparison<T> {
  const pairedWith = new Array<number | undefined>(current.length).fill(undefined);
  const gone = new Array<boolean>(previous.length).fill(true);
  for (const key of passes(options.patchKey)) {
    // Unmatched previous findings by key, in order, so that duplicates pair up one to one.
    const waiting = new Map<string, number[]>();
    previous.forEach((f, i) => {
      if (!gone[i]) return;
      const k = key(f, 'previous');
      if (k === undefined) return;
      const list = waiting.get(k);
      if (list) list.push(i);
      else waiting.set(k, [i]);
    });
    if (!waiting.size) continue;
    current.forEach((f, i) => {
      if (pairedWith[i] !== undefined) return;
      const k = key(f, 'current');
      const old = k === undefined ? undefined : waiting.get(k)?.shift();
      if (old === undefined) return;
      pairedWith[i] = old;
      gone[old] = false;
    });
  }
  const findings = current.map((f, i) => ({ ...f, previously: (pairedWith[i] !== undefined ? 'reported' : 'new') as Previously }));
  const fixed = previous.filter((_, i) => gone[i]);
  const reported = pairedWith.filter((p) => p !== undefined).length;
  return { findings, fixed, counts: { fixed: fixed.length, reported, new: current.length - reported }, pairedWith };
}

/** A run's report with what became of the previous version's findings. */
export interface PreviousSummary {
  /** How outputs name the previous version: `v2`, or `the previous version`. */
  label: string;
  fixed: Finding[];
  counts: VersionComparison<Finding>['counts'];
}

export type ReportWithPrevious = LintReport & { previous?: PreviousSummary };

/**
 * Compares two whole runs (`check NEW --previous OLD`): commit-message
 * findings follow their patch by subject across versions.
 */
export function withPrevious(current: LintReport, previous: LintReport): ReportWithPrevious {
  const subjects = (report: LintReport) => (f: Finding) => report.series[f.series]?.patches.find((p) => p.index === f.patch)?.subject;
  const keys = { previous: subjects(previous), current: subjects(current) };
  const result = compareWithPrevious(previous.findings, current.findings, { patchKey: (f, version) => keys[version](f) });
  const versions = new Set(previous.series.map((s) => s.version));
  const label = versions.size === 1 ? `v${[...versions][0]}` : 'the previous version';
  return { ...current, findings: result.findings, previous: { label, fixed: result.fixed, counts: result.counts } };
}
