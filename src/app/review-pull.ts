// One pull request, start to end: its commits become a series (commit k =
// patch k of n), the engine lints it with each commit's files read from
// GitHub, and the result becomes one check run and one review. Shared by the
// Probot app and the Actions entry; every decision is the engine's.
import { ALL_RULES } from '../../rules/index.js';
import { type Config, ConfigError } from '../engine/config.js';
import { lintSeries } from '../engine/engine.js';
import type { Rule } from '../engine/types.js';
import { parseMail } from '../mail/parse.js';
import { DiffError } from '../patch/diff.js';
import { patchFromMail } from '../patch/from-mail.js';
import type { Patch, Series } from '../patch/model.js';
import { toSeries } from '../patch/series.js';
import { type LintReport, crashErrors, summariseSeries } from '../report/summary.js';
import { perCommitPlan, treeCache } from '../tree/plan.js';
import { type Tree, versionOf } from '../tree/tree.js';
import { planCheckRun, planFailedCheckRun, planSupersededCheckRun } from './check-run.js';
import { commitMail } from './commit-mail.js';
import {
  type ApiFailure,
  ContentsTree,
  type GitHubApi,
  MAX_COMMITS,
  FILES_LIMIT,
  apiFailureOf,
  describeApiFailure,
  getCommit,
  getPull,
  listPullCommits,
  pullDiffLines,
  readRepoConfig,
} from './github-api.js';
import type { GitHubCommit, GitHubFile, PullRef } from './github-types.js';
import { type ParkOptions, Superseded, parkingOnLimits, rateLimitWait, throwIfSuperseded } from './limits.js';
import { type EarlierReview, compareWithEarlierReview } from './earlier-review.js';
import { type StartedCheckRun, completeCheckRun, publishReview, readOurReviews, startCheckRun } from './publish.js';
import { planReview } from './review.js';

export interface ReviewOptions {
  rules?: readonly Rule[];
  /** Aborted when a newer push to the pull request supersedes this review. */
  signal?: AbortSignal;
  /** How long a rate-limited review may park (limits.ts). */
  park?: Omit<ParkOptions, 'signal'>;
}

export type ReviewOutcome =
  | { status: 'reviewed'; report: LintReport; checkRunId: number; review: 'create' | 'update' | 'none' }
  | { status: 'superseded'; headSha: string; currentSha: string }
  | { status: 'failed'; reason: string; checkRunId?: number };

export interface PullSeries {
  series: Series;
  /** What could not be checked: merge commits, files without a diff, commits past the limit. */
  notes: string[];
}

/** The pull request's commits as one series, each patch parsed from its commit's format-patch mail. */
export async function seriesFromCommits(commits: ReadonlyArray<{ commit: GitHubCommit; files: readonly GitHubFile[] }>, prCommitCount: number): Promise<PullSeries> {
  const notes: string[] = [];
  // git format-patch skips merges, and so does the series.
  const linear = commits.filter(({ commit }) => {
    if (commit.parents.length <= 1) return true;
    notes.push(`merge commit ${commit.sha.slice(0, 12)} is not a patch: skipped`);
    return false;
  });
  const patches: Patch[] = [];
  for (const [i, { commit, files }] of linear.entries()) {
    const mail = commitMail(commit, files, { index: i + 1, total: linear.length });
    for (const path of mail.withoutDiff) notes.push(`${path} in ${commit.sha.slice(0, 12)}: GitHub sent no diff (too large), its lines were not checked`);
    if (files.length >= FILES_LIMIT) notes.push(`commit ${commit.sha.slice(0, 12)}: GitHub lists ${FILES_LIMIT} files at most; the rest were not checked`);
    try {
      const patch = patchFromMail(await parseMail(Buffer.from(mail.text), mail.separator), { input: `commit ${commit.sha}`, line: 1 });
      if (patch) patches.push({ ...patch, index: patches.length + 1 });
    } catch (error) {
      if (!(error instanceof DiffError)) throw error;
      notes.push(`commit ${commit.sha.slice(0, 12)}: its diff could not be read (${error.message}): skipped`);
    }
  }
  if (prCommitCount > commits.length) notes.push(`only the first ${commits.length} of ${prCommitCount} commits were checked`);
  const total = patches.length;
  const series = toSeries({ version: 1, total, byIndex: new Map(patches.map((p) => [p.index, { ...p, total }])) });
  return { series, notes };
}

