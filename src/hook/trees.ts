// The files a mail is linted against: the commit its format-patch
// `From <sha>` line names (and that commit's parent as the tree before),
// when the repository holds both; else the work tree with the series'
// earlier patches applied.
import type { Patch } from '../patch/model.js';
import { commitLookup } from '../tree/commits.js';
import { GitObjects, GitTree } from '../tree/git.js';
import { type TreePlan, appliedPlan, perCommitPlan } from '../tree/plan.js';
import { DirectoryTree, NO_TREE, type Tree } from '../tree/tree.js';
import { type Repo, existingRevisions } from './repo.js';

/** Trees from the repository: a commit and its parent when it has them, else the work tree. */
export class RepoTrees {
  readonly work: Tree;
  private readonly byRev = new Map<string, Tree>();

  private constructor(
    repo: Repo,
    private readonly commits: ReadonlySet<string>,
    private readonly objects: GitObjects,
  ) {
    this.work = repo.workTree ? new DirectoryTree(repo.workTree, commitLookup(repo.workTree, 'HEAD')) : NO_TREE;
  }

  /**
   * The trees of a repository, knowing which of `revs` (`<sha>`, `<sha>^`)
   * it holds: asked of the one cat-file process that then reads the files.
   */
  static async open(repo: Repo, revs: readonly string[]): Promise<RepoTrees> {
    const objects = new GitObjects(repo.workTree ?? repo.gitDir);
    return new RepoTrees(repo, await existingRevisions(objects, revs), objects);
  }

  /** The patch's commit, when the repository holds it and its parent. */
  commitOf(patch: Patch): string | undefined {
    const sha = patch.commitSha;
    return sha && this.commits.has(sha) && this.commits.has(`${sha}^`) ? sha : undefined;
  }

  at(rev: string): Tree {
    let tree = this.byRev.get(rev);
    if (!tree) {
      tree = new GitTree(this.objects, rev);
      this.byRev.set(rev, tree);
    }
    return tree;
  }

  /**
   * The plan for `patches` (in series order): each commit's own files when
   * the repository holds them all, else the work tree with `earlier`
   * patches of the series, then these, applied.
   */
  planOf(patches: readonly Patch[], earlier: readonly Patch[] = []): TreePlan {
    const shas = patches.map((p) => this.commitOf(p));
    if (shas.length && shas.every(Boolean)) {
      return perCommitPlan({ before: this.at(`${shas[0]}^`), patches, treeOf: (p) => this.at(this.commitOf(p)!), description: 'files: read from each commit in the repository' });
    }
    return appliedPlan(this.work, patches, earlier);
  }

  close(): void {
    this.objects.close();
  }
}
