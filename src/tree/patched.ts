// A base tree with a series applied in memory, in order, so that patch k
// sees the base plus patches 1..k. A file whose hunk does not apply (or that
// the base lacks) is unknown from then on: rules fall back to the diff.
import type { FileDiff, Patch } from '../patch/model.js';
import { ApplyError, applyFileDiff } from './apply.js';
import { type Tree, versionOf, withoutTrailingSlashes } from './tree.js';

/** null: the file does not exist at that point; undefined: unknown. */
type State = string | null | undefined;

export class PatchedSeries {
  /** Per path, the state after each step (index 0 = base). */
  private readonly states = new Map<string, Promise<State>[]>();
  /** Why files fell back to diff-only, one line each, for the report. */
  readonly notes: string[] = [];

  constructor(
    private readonly base: Tree,
    private readonly patches: readonly Patch[],
  ) {}

  /** The tree after the first `step` patches (0 = base). */
  at(step: number): Tree {
    return {
      read: async (path) => (await this.stateAt(path, step)) ?? undefined,
      version: () => versionOf({ read: async (path) => (await this.stateAt(path, step)) ?? undefined }),
      isDirectory: (path) => this.isDirectoryAt(path, step),
      // The base's history: the patches applied in memory make no commits.
      ...(this.base.commit ? { commit: (sha: string) => this.base.commit!(sha) } : {}),
      description: step === 0 ? this.base.description : `${this.base.description} + patches 1..${step}`,
    };
  }

  /** A directory of the base, or one the first `step` patches create files in. */
  private async isDirectoryAt(path: string, step: number): Promise<boolean | undefined> {
    const prefix = withoutTrailingSlashes(path) + '/';
    const created = this.patches
      .slice(0, step)
      .some((patch) => patch.files.some((f) => f.status !== 'deleted' && f.path.startsWith(prefix)));
    if (created) return true;
    return this.base.isDirectory ? this.base.isDirectory(path) : undefined;
  }

  private stateAt(path: string, step: number): Promise<State> {
    let steps = this.states.get(path);
    if (!steps) {
      steps = [];
      this.states.set(path, steps);
    }
    steps[step] ??= step === 0 ? this.base.read(path).then((t) => t ?? null) : this.compute(path, step);
    return steps[step]!;
  }

  private async compute(path: string, step: number): Promise<State> {
    const patch = this.patches[step - 1]!;
    const touching = patch.files.find((f) => f.path === path || (f.status === 'renamed' && f.oldPath === path));
    if (!touching) return this.stateAt(path, step - 1);
    if (touching.path !== path) return null; // renamed away
    return this.applyStep(touching, step, patch);
  }

  private async applyStep(file: FileDiff, step: number, patch: Patch): Promise<State> {
    const before = await this.stateAt(file.oldPath, step - 1);
    if (before === undefined) return undefined;
    if (file.status === 'deleted') return null;
    if (file.binary) return undefined;
    if (before === null && file.status !== 'added') {
      this.notes.push(`${file.oldPath} is not in the base tree: checked from patch ${patch.index}'s diff only`);
      return undefined;
    }
    if (file.status === 'renamed' && file.chunks.length === 0) return before;
    try {
      return applyFileDiff(before ?? undefined, file);
    } catch (error) {
      if (!(error instanceof ApplyError)) throw error;
      this.notes.push(`patch ${patch.index} does not apply to ${file.path} (${error.message}): checked from the diff only from here on`);
      return undefined;
    }
  }
}
