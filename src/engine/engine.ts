// Runs the rules over one series: patch-scoped rules once per patch (the
// cover letter is not a commit), series-scoped rules once. Rules do no I/O of
// their own; what they read comes through the context.
import type { Patch, Series } from '../patch/model.js';
import { appliedInPull } from '../commit/signoffs.js';
import { ownCopy } from '../patch/own-copy.js';
import { NO_PLAN, type TreePlan } from '../tree/plan.js';
import type { Tree } from '../tree/tree.js';
import { type Config, DEFAULT_CONFIG, type Level, configuredLevel, globToRegExp } from './config.js';
import { inferReleaseFromSeries } from './calendar.js';
import { type Release, UNKNOWN_RELEASE, releaseFromSetting, releaseFromVersion } from './release.js';
import type { Finding, ReportInput, Rule, RuleContext, Severity } from './types.js';

/** What `lintSeries` needs besides the series: every front-end passes the same. */
export interface SeriesOptions {
  rules: readonly Rule[];
  config?: Config;
  /** The files the series is checked against (src/tree/plan.ts); default: none, diff only. */
  plan?: TreePlan;
  /** `--qemu-version`; wins over config and VERSION. */
  qemuVersion?: string;
  /** The series' place in the report (Finding.series); default 0. */
  index?: number;
}

export interface SeriesResult {
  findings: Finding[];
  /** What the run could not do, e.g. hunks that did not apply to the tree. */
  notes: string[];
  release: Release;
  /** Rules that crashed: bugs, reported rather than hidden. */
  crashes: string[];
}

async function resolveRelease(series: Series, base: Tree, options: Pick<SeriesOptions, 'qemuVersion' | 'config'>): Promise<Release> {
  if (options.qemuVersion) {
    const release = releaseFromSetting(options.qemuVersion, 'option');
    if (release) return release;
  }
  if (options.config?.qemuVersion) {
    const release = releaseFromSetting(options.config.qemuVersion, 'config');
    if (release) return release;
  }
  const version = await base.version();
  const fromTree = version ? releaseFromVersion(version) : undefined;
  if (fromTree) return fromTree;
  // Last, the mail's date against QEMU's release calendar (never above warning: the rules say so).
  return inferReleaseFromSeries(series) ?? UNKNOWN_RELEASE;
}

// Levels are looked up once per configuration and rule set, not once per
// series or per finding: a large mbox holds tens of thousands of series.
const levelCache = new WeakMap<Config, WeakMap<readonly Rule[], Map<Rule, Level | undefined>>>();

function levelsOf(config: Config, rules: readonly Rule[]): Map<Rule, Level | undefined> {
  let byRules = levelCache.get(config);
  if (!byRules) levelCache.set(config, (byRules = new WeakMap()));
  let levels = byRules.get(rules);
  if (!levels) byRules.set(rules, (levels = new Map(rules.map((rule) => [rule, configuredLevel(config, rule.meta.id)]))));
  return levels;
}

/**
 * Lints one series: the one entry point of the engine for every front-end
 * (CLI, --git, hook, app, schema, the mailing-list bot). The caller owns
 * `plan` and closes it.
 */
