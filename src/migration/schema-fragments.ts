// What one patch adds to and removes from the migration definitions when the
// tree cannot give both sides of qapi/migration.json whole: read from the
// QAPI parser's view of the patch (src/qapi views and fragment mode).
//
// A hunk often shows the end of `'data': [...]` without the definition's
// name. It is attributed only on evidence, never guessed:
// - the doc block right after it names the next definition
//   (MigrationCapabilityStatus follows MigrationCapability,
//   MigrateSetParameters or migrate-set-parameters follows
//   MigrationParameter, migrate-set-parameters follows the struct
//   MigrateSetParameters, query-migrate-parameters follows
//   MigrationParameters), or
// - an unchanged value or member of it shows up in the C the series or the
//   tree shows as MIGRATION_CAPABILITY_<V>, MIGRATION_PARAMETER_<V> or has_<v>.
import type { RuleContext } from '../engine/types.js';
import type { Patch } from '../patch/model.js';
import { type Definition, type Member, type SchemaFile, isNewMember, newMemberDescriptions, parseFragments, qapiView } from '../qapi/index.js';
import { MIGRATION_JSON } from './c-files.js';
import { CAPABILITY_ENUM, PARAMETERS_STRUCT, PARAMETER_ENUM, SET_PARAMETERS_STRUCT, capabilityConstant, fieldName, parameterConstant } from './names.js';
import { type DocText, type SchemaEntry, docText, typeText } from './schema.js';

/** Where an entry goes; `parameterStructs`: MigrationParameters or MigrateSetParameters, the hunk does not say which. */
export type Slot = 'capabilities' | 'parameterEnum' | 'parameters' | 'setParameters' | 'parameterStructs';

const BY_NAME: Record<string, Slot> = {
  [CAPABILITY_ENUM]: 'capabilities',
  [PARAMETER_ENUM]: 'parameterEnum',
  [PARAMETERS_STRUCT]: 'parameters',
  [SET_PARAMETERS_STRUCT]: 'setParameters',
};

// The definition each of these follows in qapi/migration.json.
// Before QEMU 11.0 MigrationParameter is followed by MigrateSetParameters, since then by migrate-set-parameters.
const FOLLOWED_BY_ENUM: Record<string, Slot> = { MigrationCapabilityStatus: 'capabilities', [SET_PARAMETERS_STRUCT]: 'parameterEnum', 'migrate-set-parameters': 'parameterEnum' };
const FOLLOWED_BY_STRUCT: Record<string, Slot> = { 'migrate-set-parameters': 'setParameters', 'query-migrate-parameters': 'parameters' };

export interface FragmentChange {
  added: Record<Slot, SchemaEntry[]>;
  removed: Record<Slot, SchemaEntry[]>;
  /** New descriptions the patch adds, by the name they describe, with the definition when known. */
  descriptions: Array<{ name: string; doc: DocText; owner?: Slot }>;
  /** Definitions the hunks name, by kind (enums are scalars in C). */
  kinds: Map<string, NonNullable<Definition['meta']>>;
}

export function emptySlots(): Record<Slot, SchemaEntry[]> {
  return { capabilities: [], parameterEnum: [], parameters: [], setParameters: [], parameterStructs: [] };
}


function identify(def: Definition, file: SchemaFile, constants: ReadonlySet<string>, isOld: (m: Member) => boolean): Slot | undefined {
  if (def.name !== undefined) return BY_NAME[def.name];
  if (!def.members.length) return undefined;
  const isEnum = def.members.every((m) => m.role === 'value');
  const next = file.docs.find((d) => d.line > def.endLine && d.line <= def.endLine + 3)?.symbol;
  const byNext = next && (isEnum ? FOLLOWED_BY_ENUM : FOLLOWED_BY_STRUCT)[next];
  if (byNext) return byNext;
  const known = def.members.filter(isOld);
  if (isEnum) {
    if (known.some((m) => constants.has(capabilityConstant(m.name)))) return 'capabilities';
    if (known.some((m) => constants.has(parameterConstant(m.name)))) return 'parameterEnum';
    return undefined;
  }
  return known.some((m) => constants.has(`has_${fieldName(m.name)}`)) ? 'parameterStructs' : undefined;
}

/**
 * The patch's changes from its hunks. `constants` are the C identifiers the
 * series and the tree show, as evidence for unnamed definitions.
 */
export async function fragmentChange(ctx: RuleContext, patch: Patch, step: number, constants: ReadonlySet<string>): Promise<FragmentChange | undefined> {
  const view = await qapiView(ctx.patchContext(step), MIGRATION_JSON);
  if (!view) return undefined;
  const added = emptySlots();
  const removed = emptySlots();
  const kinds = new Map<string, NonNullable<Definition['meta']>>();
  const slotOf = new Map<Definition, Slot>();
  for (const def of view.after.definitions) {
    if (def.name && def.meta) kinds.set(def.name, def.meta);
    const slot = identify(def, view.after, constants, (m) => !isNewMember(view, def, m));
    if (!slot) continue;
    slotOf.set(def, slot);
    for (const m of def.members) {
      if (!isNewMember(view, def, m)) continue;
      const type = typeText(m.type);
      added[slot].push({ name: m.name, line: m.line, features: m.features.map((f) => f.name), ...(type ? { type } : {}) });
    }
  }
  const descriptions = newMemberDescriptions(view).map((d) => {
    const owner = (d.definition && slotOf.get(d.definition)) ?? (d.doc.symbol !== undefined ? BY_NAME[d.doc.symbol] : undefined);
    return { name: d.section.name!, doc: docText(d.section), ...(owner ? { owner } : {}) };
  });
  for (const slot of Object.keys(added) as Slot[]) {
    for (const entry of added[slot]) {
      const doc = descriptions.find((d) => d.name === entry.name && (d.owner === undefined || d.owner === slot))?.doc;
      if (doc) entry.doc = doc;
    }
  }
  // Removed values: the pre-patch side of the hunks, read the same way.
  const before = parseFragments(preLines(patch, MIGRATION_JSON));
  const stillDeclared = (name: string) => view.diff.added.some((l) => !/^\s*#/.test(l.text) && new RegExp(`'\\*?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`).test(l.text));
  const removedLines = new Set(view.diff.removed.map((l) => l.line));
  for (const def of before.definitions) {
    // Every value the pre-patch side shows existed: all are evidence.
    const slot = identify(def, before, constants, () => true);
    if (!slot) continue;
    for (const m of def.members) if (removedLines.has(m.line) && !stillDeclared(m.name)) removed[slot].push({ name: m.name, line: m.line, features: m.features.map((f) => f.name) });
  }
  return { added, removed, descriptions, kinds };
}

/** Context and removed lines of a file's hunks, at their pre-patch numbers. */
function preLines(patch: Patch, path: string): Array<{ line: number; text: string; added: boolean }> {
  const file = patch.files.find((f) => f.path === path);
  if (!file) return [];
  const out: Array<{ line: number; text: string; added: boolean }> = [];
  for (const chunk of file.chunks) {
    for (const change of chunk.changes) {
      const text = change.content.slice(1).replace(/\r$/, '');
      if (change.type === 'normal') out.push({ line: change.ln1, text, added: false });
      else if (change.type === 'del') out.push({ line: change.ln, text, added: true });
    }
  }
  return out;
}
