// Every GitHub request the app makes, through one Octokit `request` (Probot's,
// with its retry and throttling plugins, or a plain one in the Actions entry).
// GitHub's limits shape this file: lists are paged 100 at a time, a pull
// request lists at most 250 commits (the compare API pages beyond) and 3000
// files, and a commit's files come 300 a page up to 3000.
import type { Octokit } from '@octokit/rest';
import { type Config, DEFAULT_CONFIG, parseConfig } from '../engine/config.js';
import { type Tree, isSafeRelativePath, versionOf } from '../tree/tree.js';
import type { GitHubCommit, GitHubFile, PullRef } from './github-types.js';
import { rightSideLines } from './head-lines.js';
import { TIMEOUT_MESSAGE } from './octokit-options.js';

export type GitHubApi = Pick<Octokit, 'request'>;

export const PAGE_SIZE = 100;
/** `pulls.listCommits` stops here; larger pull requests are listed through compare. */
export const PULL_COMMITS_LIMIT = 250;
/** Commits linted at most: each costs a request, and the installation has 5000 an hour. */
export const MAX_COMMITS = 1000;
/** `pulls.listFiles` and a commit's file list both stop at 3000. */
export const FILES_LIMIT = 3000;
export const CONFIG_PATH = '.github/patchlint.yml';

/** An answer from GitHub that the retry and throttling plugins did not make good. */
export interface ApiFailure {
  status: number;
  requestId?: string;
  request: string;
  message: string;
}

/** The status and request id of a failed Octokit request, or undefined for any other error. */
export function apiFailureOf(error: unknown): ApiFailure | undefined {
  const e = error as { status?: unknown; message?: string; request?: { method?: string; url?: string }; response?: { headers?: Record<string, unknown> } };
  if (typeof e?.status !== 'number') return undefined;
  const requestId = e.response?.headers?.['x-github-request-id'];
  const url = e.request?.url ? e.request.url.replace(/^https?:\/\/[^/]+(\/api\/v3)?/, '') : '';
  return {
    status: e.status,
    ...(typeof requestId === 'string' ? { requestId } : {}),
    request: `${e.request?.method ?? ''} ${url}`.trim(),
    message: String(e.message ?? '').split('\n')[0]!,
  };
}

export function describeApiFailure(f: ApiFailure): string {
  if (f.message.startsWith(TIMEOUT_MESSAGE)) return `GitHub gave ${f.message} to ${f.request || 'a request'} (timed out)`;
  return `GitHub answered ${f.status} to ${f.request || 'a request'}: ${f.message} (x-github-request-id: ${f.requestId ?? 'none'})`;
}

function isNotFound(error: unknown): boolean {
  return (error as { status?: unknown })?.status === 404;
}

/** Pages through a list endpoint until a short page or `maxItems`. */
async function listAll<T>(fetchPage: (page: number) => Promise<T[]>, maxItems: number): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; items.length < maxItems; page++) {
    const batch = await fetchPage(page);
    items.push(...batch);
    if (batch.length < PAGE_SIZE) break;
  }
  return items.slice(0, maxItems);
}

export async function getPull(api: GitHubApi, owner: string, repo: string, number: number): Promise<PullRef> {
  const { data } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: number });
  return { owner, repo, number, title: data.title, headSha: data.head.sha, baseSha: data.base.sha, commits: data.commits };
}

/**
 * The open pull request whose head is `sha`. A check run re-requested on a
 * fork's pull request carries no `pull_requests`, so the list is searched.
 */
export async function findPullByHead(api: GitHubApi, owner: string, repo: string, sha: string): Promise<PullRef | undefined> {
  for (let page = 1; ; page++) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/pulls', { owner, repo, state: 'open', sort: 'updated', direction: 'desc', per_page: PAGE_SIZE, page });
    const pull = data.find((p) => p.head.sha === sha);
    if (pull) return { owner, repo, number: pull.number, title: pull.title, headSha: pull.head.sha, baseSha: pull.base.sha };
    if (data.length < PAGE_SIZE) return undefined;
  }
}

