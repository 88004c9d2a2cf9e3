// Command-line parsing shared by the commands: node:util's parseArgs, with
// usage errors as values so that every command answers them the same way.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type Config, ConfigError, isQemuVersion, namesKnownRules, parseRuleSetting } from '../engine/config.js';
import { loadConfig } from '../sources/config-file.js';
import type { InputError } from '../sources/inputs.js';

export class UsageError extends Error {}

/** A settings file that cannot be used: an input error, which JSON output carries in `errors`. */
export class SettingsError extends UsageError {
  readonly input: InputError;

  constructor(error: ConfigError) {
    super(error.message);
    const where = `${error.file}${error.line ? `:${error.line}` : ''}: `;
    this.input = { input: error.file, line: error.line, message: error.message.slice(where.length) };
  }
}

/**
 * node:util's messages run over several lines, with advice on `--` and
 * `--opt=-XYZ` that `--help` gives better: the first sentences, on one line.
 */
function oneLine(message: string): string {
  return message
    .replace(/\.? To specify a positional argument.*$/s, '')
    .split('\n')
    .filter((line) => !line.startsWith('To specify'))
    .join(' ');
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(oneLine((error as Error).message));
  }
}

/**
 * The settings a lint command runs with: the settings file (errors become
 * usage errors naming its file and line), then `--rule` on top of it, and
 * `--qemu-version` checked.
 */
export async function settingsFromOptions(
  values: { config?: string; rule?: string[]; 'qemu-version'?: string },
  roots: readonly string[],
  knownRules: readonly string[],
): Promise<{ config: Config; qemuVersion?: string }> {
  const qemuVersion = values['qemu-version'];
  if (qemuVersion !== undefined && !isQemuVersion(qemuVersion)) throw new UsageError('--qemu-version takes X.Y or X.Y.Z');
  let config: Config;
  try {
    config = await loadConfig(values.config, roots, knownRules);
  } catch (error) {
    if (error instanceof ConfigError) throw new SettingsError(error);
    throw error;
  }
  for (const setting of values.rule ?? []) {
    const parsed = parseRuleSetting(setting);
    if (!parsed) throw new UsageError(`--rule takes id=off|info|warning|error, not "${setting}"`);
    if (!namesKnownRules(parsed[0], knownRules)) throw new UsageError(`--rule ${parsed[0]}: no such rule or family (see patchlint rules)`);
    config.rules[parsed[0]] = parsed[1];
  }
  return { config, qemuVersion };
}
