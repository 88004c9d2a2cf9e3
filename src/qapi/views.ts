// The parsed views of the schema files a patch touches, shared by every QAPI
// (and migration) rule through ctx.memo: one parse per file per patch.
//
// The post-patch file is parsed whole when the tree has it and its lines are
// the ones the diff shows at the same numbers; otherwise only the hunks are
// read (fragment mode, see fragment.ts). Rules judge only lines the patch
// adds; `patchlint schema` feeds whole files as patches that add every line.
import { releaseForSeries } from '../engine/calendar.js';
import type { Release } from '../engine/release.js';
import type { RuleContext } from '../engine/types.js';
import type { FileDiff } from '../patch/model.js';
import type { Tree } from '../tree/tree.js';
import { parseFragments } from './fragment.js';
import type { Definition, DocBlock, DocLine, Pragmas, SchemaFile } from './model.js';
import { parseSchema } from './parser.js';
import { type SchemaKind, schemaKindOf } from './paths.js';
import { emptyPragmas } from './values.js';

export { SCHEMA_FILES, type SchemaKind, schemaKindOf } from './paths.js';

export interface QapiView {
  path: string;
  kind: SchemaKind;
  diff: FileDiff;
  /** The post-patch file: whole, or what the hunks show (`after.mode`). */
  after: SchemaFile;
  /** The pre-patch file, whole, when the tree had it. */
  before?: SchemaFile;
  /** The patch creates the file. */
  created: boolean;
  /** Pragmas of the whole schema the file belongs to (see readPragmas), when the tree has them. */
  pragmas?: Pragmas;
  added(line: number): boolean;
  /** Added, and not a line the patch also removes (moved, or re-added with a comma): new text. */
  changed(line: number): boolean;
  /** Removed lines, normalised (see `normaliseLine`), to tell new text from text the patch only moved or re-wrapped. */
  removed: Set<string>;
  /**
   * Names of definitions this patch (any schema file) or an earlier patch of
   * the series removes: one added here under the same name was moved, not
   * created (`qapi: move accelerator commands to their own file`).
   */
  movedDefinitions: Set<string>;
}

/** A line without indentation and trailing commas and closing brackets: `'mapped-ram'] }` and `'mapped-ram',` are the same line. */
export function normaliseLine(text: string): string {
  return text.trim().replace(/(?<![\s,\]}])[\s,\]}]+$/, '');
}

/** The post-patch text agrees with the diff at every line the diff shows (the hunks applied where they say). */
function agreesWithDiff(text: string, diff: FileDiff): boolean {
  const lines = text.split('\n');
  for (const [number, line] of diff.lines) if ((lines[number - 1] ?? '').replace(/\r$/, '') !== line.text) return false;
  return true;
}

/** The file QEMU's generator starts from for the schema `path` belongs to (a parser test is its own schema). */
function schemaRoot(path: string, kind: SchemaKind): string {
  switch (kind) {
    case 'qmp':
      return 'qapi/qapi-schema.json';
    case 'qga':
      return 'qga/qapi-schema.json';
    case 'storage-daemon':
      return 'storage-daemon/qapi/qapi-schema.json';
    default:
      return path;
  }
}

/** `target` of an include directive in `from`, as a tree path (`../../qapi/pragma.json` from storage-daemon/qapi/). */
function includedPath(from: string, target: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/**
 * The pragmas of the whole schema: scripts/qapi/parser.py keeps one pragma
 * object for a schema and every module it includes, so `qapi/pragma.json`
 * (included from `qapi/qapi-schema.json`) exempts names in every module. Read
 * are the root, the files it includes whose name says pragma (QEMU keeps them
 * there; reading every module would cost a read per module per patch), the
 * `pragma.json` beside the file, and the file's own.
 */
async function readPragmas(tree: Tree, path: string, kind: SchemaKind, own: Pragmas): Promise<Pragmas | undefined> {
  const root = schemaRoot(path, kind);
  const candidates = [root, `${path.slice(0, path.lastIndexOf('/'))}/pragma.json`];
  const pragmas = emptyPragmas();
  let found = false;
  const seen = new Set<string>([path]);
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const text = await tree.read(candidate);
    if (text === undefined) continue;
    found = true;
    const parsed = parseSchema(text);
    mergePragmas(pragmas, parsed.pragmas);
    for (const directive of parsed.directives) {
      const target = directive.kind === 'include' ? directive.expr.entries.find((e) => e.key === 'include')?.value : undefined;
      if (target?.kind === 'string' && /pragma/.test(target.value)) candidates.push(includedPath(candidate, target.value));
    }
  }
  // The file itself may be the root, or include the pragma file (tests).
  mergePragmas(pragmas, own);
  return found || own.docRequired !== undefined || hasExceptions(own) ? pragmas : undefined;
}

