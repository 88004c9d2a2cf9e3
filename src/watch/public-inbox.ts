// A public-inbox v2 archive: epochs git/0.git, git/1.git, ..., where each
// commit on master adds one message as the file `m` (the layout lore serves
// and public-inbox-clone / grokmirror mirror). Read with real git: the
// commits since the last one seen per epoch, then their blobs through one
// `git cat-file --batch`.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GitObjects } from '../tree/git.js';
import type { Journal } from './journal.js';
import { BATCH, type MailSource, type RawMail, type SourceEvent } from './source.js';

const run = promisify(execFile);

interface NewCommit {
  sha: string;
  blob: string;
  time: number;
}

async function git(dir: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['--git-dir', dir, ...args], { maxBuffer: 1 << 30, encoding: 'utf8' });
  return stdout;
}

function firstLine(error: unknown): string {
  const text = String((error as { stderr?: string }).stderr || (error as Error).message);
  return text.trim().split('\n')[0] ?? 'failed';
}

/** Commits after `since` (all when undefined) that add or change `m`, oldest first. */
async function newCommits(dir: string, head: string, since: string | undefined): Promise<NewCommit[]> {
  const out = await git(dir, ['log', '--reverse', '--no-renames', '--raw', '--no-abbrev', '--format=%x00%H %ct', since ? `${since}..${head}` : head]);
  const commits: NewCommit[] = [];
  for (const entry of out.split('\0').slice(1)) {
    const [first, ...rest] = entry.split('\n');
    const [sha, time] = first!.split(' ');
    // `:000000 100644 0000... <blob> A\tm`; a deletion (purge) adds nothing.
    const m = rest.map((l) => /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [AM]\tm$/.exec(l)).find(Boolean);
    if (m) commits.push({ sha: sha!, blob: m[1]!, time: Number(time) * 1000 });
  }
  return commits;
}

export function publicInboxSource(root: string): MailSource {
  return {
    description: `public-inbox archive ${root}`,
    async *read(journal: Journal): AsyncGenerator<SourceEvent> {
      const names = (await readdir(join(root, 'git')).catch(() => [] as string[]))
        .map((n) => /^(\d+)\.git$/.exec(n))
        .filter((m): m is RegExpExecArray => !!m)
        .sort((a, b) => Number(a[1]) - Number(b[1]))
        .map((m) => m[0]);
      if (!names.length) yield { kind: 'error', message: `${root}: no epoch (git/0.git) in this archive` };
      for (const name of names) yield* readEpoch(root, name, journal);
    },
  };
}

async function* readEpoch(root: string, name: string, journal: Journal): AsyncGenerator<SourceEvent> {
  const dir = join(root, 'git', name);
  const label = `${root}/git/${name}`;
  const key = `epoch:${name}`;
  let head: string;
  try {
    head = (await git(dir, ['rev-parse', '--verify', 'refs/heads/master^{commit}'])).trim();
  } catch (error) {
    // An epoch being created has no master yet; anything else is damage.
    const message = firstLine(error);
    if (!/Needed a single revision/.test(message)) yield { kind: 'error', message: `${label}: cannot read this epoch: ${message}` };
    return;
  }
  let since = journal.cursor(key);
  if (since === head) return;
  if (since) {
    const isAncestor = await git(dir, ['merge-base', '--is-ancestor', since, head]).then(() => true, () => false);
    if (!isAncestor) {
      yield { kind: 'error', message: `${label}: history was rewritten since commit ${since.slice(0, 12)} (public-inbox-purge?); reading the epoch again, mails already seen are skipped`, notice: true };
      since = undefined;
    }
  }
  let commits: NewCommit[];
  try {
    commits = await newCommits(dir, head, since);
  } catch (error) {
    yield { kind: 'error', message: `${label}: cannot list commits: ${firstLine(error)}` };
    return;
  }
  const objects = new GitObjects(dir);
  try {
    // The next batch's blobs are asked for before this one is handed out, so that git reads them while the bot lints.
    const fetch = (i: number) => Promise.all(commits.slice(i, i + BATCH).map((c) => objects.read(c.blob)));
    let next = commits.length ? fetch(0) : undefined;
    for (let i = 0; i < commits.length; i += BATCH) {
      const slice = commits.slice(i, i + BATCH);
      const blobs = await next!;
      next = i + BATCH < commits.length ? fetch(i + BATCH) : undefined;
      const mails: RawMail[] = [];
      for (let j = 0; j < slice.length; j++) {
        const bytes = blobs[j];
        const where = `${label} ${slice[j]!.sha.slice(0, 12)}`;
        if (bytes) mails.push({ where, bytes, arrived: slice[j]!.time });
        else yield { kind: 'error', message: `${where}: message blob ${slice[j]!.blob.slice(0, 12)} is missing (corrupt epoch?)` };
      }
      const last = slice.at(-1)!.sha;
      yield { kind: 'batch', mails, advance: (j) => j.setCursor(key, last) };
    }
    // Commits that add no `m` (purges) still move the cursor.
    if (!commits.length) yield { kind: 'batch', mails: [], advance: (j) => j.setCursor(key, head) };
  } finally {
    objects.close();
  }
}
