// `--worktree` and `--staged`: the changes not yet committed, as the bare
// diff `git diff HEAD` (or `git diff --cached`) prints, linted against the
// files of HEAD.
import { GitObjects, GitTree, git } from '../tree/git.js';
import type { Tree } from '../tree/tree.js';
import type { InputError } from './inputs.js';

export interface Uncommitted {
  /** The diff text; empty when there is nothing to check. */
  diff: string;
  /** The repository's top level. */
  top: string;
  /** HEAD's files, which the diff applies to. */
  base: Tree;
  close(): void;
}

export async function readUncommitted(kind: 'worktree' | 'staged', cwd: string): Promise<Uncommitted | InputError> {
  const input = `--${kind}`;
  try {
    const top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
    await git(cwd, ['rev-parse', '--verify', 'HEAD^{commit}']);
    const args = kind === 'staged' ? ['diff', '--cached'] : ['diff', 'HEAD'];
    const diff = await git(top, [...args, '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/']);
    const objects = new GitObjects(top);
    return { diff, top, base: new GitTree(objects, 'HEAD'), close: () => objects.close() };
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n')[0];
    return { input, message: `git: ${stderr}` };
  }
}
