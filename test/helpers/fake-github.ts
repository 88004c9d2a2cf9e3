// A small stand-in for GitHub's REST API, serving one repository's pull
// requests from fixture data and keeping what the app writes (check runs,
// reviews, review comments). The unit tests plug it into nock; the
// end-to-end test serves it over HTTP on 127.0.0.1.
import { readFileSync, readdirSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { join, resolve } from 'node:path';
import type { GitHubCommit, GitHubFile } from '../../src/app/github-types.js';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/github');

export interface PullFixture {
  pull: { number: number; title: string; state: string; draft: boolean; commits: number; head: { sha: string }; base: { sha: string } };
  commits: GitHubCommit[];
  /** Commit JSON with files, by SHA. */
  commitDetails: Map<string, GitHubCommit>;
  files: GitHubFile[];
  /** File contents per commit SHA. */
  contents: Record<string, Record<string, string>>;
}

export function loadPullFixture(dir = join(FIXTURES, 'local-tap-pr')): PullFixture {
  const json = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const commitDetails = new Map<string, GitHubCommit>();
  for (const name of readdirSync(dir).filter((n) => n.startsWith('commit-'))) {
    const commit = json(name) as GitHubCommit;
    commitDetails.set(commit.sha, commit);
  }
  return { pull: json('pull.json'), commits: json('pull-commits.json'), commitDetails, files: json('pull-files.json'), contents: json('contents.json') };
}

export function payload(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
}

export interface RecordedRequest {
  method: string;
  /** Path and query, without the /api/v3 prefix of GitHub Enterprise. */
  path: string;
  body?: unknown;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Never answered (the fault "hang"): the client must time out. */
  hang?: boolean;
}

/** An answer GitHub gives instead of the real one, to requests whose `METHOD path` matches. */
export interface Fault {
  match: RegExp;
  status: number;
  message: string;
  headers?: Record<string, string>;
  /** How many matching requests get it (default 1). */
  times?: number;
  hang?: boolean;
}

/** Faults shaped as GitHub documents them ("Rate limits for the REST API", "Troubleshooting the REST API"). */
export const faults = {
  /** Primary limit: 403, no requests left until X-RateLimit-Reset (epoch seconds). */
  rateLimit: (match: RegExp, resetInSeconds: number, times = 1): Fault => ({
    match,
    times,
    status: 403,
    message: 'API rate limit exceeded for installation ID 77.',
    headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds), 'x-ratelimit-resource': 'core' },
  }),
  /** Secondary limit: 403 with Retry-After. */
  secondary: (match: RegExp, retryAfter = 1, times = 1): Fault => ({
    match,
    times,
    status: 403,
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    headers: { 'retry-after': String(retryAfter) },
  }),
  tooMany: (match: RegExp, retryAfter = 1, times = 1): Fault => ({ match, times, status: 429, message: 'Too Many Requests', headers: { 'retry-after': String(retryAfter) } }),
  badGateway: (match: RegExp, times = 1): Fault => ({ match, times, status: 502, message: 'Server Error' }),
  unprocessable: (match: RegExp, message = 'Unprocessable Entity: pull_request_review_thread.line must be part of the diff', times = 1): Fault => ({ match, times, status: 422, message }),
  notFound: (match: RegExp, times = 1): Fault => ({ match, times, status: 404, message: 'Not Found' }),
  hang: (match: RegExp, times = 1): Fault => ({ match, times, status: 0, message: '', hang: true }),
};

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status?: string;
  conclusion?: string;
  external_id?: string;
  output: { title?: string; summary?: string; annotations: unknown[] };
}

export interface StoredReview {
  id: number;
  body: string;
  event: string;
  commit_id: string;
  comments: Array<Record<string, unknown>>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-github-request-id': `FAKE:${status}`, ...headers },
  body: JSON.stringify(body),
});

