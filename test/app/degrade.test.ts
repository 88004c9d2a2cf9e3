// Big and odd pull requests degrade, never crash: more commits than
// pulls.listCommits lists, more files than pulls.listFiles lists, a merge
// commit, files GitHub sends without a patch (too large, binary), renames.
import { afterEach, describe, expect, it } from 'vitest';
import { APP_TEST_RULES } from '../helpers/app-rules.js';
import { LINEAR, bigOddPull, sha } from '../helpers/big-pull.js';
import { FakeGitHub, payload } from '../helpers/fake-github.js';
import { probotFor, resetNock } from '../helpers/probot.js';

const REPO = '/repos/qemu-mirror/qemu';

afterEach(resetNock);

describe('a pull request past GitHub\'s list limits, with a merge and files without a patch', () => {
  it('lists commits through compare, lints what it can and says what it could not', async () => {
    const fixture = bigOddPull();
    const github = new FakeGitHub('qemu-mirror', 'qemu', fixture);
    const probot = await probotFor(github, APP_TEST_RULES);
    const event = payload('pull_request.opened') as { pull_request: Record<string, unknown> };
    await probot.receive({
      id: '1',
      name: 'pull_request',
      payload: { ...event, pull_request: { ...event.pull_request, commits: fixture.commits.length, head: { sha: fixture.pull.head.sha }, base: { sha: sha(0) } } } as never,
    });

    const lines = github.requests.map((r) => `${r.method} ${r.path}`);
    expect(lines.filter((l) => l.includes('/compare/'))).toEqual([1, 2, 3].map((page) => `GET ${REPO}/compare/${sha(0)}...${fixture.pull.head.sha}?per_page=100&page=${page}`));
    expect(lines.filter((l) => l.includes('/pulls/42/files'))).toHaveLength(30);
    expect(github.checkRuns).toHaveLength(1);
    const run = github.checkRuns[0]!;
    expect(run).toMatchObject({ conclusion: 'success', output: { title: 'No findings' } });
    const summary = run.output.summary!;
    expect(summary).toContain(`- merge commit ${sha(LINEAR + 1).slice(0, 12)} is not a patch: skipped`);
    expect(summary).toContain(`- tests/data/migration/stream.json in ${sha(LINEAR + 2).slice(0, 12)}: GitHub sent no diff (too large), its lines were not checked`);
    expect(summary).toContain('- GitHub lists 3000 files of a pull request at most: findings in the others are in this summary only');
    expect(summary).not.toContain('pc-bios/local-tap.rom');
    // A clean pull request gets its check run and no review.
    expect(github.reviews).toEqual([]);
  });
});
