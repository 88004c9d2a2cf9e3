// `patchlint schema [DIR|FILE...]`: the QAPI doc rules over whole schema
// files, for the debt of a tree rather than a patch. The same rules as
// `check` (those that judge a file's text, RuleMeta.wholeFile), fed each file
// as a patch that adds every line.
import { ALL_RULES } from '../../rules/index.js';
import { lintSeries } from '../engine/engine.js';
import { findSchemaFiles, wholeFileSeries, wholeFilesPlan } from '../sources/whole-files.js';
import { DirectoryTree, NO_TREE } from '../tree/tree.js';
import { printable } from '../report/printable.js';
import { VERSION } from '../version.js';
import type { Io } from './main.js';
import { SettingsError, UsageError, parse, settingsFromOptions } from './options.js';

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

  const found = await findSchemaFiles(positionals.length ? positionals : ['qapi']);
  let settings;
  try {
    settings = await settingsFromOptions(values, found.root ? [found.root] : [io.cwd], ALL_RULES.map((r) => r.meta.id));
  } catch (error) {
    if (!(error instanceof SettingsError && format === 'json')) throw error;
    // The JSON document still comes, with the settings file's error in `errors`.
    const { formatSchemaJson } = await import('../report/schema.js');
    io.stdout(formatSchemaJson({ files: [], lines: 0, findings: [], errors: [error.input] }, VERSION));
    io.stderr(`patchlint: ${error.message}\n`);
    return 2;
  }
  const { config, qemuVersion } = settings;

  const series = wholeFileSeries(found.files);
  const tree = found.root ? new DirectoryTree(found.root) : NO_TREE;
  const plan = wholeFilesPlan(series, tree);
  const result = await lintSeries(series, { rules: ALL_RULES.filter((r) => r.meta.wholeFile), config, plan, qemuVersion });
  const report = {
    files: found.files.map((f) => f.path),
    lines: series.patches.reduce((n, p) => n + p.files.reduce((m, f) => m + f.added.length, 0), 0),
    findings: result.findings,
    errors: [...found.errors, ...result.crashes.map((message) => ({ input: found.root, message }))],
  };
  const { formatSchemaJson, formatSchemaText } = await import('../report/schema.js');
  io.stdout(format === 'json' ? formatSchemaJson(report, VERSION) : printable(formatSchemaText(report, { countsOnly: values.counts })));
  for (const e of report.errors) io.stderr(`patchlint: ${e.input}: ${e.message}\n`);
  if (report.errors.length) return 2;
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
