// The whole job behind `patchlint check`: inputs -> series -> rules ->
// report. Mail is grouped into series on its headers; a series' bodies are
// parsed and linted as soon as it is complete, and only summaries and
// findings are kept, so memory stays flat.
import type { Readable } from 'node:stream';
import type { Mail } from '../mail/parse.js';
import { type Patch, type PatchHead, type Series, formatPerson, headerAddress } from '../patch/model.js';
import { ownCopy } from '../patch/own-copy.js';
import { type AssembledGroup, SeriesAssembler, toSeries } from '../patch/series.js';
import { type InputError, patchOf, readMails } from '../sources/inputs.js';
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
  /**
   * For email replies: the sender, then the To and Cc address lists, one
   * address list per line, as sent (parsed only by the email reporter).
   */
  replyTo: string;
  /** The References header's ids, space-separated. */
  references: string;
  /** Message and diff lines, for checkpatch's "lines checked". */
  linesChecked: number;
}

export interface SeriesSummary {
  subject: string;
  /** The subject's tag words without version and counter: `PATCH`, `PULL`, `RFC PATCH`. */
  prefix: string;
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
  /** `--git A..B`, run in `cwd`. */
  gitRange?: string;
  cwd?: string;
  stdin?: Readable;
}

/** A patch mail as the assembler groups it: its head, and the mail to parse once the series is whole. */
export type MailItem = PatchHead & { mail: Mail };

/** What linting one group of mail gives: its series (none when no patch of it could be read). */
export interface GroupResult {
  summary?: SeriesSummary;
  findings: Finding[];
  errors: InputError[];
}

/** Parses the patches of a grouped series, then lints it. */
async function lintGroup(group: AssembledGroup<MailItem>, options: SeriesOptions): Promise<GroupResult> {
  const errors: InputError[] = [];
  const parse = (item: MailItem | undefined): Patch | undefined => {
    if (!item) return undefined;
    const result = patchOf({ head: item, mail: item.mail });
    if ('error' in result) errors.push(result.error);
    return 'patch' in result ? result.patch : undefined;
  };
  const byIndex = new Map<number, Patch>();
  for (const [index, item] of group.byIndex) {
    const patch = parse(item);
    if (patch) byIndex.set(index, patch);
  }
  const cover = parse(group.cover);
  if (!cover && !byIndex.size) return { findings: [], errors };
  const series = toSeries({ version: group.version, total: group.total, cover, byIndex, strays: group.strays });
  const result = await lintOneSeries(series, group.seq, options);
  return { summary: result.summary, findings: result.findings, errors: [...errors, ...result.errors] };
}

function summarise(patch: Patch): PatchSummary {
  const { recipients } = patch;
  const lists = recipients.raw !== undefined ? [recipients.raw] : [...recipients.to, ...recipients.cc].map(headerAddress);
  return {
    index: patch.index,
    subject: ownCopy(patch.subject),
    rawSubject: ownCopy(patch.rawSubject),
    messageId: ownCopy(patch.messageId),
    author: ownCopy(formatPerson(patch.author)),
    replyTo: ownCopy([headerAddress(patch.sender), ...lists].filter(Boolean).join('\n')),
    references: ownCopy(patch.references.join(' ')),
    linesChecked:
      (patch.message ? patch.message.split('\n').length : 0) +
      patch.files.reduce((n, f) => n + f.lines.size + f.removed.length, 0),
  };
}

// One string per distinct release, not one per series of a large mbox.
const releaseNotes = new Map<string, string>();

function releaseNoteOf(release: Release): string {
  const key = `${release.expected}|${release.source}|${release.version}`;
  let note = releaseNotes.get(key);
  if (!note) {
    note =
      release.expected === undefined
        ? "release: unknown (no VERSION, --qemu-version or config, and the release calendar has no entry for the mail's date), so since-tags are only compared with each other"
        : `release: new features target ${release.expected} (from ${release.source}${release.version ? ` ${release.version}` : ''})`;
    releaseNotes.set(key, note);
  }
  return note;
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
  const releaseNote = releaseNoteOf(result.release);
  const all = [series.cover, ...series.patches].filter((p): p is Patch => !!p);
  const lead = series.cover ?? series.patches[0];
  const prefix = lead?.tags.words.filter((w) => !/^v\d+$/i.test(w) && !/^\d+\/\d+$/.test(w)).join(' ') || 'PATCH';
  const summary: SeriesSummary = {
    subject: ownCopy(series.subject),
    prefix: ownCopy(prefix),
    version: series.version,
    total: series.total,
    missing: series.missing,
    messageId: ownCopy(series.messageId),
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

/** Receives results as they are ready, in input order: what streams output to the user. */
export interface LintSink {
  /** The series numbered `index` (0-based, in order of first appearance) and its findings. */
  series(summary: SeriesSummary, findings: Finding[], index: number): void | Promise<void>;
  error(error: InputError): void | Promise<void>;
}

/**
 * Lints every input and hands each series to `sink` as soon as it and every
 * series that appeared before it are done. Only series waiting for an
 * earlier one are held, so memory does not grow with the input.
 */
export async function streamInputs(inputs: readonly string[], options: LintOptions, sink: LintSink): Promise<void> {
  const base = options.tree ?? NO_TREE;
  const seriesOptions: SeriesOptions = {
    rules: options.rules,
    config: options.config,
    base,
    mode: base === NO_TREE ? 'diff' : 'tree',
    qemuVersion: options.qemuVersion,
  };
  // Results wait here until every series that appeared before them is out.
  const waiting = new Map<number, GroupResult>();
  let next = 0;
  let index = 0;
  const deliver = async (seq: number, result: GroupResult) => {
    waiting.set(seq, result);
    for (let ready = waiting.get(next); ready; ready = waiting.get(next)) {
      waiting.delete(next++);
      for (const error of ready.errors) await sink.error(error);
      if (!ready.summary) continue;
      const n = index++;
      await sink.series(ready.summary, ready.findings.map((f) => ({ ...f, series: n })), n);
    }
  };

  let first = 0;
  if (options.gitRange) {
    // Loaded on demand: it brings child_process, which plain mail input does not need.
    const { readGitRange } = await import('../sources/git-range.js');
    const git = await readGitRange(options.gitRange, options.cwd ?? process.cwd());
    if ('series' in git) {
      try {
        const { summary, findings, errors } = await lintOneSeries(git.series, first, { ...seriesOptions, base: git.base, treeAfter: git.treeAfter, mode: 'git' });
        await deliver(first++, { summary, findings, errors });
      } finally {
        git.close();
      }
    } else await sink.error(git);
  }

  const dispatch = async (group: AssembledGroup<MailItem>) => {
    const seq = first + group.seq;
    await deliver(seq, await lintGroup({ ...group, seq }, seriesOptions));
  };

  const assembler = new SeriesAssembler<MailItem>();
  for await (const event of readMails(inputs, options.stdin)) {
    if (event.kind === 'error') {
      const { kind: _kind, ...error } = event;
      await sink.error(error);
      continue;
    }
    for (const group of assembler.add({ ...event.head, mail: event.mail })) await dispatch(group);
  }
  for (const group of assembler.flush()) await dispatch(group);
}

/** The whole run as one report (tests, the app, formats that need everything at once). */
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