export async function lintSeries(series: Series, options: SeriesOptions): Promise<SeriesResult> {
  const config = options.config ?? DEFAULT_CONFIG;
  const plan = options.plan ?? NO_PLAN;
  const seriesIndex = options.index ?? 0;
  const treeAt = (k: number): Tree => plan.after(k);
  const release = await resolveRelease(series, plan.before, options);
  const ignored = config.ignore.map(globToRegExp);
  const findings: Finding[] = [];
  const crashes: string[] = [];
  const configured = levelsOf(config, options.rules);
  const active = options.rules.filter((rule) => configured.get(rule) !== 'off');
  const defaultSeriesPatch = series.cover ? 0 : (series.patches[0]?.index ?? 0);

  // Rules run one at a time; `current` is the one whose findings report() records.
  let current: Rule = active[0]!;

  const patchContexts: RuleContext[] = [];
  const patchContext = (step: number): RuleContext => {
    patchContexts[step - 1] ??= contextFor(series.patches[step - 1]!, step);
    return patchContexts[step - 1]!;
  };

  function contextFor(patch: Patch | undefined, step: number): RuleContext {
    const memo = new Map<string, unknown>();
    return {
      series,
      patch,
      tree: treeAt(step),
      treeBefore: treeAt(patch ? step - 1 : 0),
      treeAt,
      patchContext,
      plan,
      release,
      config,
      memo<T>(key: string, compute: () => T): T {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
      report(input: ReportInput) {
        const severity = configured.get(current) ?? input.severity ?? current.meta.severity;
        if (severity === 'off') return;
        const file = ownCopy(input.file ?? undefined) ?? null;
        if (file && ignored.some((re) => re.test(file))) return;
        const patchIndex = patch ? patch.index : (input.patch ?? defaultSeriesPatch);
        const target = patchIndex === 0 ? series.cover : series.patches.find((p) => p.index === patchIndex);
        findings.push({
          rule: current.meta.id,
          severity,
          message: ownCopy(input.message),
          series: seriesIndex,
          patch: patchIndex,
          file,
          line: input.line ?? null,
          ...(input.endLine !== undefined && input.endLine !== input.line ? { endLine: input.endLine } : {}),
          ...(input.fix ? { fix: input.fix } : {}),
          ...locate(target, file, input.line ?? null, input.endLine),
        });
      },
    };
  }

  async function run(rules: readonly Rule[], ctx: RuleContext) {
    for (const rule of rules) {
      current = rule;
      try {
        // Most rules are synchronous: await only what returns a promise.
        const pending = rule.check(ctx);
        if (pending) await pending;
      } catch (error) {
        const where = ctx.patch ? `patch ${ctx.patch.index}` : 'the series';
        crashes.push(`rule ${rule.meta.id} failed on ${where} of "${series.subject}": ${(error as Error).message}`);
      }
    }
  }

  // A bare diff (`git diff`) has no message, subject or recipients to judge.
  const allBare = series.patches.length > 0 && series.patches.every((p) => p.origin.bare);
  const patchRules = active.filter((r) => r.meta.scope === 'patch');
  const seriesRules = active.filter((r) => r.meta.scope === 'series' && !(allBare && judgesTheMail(r)));
  for (let step = 1; step <= series.patches.length; step++) {
    const patch = series.patches[step - 1]!;
    const applied = appliedInPull(patch);
    const bare = patch.origin.bare;
    const applicable = patchRules.filter((r) => (!r.meta.files || patch.files.some((f) => r.meta.files!.test(f.path))) && !(applied && r.meta.authorHabit) && !(bare && judgesTheMail(r)));
    await run(applicable, patchContext(step));
  }
  if (seriesRules.length) await run(seriesRules, contextFor(undefined, series.patches.length));

  return { findings: dedupe(findings), notes: [...plan.notes], release, crashes };
}

// A patch's files by path, built on first use: a patch with thousands of
// files and a finding on each would otherwise search them all per finding.
const filesByPath = new WeakMap<Patch, Map<string, Patch['files'][number]>>();

function fileOf(patch: Patch, path: string): Patch['files'][number] | undefined {
  let byPath = filesByPath.get(patch);
  if (!byPath) {
    byPath = new Map();
    for (const f of patch.files) if (!byPath.has(f.path)) byPath.set(f.path, f);
    filesByPath.set(patch, byPath);
  }
  return byPath.get(path);
}

/** Rules about the commit message, the subject, the series' mails or their recipients. */
function judgesTheMail(rule: Rule): boolean {
  return /^(commit|series)\//.test(rule.meta.id) || rule.meta.id === 'maintainers/cc-list';
}

/** Looks up the offending lines and checkpatch's `#N` for text and email output. */
function locate(patch: Patch | undefined, file: string | null, line: number | null, endLine?: number): Pick<Finding, 'excerpt' | 'patchLine'> {
  if (!patch || line === null) return {};
  if (file === null) {
    const body = patch.message.split('\n');
    const text = line === 1 ? patch.subject : body[line - 3];
    if (text === undefined) return {};
    const patchLine = line >= 3 && patch.messagePatchLine !== undefined ? patch.messagePatchLine + line - 3 : undefined;
    return { excerpt: [ownCopy(text)], ...(patchLine ? { patchLine } : {}) };
  }
  const diff = fileOf(patch, file);
  const first = diff?.lines.get(line);
  if (!diff || !first) return {};
  const excerpt: string[] = [];
  // Bounded by the lines the diff has, whatever endLine a rule reports.
  for (let l = line; l <= Math.min(endLine ?? line, line + diff.lines.size); l++) {
    const entry = diff.lines.get(l);
    if (entry) excerpt.push(ownCopy(entry.text));
  }
  return { excerpt, patchLine: first.patchLine };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.series - b.series ||
    a.patch - b.patch ||
    // Commit-message findings first, then files in path order.
    (a.file === null ? (b.file === null ? 0 : -1) : b.file === null ? 1 : a.file.localeCompare(b.file)) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.rule.localeCompare(b.rule)
  );
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.sort(compareFindings).filter((f) => {
    const key = [f.rule, f.patch, f.file, f.line, f.endLine, f.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
