// Runs the engine on mail text held in memory, the way the CLI would on a file.
import { Readable } from 'node:stream';
import { ALL_RULES } from '../../rules/index.js';
import { type Config, DEFAULT_CONFIG } from '../../src/engine/config.js';
import { lintInputs } from '../../src/cli/check.js';
import type { LintReport } from '../../src/report/summary.js';
import type { Rule } from '../../src/engine/types.js';
import { MemoryTree, type Tree } from '../../src/tree/tree.js';

export interface LintTextOptions {
  rules?: readonly Rule[];
  qemuVersion?: string;
  /** Files of the base tree, or a Tree. */
  tree?: Record<string, string> | Tree;
  config?: Partial<Config>;
}

export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintReport> {
  const tree = options.tree && (typeof (options.tree as Tree).read === 'function' ? (options.tree as Tree) : new MemoryTree(options.tree as Record<string, string>));
  return lintInputs(['-'], {
    rules: options.rules ?? ALL_RULES,
    config: { ...DEFAULT_CONFIG, rules: {}, ...options.config },
    tree,
    qemuVersion: options.qemuVersion,
    stdin: Readable.from([Buffer.from(text)]),
  });
}
