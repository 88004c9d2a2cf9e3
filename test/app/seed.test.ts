// The seed patch (qemu-devel, [PATCH v3 4/9] qapi: add interface for local
// TAP migration), turned into a one-commit pull request the way GitHub would
// show it, gives the same findings through the app as through the CLI, on the
// same lines of qapi/migration.json and qapi/net.json. Read in place from
// ../shared; skipped with a message when it is absent.
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import type { GitHubCommit, GitHubFile } from '../../src/app/github-types.js';
import { lintInputs } from '../../src/cli/check.js';
import type { Finding, Rule } from '../../src/engine/types.js';
import { SEED_PAGE, describeShared } from '../helpers/corpus.js';
import { FakeGitHub, type PullFixture, payload } from '../helpers/fake-github.js';
import { probotFor, resetNock } from '../helpers/probot.js';

const BASE = '1'.repeat(40);
const HEAD = '4'.repeat(40);

/** The page's commit message and per-file hunks, cut from its text the way GitHub splits a commit. */
function seedPull(): PullFixture {
  const text = readFileSync(SEED_PAGE, 'utf8');
  const lines = text.split('\n');
  const posted = lines.slice(0, 10).map((l) => l.startsWith('Posted by ')).lastIndexOf(true);
  const cut = lines.indexOf('---', posted);
  const message = lines.slice(posted + 1, cut).join('\n').trim();
  const diff = text.slice(text.indexOf('\ndiff --git ') + 1).replace(/\n-- \n[\s\S]*$/, '\n');
  const files: GitHubFile[] = diff
    .split(/^(?=diff --git )/m)
    .filter(Boolean)
    .map((section) => {
      const path = /^\+\+\+ b\/(.+)$/m.exec(section)![1]!;
      const patch = section.slice(section.indexOf('\n@@') + 1).replace(/\n$/, '');
      const body = patch.split('\n').filter((l) => !l.startsWith('@@'));
      return { filename: path, status: 'modified', additions: body.filter((l) => l.startsWith('+')).length, deletions: body.filter((l) => l.startsWith('-')).length, patch };
    });
  const author = /^Signed-off-by: (.+) <(.+)>$/m.exec(message)!;
  const commit: GitHubCommit = { sha: HEAD, parents: [{ sha: BASE }], commit: { message, author: { name: author[1]!, email: author[2]!, date: '2025-10-22T12:00:00+03:00' } }, files };
  return {
    pull: { number: 42, title: 'qapi: add interface for local TAP migration', state: 'open', draft: false, commits: 1, head: { sha: HEAD }, base: { sha: BASE } },
    commits: [{ ...commit, files: undefined }],
    commitDetails: new Map([[HEAD, commit]]),
    files,
    contents: {},
  };
}

// Added lines that carry a since tag: makes the comparison below hold
// something on both schema files whatever the real rule families find.
const sinceLines: Rule = {
  meta: { id: 'test/since-line', severity: 'info', scope: 'patch', needs: 'diff', description: 'An added line carries a since tag.' },
  check(ctx) {
    for (const file of ctx.patch!.files) for (const line of file.added) if (/\(since/i.test(line.text)) ctx.report({ message: 'since tag', file: file.path, line: line.line });
  },
};

const key = (f: Pick<Finding, 'rule' | 'severity' | 'message' | 'file' | 'line' | 'endLine'>) => `${f.rule} ${f.severity} ${f.file}:${f.line}${f.endLine ? `-${f.endLine}` : ''} ${f.message}`;

interface Posted {
  annotations: Array<{ path: string; start_line: number; end_line: number; title: string; message: string; annotation_level: string }>;
  comments: Array<{ path: string; line: number; start_line?: number; body: string }>;
}

async function throughTheApp(rules: readonly Rule[]): Promise<Posted> {
  const github = new FakeGitHub('qemu-mirror', 'qemu', seedPull());
  const probot = await probotFor(github, rules);
  const event = payload('pull_request.opened') as { pull_request: Record<string, unknown> };
  await probot.receive({ id: 'seed', name: 'pull_request', payload: { ...event, pull_request: { ...event.pull_request, commits: 1, head: { sha: HEAD }, base: { sha: BASE } } } as never });
  return { annotations: github.checkRuns[0]!.output.annotations as Posted['annotations'], comments: (github.reviews[0]?.comments ?? []) as Posted['comments'] };
}

/** The CLI's findings on the page that a pull request can have too: patch-scoped ones on file lines. */
async function throughTheCli(rules: readonly Rule[]): Promise<string[]> {
  const report = await lintInputs([SEED_PAGE], { rules });
  expect(report.errors).toEqual([]);
  // Series-scoped rules judge the series (v3, 4 of 9, no cover): a
  // one-commit pull request is a different series, so they may differ.
  const patchRules = new Set(rules.filter((r) => r.meta.scope === 'patch').map((r) => r.meta.id));
  return report.findings.filter((f) => patchRules.has(f.rule) && f.file !== null && f.line !== null).map(key).sort();
}

const LEVEL = { failure: 'error', warning: 'warning', notice: 'info' } as const;

function annotationKeys(posted: Posted): string[] {
  return posted.annotations
    .map((a) => key({ rule: a.title, severity: LEVEL[a.annotation_level as keyof typeof LEVEL], message: a.message, file: a.path, line: a.start_line, ...(a.end_line !== a.start_line ? { endLine: a.end_line } : {}) }))
    .sort();
}

afterEach(resetNock);

describeShared('the seed patch as a pull request', () => {
  it('places since tags on the lines the CLI reports, in both schema files', async () => {
    const cli = await throughTheCli([sinceLines]);
    expect(cli).toEqual(['test/since-line info qapi/migration.json:523 since tag', 'test/since-line info qapi/migration.json:524 since tag', 'test/since-line info qapi/net.json:359 since tag']);
    const app = await throughTheApp([sinceLines]);
    expect(annotationKeys(app)).toEqual(cli);
    expect(app.comments.map((c) => `${c.path}:${c.line}`)).toEqual(['qapi/migration.json:523', 'qapi/migration.json:524', 'qapi/net.json:359']);
  });

  it('gives the same findings as the CLI with every registered rule', async () => {
    const cli = await throughTheCli(ALL_RULES);
    const app = await throughTheApp(ALL_RULES);
    // Series-scoped rules (migration/*) judge a different series there: compare the patch-scoped ones.
    const patchRules = new Set(ALL_RULES.filter((r) => r.meta.scope === 'patch').map((r) => r.meta.id));
    expect(annotationKeys(app).filter((k) => patchRules.has(k.split(' ')[0]!))).toEqual(cli);
    // Every added or context line of the seed is in the diff: each finding is inline too.
    const inline = app.comments.filter((c) => [...patchRules].some((id) => c.body.includes(id)));
    expect(inline.map((c) => `${c.path}:${c.start_line ?? c.line}`).sort()).toEqual(
      cli.map((k) => k.split(' ')[2]!.replace(/-\d+$/, '')).sort(),
    );
  });
});
