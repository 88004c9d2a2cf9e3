// The Actions entry: the event from GITHUB_EVENT_PATH, the token from
// GITHUB_TOKEN, a plain @octokit/rest client; GitHub intercepted by nock 14.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/app/action.js';
import { APP_TEST_RULES } from '../helpers/app-rules.js';
import { FakeGitHub, loadPullFixture, payload } from '../helpers/fake-github.js';
import { interceptGitHub, resetNock } from '../helpers/probot.js';

afterEach(resetNock);

// Throttling spaces writes by a second and retries wait a second: not in tests.
const FAST = { throttle: { enabled: false }, retry: { retryAfterBaseValue: 1 } };

function io(env: NodeJS.ProcessEnv) {
  const out = { stdout: '', stderr: '' };
  return { out, io: { env, stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
}

function eventFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'patchlint-action-')), 'event.json');
  writeFileSync(path, content);
  return path;
}

describe('runAction', () => {
  it('reviews the pull request of the workflow event and exits 1 on error-level findings', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    interceptGitHub(github);
    const { out, io: actionIo } = io({ GITHUB_TOKEN: 'ghs_workflow', GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: eventFile(JSON.stringify(payload('pull_request.opened'))) });
    expect(await runAction(actionIo, { rules: APP_TEST_RULES, octokit: FAST })).toBe(1);
    expect(out.stdout).toBe(`qemu-patchlint: qemu-mirror/qemu#42 at 6137520edd4a: 5 findings (1 errors), check run ${github.checkRuns[0]!.id}, review create\n`);
    expect(github.checkRuns).toHaveLength(1);
    expect(github.reviews).toHaveLength(1);
    // No app token exchange: the workflow's token is used as it is.
    expect(github.requests.some((r) => r.path.includes('access_tokens'))).toBe(false);
  });

  it('retries a server error, as the app\'s Octokit does', async () => {
    const github = new FakeGitHub('qemu-mirror', 'qemu', loadPullFixture());
    github.failures.push({ match: /^GET \/repos\/qemu-mirror\/qemu\/pulls\/42\/commits$/, status: 502, message: 'Server Error' });
    interceptGitHub(github);
    const { out, io: actionIo } = io({ GITHUB_TOKEN: 't', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile(JSON.stringify(payload('pull_request.opened'))) });
    expect(await runAction(actionIo, { rules: APP_TEST_RULES, octokit: FAST })).toBe(1);
    expect(github.requests.filter((r) => r.path.startsWith('/repos/qemu-mirror/qemu/pulls/42/commits'))).toHaveLength(2);
    expect(out.stderr).toBe('');
    expect(github.checkRuns).toMatchObject([{ conclusion: 'failure', output: { title: '1 error, 2 warnings, 2 infos' } }]);
  });

  it('says in one line what is missing or unreadable, and exits 2', async () => {
    const cases: Array<[NodeJS.ProcessEnv, string]> = [
      [{ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/nonexistent' }, 'patchlint-action: no token: set GITHUB_TOKEN (or the github-token input)\n'],
      [{ GITHUB_TOKEN: 't' }, 'patchlint-action: GITHUB_EVENT_NAME and GITHUB_EVENT_PATH must be set (run this inside a workflow)\n'],
      [{ GITHUB_TOKEN: 't', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/nonexistent/event.json' }, 'patchlint-action: /nonexistent/event.json: cannot read (ENOENT)\n'],
    ];
    for (const [env, message] of cases) {
      const { out, io: actionIo } = io(env);
      expect(await runAction(actionIo)).toBe(2);
      expect(out.stderr).toBe(message);
    }
    const broken = eventFile('{"action": ');
    const { out, io: actionIo } = io({ GITHUB_TOKEN: 't', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: broken });
    expect(await runAction(actionIo)).toBe(2);
    expect(out.stderr).toMatch(new RegExp(`^patchlint-action: ${broken}: not JSON \\(.+\\)\\n$`));
  });

  it('does nothing for an event it does not handle', async () => {
    const { out, io: actionIo } = io({ GITHUB_TOKEN: 't', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventFile(JSON.stringify({ repository: { name: 'qemu', owner: { login: 'q' } } })) });
    expect(await runAction(actionIo)).toBe(0);
    expect(out.stdout).toBe('qemu-patchlint: nothing to do: event push is not handled\n');
  });
});