/** A name's words (CamelCase parts, digits, parts between `-` and `_`), lower-cased and sorted. */
function wordsOf(name: string): string {
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((w) => w.toLowerCase()).sort().join(' ');
}

const DEFINITION_OF = (name: string) => new RegExp(`'(?:enum|struct|union|alternate|command|event)'\\s*:\\s*'${name.replace(/[^\w-]/g, '')}'`);

/**
 * The name a pragma list holds for `name` renamed: the same words in another
 * order, case aside (`CpuS390Entitlement` for `S390CpuEntitlement`), that no
 * module of the schema defines. QEMU matches pragma names exactly, so the
 * finding stands; this only says why. Undefined without a tree, or when no
 * such name is listed. Reads every module of the schema, which only happens
 * when a listed name is such an anagram (rare).
 */
export async function renamedInPragma(tree: Tree, view: QapiView, listed: readonly string[], name: string): Promise<string | undefined> {
  const words = wordsOf(name);
  const candidate = listed.find((l) => l !== name && wordsOf(l) === words);
  if (!candidate || view.after.definitions.some((d) => d.name === candidate)) return undefined;
  const root = schemaRoot(view.path, view.kind);
  const queue = [root];
  const seen = new Set<string>();
  const pattern = DEFINITION_OF(candidate);
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const text = await tree.read(path);
    if (text === undefined) {
      if (path === root) return undefined; // no root: the schema's modules are unknown
      continue;
    }
    if (pattern.test(text)) return undefined;
    for (const include of text.matchAll(/\{\s*'include'\s*:\s*'([^']+)'/g)) queue.push(includedPath(path, include[1]!));
  }
  return candidate;
}

function hasExceptions(p: Pragmas): boolean {
  return p.commandNameExceptions.length + p.commandReturnsExceptions.length + p.documentationExceptions.length + p.memberNameExceptions.length > 0;
}

function mergePragmas(into: Pragmas, from: Pragmas): void {
  if (from.docRequired !== undefined) into.docRequired = from.docRequired;
  into.commandNameExceptions.push(...from.commandNameExceptions);
  into.commandReturnsExceptions.push(...from.commandReturnsExceptions);
  into.documentationExceptions.push(...from.documentationExceptions);
  into.memberNameExceptions.push(...from.memberNameExceptions);
}

/**
 * A parser test (tests/qapi-schema/) is checked only when its expected
 * error output is known to be empty: the others are meant to fail.
 */
async function isPositiveTest(ctx: RuleContext, path: string): Promise<boolean> {
  const errPath = path.replace(/\.json$/, '.err');
  const fromTree = ctx.plan.kind !== 'none' ? await ctx.tree.read(errPath) : undefined;
  if (fromTree !== undefined) return fromTree.trim() === '';
  const errDiff = ctx.patch?.files.find((f) => f.path === errPath);
  if (errDiff?.status === 'added') return errDiff.added.every((l) => l.text.trim() === '');
  return false;
}

const DEFINITION_HEADER = /^\{\s*'(?:enum|struct|union|alternate|command|event)'\s*:\s*'([^']+)'/;

/**
 * What moves into `diff` from elsewhere: the removed lines of the patch's
 * other schema files and of the earlier patches' (normalised), and the names
 * of the definitions removed there or here. Later patches do not count: a
 * line they remove is one this patch may have added.
 */
function movedInto(ctx: RuleContext, diff: FileDiff): { lines: Set<string>; definitions: Set<string> } {
  const lines = new Set<string>();
  const definitions = new Set<string>();
  const step = ctx.patch ? ctx.series.patches.indexOf(ctx.patch) : -1;
  const patches = step < 0 ? [] : ctx.series.patches.slice(0, step + 1);
  for (const patch of patches) {
    for (const file of patch.files) {
      if (!schemaKindOf(file.oldPath) || !file.removed.length) continue;
      for (const { text } of file.removed) {
        const header = DEFINITION_HEADER.exec(text.trim());
        if (header) definitions.add(header[1]!);
        if (file !== diff) lines.add(normaliseLine(text));
      }
    }
  }
  lines.delete('');
  return { lines, definitions };
}

