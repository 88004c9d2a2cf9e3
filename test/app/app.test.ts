// The Probot app against recorded-shape webhook payloads, with GitHub's API
// intercepted by nock 14: the exact requests it makes are asserted.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRecord } from '../../src/app/earlier-review.js';
import { APP_TEST_RULES, trailingSpace } from '../helpers/app-rules.js';
import { FIXTURES, FakeGitHub, loadPullFixture, payload } from '../helpers/fake-github.js';
import { probotFor, resetNock } from '../helpers/probot.js';

const BASE = '9f303cf74ccf3b59bd800643376d28e0f64a7da8';
const C1 = '80488633cb7043cb292a7ee6d96b66626180f10c';
const HEAD = '6137520edd4ad079860956672203be9501ef1937';
const REPO = '/repos/qemu-mirror/qemu';

afterEach(resetNock);

async function deliver(github: FakeGitHub, name: 'pull_request' | 'check_run', fixture: string, id = '1', rules = APP_TEST_RULES): Promise<void> {
  const probot = await probotFor(github, rules);
  await probot.receive({ id, name, payload: payload(fixture) as never });
}

const requestLines = (github: FakeGitHub) => github.requests.map((r) => `${r.method} ${r.path}`);

/** The review body without the hidden record of its findings (checked on its own, through readRecord). */
const withoutRecord = (body: string) => body.replace(/\n<!-- qemu-patchlint findings \S+ -->/, '');

/** What a review body records, one line per finding: rule, place, and whether it is commented inline. */
function recorded(body: string): string[] {
  const record = readRecord(body);
  if ('problem' in record) throw new Error(record.problem);
  return record.findings.map((f) => `${f.rule} ${f.patch} ${f.file ?? '-'}:${f.line ?? '-'}${f.inline ? ' inline' : ''}`);
}

const MIGRATION_COMMENT = {
  path: 'qapi/migration.json',
  line: 22,
  side: 'RIGHT',
  body: '⚠️ **warning** `test/trailing-space`: trailing white space\n\n```suggestion\n# @local-tap: Migrate TAP devices locally, keeping the backend alive.\n```',
};
const OPTIONS_COMMENT = {
  path: 'migration/options.c',
  line: 19,
  side: 'RIGHT',
  body: '⚠️ **warning** `test/trailing-space`: trailing white space\n\n```suggestion\n    MigrationState *s = migrate_get_current();\n```',
};
const REVIEW_BODY = [
  '<!-- qemu-patchlint review -->',
  '**qemu-patchlint** on 6137520edd4a: 1 error, 2 warnings, 2 infos (2 comments inline)',
  '',
  'Not on a line of this diff:',
  '',
  '- ℹ️ `test/todo` (patch 1/2, `qapi/migration.json:3`): TODO left in the file',
  '- ❌ `commit/sob-missing` (patch 2/2): Missing Signed-off-by: line(s)',
].join('\n');

