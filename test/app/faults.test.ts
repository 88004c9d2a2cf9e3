// GitHub misbehaving: rate limits (primary, secondary, 429), server errors,
// refusals, missing objects and requests that never get an answer. The app
// runs with the Octokit settings of `npm start` (retries, throttling, a
// request timeout), with waits shortened. Whatever happens, the pull request
// ends with a completed check run that says what happened, and the next
// delivery is served.
import { afterEach, describe, expect, it } from 'vitest';
import { APP_TEST_RULES } from '../helpers/app-rules.js';
import { FakeGitHub, faults, loadPullFixture, payload } from '../helpers/fake-github.js';
import { probotFor, resetNock } from '../helpers/probot.js';
import type { ReviewOptions } from '../../src/app/review-pull.js';

const HEAD = '6137520edd4ad079860956672203be9501ef1937';
const C1 = '80488633cb7043cb292a7ee6d96b66626180f10c';
const REPO = '/repos/qemu-mirror/qemu';
const TIMEOUT_MS = 300;

afterEach(resetNock);

async function app(github: FakeGitHub, review: ReviewOptions = {}) {
  // A parked review sleeps GitHub's wait at 10 µs per second.
  return probotFor(github, APP_TEST_RULES, { production: { timeoutMs: TIMEOUT_MS }, review: { park: { waitUnitMs: 0.01 }, ...review } });
}

async function deliver(probot: Awaited<ReturnType<typeof app>>, id = '1', headSha = HEAD): Promise<void> {
  const event = payload('pull_request.opened') as { pull_request: { head: Record<string, unknown> } };
  await probot.receive({ id, name: 'pull_request', payload: { ...event, pull_request: { ...event.pull_request, head: { ...event.pull_request.head, sha: headSha } } } as never });
}

/** The one check run of the head, which must be completed, and its summary. */
function completedRun(github: FakeGitHub, headSha = HEAD) {
  const runs = github.checkRuns.filter((r) => r.head_sha === headSha);
  expect(runs).toHaveLength(1);
  expect(runs[0]!.status).toBe('completed');
  return runs[0]!;
}

const reviewed = (github: FakeGitHub) => {
  const run = completedRun(github);
  expect(run).toMatchObject({ conclusion: 'failure', output: { title: '1 error, 2 warnings, 2 infos' } });
  expect(run.output.annotations).toHaveLength(3);
  expect(github.reviews).toHaveLength(1);
};

