// Migration parameters a series adds: a name added to MigrationParameter,
// MigrationParameters or MigrateSetParameters, with where each copy went,
// its type and its doc descriptions (RULES.md §4.3).
import { MIGRATION_JSON } from './c-files.js';
import { fieldName, parameterConstant } from './names.js';
import type { DocText, MigrationSchema, SchemaEntry } from './schema.js';
import type { SeriesSchema, Slot } from './series-schema.js';

/** Where a parameter is declared; `parameterStructs` when a hunk does not say which struct. */
export type ParameterKey = Exclude<Slot, 'capabilities'>;
export const PARAMETER_KEYS: readonly ParameterKey[] = ['parameterEnum', 'parameters', 'setParameters', 'parameterStructs'];
export const DEFINITION_NAMES: Record<ParameterKey, string> = {
  parameterEnum: 'MigrationParameter',
  parameters: 'MigrationParameters',
  setParameters: 'MigrateSetParameters',
  parameterStructs: 'a parameters struct',
};

export interface AddedCopy {
  patch: number;
  step: number;
  entry: SchemaEntry;
}

export interface NewParameter {
  name: string;
  /** The C member (`direct_io`); `has_<field>` is its presence flag. */
  field: string;
  /** MIGRATION_PARAMETER_<NAME>. */
  constant: string;
  added: Partial<Record<ParameterKey, AddedCopy>>;
  /** Type in MigrationParameters (else MigrateSetParameters). */
  type?: string;
  /** Where findings about it go: the first copy the series adds. */
  first: AddedCopy & { file: string };
  /** The doc descriptions the series adds, with their definition when known. */
  docs: Array<{ key?: ParameterKey; patch: number; doc: DocText }>;
}

export async function newParameters(schema: SeriesSchema): Promise<NewParameter[]> {
  const changes = await schema.changes();
  if (!changes.some((c) => PARAMETER_KEYS.some((k) => c.added[k].length))) return [];
  const base = await schema.at(0);
  const byName = new Map<string, NewParameter>();
  for (const change of changes) {
    for (const key of PARAMETER_KEYS) {
      for (const entry of change.added[key]) {
        if (existedBefore(base, entry.name)) continue;
        let p = byName.get(entry.name);
        if (!p) {
          p = { name: entry.name, field: fieldName(entry.name), constant: parameterConstant(entry.name, change.after?.parameterEnum?.prefix), added: {}, first: { patch: change.patch, step: change.step, entry, file: MIGRATION_JSON }, docs: [] };
          byName.set(entry.name, p);
        }
        p.added[key] ??= { patch: change.patch, step: change.step, entry };
      }
    }
    for (const d of change.descriptions) {
      const p = byName.get(d.name);
      if (p && d.owner !== 'capabilities') p.docs.push({ ...(d.owner ? { key: d.owner } : {}), patch: change.patch, doc: d.doc });
    }
  }
  const removedLater = (name: string) => changes.some((c) => PARAMETER_KEYS.some((k) => c.removed[k].some((e) => e.name === name)));
  return [...byName.values()]
    .filter((p) => !removedLater(p.name))
    .map((p) => ({ ...p, docs: [...p.docs].sort((a, b) => a.patch - b.patch || a.doc.line - b.doc.line) }))
    .map((p) => {
      const type = p.added.parameters?.entry.type ?? p.added.setParameters?.entry.type ?? p.added.parameterStructs?.entry.type;
      return type ? { ...p, type } : p;
    });
}

function existedBefore(base: MigrationSchema | undefined, name: string): boolean {
  return !!base && (['parameterEnum', 'parameters', 'setParameters'] as const).some((k) => base[k]?.entries.has(name));
}

/** The location to report a parameter at: its MigrationParameters member if the series adds one, else its first copy. */
export function parameterLocation(p: NewParameter): { patch: number; file: string; line: number } {
  const copy = p.added.parameters ?? p.added.parameterStructs ?? p.first;
  return { patch: copy.patch, file: MIGRATION_JSON, line: copy.entry.line };
}


/** A struct member copy of the parameter (MigrationParameters or MigrateSetParameters). */
export function inStruct(p: NewParameter): boolean {
  return !!(p.added.parameters ?? p.added.setParameters ?? p.added.parameterStructs);
}
