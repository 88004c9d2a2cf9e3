// How long the app's own work takes for one pull request, GitHub's latency
// aside: an Octokit whose fetch answers in-process from a fake GitHub, so the
// figures are parsing, linting, planning and request building. Prints ms per
// review and the number of requests GitHub would see (each costs latency and
// rate limit: 5000 an hour per installation).
import { Octokit } from '@octokit/rest';
import { ALL_RULES } from '../rules/index.js';
import type { PullRef } from '../src/app/github-types.js';
import { reviewPullRequest } from '../src/app/review-pull.js';
import { bigOddPull } from '../test/helpers/big-pull.js';
import { FakeGitHub, type PullFixture, loadPullFixture } from '../test/helpers/fake-github.js';

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

async function measure(name: string, fixture: () => PullFixture, runs: number): Promise<void> {
  const times: number[] = [];
  let requests = 0;
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const f = fixture();
    const github = new FakeGitHub('qemu-mirror', 'qemu', f);
    const pull: PullRef = { owner: 'qemu-mirror', repo: 'qemu', number: f.pull.number, title: f.pull.title, headSha: f.pull.head.sha, baseSha: f.pull.base.sha, commits: f.pull.commits };
    const start = performance.now();
    const outcome = await reviewPullRequest(apiOn(github), pull, { rules: ALL_RULES });
    times.push(performance.now() - start);
    if (outcome.status !== 'reviewed') throw new Error(`${name}: ${outcome.status}`);
    requests = github.requests.length;
    findings = outcome.report.findings.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${name}: median ${median.toFixed(1)} ms per review over ${runs} runs (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}); ${requests} requests; ${findings} findings; ${ALL_RULES.length} rules`);
}

await measure('local-tap PR (2 commits, 2 files)', () => loadPullFixture(), 30);
await measure('big odd PR (262 commits, 3100 files listed)', bigOddPull, 5);
