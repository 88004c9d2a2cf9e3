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
import { planCheckRun, planFailedCheckRun } from './check-run.js';
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
import { publishCheckRun, publishReview } from './publish.js';
import { planReview } from './review.js';

export interface ReviewOptions {
  rules?: readonly Rule[];
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
  const series = toSeries({ version: 1, total, byIndex: new Map(patches.map((p) => [p.index, { ...p, total }])) }, 'commits');
  return { series, notes };
}

/** Lints the pull request and publishes the result; API failures end in a failed check run. */
export async function reviewPullRequest(api: GitHubApi, pull: PullRef, options: ReviewOptions = {}): Promise<ReviewOutcome> {
  const failures: ApiFailure[] = [];
  try {
    const rules = options.rules ?? ALL_RULES;
    const config = await readRepoConfig(api, pull.owner, pull.repo, rules.map((r) => r.meta.id));
    const listed = await listPullCommits(api, pull);
    const commits = [];
    for (const entry of listed) commits.push(await getCommit(api, pull.owner, pull.repo, entry.sha));
    const { series, notes } = await seriesFromCommits(commits, Math.max(pull.commits ?? 0, listed.length));
    const report = await lint(api, pull, series, config, commits[0]?.commit.parents[0]?.sha ?? pull.baseSha, failures, options);
    if (failures.length) return await fail(api, pull, describeApiFailure(failures[0]!));

    // Linting takes a while: a push meanwhile makes this head old news.
    const current = await getPull(api, pull.owner, pull.repo, pull.number);
    if (current.headSha !== pull.headSha) return { status: 'superseded', headSha: pull.headSha, currentSha: current.headSha };

    const diff = await pullDiffLines(api, pull);
    if (diff.files >= FILES_LIMIT) notes.push(`GitHub lists ${FILES_LIMIT} files of a pull request at most: findings in the others are in this summary only`);
    if (listed.length >= MAX_COMMITS) notes.push(`at most ${MAX_COMMITS} commits are checked`);
    const checkRunId = await publishCheckRun(api, pull.owner, pull.repo, pull.headSha, planCheckRun(report, series, notes));
    const review = await publishReview(api, pull, planReview(report.findings, series, diff.lines, pull.headSha));
    return { status: 'reviewed', report, checkRunId, review };
  } catch (error) {
    if (error instanceof ConfigError) return await fail(api, pull, `The settings file is not valid: ${error.message}`);
    const failure = apiFailureOf(error);
    if (!failure) throw error;
    return await fail(api, pull, describeApiFailure(failure));
  }
}

async function lint(api: GitHubApi, pull: PullRef, series: Series, config: Config, baseSha: string, failures: ApiFailure[], options: ReviewOptions): Promise<LintReport> {
  const treeOf = treeCache((sha) => new ContentsTree(api, pull.owner, pull.repo, sha, failures));
  const plan = perCommitPlan({
    before: treeOf(baseSha),
    patches: series.patches,
    treeOf: (patch) => treeOf(patch.commitSha ?? pull.headSha),
    description: 'files: read from each commit of the pull request (GitHub contents API)',
  });
  const result = await lintSeries(series, { rules: options.rules ?? ALL_RULES, config, plan });
  const summary = summariseSeries(series, result, plan);
  const { findings } = result;
  const errors = crashErrors(series, result);
  return { series: [summary], findings, errors };
}

async function fail(api: GitHubApi, pull: PullRef, reason: string): Promise<ReviewOutcome> {
  try {
    const checkRunId = await publishCheckRun(api, pull.owner, pull.repo, pull.headSha, planFailedCheckRun(reason));
    return { status: 'failed', reason, checkRunId };
  } catch {
    // GitHub refused the failure report too; the caller logs the reason.
    return { status: 'failed', reason };
  }
}
