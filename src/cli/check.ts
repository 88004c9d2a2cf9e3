// `patchlint check`: read inputs, lint, print in the chosen format.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ALL_RULES } from '../../rules/index.js';
import type { Checkpatch } from '../checkpatch/run.js';
import { CHECKPATCH_RULE_IDS } from '../checkpatch/types.js';
import type { Config } from '../engine/config.js';
import { compareFindings, lintSeries } from '../engine/engine.js';
import type { Finding, Rule } from '../engine/types.js';
import type { Series } from '../patch/model.js';
import type { Counts } from '../report/counts.js';
import type { ReportWithPrevious } from '../report/previous.js';
import { type LintReport, type SeriesSummary, crashErrors, summariseSeries } from '../report/summary.js';
import type { InputError } from '../sources/inputs.js';
import { isInputError, readSeries } from '../sources/read-series.js';
import { gitTopLevel } from '../sources/git-top-level.js';
import { type TreePlan, appliedPlan } from '../tree/plan.js';
import { DirectoryTree, NO_TREE, type Tree } from '../tree/tree.js';
import { VERSION } from '../version.js';
import type { Io } from './main.js';
import { SettingsError, UsageError, parse, settingsFromOptions } from './options.js';
import { startProgress } from './progress.js';

const FORMATS = ['text', 'json', 'sarif', 'markdown', 'email'] as const;
type Format = (typeof FORMATS)[number];

interface OutputValues {
  verbose?: boolean;
  terse?: boolean;
  'email-from'?: string;
  'per-patch'?: boolean;
}

