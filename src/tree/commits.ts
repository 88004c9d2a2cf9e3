// The commits of a repository, as a `Fixes: <sha> ("subject")` tag names
// them: what git resolves a (short) SHA to, its subject, and whether it is
// in the history of the tree's HEAD. Only git-backed trees have this
// (Tree.commit); arguments go to git as an array, never through a shell.
import { git } from './git.js';

export type CommitLookup =
  | { kind: 'found'; sha: string; subject: string; ancestor: boolean | undefined }
  /** `shallow`: the repository is a shallow clone, whose history may simply stop before the commit. */
  | { kind: 'unknown'; shallow?: boolean }
  /** A short SHA that more than one commit starts with. */
  | { kind: 'ambiguous'; candidates: number };

const HEX = /^[0-9a-f]{4,40}$/i;

/** Lookups in the repository at `cwd`, relative to `head` (a revision); one git call per SHA asked, cached. */
export function commitLookup(cwd: string, head: string): (sha: string) => Promise<CommitLookup> {
  const cache = new Map<string, Promise<CommitLookup>>();
  return (sha) => {
    const key = sha.toLowerCase();
    let pending = cache.get(key);
    if (!pending) cache.set(key, (pending = HEX.test(key) ? lookup(cwd, head, key) : Promise.resolve({ kind: 'unknown' })));
    return pending;
  };
}

async function lookup(cwd: string, head: string, sha: string): Promise<CommitLookup> {
  let out: string;
  try {
    out = await git(cwd, ['log', '-1', '--no-walk', '--format=%H%n%s', '--end-of-options', `${sha}^{commit}`, '--']);
  } catch {
    const candidates = await commitsStartingWith(cwd, sha);
    if (candidates > 1) return { kind: 'ambiguous', candidates };
    return (await isShallow(cwd)) ? { kind: 'unknown', shallow: true } : { kind: 'unknown' };
  }
  const [full = '', subject = ''] = out.split('\n');
  return { kind: 'found', sha: full, subject, ancestor: await isAncestor(cwd, full, head) };
}

/** How many commits a short SHA could name (git refuses an ambiguous one). */
async function commitsStartingWith(cwd: string, prefix: string): Promise<number> {
  let objects: string[];
  try {
    objects = (await git(cwd, ['rev-parse', `--disambiguate=${prefix}`])).split('\n').filter(Boolean);
  } catch {
    return 0;
  }
  const types = await Promise.all(objects.map((o) => git(cwd, ['cat-file', '-t', o]).catch(() => '')));
  return types.filter((t) => t.trim() === 'commit').length;
}

async function isShallow(cwd: string): Promise<boolean> {
  const out = await git(cwd, ['rev-parse', '--is-shallow-repository']).catch(() => 'false');
  return out.trim() === 'true';
}

async function isAncestor(cwd: string, sha: string, head: string): Promise<boolean | undefined> {
  try {
    await git(cwd, ['merge-base', '--is-ancestor', sha, head]);
    return true;
  } catch (error) {
    // Exit status 1 is "no"; anything else (no HEAD yet, a broken repository) is unknown.
    return (error as { code?: number }).code === 1 ? false : undefined;
  }
}
