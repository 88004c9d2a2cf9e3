// What the hook asks git: where the repository is, which of the mails'
// commits it holds, and whether send-email adds recipients that git 2.39
// does not show the hook. Arguments go to git as arrays, never through a shell.
import { resolve } from 'node:path';
import { type GitObjects, git } from '../tree/git.js';

export interface Repo {
  /** Absolute git dir of this work tree (per-worktree for linked worktrees). */
  gitDir: string;
  /** Top of the work tree; undefined for a bare repository. */
  workTree?: string;
}

export class NotARepoError extends Error {}

export async function openRepo(cwd: string): Promise<Repo> {
  try {
    const [gitDir, workTree] = (await git(cwd, ['rev-parse', '--absolute-git-dir', '--show-toplevel'])).split('\n');
    return { gitDir: gitDir!, workTree: workTree || undefined };
  } catch {
    // A bare repository has a git dir but no work tree.
    try {
      const gitDir = (await git(cwd, ['rev-parse', '--absolute-git-dir'])).trim();
      return { gitDir: resolve(cwd, gitDir) };
    } catch {
      throw new NotARepoError(`${cwd}: not in a git repository (git send-email runs the hook inside one)`);
    }
  }
}

/**
 * The commits among `revs` that exist in the repository, as a set of the
 * revisions asked for (e.g. `<sha>` and `<sha>^`). Asked of the cat-file
 * process the trees then read files from: one git process for both.
 */
export async function existingRevisions(objects: GitObjects, revs: readonly string[]): Promise<Set<string>> {
  const asked = revs.filter((r) => /^[0-9a-f]{40}\^?$/.test(r));
  const types = await Promise.all(asked.map((r) => objects.typeOf(`${r}^{commit}`)));
  return new Set(asked.filter((_r, i) => types[i] === 'commit'));
}

/** The sendemail.* settings as [key, value] (keys as git prints them: lower case). */
export async function sendEmailSettings(cwd: string): Promise<Array<[string, string]>> {
  let out: string;
  try {
    out = await git(cwd, ['config', '--get-regexp', '^sendemail\\.']);
  } catch {
    return []; // exit status 1: no sendemail.* setting at all
  }
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const space = line.indexOf(' ');
      return space < 0 ? [line, ''] : [line.slice(0, space), line.slice(space + 1)];
    });
}