describe('pull_request.opened', () => {
  it('starts a check run, reads the commits and their files, posts one review, then completes the check run', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    await deliver(github, 'pull_request', 'pull_request.opened');

    expect(requestLines(github)).toEqual([
      'POST /app/installations/77/access_tokens',
      `GET ${REPO}/commits/${HEAD}/check-runs?check_name=qemu-patchlint&filter=latest&per_page=100`,
      `POST ${REPO}/check-runs`,
      `GET ${REPO}/contents/.github/patchlint.yml`,
      `GET ${REPO}/pulls/42/commits?per_page=100&page=1`,
      `GET ${REPO}/commits/${C1}?per_page=100&page=1`,
      `GET ${REPO}/commits/${HEAD}?per_page=100&page=1`,
      `GET ${REPO}/contents/VERSION?ref=${BASE}`,
      `GET ${REPO}/contents/qapi/migration.json?ref=${C1}`,
      `GET ${REPO}/contents/migration/options.c?ref=${HEAD}`,
      `GET ${REPO}/contents/qapi/migration.json?ref=${HEAD}`,
      `GET ${REPO}/pulls/42`,
      `GET ${REPO}/pulls/42/files?per_page=100&page=1`,
      `GET ${REPO}/pulls/42/reviews?per_page=100&page=1`,
      `POST ${REPO}/pulls/42/reviews`,
      `PATCH ${REPO}/check-runs/100`,
    ]);

    const [start, review, check] = github.writes();
    expect(start!.body).toEqual({
      name: 'qemu-patchlint',
      head_sha: HEAD,
      status: 'in_progress',
      started_at: expect.any(String),
      external_id: 'qemu-patchlint:started',
      output: { title: 'Reviewing 2 commits', summary: 'qemu-patchlint is reviewing 2 commits. The findings replace this text when it is done.' },
    });
    expect(check!.body).toEqual({
      status: 'completed',
      conclusion: 'failure',
      completed_at: expect.any(String),
      external_id: expect.stringMatching(/^qemu-patchlint:[0-9a-f]{16}$/),
      output: {
        title: '1 error, 2 warnings, 2 infos',
        summary: expect.any(String),
        annotations: [
          { path: 'qapi/migration.json', start_line: 3, end_line: 3, annotation_level: 'notice', title: 'test/todo', message: 'TODO left in the file' },
          {
            path: 'qapi/migration.json',
            start_line: 22,
            end_line: 22,
            annotation_level: 'warning',
            title: 'test/trailing-space',
            message: 'trailing white space',
            raw_details: 'Suggested:\n# @local-tap: Migrate TAP devices locally, keeping the backend alive.',
          },
          {
            path: 'migration/options.c',
            start_line: 19,
            end_line: 19,
            annotation_level: 'warning',
            title: 'test/trailing-space',
            message: 'trailing white space',
            raw_details: 'Suggested:\n    MigrationState *s = migrate_get_current();',
          },
        ],
      },
    });
    const summary = (check!.body as { output: { summary: string } }).output.summary;
    expect(summary).toContain('| `test/trailing-space` | warning | 2 |');
    expect(summary).toContain('| ❌ | `commit/sob-missing` | — | Missing Signed-off-by: line(s) |');

    expect(review!.body).toEqual({ commit_id: HEAD, event: 'COMMENT', body: expect.any(String), comments: [MIGRATION_COMMENT, OPTIONS_COMMENT] });
    const { body } = review!.body as { body: string };
    expect(withoutRecord(body)).toBe(REVIEW_BODY);
    expect(recorded(body)).toEqual([
      'test/todo 1 qapi/migration.json:3',
      'test/trailing-space 1 qapi/migration.json:21 inline',
      'commit/sob-missing 2 -:-',
      'test/trailing-space 2 migration/options.c:19 inline',
      // Found after patch 1 and after patch 2: one line of the review, two findings of the engine.
      'test/todo 2 qapi/migration.json:3',
    ]);
  });

  it('handled twice (a re-delivery), still leaves one check run and one review, and writes nothing the second time', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    await deliver(github, 'pull_request', 'pull_request.opened', 'a');
    const firstWrites = github.writes().length;
    await deliver(github, 'pull_request', 'pull_request.opened', 'a');

    expect(github.writes().slice(firstWrites)).toEqual([]);
    expect(github.checkRuns).toHaveLength(1);
    expect(github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(github.checkRuns[0]!.output.annotations).toHaveLength(3);
    expect(github.reviews).toHaveLength(1);
  });

  it('reads rule levels from .github/patchlint.yml of the default branch', async () => {
    const fixture = loadPullFixture();
    fixture.contents[BASE]!['.github/patchlint.yml'] = 'rules:\n  test/*: off\n  commit/sob-missing: warning\n';
    const github = new FakeGitHub('qemu-mirror', 'qemu', fixture);
    await deliver(github, 'pull_request', 'pull_request.opened');
    expect(github.checkRuns[0]).toMatchObject({ conclusion: 'neutral', output: { title: '0 errors, 1 warning, 0 infos', annotations: [] } });
    expect(github.reviews[0]!.comments).toEqual([]);
  });

  it('reports a broken settings file in a failed check run naming the file and line', async () => {
    const fixture = loadPullFixture();
    fixture.contents[BASE]!['.github/patchlint.yml'] = 'rules:\n  test/todo: loud\n';
    const github = new FakeGitHub('qemu-mirror', 'qemu', fixture);
    await deliver(github, 'pull_request', 'pull_request.opened');
    expect(github.checkRuns).toMatchObject([{ conclusion: 'failure', output: { summary: 'The settings file is not valid: .github/patchlint.yml:2: rule test/todo: level must be off, info, warning or error, not "loud"' } }]);
    expect(github.reviews).toEqual([]);
  });

  it('posts no review for a head that a push has superseded, and closes its check run as skipped', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.currentHead = 'e'.repeat(40);
    await deliver(github, 'pull_request', 'pull_request.opened');
    expect(requestLines(github).slice(-2)).toEqual([`GET ${REPO}/pulls/42`, `PATCH ${REPO}/check-runs/100`]);
    expect(github.reviews).toEqual([]);
    expect(github.checkRuns).toMatchObject([{ status: 'completed', conclusion: 'skipped', output: { title: 'Superseded by a newer push', summary: expect.stringContaining('eeeeeeeeeeee') } }]);
  });

  it('ends an API error that is not retried in a failed check run quoting the status and request id', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push({ match: new RegExp(`^GET ${REPO}/commits/${HEAD}$`), status: 403, message: 'Resource not accessible by integration' });
    await deliver(github, 'pull_request', 'pull_request.opened');
    expect(github.writes().map((r) => r.body)).toEqual([
      expect.objectContaining({ status: 'in_progress' }),
      {
        status: 'completed',
        conclusion: 'failure',
        completed_at: expect.any(String),
        external_id: 'qemu-patchlint:failed',
        output: {
          title: 'qemu-patchlint could not review this pull request',
          summary: `GitHub answered 403 to GET ${REPO}/commits/${HEAD}?per_page=100&page=1: Resource not accessible by integration - https://docs.github.com/rest (x-github-request-id: ABCD:1234:5678)`,
        },
      },
    ]);
  });

  it('falls back to a review listing every finding when GitHub refuses the inline comments, once, even on re-delivery', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push({ match: new RegExp(`^POST ${REPO}/pulls/42/reviews$`), status: 422, message: 'Unprocessable Entity: pull_request_review_thread.line must be part of the diff' });
    await deliver(github, 'pull_request', 'pull_request.opened');
    expect(github.reviews).toHaveLength(1);
    expect(github.reviews[0]!.comments).toEqual([]);
    const body = github.reviews[0]!.body;
    expect(body).toContain('**qemu-patchlint** on 6137520edd4a: 1 error, 2 warnings, 2 infos\n');
    expect(body).not.toContain('inline)');
    expect(body).toContain('- ⚠️ `test/trailing-space` (patch 2/2, `migration/options.c:19`): trailing white space');
    expect(body).toContain("_GitHub did not accept these findings as inline comments on this diff");
    expect(github.checkRuns).toHaveLength(1);
    // GitHub would refuse again: the re-delivery sees the refusal in the review and posts nothing.
    github.failures.push({ match: new RegExp(`^POST ${REPO}/pulls/42/reviews$`), status: 422, message: 'Unprocessable Entity' });
    const writes = github.writes().length;
    await deliver(github, 'pull_request', 'pull_request.opened', '2');
    expect(github.writes().slice(writes)).toEqual([]);
    expect(github.reviews).toHaveLength(1);
  });

  it('ignores actions that bring no commits and draft pull requests', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    const probot = await probotFor(github, APP_TEST_RULES);
    const opened = payload('pull_request.opened') as { pull_request: Record<string, unknown> };
    await probot.receive({ id: '1', name: 'pull_request', payload: { ...opened, action: 'closed' } as never });
    await probot.receive({ id: '2', name: 'pull_request', payload: { ...opened, pull_request: { ...opened.pull_request, draft: true } } as never });
    expect(github.requests).toEqual([]);
  });
});

