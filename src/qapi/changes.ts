// What a patch changes in a schema file: which definitions and members are
// new, as opposed to lines it only re-wrote (a comma added after the last
// member, a member moved). Rules judge new things only.
import type { RuleContext } from '../engine/types.js';
import type { Definition, DocBlock, DocSection, Member } from './model.js';
import { parseSchema } from './parser.js';
import { type QapiView, counterpart, normaliseLine } from './views.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An added line that the patch also removed (moved, or re-added with a comma): old text. */
export function isReadded(view: QapiView, line: number): boolean {
  return view.added(line) && !view.changed(line);
}

/** The patch adds this member: it is not in the pre-patch definition, or (fragments) its name is on no removed line. */
export function isNewMember(view: QapiView, definition: Definition, member: Member): boolean {
  if (!view.added(member.line)) return false;
  // The member's line came from another file or an earlier patch: it moved (between definitions, or with its definition).
  if (!view.changed(member.line) && !view.removed.has(normaliseLine(view.diff.lines.get(member.line)?.text ?? ''))) return false;
  if (view.created) return true;
  if (view.before) {
    const before = counterpart(view.before, definition);
    if (before) return !before.members.some((m) => m.name === member.name);
    if (definition.name !== undefined) return true;
  }
  const quoted = new RegExp(`'\\*?${escape(member.name)}'`);
  return ![...view.removed].some((line) => quoted.test(line));
}

/** The patch adds this whole definition (its first line is new). */
export function isNewDefinition(view: QapiView, definition: Definition): boolean {
  if (definition.meta === undefined || !view.added(definition.line) || isReadded(view, definition.line)) return false;
  // Removed elsewhere under the same name (this patch, or an earlier one): moved, not new.
  if (definition.name !== undefined && view.movedDefinitions.has(definition.name)) return false;
  if (view.created) return true;
  if (view.before) return !counterpart(view.before, definition);
  return true;
}

const DEFINITION_HEADER = /^\{\s*'(?:enum|struct|union|alternate|command|event)'\s*:\s*'([^']+)'/;

/** Names of definitions that earlier patches of the series add to this file. */
function addedEarlier(ctx: RuleContext, path: string): Set<string> {
  const names = new Set<string>();
  for (const patch of ctx.series.patches) {
    if (patch.index >= (ctx.patch?.index ?? 0)) continue;
    for (const file of patch.files.filter((f) => f.path === path)) {
      for (const line of file.added) {
        const m = DEFINITION_HEADER.exec(line.text);
        if (m) names.add(m[1]!);
      }
    }
  }
  return names;
}

/**
 * The definition was there before the series: new members of it need a
 * `(since X.Y)`, members of definitions the series adds do not. Undefined
 * when that cannot be told.
 */
export async function existedBeforeSeries(ctx: RuleContext, view: QapiView, definition: Definition): Promise<boolean | undefined> {
  if (view.created) return false;
  if (view.after.mode === 'whole' && ctx.plan.kind !== 'none') {
    const base = await ctx.memo(`qapi:base:${view.path}`, async () => {
      const text = await ctx.treeAt(0).read(view.diff.oldPath);
      return text === undefined ? undefined : parseSchema(text);
    });
    if (base) return !!counterpart(base, definition);
  }
  // Only a definition whose first line is shown has a header the patch could add.
  if (definition.meta !== undefined && view.added(definition.line) && !isReadded(view, definition.line)) return false;
  const earlier = addedEarlier(ctx, view.path);
  if (definition.name !== undefined) return !earlier.has(definition.name);
  return earlier.size === 0 ? true : undefined;
}

/** How many code lines the patch adds that declare `'name'` (a member key or an enum value); 0 when a removed line has it too. */
export function newDeclarations(view: QapiView, name: string): number {
  const quoted = new RegExp(`'\\*?${escape(name)}'`);
  if ([...view.removed].some((line) => quoted.test(line))) return 0;
  return view.diff.added.filter((l) => view.changed(l.line) && !/^\s*#/.test(l.text) && quoted.test(l.text)).length;
}

/** A code line the patch adds declares `'name'`, and no removed line has it. */
export function declaresNewName(view: QapiView, name: string): boolean {
  return newDeclarations(view, name) > 0;
}

/** A description the patch adds for a member it adds. */
export interface NewDescription {
  doc: DocBlock;
  section: DocSection;
  /** The definition the doc block belongs to, when the file or the fragments show it. */
  definition?: Definition;
  member?: Member;
}

/**
 * Descriptions of new members: from the definition when its doc block is
 * attached to it, else (fragments that show the doc and the members in
 * separate hunks) from a code line that adds the described name.
 */
export function newMemberDescriptions(view: QapiView): NewDescription[] {
  const found: NewDescription[] = [];
  const unpaired: NewDescription[] = [];
  for (const doc of view.after.docs) {
    const definition = view.after.definitions.find((d) => d.doc === doc && (doc.symbol === undefined || doc.symbol === d.name));
    // Looked up by name once per definition: a definition may have thousands of members.
    const members = new Map<string, NonNullable<typeof definition>['members'][number]>();
    for (const m of definition?.members ?? []) if (!members.has(m.name)) members.set(m.name, m);
    for (const section of doc.members) {
      if (!view.changed(section.line)) continue;
      const member = members.get(section.name!);
      if (definition && member) {
        if (isNewMember(view, definition, member)) found.push({ doc, section, definition, member });
        continue;
      }
      // A complete definition without that member: the description describes nothing.
      if (definition?.complete) continue;
      unpaired.push({ doc, section, ...(definition ? { definition } : {}) });
    }
  }
  // Without the definition, a new declaration of the name is the evidence: one for each new description of it.
  const descriptions = new Map<string, number>();
  for (const d of unpaired) descriptions.set(d.section.name!, (descriptions.get(d.section.name!) ?? 0) + 1);
  for (const d of unpaired) {
    if (newDeclarations(view, d.section.name!) >= descriptions.get(d.section.name!)!) found.push(d);
  }
  return found;
}

/**
 * For a doc block not attached to a definition the fragments show: it was
 * there before the series (its first line is not new, and no earlier patch
 * adds that definition, or any definition when the name is not shown).
 */
export function docExistedBeforeSeries(ctx: RuleContext, view: QapiView, doc: DocBlock): boolean {
  if (doc.startSeen && (doc.symbolLine === undefined || view.changed(doc.symbolLine))) return false;
  const earlier = addedEarlier(ctx, view.path);
  return doc.symbol !== undefined ? !earlier.has(doc.symbol) : earlier.size === 0;
}
