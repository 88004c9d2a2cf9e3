// The one place the bot calls the engine: a whole (or timed-out) series in,
// its summary and findings out, as `check --tree` lints it (the same
// (Series, TreePlan) seam as every other front-end).
import type { Config } from '../engine/config.js';
import { lintSeries } from '../engine/engine.js';
import type { Finding, Rule } from '../engine/types.js';
import type { Series } from '../patch/model.js';
import { type SeriesSummary, crashErrors, summariseSeries } from '../report/summary.js';
import type { InputError } from '../sources/inputs.js';
import { appliedPlan } from '../tree/plan.js';
import { NO_TREE, type Tree } from '../tree/tree.js';

export interface WatchLintOptions {
  rules: readonly Rule[];
  config: Config;
  qemuVersion?: string;
  /** The files the series applies to: the operator's checkout, or it at the cover's base-commit. */
  tree?: Tree;
  /** How that tree was chosen, when not as the series asked (a base-commit the checkout lacks). */
  baseNotes?: readonly string[];
}

export async function lintForWatch(series: Series, options: WatchLintOptions): Promise<{ summary: SeriesSummary; findings: Finding[]; errors: InputError[] }> {
  const plan = appliedPlan(options.tree ?? NO_TREE, series.patches, [], options.baseNotes);
  try {
    const result = await lintSeries(series, { rules: options.rules, config: options.config, plan, qemuVersion: options.qemuVersion });
    return { summary: summariseSeries(series, result, plan), findings: result.findings, errors: crashErrors(series, result) };
  } finally {
    plan.close();
  }
}