function page<T>(items: readonly T[], query: URLSearchParams): T[] {
  const perPage = Number(query.get('per_page') ?? 30);
  const n = Number(query.get('page') ?? 1);
  return items.slice((n - 1) * perPage, n * perPage);
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly checkRuns: StoredCheckRun[] = [];
  readonly reviews: StoredReview[] = [];
  /** The head GitHub reports for the pull request now (a push makes it differ from the payload's). */
  currentHead: string;
  /** Faults to answer instead, each `times` times (once by default), in order. */
  failures: Fault[] = [];
  /** Added before every answer, as a network and GitHub would. */
  latencyMs = 0;
  private nextId = 100;

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly fixture: PullFixture,
  ) {
    this.currentHead = fixture.pull.head.sha;
  }

  /**
   * A push to the pull request (a force-push, new commits): its head, commits
   * and files become `next`'s. The commits it replaced stay readable by SHA,
   * as GitHub keeps them for a while.
   */
  push(next: PullFixture): void {
    const f = this.fixture;
    f.pull = next.pull;
    f.commits = next.commits;
    f.files = next.files;
    for (const [sha, commit] of next.commitDetails) f.commitDetails.set(sha, commit);
    Object.assign(f.contents, next.contents);
    this.currentHead = next.pull.head.sha;
  }

  /** Requests that change something on GitHub (token requests aside). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && !r.path.includes('/access_tokens'));
  }

  handle(method: string, rawPath: string, body: unknown): FakeResponse {
    const url = new URL(rawPath.replace(/^\/api\/v3/, ''), 'http://fake');
    const path = decodeURIComponent(url.pathname);
    this.requests.push({ method, path: path + url.search, ...(body !== undefined && body !== '' ? { body } : {}) });
    const failure = this.failures.find((f) => f.match.test(`${method} ${path}`));
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      if (failure.hang) return { status: 0, headers: {}, body: '', hang: true };
      return json(failure.status, { message: failure.message, documentation_url: 'https://docs.github.com/rest' }, { 'x-github-request-id': 'ABCD:1234:5678', ...failure.headers });
    }
    const q = url.searchParams;
    const f = this.fixture;
    const repo = `/repos/${this.owner}/${this.repo}`;
    let m: RegExpExecArray | null;

    if (method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return json(201, { token: 'ghs_fake', expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: { checks: 'write', pull_requests: 'write', contents: 'read', metadata: 'read' }, repository_selection: 'all' });
    }
    if (!path.startsWith(repo + '/')) return json(404, { message: 'Not Found' });
    const rest = path.slice(repo.length);
    const pullPath = `/pulls/${f.pull.number}`;

    if (method === 'GET' && rest === '/pulls') return json(200, page(f.pull.state === 'open' ? [this.pullJson()] : [], q));
    if (method === 'GET' && rest === pullPath) return json(200, this.pullJson());
    if (method === 'GET' && rest === `${pullPath}/commits`) return json(200, page(f.commits, q));
    if (method === 'GET' && rest === `${pullPath}/files`) return json(200, page(f.files, q));
    if (method === 'GET' && rest === `${pullPath}/reviews`) return json(200, page(this.reviews.map((r) => ({ id: r.id, body: r.body, state: 'COMMENTED', commit_id: r.commit_id, user: { login: 'qemu-patchlint[bot]', type: 'Bot' } })), q));
    if (method === 'GET' && rest === `${pullPath}/comments`) {
      const comments = this.reviews.flatMap((r) => r.comments.map((c) => ({ ...c, pull_request_review_id: r.id })));
      return json(200, page(comments, q));
    }
    if (method === 'POST' && rest === `${pullPath}/reviews`) {
      const b = body as { body: string; event: string; commit_id: string; comments?: Array<Record<string, unknown>> };
      const review: StoredReview = { id: this.nextId++, body: b.body, event: b.event, commit_id: b.commit_id, comments: (b.comments ?? []).map((c) => ({ ...c, id: this.nextId++ })) };
      this.reviews.push(review);
      return json(200, { id: review.id, body: review.body, state: 'COMMENTED' });
    }
    if (method === 'PUT' && (m = new RegExp(`^${pullPath}/reviews/(\\d+)$`).exec(rest))) {
      const review = this.reviews.find((r) => r.id === Number(m![1]));
      if (!review) return json(404, { message: 'Not Found' });
      review.body = (body as { body: string }).body;
      return json(200, { id: review.id, body: review.body });
    }
    if (method === 'GET' && (m = /^\/commits\/([0-9a-f]{40})\/check-runs$/.exec(rest))) {
      const runs = this.checkRuns.filter((r) => r.head_sha === m![1] && (!q.get('check_name') || r.name === q.get('check_name')));
      return json(200, { total_count: runs.length, check_runs: runs.map((r) => ({ ...r, output: { ...r.output, annotations_count: r.output.annotations.length } })) });
    }
    if (method === 'GET' && (m = /^\/commits\/([0-9a-f]{40})$/.exec(rest))) {
      const commit = f.commitDetails.get(m[1]!);
      if (!commit) return json(404, { message: 'No commit found for SHA' });
      return json(200, { ...commit, files: page(commit.files ?? [], q) });
    }
    if (method === 'GET' && (m = /^\/compare\/([0-9a-f]{40})\.\.\.([0-9a-f]{40})$/.exec(rest))) {
      return json(200, { status: 'ahead', merge_base_commit: { sha: m[1] }, commits: page(f.commits, q) });
    }
    if (method === 'GET' && (m = /^\/contents\/(.+)$/.exec(rest))) {
      const ref = q.get('ref') ?? f.pull.base.sha;
      const text = f.contents[ref]?.[m[1]!];
      if (text === undefined) return json(404, { message: 'Not Found' });
      return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
    }
    if (method === 'POST' && rest === '/check-runs') {
      const b = body as Omit<StoredCheckRun, 'id' | 'output'> & { output?: { title?: string; summary?: string; annotations?: unknown[] } };
      const run: StoredCheckRun = { ...b, id: this.nextId++, output: { ...b.output, annotations: [...(b.output?.annotations ?? [])] } };
      this.checkRuns.push(run);
      return json(201, { id: run.id, name: run.name, head_sha: run.head_sha });
    }
    if (method === 'PATCH' && (m = /^\/check-runs\/(\d+)$/.exec(rest))) {
      const run = this.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return json(404, { message: 'Not Found' });
      const b = body as Partial<StoredCheckRun> & { output?: { title?: string; summary?: string; annotations?: unknown[] } };
      // The Checks API appends annotations on every update.
      Object.assign(run, { ...b, output: { ...run.output, ...b.output, annotations: [...run.output.annotations, ...(b.output?.annotations ?? [])] } });
      return json(200, { id: run.id });
    }
    return json(404, { message: `Not Found (fake GitHub has no ${method} ${rest})` });
  }

  /** `handle` after the configured latency; a hanging fault never resolves. */
  async respond(method: string, rawPath: string, body: unknown): Promise<FakeResponse> {
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    const answer = this.handle(method, rawPath, body);
    if (answer.hang) await new Promise(() => undefined);
    return answer;
  }

  private pullJson() {
    return { ...this.fixture.pull, head: { ...this.fixture.pull.head, sha: this.currentHead } };
  }
}

/** Serves `github` over HTTP on 127.0.0.1 (an ephemeral port), as GitHub Enterprise's /api/v3 would be. */
export function serveFake(github: FakeGitHub): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      void github.respond(req.method ?? 'GET', req.url ?? '/', text ? JSON.parse(text) : undefined).then((answer) => res.writeHead(answer.status, answer.headers).end(answer.body));
    });
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** Closes the server, cutting the connections a hanging fault holds open. */
export function closeFake(server: Server | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((r) => server.close(() => r()));
}
