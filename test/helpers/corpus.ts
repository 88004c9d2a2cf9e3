// Access to ../shared (real qemu-devel mails and QEMU files). It is
// third-party data read in place, never copied; tests that need it skip, with
// a message, when it is absent.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { lintInputs } from '../../src/cli/check.js';
import type { Finding } from '../../src/engine/types.js';
import { DirectoryTree } from '../../src/tree/tree.js';

export const SHARED = resolve(import.meta.dirname, '../../../shared');
export const CORPUS = join(SHARED, 'corpus');
export const QEMU_TREE = join(SHARED, 'qemu-tree');
export const SEED_PAGE = join(CORPUS, 'seed/local-tap-v3-4of9.patchew-page.txt');
export const LOCAL_TAP_MBOX = join(CORPUS, 'series/local-tap-v3.mbox');

export const hasShared = existsSync(join(CORPUS, 'index.json')) && existsSync(QEMU_TREE);
if (!hasShared) console.warn(`[skip] ${SHARED} is absent: the tests on real QEMU mails and files are skipped`);

/** `describe` that skips, saying why, when ../shared is not there. */
export const describeShared = hasShared ? describe : describe.skip;

export interface CorpusEntry {
  file: string;
  messageId: string;
  date: string;
  dateIso: string;
  from: string;
  subject: string;
  touches: string[];
  touchesFrom: 'diff' | 'diffstat';
  notes: string;
}

/** The corpus index; empty when ../shared is absent (the tests using it are skipped then). */
export function corpusIndex(): CorpusEntry[] {
  if (!hasShared) return [];
  return JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as CorpusEntry[];
}

export function corpusFiles(): string[] {
  return corpusIndex().map((e) => join(CORPUS, e.file));
}

/**
 * One line per finding, as the reviewed corpus lists record them:
 * `<corpus file> <rule> <severity> <path:line | message:line | series>`.
 */
export function findingKey(f: Finding, inputOf: (f: Finding) => string): string {
  const where = f.file ? `${f.file}:${f.line ?? ''}${f.endLine ? `-${f.endLine}` : ''}` : f.line ? `message:${f.line}` : 'series';
  return `${inputOf(f)} ${f.rule} ${f.severity} ${where}`;
}

/**
 * Every finding of the rules whose id starts with `prefix` on the whole
 * corpus (each mail, plus the local-TAP mbox and the seed page), without a
 * tree or with ../shared/qemu-tree, sorted, as keys; the release comes as
 * `patchlint check` finds it (VERSION, else the mail's date).
 */
export async function corpusFindings(prefix: string, withTree: boolean, qemuVersion?: string): Promise<string[]> {
  const inputs = [...corpusFiles(), LOCAL_TAP_MBOX, SEED_PAGE];
  const report = await lintInputs(inputs, {
    rules: ALL_RULES,
    tree: withTree ? new DirectoryTree(QEMU_TREE) : undefined,
    qemuVersion,
  });
  if (report.errors.length) throw new Error(`corpus inputs failed: ${JSON.stringify(report.errors)}`);
  const inputOf = (f: Finding) => {
    const series = report.series[f.series]!;
    const patch = series.patches.find((p) => p.index === f.patch) ?? series.patches[0]!;
    return patch.messageId ?? series.subject;
  };
  const byMessageId = new Map(corpusIndex().map((e) => [e.messageId, e.file]));
  return report.findings
    .filter((f) => f.rule.startsWith(prefix))
    .map((f) => findingKey(f, (x) => byMessageId.get(inputOf(x)) ?? 'seed-page'))
    .sort();
}
