import { describe, expect, it } from 'vitest';
import { commitMail, splitCommitMessage } from '../../src/app/commit-mail.js';
import type { GitHubCommit, GitHubFile } from '../../src/app/github-types.js';
import { seriesFromCommits } from '../../src/app/review-pull.js';

const SHA = 'a'.repeat(40);

function commit(message: string, author = { name: 'Jane Doe', email: 'jane@example.org', date: '2025-09-02T11:00:00+02:00' }, parents = 1): GitHubCommit {
  return { sha: SHA, parents: Array.from({ length: parents }, (_, i) => ({ sha: String(i).repeat(40) })), commit: { message, author } };
}

const modified: GitHubFile = { filename: 'migration/options.c', status: 'modified', additions: 1, deletions: 0, patch: '@@ -30,2 +30,3 @@\n bool migrate_mapped_ram(void);\n+bool migrate_local_tap(void);\n bool migrate_ignore_shared(void);' };

describe('splitCommitMessage', () => {
  it('joins the first paragraph into the subject, as git format-patch does', () => {
    expect(splitCommitMessage('migration: fix\n  the colo leak\n\nBody line.\n\nSigned-off-by: A <a@b>\n')).toEqual({ subject: 'migration: fix the colo leak', body: 'Body line.\n\nSigned-off-by: A <a@b>' });
  });
});

describe('commitMail', () => {
  it('writes a format-patch mail numbered k/n with the commit SHA in its separator', () => {
    const mail = commitMail(commit('migration: add accessor\n\nWhy.\n\nSigned-off-by: Jane Doe <jane@example.org>'), [modified], { index: 2, total: 3 });
    expect(mail.separator).toBe(`From ${SHA} Mon Sep 17 00:00:00 2001`);
    expect(mail.text.split('\n').slice(0, 3)).toEqual(['From: Jane Doe <jane@example.org>', 'Date: Tue, 02 Sep 2025 09:00:00 GMT', 'Subject: [PATCH 2/3] migration: add accessor']);
    expect(mail.text).toContain('---\ndiff --git a/migration/options.c b/migration/options.c\n--- a/migration/options.c\n+++ b/migration/options.c\n@@ -30,2 +30,3 @@\n');
    expect(mail.withoutDiff).toEqual([]);
  });

  it('quotes an author name with specials', () => {
    const mail = commitMail(commit('x: y', { name: 'Doe, Jane', email: 'jane@example.org', date: '' }), [], { index: 1, total: 1 });
    expect(mail.text.split('\n')[0]).toBe('From: "Doe, Jane" <jane@example.org>');
    expect(mail.text.split('\n')[1]).toBe('Subject: [PATCH] x: y');
  });

  it('says which files GitHub sent without their lines, and marks line-less files binary', () => {
    const files: GitHubFile[] = [
      { filename: 'tests/data/big.json', status: 'added', additions: 40000, deletions: 0 },
      { filename: 'pc-bios/new.bin', status: 'added', additions: 0, deletions: 0 },
      { filename: 'hw/net/tap.c', previous_filename: 'net/tap.c', status: 'renamed', additions: 0, deletions: 0 },
    ];
    const mail = commitMail(commit('x: y'), files, { index: 1, total: 1 });
    expect(mail.withoutDiff).toEqual(['tests/data/big.json']);
    expect(mail.text).toContain('diff --git a/pc-bios/new.bin b/pc-bios/new.bin\nnew file mode 100644\nBinary files a/pc-bios/new.bin and b/pc-bios/new.bin differ\n');
    expect(mail.text).toContain('diff --git a/net/tap.c b/hw/net/tap.c\nrename from net/tap.c\nrename to hw/net/tap.c\n');
  });
});

describe('seriesFromCommits', () => {
  it('parses each commit into patch k of n through the mail parser, skipping merges with a note', async () => {
    const first = { commit: { ...commit('migration: add accessor\n\nSigned-off-by: Jane Doe <jane@example.org>'), sha: 'b'.repeat(40) }, files: [modified] };
    const merge = { commit: { ...commit("Merge branch 'master' into local-tap", undefined, 2), sha: 'c'.repeat(40) }, files: [] };
    const renamed: GitHubFile = { filename: 'hw/net/tap.c', previous_filename: 'net/tap.c', status: 'renamed', additions: 1, deletions: 1, patch: '@@ -1,2 +1,2 @@\n a\n-b\n+B' };
    const second = { commit: { ...commit('net: move tap\n\nSigned-off-by: Jane Doe <jane@example.org>'), sha: 'd'.repeat(40) }, files: [renamed] };
    const { series, notes } = await seriesFromCommits([first, merge, second], 3);
    expect(series.patches.map((p) => [p.index, p.total, p.subject, p.commitSha])).toEqual([
      [1, 2, 'migration: add accessor', 'b'.repeat(40)],
      [2, 2, 'net: move tap', 'd'.repeat(40)],
    ]);
    expect(series.patches[0]!.trailers).toEqual([{ key: 'Signed-off-by', value: 'Jane Doe <jane@example.org>', line: 3 }]);
    expect(series.patches[0]!.files[0]!.added.map((l) => [l.line, l.text])).toEqual([[31, 'bool migrate_local_tap(void);']]);
    expect(series.patches[1]!.files[0]).toMatchObject({ status: 'renamed', path: 'hw/net/tap.c', oldPath: 'net/tap.c' });
    expect(notes).toEqual([`merge commit ${'c'.repeat(12)} is not a patch: skipped`]);
  });
});