export interface LintOptions {
  rules: readonly Rule[];
  config?: Config;
  /** Base tree for mbox input (`--tree`). */
  tree?: Tree;
  /** `--tree DIR` given: a series whose base-commit DIR's git holds is read at that commit. */
  checkout?: string;
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
  const bases = options.checkout && options.tree ? new (await import('../tree/base-commit.js')).BaseCommits(options.checkout) : undefined;
  try {
    for await (const item of readSeries(inputs, options.stdin)) {
      if (isInputError(item)) await sink.error(item);
      else if (bases) {
        const base = await bases.treeFor(item, options.tree!);
        await deliver(item, appliedPlan(base.tree, item.patches, [], base.notes));
      } else await deliver(item, appliedPlan(options.tree ?? NO_TREE, item.patches));
    }
  } finally {
    bases?.close();
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
async function formatWhole(report: ReportWithPrevious, kind: Format, values: OutputValues & { color?: boolean }, options: LintOptions, io: Io): Promise<string> {
  const docsUrl = options.config?.docsUrl;
  switch (kind) {
    case 'text':
      return (await import('../report/text.js')).formatText(report, { color: !!values.color, verbose: values.verbose });
    case 'json':
      return (await import('../report/json.js')).formatJson(report, VERSION);
    case 'sarif':
      return (await import('../report/sarif.js')).formatSarif(report, options.rules.map((r) => r.meta), VERSION, docsUrl);
    case 'markdown':
      return (await import('../report/markdown.js')).formatMarkdown(report);
    default: {
      const email = await import('../report/email.js');
      const replies = email.buildReplies(report, {
        from: values['email-from'] ?? (await senderFromGit(io.cwd)),
        perPatch: values['per-patch'],
        toolVersion: VERSION,
        docsUrl,
        previous: report.previous,
      });
      return (await import('../report/printable.js')).printable(email.toMbox(replies));
    }
  }
}

/** `Name <mail>` from git's user.name and user.email; a usage error when they are not set. */
async function senderFromGit(cwd: string): Promise<string> {
  const { git } = await import('../tree/git.js');
  const get = (key: string) => git(cwd, ['config', '--get', key]).then((v) => v.trim(), () => '');
  const [name, email] = await Promise.all([get('user.name'), get('user.email')]);
  if (!email) throw new UsageError('--format email needs a sender: give --email-from "Name <address>", or set git config user.name and user.email');
  return name ? `${name} <${email}>` : email;
}

/**
 * Lints and prints. Text and JSON stream series by series as they are
 * ready; text keeps only counts, JSON the findings for its tail (without
 * the quoted lines, which JSON does not print).
 */
async function lintAndPrint(inputs: string[], options: LintOptions, kind: Format, io: Io, values: OutputValues, checkpatch?: Checkpatch): Promise<{ counts: Counts; errors: InputError[] }> {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  const errors: InputError[] = [];
  const progress = startProgress(io.stderrRaw ?? io.stderr, !!io.stderrIsTTY, Number(io.env.PATCHLINT_PROGRESS_MS ?? 250));
  const stdout = progress.around(io.stdout);
  const stderr = progress.around(io.stderr);
  const { dropRepeated } = checkpatch ? await import('../checkpatch/run.js') : { dropRepeated: (f: Finding[]) => f };
  const { formatErrors, formatSeriesText, formatSeriesTerse, formatTextFooter } = await import('../report/text.js');

  // Every format sees each series once, its findings tallied and sorted.
  const each = (onSeries: (summary: Parameters<LintSink['series']>[0], own: Finding[]) => void): LintSink => ({
    series(summary, found) {
      const own = dropRepeated(found).sort(compareFindings);
      for (const f of own) counts[f.severity]++;
      progress.series(summary.patches.filter((p) => p.index > 0).length);
      onSeries(summary, own);
    },
    error(error) {
      errors.push(error);
      stderr(formatErrors({ errors: [error] }));
    },
  });

  if (kind === 'json') {
    const { JsonWriter } = await import('../report/json.js');
    const writer = new JsonWriter(stdout, VERSION);
    const findings: Finding[] = [];
    await streamInputs(inputs, options, each((summary, own) => {
      writer.series(summary);
      for (const { excerpt: _excerpt, patchLine: _patchLine, ...finding } of own) findings.push(finding);
    }));
    writer.finish(findings.sort(compareFindings), errors);
  } else if (kind === 'text' && values.terse) {
    await streamInputs(inputs, options, each((summary, own) => stdout(formatSeriesTerse(summary, own))));
  } else if (kind === 'text') {
    let seriesCount = 0;
    let patchCount = 0;
    const color = io.isTTY && !io.env.NO_COLOR;
    await streamInputs(inputs, options, each((summary, own) => {
      stdout((seriesCount++ ? '\n' : '') + formatSeriesText(summary, own, { color, verbose: values.verbose }));
      patchCount += summary.patches.filter((p) => p.index > 0).length;
    }));
    stdout(formatTextFooter(seriesCount, patchCount, counts));
  } else {
    const report: LintReport = { series: [], findings: [], errors };
    await streamInputs(inputs, options, each((summary, own) => {
      report.series.push(summary);
      for (const f of own) report.findings.push(f);
    }));
    report.findings.sort(compareFindings);
    stdout(await formatWhole(report, kind, values, options, io));
  }
  progress.done();
  for (const problem of checkpatch?.problems ?? []) io.stderr(`patchlint: ${problem}\n`);
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
  io.stdout(await formatWhole(report, kind, { ...values, color: io.isTTY && !io.env.NO_COLOR }, options, io));
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;
  return { counts, errors };
}

export async function check(args: string[], io: Io): Promise<number> {
  let result: { counts: Counts; errors: InputError[] };
  let close = () => {};
  let format: string | undefined;
  try {
    const parsed = parse(args, {
      format: { type: 'string', short: 'f' },
      tree: { type: 'string' },
      git: { type: 'string' },
      worktree: { type: 'boolean' },
      staged: { type: 'boolean' },
      checkpatch: { type: 'boolean' },
      'qemu-version': { type: 'string' },
      rule: { type: 'string', multiple: true },
      config: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      terse: { type: 'boolean', short: 'q' },
      'email-from': { type: 'string' },
      'per-patch': { type: 'boolean' },
      previous: { type: 'string', multiple: true },
    });
    const values = parsed.values;
    format = values.format;
    const inputs = parsed.positionals;
    const uncommitted = values.worktree ? 'worktree' : values.staged ? 'staged' : undefined;
    if (values.worktree && values.staged) throw new UsageError('--worktree already includes what is staged: give one of them');
    if (uncommitted && (inputs.length || values.git)) throw new UsageError(`--${uncommitted} takes no inputs and no --git`);
    if (!inputs.length && !values.git && !uncommitted) throw new UsageError('no input: give mbox, .eml or .patch files, folders, - for stdin, --git A..B, --worktree or --staged');
    if (values.format && !FORMATS.includes(values.format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    if (values.terse && values.format && values.format !== 'text') throw new UsageError(`--terse is a text layout: it does not go with --format ${values.format}`);
    if (values.tree && !(await stat(values.tree).catch(() => undefined))?.isDirectory()) throw new UsageError(`--tree ${values.tree}: not a directory`);

    const options: LintOptions = { rules: ALL_RULES, cwd: io.cwd, qemuVersion: undefined, gitRange: values.git };
    if (values.tree) {
      // A checkout's own history answers Fixes: lookups (commit/fixes-sha); a plain directory has none.
      // Imported here: git (child_process) costs every other check start-up time.
      const lookup = existsSync(join(values.tree, '.git')) ? (await import('../tree/commits.js')).commitLookup(values.tree, 'HEAD') : undefined;
      options.tree = new DirectoryTree(values.tree, lookup);
      options.checkout = values.tree;
    }
    let diffInput: Readable | undefined;
    let checkout = values.tree;
    if (uncommitted) {
      const { readUncommitted } = await import('../sources/worktree.js');
      const found = await readUncommitted(uncommitted, io.cwd);
      if (!('diff' in found)) throw new UsageError(`${found.input}: ${found.message}`);
      close = found.close;
      if (!found.diff.trim()) {
        io.stderr(`patchlint: --${uncommitted}: no ${uncommitted === 'staged' ? 'staged' : 'uncommitted'} changes\n`);
        return 0;
      }
      options.tree ??= found.base;
      checkout ??= found.top;
      diffInput = Readable.from([Buffer.from(found.diff)]);
      inputs.push('-');
    }

    let checkpatch: Checkpatch | undefined;
    if (values.checkpatch) {
      if (!checkout) throw new UsageError('--checkpatch runs the scripts/checkpatch.pl of your checkout: give --tree DIR (or use --worktree, --staged)');
      const { Checkpatch } = await import('../checkpatch/run.js');
      checkpatch = new Checkpatch(checkout);
      const missing = await checkpatch.unavailable();
      if (missing) {
        io.stderr(`patchlint: ${missing}\n`);
        checkpatch = undefined;
      } else options.rules = [...ALL_RULES, ...checkpatch.rules()];
    }

    // Settings: --config, else .patchlint.yml of --tree, else of the current directory, else of the git top level.
    const top = values.tree ? undefined : gitTopLevel(io.cwd);
    const roots = values.tree ? [values.tree] : [io.cwd, ...(top && top !== io.cwd ? [top] : [])];
    const settings = await settingsFromOptions(values, roots, [...ALL_RULES.map((r) => r.meta.id), ...CHECKPATCH_RULE_IDS]);
    options.config = settings.config;
    options.qemuVersion = settings.qemuVersion;
    options.stdin = diffInput ?? (inputs.includes('-') ? (io.stdin as Readable) : undefined);
    const chosen = (values.format as Format) ?? 'text';
    result = values.previous?.length
      ? await lintAgainstPrevious(inputs, values.previous, options, chosen, io, values)
      : await lintAndPrint(inputs, options, chosen, io, values, checkpatch);
  } catch (error) {
    if (error instanceof SettingsError && format === 'json') {
      // A settings file that cannot be read is an input error: the JSON document still comes, carrying it.
      const { formatJson } = await import('../report/json.js');
      io.stdout(formatJson({ series: [], findings: [], errors: [error.input] }, VERSION));
      io.stderr(`patchlint: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`patchlint: ${(error as Error).message}\n(see patchlint check --help)\n`);
      return 2;
    }
    throw error;
  } finally {
    close();
  }

  if (result.errors.length) return 2;
  return result.counts.error ? 1 : 0;
}