describe('pull_request.synchronize', () => {
  it('posts a review holding only the comments an earlier review does not already make', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.reviews.push({ id: 7, body: '<!-- qemu-patchlint review -->\nearlier head', event: 'COMMENT', commit_id: C1, comments: [{ ...MIGRATION_COMMENT, id: 8 }] });
    await deliver(github, 'pull_request', 'pull_request.synchronize');
    expect(requestLines(github).slice(-4)).toEqual([
      `GET ${REPO}/pulls/42/reviews?per_page=100&page=1`,
      `GET ${REPO}/pulls/42/comments?per_page=100&page=1`,
      `POST ${REPO}/pulls/42/reviews`,
      `PATCH ${REPO}/check-runs/100`,
    ]);
    const posted = github.writes().at(-2)!.body as { body: string };
    expect(posted).toEqual({ commit_id: HEAD, event: 'COMMENT', body: expect.any(String), comments: [OPTIONS_COMMENT] });
    // That review predates the record of findings: no comparison, and the review says so.
    const [headline, ...rest] = REVIEW_BODY.split('\n\n');
    expect(withoutRecord(posted.body)).toBe([headline, '_No comparison with the review of 80488633cb70: it holds no record of its findings (an older qemu-patchlint posted it)._', ...rest].join('\n\n'));
  });
});