describe('GitHub faults', () => {
  it('a primary rate limit with a near reset is waited out in place', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push(faults.rateLimit(new RegExp(`^GET ${REPO}/pulls/42/commits$`), 1));
    await deliver(await app(github));
    reviewed(github);
  });

  it('a primary rate limit an hour away parks the review (check run in progress meanwhile), which then finishes', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push(faults.rateLimit(new RegExp(`^GET ${REPO}/pulls/42/commits$`), 3600));
    const parked: number[] = [];
    await deliver(await app(github, { park: { waitUnitMs: 0.01, onPark: (s) => parked.push(s) } }));
    expect(parked).toEqual([expect.any(Number)]);
    expect(parked[0]).toBeGreaterThan(3590);
    expect(github.writes()[0]!.body).toMatchObject({ status: 'in_progress', output: { title: 'Reviewing 2 commits' } });
    reviewed(github);
  });

  it('a rate limit on every read ends, after parking twice, in a failed check run naming the request and its id', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push(faults.rateLimit(/^GET .*\/pulls\/42\/commits$/, 3600, 100));
    await deliver(await app(github));
    const run = completedRun(github);
    expect(run).toMatchObject({ conclusion: 'failure', output: { title: 'qemu-patchlint could not review this pull request' } });
    expect(run.output.summary).toBe(`GitHub answered 403 to GET ${REPO}/pulls/42/commits?per_page=100&page=1: API rate limit exceeded for installation ID 77. - https://docs.github.com/rest (x-github-request-id: ABCD:1234:5678)`);
    expect(github.requests.filter((r) => r.path.startsWith(`${REPO}/pulls/42/commits`)).length).toBe(3); // the throttling plugin does not wait an hour; the review parks twice
  });

  it('a secondary rate limit on the review is retried, and one review is posted', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push(faults.secondary(new RegExp(`^POST ${REPO}/pulls/42/reviews$`), 1));
    await deliver(await app(github));
    reviewed(github);
  });

  it('a review GitHub keeps refusing is reported in the same check run, which keeps the lint results', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push(faults.secondary(new RegExp(`^POST ${REPO}/pulls/42/reviews$`), 1, 100));
    await deliver(await app(github));
    const run = completedRun(github);
    expect(run).toMatchObject({ conclusion: 'failure', output: { title: '1 error, 2 warnings, 2 infos' } });
    expect(run.output.annotations).toHaveLength(3);
    expect(run.output.summary).toMatch(/^### What could not be checked\n\n- The review with these findings could not be posted: GitHub answered 403 to POST \/repos\/qemu-mirror\/qemu\/pulls\/42\/reviews: You have exceeded a secondary rate limit/);
    expect(run.output.summary).toContain('(x-github-request-id: ABCD:1234:5678)');
    expect(github.reviews).toEqual([]);
  });

  it('429 Too Many Requests is retried', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push(faults.tooMany(new RegExp(`^GET ${REPO}/pulls/42/files$`), 1, 5));
    await deliver(await app(github));
    reviewed(github);
  });

  it('502 is retried; a 502 that persists ends in a failed check run naming the request', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push(faults.badGateway(new RegExp(`^GET ${REPO}/commits/${C1}$`), 2));
    const probot = await app(github);
    await deliver(probot);
    reviewed(github);

    const again = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    again.failures.push(faults.badGateway(new RegExp(`^GET ${REPO}/commits/${C1}$`), 100));
    resetNock();
    await deliver(await app(again));
    expect(completedRun(again).output.summary).toBe(`GitHub answered 502 to GET ${REPO}/commits/${C1}?per_page=100&page=1: Server Error - https://docs.github.com/rest (x-github-request-id: ABCD:1234:5678)`);
  });

  it('404 on a commit ends in a failed check run naming the request', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push(faults.notFound(new RegExp(`^GET ${REPO}/commits/${HEAD}$`)));
    await deliver(await app(github));
    expect(completedRun(github)).toMatchObject({ conclusion: 'failure', output: { summary: expect.stringContaining(`GitHub answered 404 to GET ${REPO}/commits/${HEAD}?per_page=100&page=1: Not Found`) } });
  });

  it('a request that never gets an answer times out: a failed check run names it, and the next delivery is served', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push(faults.hang(new RegExp(`^GET ${REPO}/pulls/42/files$`), 4));
    const probot = await app(github);
    await deliver(probot);
    expect(completedRun(github)).toMatchObject({
      conclusion: 'failure',
      output: { summary: `GitHub gave no answer within 0.3 s to GET ${REPO}/pulls/42/files?per_page=100&page=1 (timed out)` },
    });
    await deliver(probot, '2');
    reviewed(github);
  });

  it('422 on the inline comments: one review listing the findings, not posted again on re-delivery', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push(faults.unprocessable(new RegExp(`^POST ${REPO}/pulls/42/reviews$`), undefined, 3));
    const probot = await app(github);
    await deliver(probot, '1');
    await deliver(probot, '1');
    expect(github.reviews).toHaveLength(1);
    expect(github.reviews[0]!.body).toContain('Findings:');
    expect(completedRun(github).conclusion).toBe('failure');
  });

  it('a newer push drops the review parked behind a rate limit and reviews the new head', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push(faults.rateLimit(new RegExp(`^GET ${REPO}/pulls/42/commits$`), 3600));
    // Parked for real (an hour), until the push arrives.
    const probot = await app(github, { park: { waitUnitMs: 1000 } });
    const first = deliver(probot, '1');
    const newer = 'e'.repeat(40);
    for (let i = 0; i < 250 && !github.requests.some((r) => r.path.startsWith(`${REPO}/pulls/42/commits`)); i++) await new Promise((r) => setTimeout(r, 20));
    github.currentHead = newer;
    await Promise.all([first, deliver(probot, '2', newer)]);

    expect(completedRun(github, HEAD)).toMatchObject({ conclusion: 'skipped', output: { title: 'Superseded by a newer push' } });
    expect(completedRun(github, newer)).toMatchObject({ conclusion: 'failure', output: { title: '1 error, 2 warnings, 2 infos' } });
    expect(github.reviews.map((r) => r.commit_id)).toEqual([newer]);
  });
});