/** The pull request's commits, oldest first, without their files. */
export async function listPullCommits(api: GitHubApi, pull: PullRef): Promise<GitHubCommit[]> {
  const { owner, repo } = pull;
  if ((pull.commits ?? 0) <= PULL_COMMITS_LIMIT) {
    const commits = await listAll(
      async (page) => (await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', { owner, repo, pull_number: pull.number, per_page: PAGE_SIZE, page })).data as GitHubCommit[],
      PULL_COMMITS_LIMIT,
    );
    if (commits.length < PULL_COMMITS_LIMIT) return commits;
  }
  return listAll(
    async (page) =>
      (await api.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${pull.baseSha}...${pull.headSha}`, per_page: PAGE_SIZE, page })).data
        .commits as GitHubCommit[],
    MAX_COMMITS,
  );
}

/** A commit with all its files (GitHub pages them beyond 300). */
export async function getCommit(api: GitHubApi, owner: string, repo: string, sha: string): Promise<{ commit: GitHubCommit; files: GitHubFile[] }> {
  let commit: GitHubCommit | undefined;
  const files = await listAll(async (page) => {
    const { data } = await api.request('GET /repos/{owner}/{repo}/commits/{ref}', { owner, repo, ref: sha, per_page: PAGE_SIZE, page });
    commit ??= data as GitHubCommit;
    return (data.files ?? []) as GitHubFile[];
  }, FILES_LIMIT);
  return { commit: commit!, files };
}

/** Per path at the head, the lines of the pull request's diff; files without `patch` have none. */
export async function pullDiffLines(api: GitHubApi, pull: PullRef): Promise<{ lines: Map<string, Set<number>>; files: number }> {
  const { owner, repo } = pull;
  const files = await listAll(
    async (page) => (await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner, repo, pull_number: pull.number, per_page: PAGE_SIZE, page })).data as GitHubFile[],
    FILES_LIMIT,
  );
  return { lines: new Map(files.map((f) => [f.filename, rightSideLines(f.patch)])), files: files.length };
}

/** The raw text of a file at `ref` (the default branch when omitted); undefined when absent. */
export async function readFileAt(api: GitHubApi, owner: string, repo: string, path: string, ref?: string): Promise<string | undefined> {
  try {
    const { data } = await api.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path, ...(ref ? { ref } : {}), mediaType: { format: 'raw' } });
    // A directory answers with its listing, not text.
    return typeof data === 'string' ? data : undefined;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * Files at one commit, read through the contents API when a rule asks and
 * kept per path. A failed request does not crash the rule that asked: the
 * file reads as unknown (rules then stay silent) and the failure is kept for
 * the check run to report.
 */
export class ContentsTree implements Tree {
  readonly description: string;
  private readonly cache = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly api: GitHubApi,
    private readonly owner: string,
    private readonly repo: string,
    private readonly sha: string,
    /** Failed requests, as Octokit threw them (rate limits are told apart by their headers). */
    private readonly failures: unknown[],
  ) {
    this.description = `GitHub ${owner}/${repo}@${sha.slice(0, 12)}`;
  }

  read(path: string): Promise<string | undefined> {
    if (!isSafeRelativePath(path)) return Promise.resolve(undefined);
    let pending = this.cache.get(path);
    if (!pending) {
      pending = readFileAt(this.api, this.owner, this.repo, path, this.sha).catch((error: unknown) => {
        if (!apiFailureOf(error)) throw error;
        this.failures.push(error);
        return undefined;
      });
      this.cache.set(path, pending);
    }
    return pending;
  }

  version(): Promise<string | undefined> {
    return versionOf(this);
  }
}

/** `.github/patchlint.yml` of the default branch, never of the pull request. */
export async function readRepoConfig(api: GitHubApi, owner: string, repo: string, knownRules: readonly string[]): Promise<Config> {
  const text = await readFileAt(api, owner, repo, CONFIG_PATH);
  // The failsafe schema keeps `qemu-version: 11.0` a string (Probot's
  // context.config parses it as the number 11).
  return text === undefined ? { ...DEFAULT_CONFIG, rules: {} } : parseConfig(text, CONFIG_PATH, knownRules);
}
