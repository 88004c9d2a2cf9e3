// Big and odd pull requests degrade, never crash: more commits than
// pulls.listCommits lists, more files than pulls.listFiles lists, a merge
// commit, files GitHub sends without a patch (too large, binary), renames.
import { afterEach, describe, expect, it } from 'vitest';
import type { GitHubCommit, GitHubFile } from '../../src/app/github-types.js';
import { APP_TEST_RULES } from '../helpers/app-rules.js';
import { FakeGitHub, type PullFixture, payload } from '../helpers/fake-github.js';
import { probotFor, resetNock } from '../helpers/probot.js';

const sha = (n: number) => n.toString(16).padStart(40, '0');
const REPO = '/repos/qemu-mirror/qemu';
const LINEAR = 260;

function commit(n: number, message: string, files: GitHubFile[], parents = [sha(n - 1)]): GitHubCommit {
  return { sha: sha(n), parents: parents.map((p) => ({ sha: p })), commit: { message, author: { name: 'Jane Doe', email: 'jane@example.org', date: '2025-09-02T11:00:00+02:00' } }, files };
}

function bigOddPull(): PullFixture {
  const signed = (subject: string) => `${subject}\n\nSigned-off-by: Jane Doe <jane@example.org>`;
  const commits: GitHubCommit[] = [];
  for (let n = 1; n <= LINEAR; n++) commits.push(commit(n, signed(`docs: add note ${n}`), [{ filename: `docs/notes/n${n}.rst`, status: 'added', additions: 1, deletions: 0, patch: '@@ -0,0 +1 @@\n+A note.' }]));
  commits.push(commit(LINEAR + 1, "Merge branch 'master' into local-tap", [], [sha(LINEAR), sha(9999)]));
  commits.push(
    commit(LINEAR + 2, signed('tests: add migration stream dumps'), [
      { filename: 'tests/data/migration/stream.json', status: 'added', additions: 30000, deletions: 0 },
      { filename: 'pc-bios/local-tap.rom', status: 'added', additions: 0, deletions: 0 },
      { filename: 'hw/net/tap-local.c', previous_filename: 'net/tap-local.c', status: 'renamed', additions: 0, deletions: 0 },
    ]),
  );
  const head = commits.at(-1)!.sha;
  const files: GitHubFile[] = Array.from({ length: 3100 }, (_, i) => ({ filename: `docs/notes/n${i}.rst`, status: 'added', additions: 1, deletions: 0, patch: '@@ -0,0 +1 @@\n+A note.' }));
  return {
    pull: { number: 42, title: 'many notes', state: 'open', draft: false, commits: commits.length, head: { sha: head }, base: { sha: sha(0) } },
    commits: commits.map(({ files: _files, ...c }) => c),
    commitDetails: new Map(commits.map((c) => [c.sha, c])),
    files,
    contents: {},
  };
}

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
