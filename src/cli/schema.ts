// `patchlint schema [DIR|FILE...]`: the QAPI doc rules over whole schema
// files, for the debt of a tree rather than a patch. The same rules as
// `check` (those that judge a file's text, RuleMeta.wholeFile), fed each file
// as a patch that adds every line.
import { ALL_RULES } from '../../rules/index.js';
import { ConfigError, parseRuleSetting } from '../engine/config.js';
import { lintSeries } from '../engine/engine.js';
import { findSchemaFiles, wholeFileSeries } from '../sources/whole-files.js';
import { DirectoryTree, NO_TREE } from '../tree/tree.js';
import { VERSION } from '../version.js';
import { loadConfig } from './check.js';
import type { Io } from './main.js';
import { UsageError, parse } from './options.js';

const FORMATS = ['text', 'json'] as const;

export async function schema(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' },
    rule: { type: 'string', multiple: true },
    config: { type: 'string' },
    'qemu-version': { type: 'string' },
    counts: { type: 'boolean' },
  });
  const format = (values.format ?? 'text') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (values['qemu-version'] && !/^\d+\.\d+(\.\d+)?$/.test(values['qemu-version'])) throw new UsageError('--qemu-version takes X.Y or X.Y.Z');

  const found = await findSchemaFiles(positionals.length ? positionals : ['qapi']);
  let config;
  try {
    config = await loadConfig(values.config, found.root ? [found.root] : [io.cwd]);
    for (const setting of values.rule ?? []) {
      const [id, level] = parseRuleSetting(setting);
      if (!id.endsWith('/*') && !ALL_RULES.some((r) => r.meta.id === id)) throw new UsageError(`--rule ${id}: no such rule (see patchlint rules)`);
      config.rules[id] = level;
    }
  } catch (error) {
    if (error instanceof ConfigError || /^--rule /.test((error as Error).message)) throw new UsageError((error as Error).message);
    throw error;
  }

  const series = wholeFileSeries(found.files);
  const tree = found.root ? new DirectoryTree(found.root) : NO_TREE;
  const result = await lintSeries(series, 0, {
    rules: ALL_RULES.filter((r) => r.meta.wholeFile),
    config,
    base: NO_TREE,
    treeAfter: () => tree,
    mode: 'tree',
    qemuVersion: values['qemu-version'],
  });
  const report = {
    files: found.files.map((f) => f.path),
    lines: series.patches.reduce((n, p) => n + p.files.reduce((m, f) => m + f.added.length, 0), 0),
    findings: result.findings,
    errors: [...found.errors, ...result.crashes.map((message) => ({ input: found.root, message }))],
  };
  const { formatSchemaJson, formatSchemaText } = await import('../report/schema.js');
  io.stdout(format === 'json' ? formatSchemaJson(report, VERSION) : formatSchemaText(report, { countsOnly: values.counts }));
  for (const e of report.errors) io.stderr(`patchlint: ${e.input}: ${e.message}\n`);
  if (report.errors.length) return 2;
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
