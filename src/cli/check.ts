// `patchlint check`: read inputs, lint, print in the chosen format.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_RULES } from '../../rules/index.js';
import { inferReleaseFromSeries } from '../engine/calendar.js';
import { type Config, ConfigError, DEFAULT_CONFIG, parseConfig, parseRuleSetting } from '../engine/config.js';
import { type LintReport, lintInputs } from '../engine/lint.js';
import { DirectoryTree } from '../tree/tree.js';
import { VERSION } from '../version.js';
import type { Io } from './main.js';
import { UsageError, parse } from './options.js';

const FORMATS = ['text', 'json', 'sarif', 'markdown', 'email'] as const;
type Format = (typeof FORMATS)[number];

/** The settings file: --config, else .patchlint.yml at the tree root, else in the current directory. */
export async function loadConfig(explicit: string | undefined, roots: string[]): Promise<Config> {
  const candidates = explicit ? [explicit] : roots.map((r) => join(r, '.patchlint.yml'));
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      if (explicit) throw new ConfigError(file, undefined, 'cannot read the settings file');
      continue;
    }
    return parseConfig(text, file);
  }
  return { ...DEFAULT_CONFIG, rules: {} };
}

async function format(report: LintReport, kind: Format, io: Io, values: { verbose?: boolean; 'email-from'?: string; 'per-series'?: boolean }): Promise<string> {
  switch (kind) {
    case 'json':
      return (await import('../report/json.js')).formatJson(report, VERSION);
    case 'sarif':
      return (await import('../report/sarif.js')).formatSarif(report, ALL_RULES.map((r) => r.meta), VERSION);
    case 'markdown':
      return (await import('../report/markdown.js')).formatMarkdown(report);
    case 'email': {
      const email = await import('../report/email.js');
      const replies = email.buildReplies(report, {
        from: values['email-from'] ?? 'qemu-patchlint <patchlint@localhost>',
        perSeries: values['per-series'],
        toolVersion: VERSION,
      });
      return email.toMbox(replies);
    }
    default: {
      const text = await import('../report/text.js');
      return text.formatText(report, { color: io.isTTY && !io.env.NO_COLOR, verbose: values.verbose });
    }
  }
}

export async function check(args: string[], io: Io): Promise<number> {
  let report: LintReport;
  let values;
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
    });
    values = parsed.values;
    const inputs = parsed.positionals;
    if (!inputs.length && !values.git) throw new UsageError('no input: give mbox, .eml or .patch files, folders, - for stdin, or --git A..B');
    if (values.format && !FORMATS.includes(values.format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    if (values['qemu-version'] && !/^\d+\.\d+(\.\d+)?$/.test(values['qemu-version'])) throw new UsageError('--qemu-version takes X.Y or X.Y.Z');
    if (values.tree && !(await stat(values.tree).catch(() => undefined))?.isDirectory()) throw new UsageError(`--tree ${values.tree}: not a directory`);

    const config = await loadConfig(values.config, values.tree ? [values.tree] : [io.cwd]);
    for (const setting of values.rule ?? []) {
      const [id, level] = parseRuleSetting(setting);
      if (!id.endsWith('/*') && !ALL_RULES.some((r) => r.meta.id === id)) throw new UsageError(`--rule ${id}: no such rule (see patchlint rules)`);
      config.rules[id] = level;
    }
    report = await lintInputs(inputs, {
      rules: ALL_RULES,
      config,
      tree: values.tree ? new DirectoryTree(values.tree) : undefined,
      qemuVersion: values['qemu-version'],
      inferRelease: inferReleaseFromSeries,
      gitRange: values.git,
      cwd: io.cwd,
      stdin: io.stdin as never,
    });
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || /^--rule /.test((error as Error).message)) {
      io.stderr(`patchlint: ${(error as Error).message}\n(see patchlint --help)\n`);
      return 2;
    }
    throw error;
  }

  io.stdout(await format(report, (values.format as Format) ?? 'text', io, values));
  const { formatErrors } = await import('../report/text.js');
  io.stderr(formatErrors(report));
  if (report.errors.length) return 2;
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
