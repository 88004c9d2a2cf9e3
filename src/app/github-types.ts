// The parts of GitHub's REST answers the app reads, as GitHub documents them
// ("Get a commit", "List pull request files", webhook payloads). Octokit's
// generated types are wider; these name only what the app relies on, so
// that test fixtures need only these fields.

export interface GitHubFile {
  filename: string;
  /** Set for renames and copies. */
  previous_filename?: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  additions: number;
  deletions: number;
  /** The hunks; GitHub omits it for binary files and for diffs too large to show. */
  patch?: string;
}

export interface GitHubCommit {
  sha: string;
  parents: Array<{ sha: string }>;
  commit: {
    message: string;
    author: { name?: string; email?: string; date?: string } | null;
  };
  files?: GitHubFile[];
}

/** What the app needs to know about a pull request. */
export interface PullRef {
  owner: string;
  repo: string;
  number: number;
  title: string;
  headSha: string;
  baseSha: string;
  /** Commit count as GitHub reports it (`pull_request.commits`). */
  commits?: number;
}

/** `pull_request` webhook payload fields the app reads. */
export interface PullRequestPayload {
  number: number;
  title: string;
  draft?: boolean;
  commits?: number;
  head: { sha: string };
  base: { sha: string };
}
