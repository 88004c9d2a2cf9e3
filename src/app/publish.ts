// Writes the planned check run and review, updating what an earlier run
// posted instead of adding to it.
import { CHECK_EXTERNAL_ID, CHECK_NAME, type CheckRunPlan } from './check-run.js';
import { type GitHubApi, PAGE_SIZE, apiFailureOf } from './github-api.js';
import type { PullRef } from './github-types.js';
import { type PostedComment, type PostedReview, type ReviewAction, type ReviewComment, type ReviewPlan, ourReviews, reviewAction } from './review.js';

interface ExistingCheckRun {
  id: number;
  externalId: string;
  annotations: number;
}

async function findCheckRun(api: GitHubApi, owner: string, repo: string, headSha: string): Promise<ExistingCheckRun | undefined> {
  const { data } = await api.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner, repo, ref: headSha, check_name: CHECK_NAME, filter: 'latest', per_page: PAGE_SIZE });
  const run = data.check_runs.find((r) => r.external_id?.startsWith(CHECK_EXTERNAL_ID));
  return run && { id: Number(run.id), externalId: run.external_id ?? '', annotations: run.output.annotations_count };
}

/**
 * One check run per head SHA. The Checks API appends annotations on every
 * update, so a re-run updates the run in place only when its annotations are
 * unchanged (then it sends none) or when the run has none yet; otherwise a
 * new run replaces it (GitHub shows the latest run of a name).
 */
export async function publishCheckRun(api: GitHubApi, owner: string, repo: string, headSha: string, plan: CheckRunPlan): Promise<number> {
  const existing = await findCheckRun(api, owner, repo, headSha);
  const keepAnnotations = existing?.externalId === plan.externalId && existing.annotations > 0;
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
  return id;
}

async function listReviews(api: GitHubApi, pull: PullRef): Promise<PostedReview[]> {
  const reviews: PostedReview[] = [];
  for (let page = 1; ; page++) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner: pull.owner, repo: pull.repo, pull_number: pull.number, per_page: PAGE_SIZE, page });
    reviews.push(...data.map((r) => ({ id: Number(r.id), body: r.body ?? '', userType: r.user?.type })));
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

/** Posts or updates the one review; returns what it did. */
export async function publishReview(api: GitHubApi, pull: PullRef, plan: ReviewPlan): Promise<ReviewAction['kind']> {
  const previous = ourReviews(await listReviews(api, pull));
  const posted = previous.length ? await listReviewComments(api, pull, new Set(previous.map((r) => r.id))) : [];
  const action = reviewAction(plan, previous, posted);
  const { owner, repo, number: pull_number } = pull;
  if (action.kind === 'create') {
    const post = (body: string, comments: ReviewComment[]) =>
      api.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner, repo, pull_number, commit_id: pull.headSha, event: 'COMMENT', body, comments });
    try {
      await post(action.body, action.comments);
    } catch (error) {
      // 422: GitHub found a comment off its diff after all (its own limits on
      // what a diff shows). The findings are still in the check run.
      const failure = apiFailureOf(error);
      if (failure?.status !== 422 || !action.comments.length) throw error;
      await post(`${action.body}\n\n_GitHub refused the inline comments (${failure.message}); the check run's annotations show them._`, []);
    }
  } else if (action.kind === 'update') {
    await api.request('PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}', { owner, repo, pull_number, review_id: action.reviewId, body: action.body });
  }
  return action.kind;
}
