// The whole job behind `patchlint check`: inputs -> series -> rules ->
// report. Series are linted as soon as they are complete, and only their
// summaries are kept, so memory stays flat over a large mbox.
import type { Readable } from 'node:stream';
import type { Patch, Series } from '../patch/model.js';
import { SeriesAssembler } from '../patch/series.js';
import { readGitRange } from '../sources/git-range.js';
import { type InputError, readInputs } from '../sources/inputs.js';
import { NO_TREE, type Tree } from '../tree/tree.js';
import type { Config } from './config.js';
import { type SeriesOptions, compareFindings, lintSeries } from './engine.js';
import type { Release } from './release.js';
import type { Finding, Rule, TreeMode } from './types.js';

export interface PatchSummary {
  index: number;
  subject: string;
  rawSubject: string;
  messageId?: string;
  /** `Name <mail>` */
  author: string;
  /** Who to answer, for email replies. */
  replyTo: string[];
  references: string[];
  /** Message and diff lines, for checkpatch's "lines checked". */
  linesChecked: number;
}

export interface SeriesSummary {
  subject: string;
  version: number;
  total: number;
  missing: number[];
  messageId?: string;
  hasCover: boolean;
  patches: PatchSummary[];
  /** Where the files came from, e.g. "files: from the diff only". */
  mode: string;
  /** What release the since rules assumed, and why. */
  releaseNote: string;
  /** What the run could not do (hunks that did not apply, files absent from the tree). */
  notes: string[];
  release: Release;
}

export interface LintReport {
  series: SeriesSummary[];
  findings: Finding[];
  errors: InputError[];
}

export interface LintOptions {
  rules: readonly Rule[];
  config?: Config;
  /** Base tree for mbox input (`--tree`). */
  tree?: Tree;
  qemuVersion?: string;
  inferRelease?: SeriesOptions['inferRelease'];
  /** `--git A..B`, run in `cwd`. */
  gitRange?: string;
  cwd?: string;
  stdin?: Readable;
}

export function formatPerson(p: { name: string; email: string }): string {
  if (!p.email) return p.name;
  return p.name ? `${p.name} <${p.email}>` : p.email;
}

function summarise(patch: Patch): PatchSummary {
  const people = [patch.sender, ...patch.recipients.to, ...patch.recipients.cc].filter((p) => p.email);
  return {
    index: patch.index,
    subject: patch.subject,
    rawSubject: patch.rawSubject,
    messageId: patch.messageId,
    author: formatPerson(patch.author),
    replyTo: [...new Set(people.map(formatPerson))],
    references: patch.references,
    linesChecked:
      (patch.message ? patch.message.split('\n').length : 0) +
      patch.files.reduce((n, f) => n + f.lines.size + f.removed.length, 0),
  };
}

function treeNote(mode: TreeMode, tree: Tree): string {
  if (mode === 'diff') return 'files: from the diff only (no tree given)';
  if (mode === 'git') return 'files: read from each commit of the range';
  if (mode === 'github') return 'files: read from each commit of the pull request (GitHub contents API)';
  return `files: ${tree.description} with the series applied in order`;
}

/** Lints one assembled series and turns it into a summary plus findings. */
export async function lintOneSeries(series: Series, index: number, options: SeriesOptions): Promise<{ summary: SeriesSummary; findings: Finding[]; errors: InputError[] }> {
  const result = await lintSeries(series, index, options);
  const mode = options.mode ?? (options.base && options.base !== NO_TREE ? 'tree' : 'diff');
  const releaseNote =
    result.release.expected === undefined
      ? 'release: unknown (no VERSION, --qemu-version or config), so since-tags are only compared with each other'
      : `release: new features target ${result.release.expected} (from ${result.release.source}${result.release.version ? ` ${result.release.version}` : ''})`;
  const all = [series.cover, ...series.patches].filter((p): p is Patch => !!p);
  const summary: SeriesSummary = {
    subject: series.subject,
    version: series.version,
    total: series.total,
    missing: series.missing,
    messageId: series.messageId,
    hasCover: !!series.cover,
    patches: all.map(summarise),
    mode: treeNote(mode, options.base ?? NO_TREE),
    releaseNote,
    notes: result.notes,
    release: result.release,
  };
  const input = series.patches[0]?.origin.input ?? series.cover?.origin.input ?? '';
  return { summary, findings: result.findings, errors: result.crashes.map((message) => ({ input, message })) };
}

export async function lintInputs(inputs: readonly string[], options: LintOptions): Promise<LintReport> {
  const report: LintReport = { series: [], findings: [], errors: [] };
  const base = options.tree ?? NO_TREE;
  const seriesOptions: SeriesOptions = {
    rules: options.rules,
    config: options.config,
    base,
    mode: base === NO_TREE ? 'diff' : 'tree',
    qemuVersion: options.qemuVersion,
    inferRelease: options.inferRelease,
  };
  // Series are numbered in order of first appearance, however they complete.
  const done: Array<{ seq: number; summary: SeriesSummary; findings: Finding[] }> = [];
  const add = async (seq: number, series: Series, opts: SeriesOptions) => {
    const { summary, findings, errors } = await lintOneSeries(series, seq, opts);
    done.push({ seq, summary, findings });
    report.errors.push(...errors);
  };

  let seqOffset = 0;
  if (options.gitRange) {
    const git = await readGitRange(options.gitRange, options.cwd ?? process.cwd());
    if ('series' in git) {
      try {
        await add(seqOffset++, git.series, { ...seriesOptions, base: git.base, treeAfter: git.treeAfter, mode: 'git' });
      } finally {
        git.close();
      }
    } else report.errors.push(git);
  }

  const assembler = new SeriesAssembler();
  const first = seqOffset;
  for await (const event of readInputs(inputs, options.stdin)) {
    if (event.kind === 'error') {
      const { kind: _kind, ...error } = event;
      report.errors.push(error);
      continue;
    }
    for (const { seq, series } of assembler.add(event.patch)) await add(first + seq, series, seriesOptions);
  }
  for (const { seq, series } of assembler.flush()) await add(first + seq, series, seriesOptions);

  // Renumber densely in input order and point the findings at the new numbers.
  done.sort((a, b) => a.seq - b.seq);
  done.forEach((entry, i) => {
    report.series.push(entry.summary);
    for (const finding of entry.findings) report.findings.push({ ...finding, series: i });
  });
  report.findings.sort(compareFindings);
  return report;
}