/** Lints the pull request and publishes the result; API failures end in a failed check run. */
export async function reviewPullRequest(api: GitHubApi, pull: PullRef, options: ReviewOptions = {}): Promise<ReviewOutcome> {
  const park = <T>(step: () => Promise<T>) => parkingOnLimits(step, { ...options.park, signal: options.signal });
  let started: StartedCheckRun | undefined;
  try {
    // First of all, so that the pull request shows that a review is under way
    // even if GitHub then refuses everything else.
    started = await park(() => startCheckRun(api, pull));
  } catch (error) {
    if (error instanceof Superseded) return { status: 'superseded', headSha: pull.headSha, currentSha: 'a newer push' };
    if (!apiFailureOf(error)) throw error;
    // Not even the check run: the failure report below tries again.
  }
  try {
    const linted = await park(() => lintPull(api, pull, options));
    if (linted.failure) return await fail(api, pull, started, describeApiFailure(linted.failure));
    const { report, series, notes } = linted;

    // Linting takes a while: a push meanwhile makes this head old news.
    throwIfSuperseded(options.signal);
    const current = await park(() => getPull(api, pull.owner, pull.repo, pull.number));
    if (current.headSha !== pull.headSha) return await superseded(api, pull, started, current.headSha);

    const diff = await park(() => pullDiffLines(api, pull));
    if (diff.files >= FILES_LIMIT) notes.push(`GitHub lists ${FILES_LIMIT} files of a pull request at most: findings in the others are in this summary only`);
    if (linted.commits >= MAX_COMMITS) notes.push(`at most ${MAX_COMMITS} commits are checked`);
    // The review before the check run, so that a review GitHub refuses is
    // reported in the one check run rather than hidden behind a second.
    let review: ReviewOutcomeReview = 'none';
    let reviewProblem: string | undefined;
    // What became of the findings of the head reviewed before (a push): from our own earlier review.
    let earlier: EarlierReview | undefined;
    try {
      review = await park(async () => {
        const ours = await readOurReviews(api, pull);
        earlier = compareWithEarlierReview(ours.reviews, pull.headSha, report.findings, series);
        const plan = (lines: typeof diff.lines | 'no-inline') => planReview(report.findings, series, lines, pull.headSha, earlier);
        return publishReview(api, pull, plan(diff.lines), plan('no-inline'), ours);
      });
    } catch (error) {
      const failure = apiFailureOf(error);
      if (!failure) throw error;
      reviewProblem = `The review with these findings could not be posted: ${describeApiFailure(failure)}. The findings are in this check run.`;
    }
    const compared = earlier?.kind === 'compared' ? { ...report, findings: earlier.comparison.findings, previous: earlier.summary } : report;
    const plan = planCheckRun(compared, series, reviewProblem ? [reviewProblem, ...notes] : notes);
    const checkRunId = await park(() => completeCheckRun(api, pull, started, plan));
    return { status: 'reviewed', report, checkRunId, review };
  } catch (error) {
    if (error instanceof Superseded) return await superseded(api, pull, started, 'a newer push');
    if (error instanceof ConfigError) return await fail(api, pull, started, `The settings file is not valid: ${error.message}`);
    const failure = apiFailureOf(error);
    if (!failure) throw error;
    return await fail(api, pull, started, describeApiFailure(failure));
  }
}

type ReviewOutcomeReview = Extract<ReviewOutcome, { status: 'reviewed' }>['review'];

