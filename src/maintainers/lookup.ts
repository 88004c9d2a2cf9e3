// get_maintainer.pl for a tree: read MAINTAINERS, ask the tree the
// directory questions the patterns raise, and list the sections and
// recipients for a patch (as `get_maintainer.pl <patch>` does) or for
// paths (as `get_maintainer.pl -f <paths>` does).
import type { Patch } from '../patch/model.js';
import type { Tree } from '../tree/tree.js';
import {
  type CompiledMaintainers,
  type DirectoryTest,
  type FileMatch,
  compileMaintainers,
  directoryQuestions,
  keywordHitsOfText,
  keywordSectionsOfPatch,
  matchFile,
  orderKeywords,
} from './match.js';
import type { MaintainersSection } from './parse.js';
import { parseMaintainers } from './parse.js';
import { type Recipient, recipientsOf } from './recipients.js';

let cache: { text: string; compiled: CompiledMaintainers } | undefined;

/** The tree's MAINTAINERS, parsed and compiled once per distinct text. */
export async function loadMaintainers(tree: Tree): Promise<CompiledMaintainers | undefined> {
  const text = await tree.read('MAINTAINERS');
  if (text === undefined) return undefined;
  if (cache?.text !== text) cache = { text, compiled: compileMaintainers(parseMaintainers(text)) };
  return cache.compiled;
}

/**
 * Answers get_maintainer.pl's `-d $pattern` from the tree. When the tree
 * cannot tell, `whenUnknown` decides: a rule that warns about missing
 * coverage assumes a directory (more matches, fewer warnings), one that
 * asks for more recipients assumes a file (fewer matches, fewer asks).
 */
export async function directoryTest(tree: Tree, maintainers: CompiledMaintainers, files: readonly string[], whenUnknown: boolean): Promise<DirectoryTest> {
  const questions = directoryQuestions(maintainers, files);
  const answers = new Map<string, boolean>();
  await Promise.all(
    questions.map(async (value) => {
      answers.set(value, (await tree.isDirectory?.(value)) ?? whenUnknown);
    }),
  );
  return (value) => answers.get(value) ?? whenUnknown;
}

export interface MaintainersResult {
  files: FileMatch[];
  /** Sections K: keywords pulled in. */
  keywordSections: MaintainersSection[];
  recipients: Recipient[];
}

function result(files: FileMatch[], keywordSections: MaintainersSection[]): MaintainersResult {
  const sections = [...files.flatMap((f) => f.sections.map((m) => m.section)), ...keywordSections];
  return { files, keywordSections, recipients: recipientsOf(sections) };
}

/**
 * The files get_maintainer.pl reads from a patch: the `+++ b/<path>` lines.
 * A deletion's `+++ /dev/null` becomes `dev/null`; binary patches and pure
 * renames have no `+++` line and are not looked up.
 */
export function patchFilesAsGetMaintainerSeesThem(patch: Patch): string[] {
  const files = patch.files.filter((f) => !f.binary && f.chunks.length > 0).map((f) => (f.status === 'deleted' ? 'dev/null' : f.path));
  return [...new Set(files)].sort();
}

/** The mail as get_maintainer.pl would read it from a format-patch file, for K: keywords. */
export function patchTextForKeywords(patch: Patch): string[] {
  const person = (p: Patch['sender']) => (p.name ? `${p.name} <${p.email}>` : p.email);
  const people = (list: Patch['recipients']['to']) => list.map(person).join(', ');
  const lines = [`From: ${person(patch.sender)}`, `Subject: ${patch.rawSubject}`];
  if (patch.recipients.to.length) lines.push(`To: ${people(patch.recipients.to)}`);
  if (patch.recipients.cc.length) lines.push(`Cc: ${people(patch.recipients.cc)}`);
  lines.push('', ...patch.message.split('\n'), '---', ...patch.notes.split('\n'));
  for (const file of patch.files) {
    lines.push(`diff --git a/${file.oldPath} b/${file.path}`);
    if (!file.chunks.length) continue;
    lines.push(file.status === 'added' ? '--- /dev/null' : `--- a/${file.oldPath}`);
    lines.push(file.status === 'deleted' ? '+++ /dev/null' : `+++ b/${file.path}`);
    for (const chunk of file.chunks) for (const change of chunk.changes) if (change.type !== 'normal') lines.push(change.content);
  }
  return lines;
}

/** `get_maintainer.pl <patch>`. */
export function maintainersOfPatch(maintainers: CompiledMaintainers, patch: Patch, isDirectory: DirectoryTest): MaintainersResult {
  const files = patchFilesAsGetMaintainerSeesThem(patch).map((f) => matchFile(maintainers, f, isDirectory));
  return result(files, keywordSectionsOfPatch(maintainers, patchTextForKeywords(patch)));
}

/** `get_maintainer.pl -f <paths>`: directories get a trailing slash; K: keywords apply to each file's text. */
export async function maintainersOfPaths(tree: Tree, maintainers: CompiledMaintainers, paths: readonly string[]): Promise<MaintainersResult> {
  const files = await Promise.all(paths.map(async (p) => ((await tree.isDirectory?.(p)) ? p.replace(/([^/])$/, '$1/') : p)));
  const isDirectory = await directoryTest(tree, maintainers, files, false);
  const matches = files.map((f) => matchFile(maintainers, f, isDirectory));
  const hits = new Set<CompiledMaintainers['keywords'][number]>();
  for (const file of files) {
    if (file === 'MAINTAINERS' || file.endsWith('/')) continue;
    const text = await tree.read(file);
    if (text !== undefined) for (const hit of keywordHitsOfText(maintainers, text)) hits.add(hit);
  }
  return result(matches, orderKeywords([...hits]));
}

/**
 * Whether the tree is the one the patch was made for: every file the patch
 * modifies, renames or deletes is there (after the patch, or before it for
 * a deletion). MAINTAINERS changes over the years; judging a patch against
 * a tree it does not fit (a much newer checkout, a partial copy) would name
 * people who had nothing to do with it then.
 */
export async function treeFitsPatch(patch: Patch, before: Tree, after: Tree): Promise<boolean> {
  for (const file of patch.files) {
    if (file.status === 'added') continue;
    const known = file.status === 'deleted' ? await before.read(file.oldPath) : await after.read(file.path);
    if (known === undefined) return false;
  }
  return true;
}
