// Whole schema files as a series, for `patchlint schema`: each file becomes a
// patch that adds every one of its lines, so that the rules that judge a
// file's text (RuleMeta.wholeFile) run on all of it, unchanged.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parsePatchDiff } from '../patch/diff.js';
import { SCHEMA_PATH_SOURCE } from '../qapi/paths.js';
import type { Patch, Series } from '../patch/model.js';
import { classifyTagWords } from '../patch/subject.js';
import { type TreePlan, perCommitPlan } from '../tree/plan.js';
import { NO_TREE, type Tree } from '../tree/tree.js';
import type { InputError } from './inputs.js';

/** A schema file at the tail of an absolute path; group 1 is its tree path. */
const SCHEMA_PATH = new RegExp(`(?:^|/)(${SCHEMA_PATH_SOURCE})$`);

export interface WholeFile {
  /** Path relative to the tree root: `qapi/migration.json`. */
  path: string;
  text: string;
}

export interface FoundFiles {
  /** The tree the files belong to (the directory above `qapi/`). */
  root: string;
  files: WholeFile[];
  errors: InputError[];
}

/** The tree root and tree path of a schema file, or undefined when it is not under a schema directory. */
function placeOf(absolute: string): { root: string; path: string } | undefined {
  const m = SCHEMA_PATH.exec(absolute.split(sep).join('/'));
  if (!m) return undefined;
  return { root: absolute.slice(0, absolute.length - m[1]!.length).replace(/[\\/]$/, '') || '/', path: m[1]! };
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules' && entry.name !== 'build') found.push(...(await jsonFilesUnder(full)));
    else if (entry.isFile() && entry.name.endsWith('.json')) found.push(full);
  }
  return found;
}

/**
 * The schema files named by `args` (files, or folders searched for schema
 * directories). All must belong to one tree, whose root is the directory
 * above their `qapi/` (or `qga/`, ...).
 */
export async function findSchemaFiles(args: readonly string[]): Promise<FoundFiles> {
  const result: FoundFiles = { root: '', files: [], errors: [] };
  const seen = new Set<string>();
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (!info) {
      result.errors.push({ input: arg, message: 'no such file or directory' });
      continue;
    }
    const candidates = info.isDirectory() ? await jsonFilesUnder(resolve(arg)) : [resolve(arg)];
    const placed = candidates.map((c) => ({ c, place: placeOf(c) }));
    if (!info.isDirectory() && !placed[0]!.place) {
      result.errors.push({ input: arg, message: 'not a QAPI schema file (expected under qapi/, qga/, storage-daemon/qapi/ or tests/qapi-schema/)' });
      continue;
    }
    const schemas = placed.filter((p) => p.place);
    if (info.isDirectory() && !schemas.length) result.errors.push({ input: arg, message: 'holds no QAPI schema files (qapi/*.json, qga/*.json, ...)' });
    for (const { c, place } of schemas) {
      if (seen.has(c)) continue;
      seen.add(c);
      if (result.root && place!.root !== result.root) {
        result.errors.push({ input: relative(process.cwd(), c) || c, message: `belongs to another tree than ${result.root}` });
        continue;
      }
      result.root = place!.root;
      try {
        result.files.push({ path: place!.path, text: await readFile(c, 'utf8') });
      } catch (error) {
        result.errors.push({ input: c, message: `cannot read: ${(error as Error).message}` });
      }
    }
  }
  return result;
}

/** A patch that creates `file` with all of its lines. */
function patchAdding(file: WholeFile, index: number, total: number): Patch {
  const lines = file.text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const diff = [`diff --git a/${file.path} b/${file.path}`, 'new file mode 100644', '--- /dev/null', `+++ b/${file.path}`, `@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)];
  const nobody = { name: '', email: '' };
  return {
    index,
    total,
    subject: file.path,
    rawSubject: file.path,
    tags: classifyTagWords([]),
    author: nobody,
    sender: nobody,
    references: [],
    recipients: { to: [], cc: [] },
    message: '',
    trailers: [],
    notes: '',
    files: lines.length ? parsePatchDiff(diff, 1) : [],
    origin: { input: file.path, line: 1 },
  };
}

/** Each file read whole from `tree` (its root), as a commit's own files are. */
export function wholeFilesPlan(series: Series, tree: Tree): TreePlan {
  return perCommitPlan({ before: NO_TREE, patches: series.patches, treeOf: () => tree, description: `files: ${tree.description}` });
}

/** The files as one series, one patch per file. */
export function wholeFileSeries(files: readonly WholeFile[]): Series {
  const patches = files.map((file, i) => patchAdding(file, i + 1, files.length));
  return { origin: 'files', version: 1, total: patches.length, patches, missing: [], subject: `${files.length} schema files` };
}
