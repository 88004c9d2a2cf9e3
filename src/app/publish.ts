// Writes the planned check run and review, updating what an earlier run
// posted instead of adding to it.
import { createHash } from 'node:crypto';
import { CHECK_EXTERNAL_ID, CHECK_NAME, type CheckRunPlan, planStartedCheckRun } from './check-run.js';
import { type GitHubApi, PAGE_SIZE, apiFailureOf } from './github-api.js';
import type { PullRef } from './github-types.js';
import { type PostedComment, type PostedReview, type ReviewAction, type ReviewComment, type ReviewPlan, ourReviews, reviewAction } from './review.js';

interface ExistingCheckRun {
  id: number;
  status: string;
  conclusion?: string;
  externalId: string;
  annotations: number;
  title?: string;
  summary?: string;
}

async function findCheckRun(api: GitHubApi, owner: string, repo: string, headSha: string): Promise<ExistingCheckRun | undefined> {
  const { data } = await api.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner, repo, ref: headSha, check_name: CHECK_NAME, filter: 'latest', per_page: PAGE_SIZE });
  const run = data.check_runs.find((r) => r.external_id?.startsWith(CHECK_EXTERNAL_ID));
  return (
    run && {
      id: Number(run.id),
      status: run.status,
      ...(run.conclusion ? { conclusion: run.conclusion } : {}),
      externalId: run.external_id ?? '',
      annotations: run.output.annotations_count,
      ...(run.output.title ? { title: run.output.title } : {}),
      ...(run.output.summary ? { summary: run.output.summary } : {}),
    }
  );
}

/** Our check run on the head once the review has started: found, or created in progress. */
export interface StartedCheckRun {
  existing: ExistingCheckRun;
}

/**
 * Shows the review under way: a new check run `in_progress`. A head that
 * already has ours (a re-delivery, a re-run, a restart) keeps it untouched
 * until the result is known, which saves a write when nothing changed.
 */
export async function startCheckRun(api: GitHubApi, pull: PullRef): Promise<StartedCheckRun> {
  const { owner, repo, headSha } = pull;
  const existing = await findCheckRun(api, owner, repo, headSha);
  if (existing) return { existing };
  const output = planStartedCheckRun(pull.commits);
  const { data } = await api.request('POST /repos/{owner}/{repo}/check-runs', {
    owner,
    repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
    external_id: `${CHECK_EXTERNAL_ID}:started`,
    output,
  });
  return { existing: { id: Number(data.id), status: 'in_progress', externalId: `${CHECK_EXTERNAL_ID}:started`, annotations: 0, ...output } };
}

/**
 * Completes the head's check run with the plan. The Checks API appends
 * annotations on every update, so the run is updated in place only when its
 * annotations are unchanged (then none are sent) or when it has none yet;
 * otherwise a new run replaces it (GitHub shows the latest run of a name).
 * A run that already says exactly this is left alone. One write carries the
 * result with the first 50 annotations; each further 50 costs one more.
 */
export async function completeCheckRun(api: GitHubApi, pull: PullRef, started: StartedCheckRun | undefined, plan: CheckRunPlan): Promise<number> {
  const { owner, repo, headSha } = pull;
  const existing = started?.existing ?? (await findCheckRun(api, owner, repo, headSha));
  const keepAnnotations = existing?.externalId === plan.externalId && existing.annotations > 0;
  if (
    existing?.status === 'completed' &&
    existing.externalId === plan.externalId &&
    existing.conclusion === plan.conclusion &&
    existing.title === plan.title &&
    existing.summary === plan.summary
  ) {
    return existing.id;
  }
  const reuse = existing && (keepAnnotations || existing.annotations === 0);
  const batches = keepAnnotations ? [] : plan.batches;
  const output = (annotations: CheckRunPlan['batches'][number] | undefined) => ({
    title: plan.title,
    summary: plan.summary,
    ...(annotations?.length ? { annotations } : {}),
  });
  const fields = {
    status: 'completed' as const,
    conclusion: plan.conclusion,
    completed_at: new Date().toISOString(),
    external_id: plan.externalId,
    output: output(batches[0]),
  };
  let id: number;
  if (reuse) {
    await api.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner, repo, check_run_id: existing.id, ...fields });
    id = existing.id;
  } else {
    const { data } = await api.request('POST /repos/{owner}/{repo}/check-runs', { owner, repo, name: CHECK_NAME, head_sha: headSha, ...fields });
    id = Number(data.id);
  }
  for (const batch of batches.slice(1)) {
    await api.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner, repo, check_run_id: id, output: output(batch) });
  }
  // Later steps of the same review (a parked retry) see what is there now.
  if (started) started.existing = { id, status: 'completed', conclusion: plan.conclusion, externalId: plan.externalId, annotations: reuse && keepAnnotations ? existing.annotations : plan.batches.flat().length, title: plan.title, summary: plan.summary };
  return id;
}

