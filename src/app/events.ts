// Which pull request a webhook (or an Actions event) asks about. The same
// events drive the app and the Actions entry.
import { CHECK_NAME } from './check-run.js';
import type { PullRef, PullRequestPayload } from './github-types.js';

/** `pull_request` actions that bring commits to review. */
export const PULL_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

export type EventTarget =
  | { kind: 'pull'; pull: PullRef }
  /** A re-run on a fork's pull request names only the head SHA. */
  | { kind: 'head'; owner: string; repo: string; headSha: string }
  | { kind: 'ignore'; reason: string }
  /** The payload lacks a field the review needs: a bad request, not a crash. */
  | { kind: 'invalid'; reason: string };

const isSha = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{40}$/.test(v);

interface Payload {
  action?: string;
  repository?: { name: string; owner: { login: string } };
  pull_request?: PullRequestPayload;
  check_run?: {
    name: string;
    head_sha: string;
    pull_requests: Array<{ number: number; head: { sha: string }; base: { sha: string } }>;
  };
}

export function targetOf(event: string, payload: unknown): EventTarget {
  const p = (payload ?? {}) as Payload;
  if (!p.repository) return { kind: 'ignore', reason: 'no repository in the payload' };
  if (typeof p.repository.name !== 'string' || typeof p.repository.owner?.login !== 'string') return { kind: 'invalid', reason: 'repository.name or repository.owner.login missing' };
  const owner = p.repository.owner.login;
  const repo = p.repository.name;
  // pull_request_target: the same payload, for workflows that must write to forks' pull requests.
  if ((event === 'pull_request' || event === 'pull_request_target') && p.pull_request) {
    if (!(PULL_ACTIONS as readonly string[]).includes(p.action ?? '')) return { kind: 'ignore', reason: `pull_request.${p.action} brings no new commits` };
    const pr = p.pull_request;
    if (pr.draft) return { kind: 'ignore', reason: 'draft pull request (reviewed when marked ready)' };
    if (typeof pr.number !== 'number' || !isSha(pr.head?.sha) || !isSha(pr.base?.sha)) return { kind: 'invalid', reason: 'pull_request.number, pull_request.head.sha or pull_request.base.sha missing' };
    return { kind: 'pull', pull: { owner, repo, number: pr.number, title: pr.title, headSha: pr.head.sha, baseSha: pr.base.sha, commits: pr.commits } };
  }
  if (event === 'check_run' && p.check_run) {
    if (p.action !== 'rerequested') return { kind: 'ignore', reason: `check_run.${p.action}` };
    const run = p.check_run;
    if (run.name !== CHECK_NAME) return { kind: 'ignore', reason: `check run "${run.name}" is not ours` };
    if (!isSha(run.head_sha) || !Array.isArray(run.pull_requests)) return { kind: 'invalid', reason: 'check_run.head_sha or check_run.pull_requests missing' };
    const pr = run.pull_requests.find((x) => x?.head?.sha === run.head_sha && isSha(x.base?.sha));
    if (!pr) return { kind: 'head', owner, repo, headSha: run.head_sha };
    return { kind: 'pull', pull: { owner, repo, number: pr.number, title: '', headSha: run.head_sha, baseSha: pr.base.sha } };
  }
  return { kind: 'ignore', reason: `event ${event} is not handled` };
}