describe('a force-push', () => {
  const V2 = loadPullFixture(join(FIXTURES, 'local-tap-pr-v2'));
  const V2_HEAD = V2.pull.head.sha;
  const rules = [trailingSpace];
  /** The first version reviewed, then force-pushed: trailing space fixed in qapi/migration.json, kept (one line lower) and added in migration/options.c. */
  async function reviewedThenForcePushed(): Promise<FakeGitHub> {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    await deliver(github, 'pull_request', 'pull_request.opened', '1', rules);
    expect(github.reviews.map((r) => r.comments.length)).toEqual([2]);
    github.push(V2);
    return github;
  }

  it('says what was fixed, counts what is still there without commenting it again, and comments the new finding', async () => {
    const github = await reviewedThenForcePushed();
    const before = github.requests.length;
    await deliver(github, 'pull_request', 'pull_request.synchronize.force-push', '2', rules);

    expect(github.reviews).toHaveLength(2);
    const review = github.reviews[1]!;
    expect(review.commit_id).toBe(V2_HEAD);
    expect(review.comments).toEqual([
      {
        id: expect.any(Number),
        path: 'migration/options.c',
        line: 22,
        side: 'RIGHT',
        body: '⚠️ **warning** `test/trailing-space`: trailing white space\n\n```suggestion\n    return s->capabilities[MIGRATION_CAPABILITY_LOCAL_TAP];\n```',
      },
    ]);
    expect(withoutRecord(review.body)).toBe(
      [
        '<!-- qemu-patchlint review -->',
        '**qemu-patchlint** on 2ca1dbf70506: 0 errors, 2 warnings, 0 infos (1 comment inline)',
        '',
        '**Since 6137520edd4a: 1 fixed, 1 still there, 1 new**',
        '',
        'Fixed:',
        '',
        '- `test/trailing-space` trailing white space (6137520edd4a patch 1, qapi/migration.json:21)',
        '',
        'Still there, already commented inline:',
        '',
        '- ⚠️ `test/trailing-space` (patch 2/2, `migration/options.c:20`): trailing white space',
      ].join('\n'),
    );
    // The still-there finding keeps its inline mark, so that the next push does not comment it either.
    expect(recorded(review.body)).toEqual(['test/trailing-space 2 migration/options.c:20 inline', 'test/trailing-space 2 migration/options.c:22 inline']);
    // The earlier head's findings came from its review: nothing of the old head was fetched again.
    expect(github.requests.slice(before).filter((r) => r.path.includes('6137520edd4a'))).toEqual([]);
    // The first review is left as it was: it records the first head's findings.
    expect(recorded(github.reviews[0]!.body)).toEqual(['test/trailing-space 1 qapi/migration.json:21 inline', 'test/trailing-space 2 migration/options.c:19 inline']);

    const check = github.checkRuns.find((r) => r.head_sha === V2_HEAD)!;
    expect(check.output.summary).toContain('**Since 6137520edd4a: 1 fixed, 1 still there, 1 new**');
    expect(check.output.summary).toContain('trailing white space (still there from 6137520edd4a)');
    expect(check.output.annotations).toHaveLength(2);
  });

  it('posts nothing twice when the same push is delivered again', async () => {
    const github = await reviewedThenForcePushed();
    await deliver(github, 'pull_request', 'pull_request.synchronize.force-push', '2', rules);
    const writes = github.writes().length;
    await deliver(github, 'pull_request', 'pull_request.synchronize.force-push', '2', rules);
    await deliver(github, 'check_run', 'check_run.rerequested.fork', '3', rules);
    expect(github.writes().slice(writes)).toEqual([]);
    expect(github.reviews).toHaveLength(2);
  });

  it('reviews without a comparison, saying so, when the earlier review holds no record of its findings', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.push(V2);
    // Posted on the first head by a qemu-patchlint from before the record.
    github.reviews.push({ id: 7, body: '<!-- qemu-patchlint review -->\n**qemu-patchlint** on 6137520edd4a: 0 errors, 2 warnings, 0 infos (2 comments inline)', event: 'COMMENT', commit_id: HEAD, comments: [{ ...OPTIONS_COMMENT, id: 8 }] });
    await deliver(github, 'pull_request', 'pull_request.synchronize.force-push', '2', rules);
    expect(github.reviews).toHaveLength(2);
    const review = github.reviews[1]!;
    expect(review.body).toContain('\n\n_No comparison with the review of 6137520edd4a: it holds no record of its findings (an older qemu-patchlint posted it)._');
    expect(review.body).not.toContain('Since');
    // Without a record nothing is known to be commented already: both findings are commented at their lines.
    expect(review.comments.map((c) => c.line)).toEqual([20, 22]);
    const writes = github.writes().length;
    await deliver(github, 'pull_request', 'pull_request.synchronize.force-push', '2', rules);
    expect(github.writes().slice(writes)).toEqual([]);
  });
});

describe('check_run.rerequested from a fork', () => {
  it('finds the pull request by its head SHA, and writes nothing when the result is unchanged', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    await deliver(github, 'pull_request', 'pull_request.opened');
    const before = github.requests.length;
    await deliver(github, 'check_run', 'check_run.rerequested.fork');

    const rerun = github.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(rerun.slice(0, 2)).toEqual(['POST /app/installations/77/access_tokens', `GET ${REPO}/pulls?state=open&sort=updated&direction=desc&per_page=100&page=1`]);
    expect(rerun.filter((r) => !r.startsWith('GET'))).toEqual(['POST /app/installations/77/access_tokens']);
    expect(github.checkRuns).toHaveLength(1);
    expect(github.reviews).toHaveLength(1);
  });

  it('leaves another app\'s check run alone', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    const probot = await probotFor(github, APP_TEST_RULES);
    const event = payload('check_run.rerequested.fork') as { check_run: Record<string, unknown> };
    await probot.receive({ id: '1', name: 'check_run', payload: { ...event, check_run: { ...event.check_run, name: 'ci' } } as never });
    expect(github.requests).toEqual([]);
  });
});
