// The types every rule and reporter shares (DESIGN.md "Rules", "Output contract").
import type { Patch, Series } from '../patch/model.js';
import type { TreePlan } from '../tree/plan.js';
import type { Tree } from '../tree/tree.js';
import type { Config } from './config.js';
import type { Release } from './release.js';

export type Severity = 'error' | 'warning' | 'info';

/** A suggested change: lines that replace `line..endLine`, or a unified diff. */
export interface Fix {
  replacement?: string[];
  diff?: string;
  /** The lines `replacement` replaces when they are not the finding's own (a paragraph rewrapped for one long line). */
  line?: number;
  endLine?: number;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** Index into the report's series list. */
  series: number;
  /** 1-based patch index; 0 for the cover letter. */
  patch: number;
  /** Post-patch path; null for the commit message or the series as a whole. */
  file: string | null;
  /** Post-patch line, or commit-message line when `file` is null. */
  line: number | null;
  endLine?: number;
  fix?: Fix;
  /** The lines the finding is about, for text and email output (not in JSON). */
  excerpt?: string[];
  /** checkpatch's `#N`: the line within the patch mail (not in JSON). */
  patchLine?: number;
  /** With `--previous`: whether the previous version drew the same finding (src/report/previous.ts). */
  previously?: 'new' | 'reported';
}

export interface RuleMeta {
  /** `family/name`, as in RULES.md. */
  id: string;
  severity: Severity;
  scope: 'patch' | 'series';
  /** What the rule reads: the diff alone, the touched files whole, or other files of the tree. */
  needs: 'diff' | 'files' | 'tree';
  /** One line, shown by `patchlint rules` and in SARIF. */
  description: string;
  fixable?: boolean;
  /**
   * The rule judges a file's text rather than a change to it, so it also runs
   * on whole files (`patchlint schema`, which lints each file as a patch that
   * adds every line).
   */
  wholeFile?: boolean;
  /**
   * Patch scope: the rule only looks at files whose path matches, and is
   * not run at all on a patch that touches none (QAPI rules on a C-only
   * patch, say).
   */
  files?: RegExp;
  /**
   * Patch scope: the rule judges the author's own habits (subject form, a
   * body, wrapping). It is not run on the patches of a [PULL] whose
   * sign-offs show a maintainer already applied them as they are.
   */
  authorHabit?: boolean;
}

export interface ReportInput {
  message: string;
  /** Omit or null for commit-message and series findings. */
  file?: string | null;
  line?: number | null;
  endLine?: number;
  fix?: Fix;
  /** Overrides the rule's default for this finding (e.g. an inferred release is never above warning). */
  severity?: Severity;
  /** Series rules: the patch the finding belongs to (default: the cover, else the first patch). */
  patch?: number;
}

export interface RuleContext {
  readonly series: Series;
  /** Set for patch-scoped rules. */
  readonly patch?: Patch;
  /** Files after this patch (patch scope) or after the whole series (series scope). */
  readonly tree: Tree;
  /** Files before this patch (patch scope) or before the series (series scope). */
  readonly treeBefore: Tree;
  /** The tree after the first `k` patches of the series (0 = base). */
  treeAt(k: number): Tree;
  /**
   * Where the files came from: `kind` 'none' means no tree (judge the diff
   * alone), 'per-commit' that each patch is read from its own commit.
   */
  readonly plan: Pick<TreePlan, 'kind' | 'description'>;
  readonly release: Release;
  readonly config: Config;
  /** Computes a value once per patch (or series) and shares it across rules. */
  memo<T>(key: string, compute: () => T): T;
  /**
   * The context the patch rules of the patch at position `step` (1-based)
   * get, memo included: a series rule asks a patch what its patch rules
   * already computed (its parsed schema files, say) instead of redoing it.
   */
  patchContext(step: number): RuleContext;
  report(finding: ReportInput): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void | Promise<void>;
}
