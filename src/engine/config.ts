// `.patchlint.yml` (tree root) or `.github/patchlint.yml` (app). Config only
// sets levels, ignores and the release: it never names anything to run.
import type { Severity } from './types.js';

export type Level = Severity | 'off';
export const LEVELS: readonly Level[] = ['off', 'info', 'warning', 'error'];

export interface Config {
  qemuVersion?: string;
  /** Rule id or `family/*` -> level. */
  rules: Record<string, Level>;
  /** Globs of paths whose findings are dropped. */
  ignore: string[];
  /** Hook: false makes error findings non-blocking. */
  hookBlocking: boolean;
  /** Words spelling/typo accepts as written (the project's own words). */
  spellingIgnore?: string[];
  /** The list bot (`patchlint watch`): senders never answered, and whether PULL mails are. */
  watch?: { optOut: string[]; pull: 'skip' | 'answer' };
  /** Where the rule pages are published (`docs-url`): replies and SARIF link `<docs-url>/rules/<id>.md`. */
  docsUrl?: string;
}

export const DEFAULT_CONFIG: Config = { rules: {}, ignore: [], hookBlocking: true };

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
  }
}

/** A rule id or `family/*` that names something in `known` (all rule ids). */
export function namesKnownRules(id: string, known: readonly string[]): boolean {
  if (id.endsWith('/*')) return known.some((k) => k.startsWith(id.slice(0, -1)));
  return known.includes(id);
}

/**
 * Validates a parsed config object; `lineOf` finds a key's line for
 * messages. With `knownRules`, a misspelt rule id is an error rather than a
 * setting that silently does nothing.
 */
export function configFromObject(raw: unknown, file: string, lineOf: (key: string) => number | undefined = () => undefined, knownRules?: readonly string[]): Config {
  if (raw === null || raw === undefined) return { ...DEFAULT_CONFIG };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(file, 1, 'expected a mapping of settings');
  const config: Config = { rules: {}, ignore: [], hookBlocking: true };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const fail = (message: string): never => {
      throw new ConfigError(file, lineOf(key), message);
    };
    switch (key) {
      case 'qemu-version':
        if (typeof value !== 'string' && typeof value !== 'number') fail('qemu-version must be a version such as 10.2');
        config.qemuVersion = String(value);
        if (!isQemuVersion(config.qemuVersion)) fail(`qemu-version "${config.qemuVersion}" is not X.Y or X.Y.Z`);
        break;
      case 'rules':
        if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('rules must map rule ids to off, info, warning or error');
        for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
          if (!LEVELS.includes(level as Level)) {
            throw new ConfigError(file, lineOf(id), `rule ${id}: level must be off, info, warning or error, not ${JSON.stringify(level)}`);
          }
          if (knownRules && !namesKnownRules(id, knownRules)) throw new ConfigError(file, lineOf(id), `rule ${id}: no such rule or family (see patchlint rules)`);
          config.rules[id] = level as Level;
        }
        break;
      case 'ignore':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail('ignore must be a list of path globs');
        config.ignore = value as string[];
        break;
      case 'docs-url':
        if (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value)) fail('docs-url must be an http(s) URL');
        config.docsUrl = value as string;
        break;
      case 'hook': {
        const hook = value as Record<string, unknown> | null;
        if (typeof hook !== 'object' || hook === null) fail('hook must be a mapping');
        for (const [hookKey, hookValue] of Object.entries(hook!)) {
          if (hookKey !== 'errors' || (hookValue !== 'block' && hookValue !== 'warn')) {
            throw new ConfigError(file, lineOf(hookKey), 'hook takes one key, errors: block | warn');
          }
          config.hookBlocking = hookValue === 'block';
        }
        break;
      }
      case 'spelling': {
        const spelling = value as Record<string, unknown> | null;
        if (typeof spelling !== 'object' || spelling === null || Array.isArray(spelling)) fail('spelling must be a mapping: spelling: { ignore: [words] }');
        for (const [spellingKey, words] of Object.entries(spelling!)) {
          if (spellingKey !== 'ignore' || !Array.isArray(words) || words.some((w) => typeof w !== 'string')) {
            throw new ConfigError(file, lineOf(spellingKey), 'spelling takes one key, ignore: a list of words');
          }
          config.spellingIgnore = words as string[];
        }
        break;
      }
      case 'watch':
        config.watch = watchSettings(value, (k, message) => {
          throw new ConfigError(file, lineOf(k), message);
        });
        break;
      default:
        fail(`unknown setting "${key}" (known: qemu-version, rules, ignore, hook, spelling, watch, docs-url)`);
    }
  }
  return config;
}

/** `watch: { opt-out: [addresses], pull: skip | answer }`. */
function watchSettings(value: unknown, fail: (key: string, message: string) => never): NonNullable<Config['watch']> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('watch', 'watch must be a mapping (opt-out, pull)');
  const watch: NonNullable<Config['watch']> = { optOut: [], pull: 'skip' };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'opt-out') {
      if (!Array.isArray(v) || v.some((a) => typeof a !== 'string' || !a.includes('@'))) fail(key, 'watch: opt-out must be a list of mail addresses');
      watch.optOut = v as string[];
    } else if (key === 'pull') {
      if (v !== 'skip' && v !== 'answer') fail(key, 'watch: pull must be skip or answer');
      watch.pull = v as 'skip' | 'answer';
    } else fail(key, `watch: unknown setting "${key}" (known: opt-out, pull)`);
  }
  return watch;
}

/** Parses YAML text; errors name the file and line. */
export async function parseConfig(text: string, file: string, knownRules?: readonly string[]): Promise<Config> {
  const yaml = await import('js-yaml');
  let raw: unknown;
  try {
    // Failsafe: every scalar stays a string, so `qemu-version: 10.20` is not 10.2.
    raw = yaml.load(text, { schema: yaml.FAILSAFE_SCHEMA, filename: file });
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    throw new ConfigError(file, mark ? mark.line + 1 : undefined, (error as { reason?: string }).reason ?? String(error));
  }
  const lines = text.split('\n');
  const lineOf = (key: string) => {
    const i = lines.findIndex((l) => new RegExp(`^\\s*['"]?${key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]?\\s*:`).test(l));
    return i >= 0 ? i + 1 : undefined;
  };
  return configFromObject(raw, file, lineOf, knownRules);
}

/** `--rule id=level`; undefined when it is not of that form. */
export function parseRuleSetting(setting: string): [string, Level] | undefined {
  const m = /^([^=\s]+)=(off|info|warning|error)$/.exec(setting.trim());
  return m ? [m[1]!, m[2] as Level] : undefined;
}

/** `X.Y` or `X.Y.Z`, as `--qemu-version` and `qemu-version:` take it. */
export function isQemuVersion(text: string): boolean {
  return /^\d+\.\d+(\.\d+)?$/.test(text);
}

/** The level configured for a rule: exact id first, then `family/*`. */
export function configuredLevel(config: Config, id: string): Level | undefined {
  return config.rules[id] ?? config.rules[`${id.split('/')[0]}/*`];
}

/** A small glob: `*` within a path part, `**` across parts, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      // `**/` is any number of whole directories, none included.
      if (glob[i + 1] === '/') {
        re += '(?:.*/)?';
        i++;
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A directory glob covers what is below it.
  return new RegExp(`^${re}${glob.endsWith('/') ? '.*' : '(/.*)?'}$`);
}