async function listReviews(api: GitHubApi, pull: PullRef): Promise<PostedReview[]> {
  const reviews: PostedReview[] = [];
  for (let page = 1; ; page++) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner: pull.owner, repo: pull.repo, pull_number: pull.number, per_page: PAGE_SIZE, page });
    reviews.push(...data.map((r) => ({ id: Number(r.id), body: r.body ?? '', userType: r.user?.type, ...(r.commit_id ? { commitId: r.commit_id } : {}) })));
    if (data.length < PAGE_SIZE) return reviews;
  }
}

async function listReviewComments(api: GitHubApi, pull: PullRef, reviewIds: ReadonlySet<number>): Promise<PostedComment[]> {
  const comments: PostedComment[] = [];
  for (let page = 1; ; page++) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', { owner: pull.owner, repo: pull.repo, pull_number: pull.number, per_page: PAGE_SIZE, page });
    for (const c of data) if (c.pull_request_review_id !== null && reviewIds.has(Number(c.pull_request_review_id))) comments.push({ path: c.path, line: c.line ?? null, body: c.body });
    if (data.length < PAGE_SIZE) return comments;
  }
}

/** Marks the review posted without its inline comments, by a digest of the comments GitHub refused. */
export function inlineRefusedMarker(comments: readonly ReviewComment[]): string {
  const digest = createHash('sha256').update(JSON.stringify(comments.map((c) => [c.path, c.start_line, c.line, c.body]))).digest('hex').slice(0, 16);
  return `<!-- qemu-patchlint inline-refused ${digest} -->`;
}

/** The review to post when GitHub refused the inline comments: all findings in the body, saying so. */
export function refusedReviewPlan(plan: ReviewPlan, withoutInline: ReviewPlan): ReviewPlan {
  const note = "_GitHub did not accept these findings as inline comments on this diff: they are listed here, and the check run's annotations show them on the lines._";
  return { ...withoutInline, body: `${withoutInline.body}\n\n${note}\n${inlineRefusedMarker(plan.comments)}` };
}

/** Our reviews on the pull request, oldest first, and their inline comments. */
export interface OurReviews {
  reviews: PostedReview[];
  comments: PostedComment[];
}

export async function readOurReviews(api: GitHubApi, pull: PullRef): Promise<OurReviews> {
  const reviews = ourReviews(await listReviews(api, pull));
  const comments = reviews.length ? await listReviewComments(api, pull, new Set(reviews.map((r) => r.id))) : [];
  return { reviews, comments };
}

/**
 * Posts or updates the one review of this head, given what `readOurReviews`
 * found; returns what it did. `withoutInline` is
 * the same review with every finding in its body, for when GitHub refuses
 * the inline comments (422: a line it does not count as part of the diff).
 * Such a refusal is remembered in the review itself, so that a re-delivery
 * or a push of the same commits updates that review rather than trying (and
 * posting) again.
 */
export async function publishReview(api: GitHubApi, pull: PullRef, plan: ReviewPlan, withoutInline: ReviewPlan, ours: OurReviews): Promise<ReviewAction['kind']> {
  const { reviews: previous, comments: posted } = ours;
  const refused = plan.comments.length > 0 && previous.some((r) => r.body.includes(inlineRefusedMarker(plan.comments)));
  const wanted = refused ? refusedReviewPlan(plan, withoutInline) : plan;
  const action = reviewAction(wanted, previous, posted);
  const { owner, repo, number: pull_number } = pull;
  const post = (body: string, comments: ReviewComment[]) =>
    api.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner, repo, pull_number, commit_id: pull.headSha, event: 'COMMENT', body, comments });
  if (action.kind === 'create') {
    try {
      await post(action.body, action.comments);
    } catch (error) {
      if (apiFailureOf(error)?.status !== 422 || !action.comments.length) throw error;
      const fallback = refusedReviewPlan(plan, withoutInline);
      const again = reviewAction(fallback, previous, posted);
      if (again.kind === 'update') await api.request('PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}', { owner, repo, pull_number, review_id: again.reviewId, body: again.body });
      else if (again.kind === 'create') await post(again.body, []);
      return again.kind;
    }
  } else if (action.kind === 'update') {
    await api.request('PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}', { owner, repo, pull_number, review_id: action.reviewId, body: action.body });
  }
  return action.kind;
}
