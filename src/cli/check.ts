// `patchlint check`: read inputs, lint, print in the chosen format.
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { ALL_RULES } from '../../rules/index.js';
import type { Config } from '../engine/config.js';
import { compareFindings, lintSeries } from '../engine/engine.js';
import type { Finding, Rule } from '../engine/types.js';
import type { Counts } from '../report/counts.js';
import { type LintReport, type SeriesSummary, crashErrors, summariseSeries } from '../report/summary.js';
import type { ReportWithPrevious } from '../report/previous.js';
import type { InputError } from '../sources/inputs.js';
import { isInputError, readSeries } from '../sources/read-series.js';
import type { Series } from '../patch/model.js';
import { type TreePlan, appliedPlan } from '../tree/plan.js';
import { DirectoryTree, NO_TREE, type Tree } from '../tree/tree.js';
import { VERSION } from '../version.js';
import type { Io } from './main.js';
import { SettingsError, UsageError, parse, settingsFromOptions } from './options.js';

const FORMATS = ['text', 'json', 'sarif', 'markdown', 'email'] as const;
type Format = (typeof FORMATS)[number];

interface OutputValues {
  verbose?: boolean;
  'email-from'?: string;
  'per-series'?: boolean;
}

export interface LintOptions {
  rules: readonly Rule[];
  config?: Config;
  /** Base tree for mbox input (`--tree`). */
  tree?: Tree;
  qemuVersion?: string;
  /** `--git A..B`, run in `cwd`. */
  gitRange?: string;
  cwd?: string;
  stdin?: Readable;
}

/** Receives results as they are ready, in input order: what streams output to the user. */
export interface LintSink {
  /** The series numbered `index` (0-based, in order of first appearance) and its findings. */
  series(summary: SeriesSummary, findings: Finding[], index: number): void | Promise<void>;
  error(error: InputError): void | Promise<void>;
}

/**
 * Lints every input and hands each series to `sink` in input order: the
 * `--git` range first, then the mail (readSeries yields it in order). Only
 * summaries and findings are kept, so memory stays flat.
 */
export async function streamInputs(inputs: readonly string[], options: LintOptions, sink: LintSink): Promise<void> {
  let index = 0;
  const deliver = async (series: Series, plan: TreePlan) => {
    const n = index++;
    try {
      const result = await lintSeries(series, { rules: options.rules, config: options.config, plan, qemuVersion: options.qemuVersion, index: n });
      for (const error of crashErrors(series, result)) await sink.error(error);
      await sink.series(summariseSeries(series, result, plan), result.findings, n);
    } finally {
      plan.close();
    }
  };
  if (options.gitRange) {
    // Loaded on demand: it brings child_process, which plain mail input does not need.
    const { readGitRange } = await import('../sources/git-range.js');
    const git = await readGitRange(options.gitRange, options.cwd ?? process.cwd());
    if ('series' in git) await deliver(git.series, git.plan);
    else await sink.error(git);
  }
  for await (const item of readSeries(inputs, options.stdin)) {
    if (isInputError(item)) await sink.error(item);
    else await deliver(item, appliedPlan(options.tree ?? NO_TREE, item.patches));
  }
}

/** The whole run as one report (tests, formats that need everything at once). */
export async function lintInputs(inputs: readonly string[], options: LintOptions): Promise<LintReport> {
  const report: LintReport = { series: [], findings: [], errors: [] };
  await streamInputs(inputs, options, {
    series(summary, findings) {
      report.series.push(summary);
      for (const finding of findings) report.findings.push(finding);
    },
    error(error) {
      report.errors.push(error);
    },
  });
  report.findings.sort(compareFindings);
  return report;
}

/** Formats that need the whole report at once (they are small next to the input). */
async function formatWhole(report: ReportWithPrevious, kind: Format, values: OutputValues & { color?: boolean }): Promise<string> {
  switch (kind) {
    case 'text':
      return (await import('../report/text.js')).formatText(report, { color: !!values.color, verbose: values.verbose });
    case 'json':
      return (await import('../report/json.js')).formatJson(report, VERSION);
    case 'sarif':
      return (await import('../report/sarif.js')).formatSarif(report, ALL_RULES.map((r) => r.meta), VERSION);
    case 'markdown':
      return (await import('../report/markdown.js')).formatMarkdown(report);
    default: {
      const email = await import('../report/email.js');
      const replies = email.buildReplies(report, {
        from: values['email-from'] ?? 'qemu-patchlint <patchlint@localhost>',
        perSeries: values['per-series'],
        toolVersion: VERSION,
      });
      return (await import('../report/printable.js')).printable(email.toMbox(replies));
    }
  }
}

/**
 * Lints and prints. Text and JSON stream series by series as they are
 * ready; text keeps only counts, JSON the findings for its tail (without
 * the quoted lines, which JSON does not print).
 */
