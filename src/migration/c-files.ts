// What the series shows of the C files the migration rules read, in each of
// the three modes: the whole file after any patch when a tree knows it
// (`--tree`, `--git`), and always each patch's own hunks (both sides), which
// is all there is in diff-only mode. Shared by the migration rules of one
// series through ctx.memo.
import type { RuleContext } from '../engine/types.js';
import type { FileDiff, Patch } from '../patch/model.js';
import { isComplete } from '../patch/series.js';
import { scanHunks } from '../c/fragments.js';
import { type CScan, scanCText } from '../c/scan.js';

export const OPTIONS_C = 'migration/options.c';
export const OPTIONS_H = 'migration/options.h';
export const CLIENT_OPTIONS_H = 'include/migration/client-options.h';
export const HMP_CMDS_C = 'migration/migration-hmp-cmds.c';
export const MIGRATION_JSON = 'qapi/migration.json';

/** One patch's hunks of one file: after the patch (`post`) and before it (`pre`). */
export interface PatchHunks {
  /** Patch index (1-based). */
  patch: number;
  /** Position of the patch in the series (1 = first), for ctx.treeAt. */
  step: number;
  path: string;
  post: CScan[];
  pre: CScan[];
}

export type Mode = RuleContext['plan']['kind'];

export class SeriesCFiles {
  private readonly hunkCache = new Map<string, PatchHunks[]>();
  private readonly fullCache = new Map<string, Promise<CScan | undefined>>();

  constructor(private readonly ctx: Pick<RuleContext, 'series' | 'treeAt' | 'plan'>) {}

  get mode(): Mode {
    return this.ctx.plan.kind;
  }

  get patches(): readonly Patch[] {
    return this.ctx.series.patches;
  }

  /** Number of patches: the step of the tree after the whole series. */
  get last(): number {
    return this.ctx.series.patches.length;
  }

  stepOf(patchIndex: number): number {
    return this.ctx.series.patches.findIndex((p) => p.index === patchIndex) + 1;
  }

  /**
   * Each path's diffs in series order, indexed once: looking a path up patch
   * by patch is quadratic in a patch that touches thousands of files.
   */
  private diffsByPath: Map<string, Array<{ patch: Patch; step: number; file: FileDiff }>> | undefined;

  private diffsOf(path: string): ReadonlyArray<{ patch: Patch; step: number; file: FileDiff }> {
    if (!this.diffsByPath) {
      this.diffsByPath = new Map();
      for (const [i, patch] of this.ctx.series.patches.entries()) {
        for (const file of patch.files) {
          if (file.binary) continue;
          const list = this.diffsByPath.get(file.path) ?? [];
          // The first diff of a path in a patch, as patch.files.find gave.
          if (!list.some((d) => d.patch === patch)) list.push({ patch, step: i + 1, file });
          this.diffsByPath.set(file.path, list);
        }
      }
    }
    return this.diffsByPath.get(path) ?? [];
  }

  /** Each patch's hunks of `path`, in series order. */
  hunks(path: string): PatchHunks[] {
    let cached = this.hunkCache.get(path);
    if (!cached) {
      cached = this.diffsOf(path).map((d) => hunksOf(d.file, d.patch.index, d.step));
      this.hunkCache.set(path, cached);
    }
    return cached;
  }

  /** Some patch adds a line to `path` holding `text`. */
  adds(path: string, text: string): boolean {
    return this.diffsOf(path).some((d) => d.file.added.some((l) => l.text.includes(text)));
  }

  /** The C files (`.c`, `.h`) any patch touches. */
  touchedCFiles(): string[] {
    const paths = new Set<string>();
    for (const patch of this.ctx.series.patches) for (const f of patch.files) if (/\.[ch]$/.test(f.path) && !f.binary) paths.add(f.path);
    return [...paths].sort();
  }

  /**
   * The touched C files to which some patch adds a line holding `text`. A
   * plain text test before scanning: what a rule looks for on added lines
   * can only be in these, and scanning C is the costly part.
   */
  touchedCFilesAdding(text: string): string[] {
    return this.touchedCFiles().filter((path) => this.adds(path, text));
  }

  /** The whole file after the first `step` patches, when the tree knows it. */
  fullAt(path: string, step: number): Promise<CScan | undefined> {
    if (this.ctx.plan.kind === 'none') return Promise.resolve(undefined);
    const key = `${step}\u0000${path}`;
    let pending = this.fullCache.get(key);
    if (!pending) {
      pending = this.ctx
        .treeAt(step)
        .read(path)
        .then((text) => (text === undefined ? undefined : scanCText(text)));
      this.fullCache.set(key, pending);
    }
    return pending;
  }

  /** After the whole series. */
  final(path: string): Promise<CScan | undefined> {
    return this.fullAt(path, this.last);
  }

  /** Text of the file at a step, for rules that look at raw lines. */
  textAt(path: string, step: number): Promise<string | undefined> {
    return this.ctx.plan.kind === 'none' ? Promise.resolve(undefined) : this.ctx.treeAt(step).read(path);
  }
}

function hunksOf(file: FileDiff, patch: number, step: number): PatchHunks {
  return { patch, step, path: file.path, post: scanHunks(file, 'post'), pre: file.status === 'added' ? [] : scanHunks(file, 'pre') };
}

export function seriesCFiles(ctx: RuleContext): SeriesCFiles {
  return ctx.memo('migration/c-files', () => new SeriesCFiles(ctx));
}

/** How a conclusion was reached, for messages ("Say which mode a finding relied on"). */
export function basisNote(mode: Mode, fromTree: boolean): string {
  if (!fromTree) return 'checked in the diffs of the series';
  return mode === 'per-commit' ? 'checked in the files of each commit' : 'checked in the tree with the series applied';
}

/**
 * The context a series rule reports through when patches of the series are
 * missing: what the patches at hand lack may be in the others, so each
 * finding becomes an info naming them. Silence would say nothing useful.
 */
export function partialSeriesContext(ctx: RuleContext): RuleContext {
  if (isComplete(ctx.series)) return ctx;
  const note = missingPatchesNote(ctx);
  return { ...ctx, report: (finding) => ctx.report({ ...finding, severity: 'info', message: `in the patches at hand, ${finding.message}${note}` }) };
}

/** For info-level nudges made anyway: which patches are not here ("1-3, 5-9"), as a message suffix. */
export function missingPatchesNote(ctx: Pick<RuleContext, 'series'>): string {
  const missing = [...ctx.series.missing].sort((a, b) => a - b);
  if (!missing.length) return '';
  const ranges: string[] = [];
  for (let i = 0; i < missing.length; i++) {
    let j = i;
    while (j + 1 < missing.length && missing[j + 1] === missing[j]! + 1) j++;
    ranges.push(i === j ? `${missing[i]}` : `${missing[i]}-${missing[j]}`);
    i = j;
  }
  return ` (patch${missing.length > 1 ? 'es' : ''} ${ranges.join(', ')} of the series ${missing.length > 1 ? 'are' : 'is'} not here and may add it)`;
}
