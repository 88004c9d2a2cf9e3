// `patchlint check`: read inputs, lint, print in the chosen format.
import { stat } from 'node:fs/promises';
import { ALL_RULES } from '../../rules/index.js';
import { type LintOptions, type LintReport, lintInputs, streamInputs } from '../engine/lint.js';
import { compareFindings } from '../engine/engine.js';
import type { Finding } from '../engine/types.js';
import type { Counts } from '../report/counts.js';
import type { InputError } from '../sources/inputs.js';
import { DirectoryTree } from '../tree/tree.js';
import { VERSION } from '../version.js';
import type { Io } from './main.js';
import { UsageError, parse, settingsFromOptions } from './options.js';

const FORMATS = ['text', 'json', 'sarif', 'markdown', 'email'] as const;
type Format = (typeof FORMATS)[number];

interface OutputValues {
  verbose?: boolean;
  terse?: boolean;
  'email-from'?: string;
  'per-series'?: boolean;
}

/** Formats that need the whole report at once (they are small next to the input). */
async function formatWhole(report: LintReport, kind: Format, values: OutputValues): Promise<string> {
  switch (kind) {
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
      return email.toMbox(replies);
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
  } else if (kind === 'text' && values.terse) {
    const { formatSeriesTerse } = await import('../report/text.js');
    await streamInputs(inputs, options, {
      series(summary, own) {
        io.stdout(formatSeriesTerse(summary, own.sort(compareFindings)));
        tally(own);
      },
      error: reportError,
    });
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

export async function check(args: string[], io: Io): Promise<number> {
  let result: { counts: Counts; errors: InputError[] };
  try {
    const parsed = parse(args, {
      format: { type: 'string', short: 'f' },
      tree: { type: 'string' },
      git: { type: 'string' },
      'qemu-version': { type: 'string' },
      rule: { type: 'string', multiple: true },
      config: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      terse: { type: 'boolean', short: 'q' },
      'email-from': { type: 'string' },
      'per-series': { type: 'boolean' },
    });
    const values = parsed.values;
    const inputs = parsed.positionals;
    if (!inputs.length && !values.git) throw new UsageError('no input: give mbox, .eml or .patch files, folders, - for stdin, or --git A..B');
    if (values.format && !FORMATS.includes(values.format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    if (values.terse && values.format && values.format !== 'text') throw new UsageError('--terse is a text layout: it does not go with --format ' + values.format);
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
    result = await lintAndPrint(inputs, options, (values.format as Format) ?? 'text', io, values);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`patchlint: ${(error as Error).message}\n(see patchlint --help)\n`);
      return 2;
    }
    throw error;
  }

  if (result.errors.length) return 2;
  return result.counts.error ? 1 : 0;
}