interface Linted {
  report: LintReport;
  series: Series;
  notes: string[];
  /** Commits listed for the pull request. */
  commits: number;
  /** A file read that GitHub refused: the findings that needed it are missing. */
  failure?: ApiFailure;
}

/** Reads the pull request's commits and files and lints them; a rate-limited read is thrown, to park the whole step. */
async function lintPull(api: GitHubApi, pull: PullRef, options: ReviewOptions): Promise<Linted> {
  const rules = options.rules ?? ALL_RULES;
  const config = await readRepoConfig(api, pull.owner, pull.repo, rules.map((r) => r.meta.id));
  const listed = await listPullCommits(api, pull);
  const commits = [];
  for (const entry of listed) {
    throwIfSuperseded(options.signal);
    commits.push(await getCommit(api, pull.owner, pull.repo, entry.sha));
  }
  const { series, notes } = await seriesFromCommits(commits, Math.max(pull.commits ?? 0, listed.length));
  const readErrors: unknown[] = [];
  const report = await lint(api, pull, series, config, commits[0]?.commit.parents[0]?.sha ?? pull.baseSha, readErrors, rules);
  const limited = readErrors.find((e) => rateLimitWait(e) !== undefined);
  if (limited) throw limited;
  const failure = readErrors.length ? apiFailureOf(readErrors[0]) : undefined;
  return { report, series, notes, commits: listed.length, ...(failure ? { failure } : {}) };
}

/**
 * Patch k is linted against the tree after commit k, read through the
 * contents API. A file no commit up to k touched reads the same at the base,
 * so it is read there once for the whole pull request (MAINTAINERS, say,
 * is read once, not once per commit).
 */
async function lint(api: GitHubApi, pull: PullRef, series: Series, config: Config, baseSha: string, readErrors: unknown[], rules: readonly Rule[]): Promise<LintReport> {
  const treeAt = treeCache((sha) => new ContentsTree(api, pull.owner, pull.repo, sha, readErrors));
  const touchedBy = new Map<string, number[]>();
  for (const patch of series.patches) {
    for (const file of patch.files) for (const path of new Set([file.path, file.oldPath])) touchedBy.set(path, [...(touchedBy.get(path) ?? []), patch.index]);
  }
  const shaOf = new Map(series.patches.map((p) => [p.index, p.commitSha ?? pull.headSha]));
  const afterPatch = (index: number): Tree => {
    const tree: Tree = {
      description: treeAt(shaOf.get(index) ?? pull.headSha).description,
      read: (path) => {
        const last = touchedBy.get(path)?.filter((k) => k <= index).at(-1);
        return treeAt(last === undefined ? baseSha : shaOf.get(last)!).read(path);
      },
      version: () => versionOf(tree),
    };
    return tree;
  };
  const plan = perCommitPlan({
    before: treeAt(baseSha),
    patches: series.patches,
    treeOf: (patch) => afterPatch(patch.index),
    description: 'files: read from each commit of the pull request (GitHub contents API)',
  });
  const result = await lintSeries(series, { rules, config, plan });
  const summary = summariseSeries(series, result, plan);
  const { findings } = result;
  const errors = crashErrors(series, result);
  return { series: [summary], findings, errors };
}

async function fail(api: GitHubApi, pull: PullRef, started: StartedCheckRun | undefined, reason: string): Promise<ReviewOutcome> {
  try {
    const checkRunId = await completeCheckRun(api, pull, started, planFailedCheckRun(reason));
    return { status: 'failed', reason, checkRunId };
  } catch {
    // GitHub refused the failure report too; the caller logs the reason.
    return { status: 'failed', reason };
  }
}

/** A newer head replaces this one: its check run is closed as skipped (best effort: the limit may still hold). */
async function superseded(api: GitHubApi, pull: PullRef, started: StartedCheckRun | undefined, currentSha: string): Promise<ReviewOutcome> {
  if (started) await completeCheckRun(api, pull, started, planSupersededCheckRun(currentSha)).catch(() => undefined);
  return { status: 'superseded', headSha: pull.headSha, currentSha };
}
