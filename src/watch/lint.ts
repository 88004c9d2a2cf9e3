// The one place the bot calls the engine: a whole (or timed-out) series in,
// its summary and findings out, as `check --tree` lints it.
import { type SeriesSummary, lintOneSeries } from '../engine/lint.js';
import type { Config } from '../engine/config.js';
import type { Finding, Rule } from '../engine/types.js';
import type { Series } from '../patch/model.js';
import type { InputError } from '../sources/inputs.js';
import { NO_TREE, type Tree } from '../tree/tree.js';

export interface WatchLintOptions {
  rules: readonly Rule[];
  config: Config;
  qemuVersion?: string;
  /** The files the series applies to: the operator's checkout, or it at the cover's base-commit. */
  tree?: Tree;
}

export async function lintForWatch(series: Series, options: WatchLintOptions): Promise<{ summary: SeriesSummary; findings: Finding[]; errors: InputError[] }> {
  const base = options.tree ?? NO_TREE;
  return lintOneSeries(series, 0, { rules: options.rules, config: options.config, base, mode: base === NO_TREE ? 'diff' : 'tree', qemuVersion: options.qemuVersion });
}
