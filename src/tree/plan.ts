// The files a series is checked against, as one value the engine takes from
// any front-end (DESIGN.md "Tree access"). A source says what its patches
// are (Series.origin); a plan says where their files come from:
//   none        no tree: rules judge the diff alone
//   applied     a base tree with the series applied in memory, in order
//   per-commit  each patch is a commit with its own files (git, GitHub)
import type { Patch } from '../patch/model.js';
import { PatchedSeries } from './patched.js';
import { NO_TREE, type Tree } from './tree.js';

export type PlanKind = 'none' | 'applied' | 'per-commit';

export interface TreePlan {
  readonly kind: PlanKind;
  /** Files before the series (release lookup, `ctx.treeBefore` of series rules). */
  readonly before: Tree;
  /** Files after the first `step` patches of the series (0 = before). */
  after(step: number): Tree;
  /** One line for reports: "files: read from each commit of the range". */
  readonly description: string;
  /** What could not be done (hunks that did not apply), one line each. */
  readonly notes: readonly string[];
  /** Releases what the plan holds (git processes); safe to call twice. */
  close(): void;
}

/**
 * `patches` applied in order to `base` in memory, after `earlier` patches of
 * the same series (the hook lints one mail at a time). With NO_TREE the plan
 * is of kind 'none' (diff only), yet still knows the files the patches create.
 * `notes` say how the base was chosen (a base-commit not found).
 */
export function appliedPlan(base: Tree, patches: readonly Patch[], earlier: readonly Patch[] = [], notes: readonly string[] = []): TreePlan {
  const patched = new PatchedSeries(base, [...earlier, ...patches]);
  return {
    kind: base === NO_TREE ? 'none' : 'applied',
    before: patched.at(earlier.length),
    after: cached((step) => patched.at(earlier.length + step)),
    description: base === NO_TREE ? NO_PLAN.description : `files: ${base.description} with the series applied in order`,
    // Read when the series is done: the hunks that did not apply are known by then.
    get notes() {
      return notes.length ? [...notes, ...patched.notes] : patched.notes;
    },
    close() {},
  };
}

/**
 * Each patch's own commit: `treeOf(patch)` gives the files after it,
 * `before` those before the first. `description` says where they are read
 * from ("files: read from each commit of the range").
 */
export function perCommitPlan(options: { before: Tree; patches: readonly Patch[]; treeOf: (patch: Patch) => Tree; description: string; close?: () => void }): TreePlan {
  const { before, patches, treeOf } = options;
  return {
    kind: 'per-commit',
    before,
    after: cached((step) => (step === 0 ? before : treeOf(patches[step - 1]!))),
    description: options.description,
    notes: [],
    close: options.close ?? (() => {}),
  };
}

/** No tree at all: every rule works from the diff. */
export const NO_PLAN: TreePlan = {
  kind: 'none',
  before: NO_TREE,
  after: () => NO_TREE,
  description: 'files: from the diff only (no tree given)',
  notes: [],
  close() {},
};

/** One Tree per revision, made on first use (commits shared by several patches or plans). */
export function treeCache(open: (rev: string) => Tree): (rev: string) => Tree {
  const trees = new Map<string, Tree>();
  return (rev) => {
    let tree = trees.get(rev);
    if (!tree) trees.set(rev, (tree = open(rev)));
    return tree;
  };
}

function cached(compute: (step: number) => Tree): (step: number) => Tree {
  const trees = new Map<number, Tree>();
  return (step) => {
    let tree = trees.get(step);
    if (!tree) trees.set(step, (tree = compute(step)));
    return tree;
  };
}