async function buildView(ctx: RuleContext, diff: FileDiff, kind: SchemaKind): Promise<QapiView> {
  const addedLines = new Set(diff.added.map((l) => l.line));
  const removed = new Set(diff.removed.map((l) => normaliseLine(l.text)).filter(Boolean));
  const moved = movedInto(ctx, diff);
  // Text removed from another schema file (or by an earlier patch) and added here is moved, not new.
  const changedLines = new Set(diff.added.filter((l) => !removed.has(normaliseLine(l.text)) && !moved.lines.has(normaliseLine(l.text))).map((l) => l.line));
  // Without a tree only a file the patch creates is known whole (reading others would only note their absence).
  const text = ctx.plan.kind !== 'none' || diff.status === 'added' ? await ctx.tree.read(diff.path) : undefined;
  const whole = text !== undefined && agreesWithDiff(text, diff);
  const after = whole ? parseSchema(text) : parseFragments([...diff.lines.values()].map((l) => ({ line: l.line, text: l.text, added: l.added })));
  const created = diff.status === 'added';
  const beforeText = whole && !created ? await ctx.treeBefore.read(diff.oldPath) : undefined;
  const pragmas = whole && ctx.plan.kind !== 'none' ? await readPragmas(ctx.tree, diff.path, kind, after.pragmas) : undefined;
  return {
    path: diff.path,
    kind,
    diff,
    after,
    ...(beforeText !== undefined ? { before: parseSchema(beforeText) } : {}),
    created,
    ...(pragmas ? { pragmas } : {}),
    added: (line) => addedLines.has(line),
    changed: (line) => changedLines.has(line),
    removed,
    movedDefinitions: moved.definitions,
  };
}

/** The view of one touched schema file (undefined when `path` is not one, or is a parser test meant to fail). */
export function qapiView(ctx: RuleContext, path: string): Promise<QapiView | undefined> {
  return ctx.memo(`qapi:view:${path}`, async () => {
    const diff = ctx.patch?.files.find((f) => f.path === path);
    const kind = schemaKindOf(path);
    if (!diff || !kind || diff.status === 'deleted' || diff.binary) return undefined;
    if (kind === 'test' && !(await isPositiveTest(ctx, path))) return undefined;
    return buildView(ctx, diff, kind);
  });
}

/** Views of every schema file the patch touches. */
export function qapiViews(ctx: RuleContext): Promise<QapiView[]> {
  // One list per patch, shared by every QAPI rule.
  return ctx.memo('qapi:views', async () => {
    const views = await Promise.all((ctx.patch?.files ?? []).filter((f) => schemaKindOf(f.path)).map((f) => qapiView(ctx, f.path)));
    return views.filter((v): v is QapiView => !!v);
  });
}

/** The definition of the same name in another parse of the file. */
export function counterpart(file: SchemaFile | undefined, definition: Definition): Definition | undefined {
  if (!file || definition.name === undefined) return undefined;
  return file.definitions.find((d) => d.name === definition.name && d.meta === definition.meta);
}

/**
 * Doc lines the patch adds (new text, not moved) where QEMU's line-format checks apply: inside a
 * doc block, outside literal blocks (and not where a fragment cannot tell).
 */
export function addedDocLines(view: QapiView): Array<{ doc: DocBlock; line: DocLine }> {
  return view.after.docs.flatMap((doc) => doc.lines.filter((l) => l.literal === false && view.changed(l.line)).map((line) => ({ doc, line })));
}

/** The doc block QEMU attaches to a definition, when the fragment or file shows it whole. */
export function wholeDocOf(definition: Definition): DocBlock | undefined {
  const doc = definition.doc;
  if (!doc || !doc.startSeen || !doc.endSeen) return undefined;
  return doc.symbol === definition.name ? doc : undefined;
}

/**
 * The release the patch's since tags should name: the tree's, unless none of
 * the touched schema files applied to the tree (then the tree is not the
 * patch's base, and a mail dated before it is judged by its date).
 */
export async function targetRelease(ctx: RuleContext): Promise<Release> {
  const views = await qapiViews(ctx);
  const applies = views.some((v) => v.after.mode === 'whole' && !v.created);
  return releaseForSeries(ctx.release, ctx.series, applies);
}
