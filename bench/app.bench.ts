// The GitHub App end to end: Probot with the Octokit settings of `npm start`
// (retries, throttling that spaces writes by a second and reviews by three,
// timeouts), against the fake GitHub answering every request after 50 ms,
// as a network and GitHub would. Prints wall time and request counts for a
// burst of 30 pull requests and for one 262-commit pull request. Then, for
// reference, the app's own work for one review with GitHub's latency taken
// out (an in-process fetch without latency or throttling).
import { Octokit } from '@octokit/rest';
import { ALL_RULES } from '../rules/index.js';
import type { PullRef } from '../src/app/github-types.js';
import { reviewPullRequest } from '../src/app/review-pull.js';
import { bigOddPull } from '../test/helpers/big-pull.js';
import { FakeGitHub, type FakeResponse, type PullFixture, loadPullFixture, payload } from '../test/helpers/fake-github.js';
import { probotFor, resetNock } from '../test/helpers/probot.js';

const LATENCY_MS = 50;

/** Sends each request to the fake holding its repository. */
class FakeRouter {
  constructor(readonly fakes: FakeGitHub[]) {}
  respond(method: string, uri: string, body: unknown): Promise<FakeResponse> {
    const repo = /^(?:\/api\/v3)?\/repos\/([^/]+)\/([^/]+)\//.exec(uri);
    const fake = (repo && this.fakes.find((f) => f.owner === repo[1] && f.repo === repo[2])) ?? this.fakes[0]!;
    return fake.respond(method, uri, body);
  }
}

function eventFor(fixture: PullFixture, repo: string) {
  const event = payload('pull_request.opened') as { pull_request: Record<string, unknown>; repository: Record<string, unknown> };
  return {
    ...event,
    repository: { ...event.repository, name: repo, full_name: `qemu-mirror/${repo}` },
    pull_request: { ...event.pull_request, number: fixture.pull.number, commits: fixture.pull.commits, head: { sha: fixture.pull.head.sha }, base: { sha: fixture.pull.base.sha } },
  };
}

async function endToEnd(name: string, fixtures: PullFixture[]): Promise<void> {
  const fakes = fixtures.map((f, i) => new FakeGitHub('qemu-mirror', `qemu-${i}`, f));
  for (const fake of fakes) fake.latencyMs = LATENCY_MS;
  const probot = await probotFor(new FakeRouter(fakes), ALL_RULES, { production: 'as-deployed' });
  const start = performance.now();
  await Promise.all(fakes.map((fake, i) => probot.receive({ id: String(i), name: 'pull_request', payload: eventFor(fake.fixture, fake.repo) as never })));
  const seconds = (performance.now() - start) / 1000;
  resetNock();
  const requests = fakes.reduce((n, f) => n + f.requests.length, 0);
  const writes = fakes.reduce((n, f) => n + f.writes().length, 0);
  const done = fakes.filter((f) => f.checkRuns.length === 1 && f.checkRuns[0]!.status === 'completed').length;
  console.log(`${name}: ${seconds.toFixed(1)} s end to end with ${LATENCY_MS} ms per request; ${requests} requests (${writes} writes); ${done}/${fakes.length} check runs completed; ${fakes.reduce((n, f) => n + f.reviews.length, 0)} reviews`);
}

function apiOn(github: FakeGitHub): Octokit {
  const fetch = async (url: string | URL, init?: RequestInit) => {
    const u = new URL(String(url));
    const body = typeof init?.body === 'string' && init.body ? JSON.parse(init.body) : undefined;
    const answer = github.handle(init?.method ?? 'GET', u.pathname + u.search, body);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
  const quiet = () => undefined;
  return new Octokit({ auth: 'bench', request: { fetch }, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
}

async function ownWork(name: string, fixture: () => PullFixture, runs: number): Promise<void> {
  const times: number[] = [];
  let requests = 0;
  for (let i = 0; i < runs; i++) {
    const f = fixture();
    const github = new FakeGitHub('qemu-mirror', 'qemu', f);
    const pull: PullRef = { owner: 'qemu-mirror', repo: 'qemu', number: f.pull.number, title: f.pull.title, headSha: f.pull.head.sha, baseSha: f.pull.base.sha, commits: f.pull.commits };
    const start = performance.now();
    const outcome = await reviewPullRequest(apiOn(github), pull, { rules: ALL_RULES });
    times.push(performance.now() - start);
    if (outcome.status !== 'reviewed') throw new Error(`${name}: ${outcome.status}`);
    requests = github.requests.length;
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms per review, GitHub's latency and throttling excluded (${runs} runs); ${requests} requests`);
}

await endToEnd('burst of 30 pull requests (2 commits each)', Array.from({ length: 30 }, () => loadPullFixture()));
await endToEnd('one pull request of 262 commits, 3100 files', [bigOddPull()]);
await ownWork('app work only, local-tap PR (2 commits)', () => loadPullFixture(), 30);
await ownWork('app work only, big PR (262 commits)', bigOddPull, 5);