async function lintAndPrint(inputs: string[], options: LintOptions, kind: Format, io: Io, values: OutputValues): Promise<{ counts: Counts; errors: InputError[] }> {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  const errors: InputError[] = [];
  const tally = (own: readonly Finding[]) => {
    for (const f of own) counts[f.severity]++;
  };
  const { formatErrors, formatSeriesText, formatTextFooter } = await import('../report/text.js');
  const reportError = (error: InputError) => {
    errors.push(error);
    io.stderr(formatErrors({ errors: [error] }));
  };
  if (kind === 'json') {
    const { JsonWriter } = await import('../report/json.js');
    const writer = new JsonWriter(io.stdout, VERSION);
    const findings: Finding[] = [];
    await streamInputs(inputs, options, {
      series(summary, own) {
        writer.series(summary);
        tally(own);
        for (const { excerpt: _excerpt, patchLine: _patchLine, ...finding } of own) findings.push(finding);
      },
      error: reportError,
    });
    writer.finish(findings.sort(compareFindings), errors);
  } else if (kind === 'text') {
    let seriesCount = 0;
    let patchCount = 0;
    const color = io.isTTY && !io.env.NO_COLOR;
    await streamInputs(inputs, options, {
      series(summary, own) {
        io.stdout((seriesCount++ ? '\n' : '') + formatSeriesText(summary, own.sort(compareFindings), { color, verbose: values.verbose }));
        patchCount += summary.patches.filter((p) => p.index > 0).length;
        tally(own);
      },
      error: reportError,
    });
    io.stdout(formatTextFooter(seriesCount, patchCount, counts));
  } else {
    const report = await lintInputs(inputs, options);
    for (const error of report.errors) reportError(error);
    io.stdout(await formatWhole(report, kind, values));
    tally(report.findings);
  }
  return { counts, errors };
}

/**
 * `--previous OLD`: lints the previous version with the same settings, then
 * the current one, and prints the current findings marked with what became
 * of the old ones (src/report/previous.ts). Needs both whole, so it does not stream.
 */
async function lintAgainstPrevious(inputs: string[], previous: string[], options: LintOptions, kind: Format, io: Io, values: OutputValues): Promise<{ counts: Counts; errors: InputError[] }> {
  const { formatErrors } = await import('../report/text.js');
  const { withPrevious } = await import('../report/previous.js');
  const oldOptions: LintOptions = { ...options, gitRange: undefined, stdin: undefined };
  let oldInputs = previous;
  // A range (`v1-base..v1`) when it is not a file: the previous version as commits.
  if (previous.length === 1 && previous[0]!.includes('..') && !(await stat(previous[0]!).catch(() => undefined))) {
    oldOptions.gitRange = previous[0];
    oldInputs = [];
  }
  if (oldInputs.includes('-')) throw new UsageError('--previous cannot read standard input');
  const old = await lintInputs(oldInputs, oldOptions);
  const current = await lintInputs(inputs, options);
  const errors = [...old.errors.map((e) => ({ ...e, input: `${e.input} (--previous)` })), ...current.errors];
  io.stderr(formatErrors({ errors }));
  const report = withPrevious(current, old);
  io.stdout(await formatWhole(report, kind, { ...values, color: io.isTTY && !io.env.NO_COLOR }));
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;
  return { counts, errors };
}

export async function check(args: string[], io: Io): Promise<number> {
  let result: { counts: Counts; errors: InputError[] };
  let format: string | undefined;
  try {
    const parsed = parse(args, {
      format: { type: 'string', short: 'f' },
      tree: { type: 'string' },
      git: { type: 'string' },
      'qemu-version': { type: 'string' },
      rule: { type: 'string', multiple: true },
      config: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      'email-from': { type: 'string' },
      'per-series': { type: 'boolean' },
      previous: { type: 'string', multiple: true },
    });
    const values = parsed.values;
    format = values.format;
    const inputs = parsed.positionals;
    if (!inputs.length && !values.git) throw new UsageError('no input: give mbox, .eml or .patch files, folders, - for stdin, or --git A..B');
    if (values.format && !FORMATS.includes(values.format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    if (values.tree && !(await stat(values.tree).catch(() => undefined))?.isDirectory()) throw new UsageError(`--tree ${values.tree}: not a directory`);

    const { config, qemuVersion } = await settingsFromOptions(values, values.tree ? [values.tree] : [io.cwd], ALL_RULES.map((r) => r.meta.id));
    const options: LintOptions = {
      rules: ALL_RULES,
      config,
      tree: values.tree ? new DirectoryTree(values.tree) : undefined,
      qemuVersion,
      gitRange: values.git,
      cwd: io.cwd,
      stdin: inputs.includes('-') ? (io.stdin as never) : undefined,
    };
    const chosen = (values.format as Format) ?? 'text';
    result = values.previous?.length
      ? await lintAgainstPrevious(inputs, values.previous, options, chosen, io, values)
      : await lintAndPrint(inputs, options, chosen, io, values);
  } catch (error) {
    if (error instanceof SettingsError && format === 'json') {
      // A settings file that cannot be read is an input error: the JSON document still comes, carrying it.
      const { formatJson } = await import('../report/json.js');
      io.stdout(formatJson({ series: [], findings: [], errors: [error.input] }, VERSION));
      io.stderr(`patchlint: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`patchlint: ${(error as Error).message}\n(see patchlint --help)\n`);
      return 2;
    }
    throw error;
  }

  if (result.errors.length) return 2;
  return result.counts.error ? 1 : 0;
}
