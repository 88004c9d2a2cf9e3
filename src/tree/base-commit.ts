// The commit a series was written on: `git format-patch --base` writes
// `base-commit: <sha>` at the end of the cover letter, or of the first patch
// when there is none. With `--tree DIR` a git checkout, the series is applied
// to DIR's files at that commit rather than to its work tree, which may have
// moved on since (check --tree and the list bot share this).
import { realpath } from 'node:fs/promises';
import type { Patch, Series } from '../patch/model.js';
import { GitObjects, GitTree, git } from './git.js';
import type { Tree } from './tree.js';

const BASE_COMMIT = /^base-commit: ([0-9a-f]{40}(?:[0-9a-f]{24})?)[ \t]*$/m;

/** The series' `base-commit:`, from the cover letter, else from patch 1. */
export function baseCommitOf(series: Pick<Series, 'cover' | 'patches'>): string | undefined {
  const lead: Patch | undefined = series.cover ?? series.patches.find((p) => p.index === 1);
  if (!lead) return undefined;
  // After the diff of a lone patch, so only the mail's body has it; a cover letter's is in its message or notes.
  const text = lead.text?.body ?? `${lead.message}\n${lead.notes}`;
  return BASE_COMMIT.exec(text)?.[1];
}

/**
 * Base trees of series under one checkout `dir`: its git objects at a
 * series' base-commit when the repository holds that commit, else the work
 * tree the caller gives, with a note saying why. One `git cat-file` serves
 * every series; close() ends it.
 */
export class BaseCommits {
  private objects?: GitObjects;
  /** Why dir's git cannot be used at all (not the top of a git work tree); '' when it can. */
  private unusable?: Promise<string>;

  constructor(private readonly dir: string) {}

  /** The tree `series` applies to, and notes for its report. */
  async treeFor(series: Pick<Series, 'cover' | 'patches'>, workTree: Tree): Promise<{ tree: Tree; notes: string[] }> {
    const base = baseCommitOf(series);
    if (!base) return { tree: workTree, notes: [] };
    const short = base.slice(0, 12);
    this.unusable ??= this.check();
    const why = await this.unusable;
    if (why) return { tree: workTree, notes: [`base-commit ${short}: ${why}; the series was applied to the files of ${this.dir} as they are`] };
    this.objects ??= new GitObjects(this.dir);
    if ((await this.objects.typeOf(`${base}^{commit}`)) !== 'commit') {
      return { tree: workTree, notes: [`base-commit ${short} is not in the git repository of ${this.dir}; the series was applied to its work tree as it is`] };
    }
    return { tree: new GitTree(this.objects, base), notes: [] };
  }

  close(): void {
    this.objects?.close();
    this.objects = undefined;
  }

  /** A directory inside another repository (a fixture tree) must not be read at that repository's commits. */
  private async check(): Promise<string> {
    const top = await git(this.dir, ['rev-parse', '--show-toplevel']).then((out) => out.trim(), () => undefined);
    if (!top) return `${this.dir} is not a git checkout`;
    const [a, b] = await Promise.all([realpath(top).catch(() => top), realpath(this.dir).catch(() => this.dir)]);
    return a === b ? '' : `${this.dir} is not the top of its git checkout`;
  }
}
