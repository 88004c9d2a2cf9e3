// A pull request past GitHub's list limits and with odd commits: 260 linear
// commits, a merge, one commit with a file too large for a diff, a binary
// file and a rename, and 3100 files in the pull request's file list.
import type { GitHubCommit, GitHubFile } from '../../src/app/github-types.js';
import type { PullFixture } from './fake-github.js';

export const sha = (n: number) => n.toString(16).padStart(40, '0');
export const LINEAR = 260;

function commit(n: number, message: string, files: GitHubFile[], parents = [sha(n - 1)]): GitHubCommit {
  return { sha: sha(n), parents: parents.map((p) => ({ sha: p })), commit: { message, author: { name: 'Jane Doe', email: 'jane@example.org', date: '2025-09-02T11:00:00+02:00' } }, files };
}

export function bigOddPull(): PullFixture {
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
