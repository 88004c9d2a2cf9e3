// Finding and reading the settings file for the CLI and the hook:
// `--config FILE`, else `.patchlint.yml` at the tree root. The GitHub App
// reads `.github/patchlint.yml` through the API instead.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Config, ConfigError, DEFAULT_CONFIG, parseConfig } from '../engine/config.js';

/** `explicit` when given (it must exist), else the first `.patchlint.yml` of `roots`, else the defaults. */
export async function loadConfig(explicit: string | undefined, roots: readonly string[], knownRules: readonly string[]): Promise<Config> {
  const candidates = explicit ? [explicit] : roots.map((r) => join(r, '.patchlint.yml'));
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      if (explicit) throw new ConfigError(file, undefined, 'cannot read the settings file');
      continue;
    }
    return parseConfig(text, file, knownRules);
  }
  return { ...DEFAULT_CONFIG, rules: {} };
}
