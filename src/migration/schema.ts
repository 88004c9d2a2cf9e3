// The migration definitions of qapi/migration.json as the migration rules
// need them (RULES.md §4): the values of MigrationCapability and
// MigrationParameter, the members of MigrationParameters and
// MigrateSetParameters, each with its line, features, type and doc
// description. Read with the QAPI parser (src/qapi); this only picks out.
import { type Definition, type DefinitionMeta, type DocSection, type QValue, type SchemaFile, parseSchema, stringOf } from '../qapi/index.js';
import { CAPABILITY_ENUM, PARAMETERS_STRUCT, PARAMETER_ENUM, SET_PARAMETERS_STRUCT } from './names.js';

export interface SchemaEntry {
  name: string;
  line: number;
  features: string[];
  /** Struct members: the type as written (`bool`, `[FdsTarget]`, `StrOrNull`). */
  type?: string;
  /** The description in the definition's doc block, one line of text. */
  doc?: DocText;
}

export interface DocText {
  /** The description without `@name:`, blank-separated paragraphs joined by a space. */
  text: string;
  line: number;
  endLine: number;
}

export interface MigrationDefinition {
  entries: Map<string, SchemaEntry>;
  /** The enum's `prefix`, when it has one. */
  prefix?: string;
  line: number;
  /** Features section of the doc, by name. */
  featureDocs: Map<string, DocText>;
}

/** One state of qapi/migration.json: undefined members mean "no such definition". */
export interface MigrationSchema {
  capabilities?: MigrationDefinition;
  parameterEnum?: MigrationDefinition;
  parameters?: MigrationDefinition;
  setParameters?: MigrationDefinition;
  /** What each definition of the file is, to tell enums (scalars in C) from structs (pointers). */
  kinds: Map<string, DefinitionMeta>;
}

/** The migration definitions of a whole qapi/migration.json; undefined when it does not parse. */
export function migrationSchemaOf(text: string): MigrationSchema | undefined {
  const file = parseSchema(text);
  if (file.errors.length) return undefined;
  return schemaFromFile(file);
}

function schemaFromFile(file: SchemaFile): MigrationSchema {
  const byName = new Map(file.definitions.filter((d) => d.name !== undefined).map((d) => [d.name!, d]));
  const kinds = new Map<string, DefinitionMeta>();
  for (const d of file.definitions) if (d.name && d.meta) kinds.set(d.name, d.meta);
  const pick = (name: string, meta: DefinitionMeta) => {
    const d = byName.get(name);
    return d?.meta === meta ? definitionOf(d) : undefined;
  };
  return {
    capabilities: pick(CAPABILITY_ENUM, 'enum'),
    parameterEnum: pick(PARAMETER_ENUM, 'enum'),
    parameters: pick(PARAMETERS_STRUCT, 'struct'),
    setParameters: pick(SET_PARAMETERS_STRUCT, 'struct'),
    kinds,
  };
}

function definitionOf(d: Definition): MigrationDefinition {
  const docs = new Map((d.doc?.members ?? []).map((s) => [s.name ?? '', docText(s)]));
  const entries = new Map<string, SchemaEntry>();
  for (const m of d.members) {
    const doc = docs.get(m.name);
    const type = typeText(m.type);
    entries.set(m.name, { name: m.name, line: m.line, features: m.features.map((f) => f.name), ...(type ? { type } : {}), ...(doc ? { doc } : {}) });
  }
  const prefix = d.expr ? stringOf(d.expr.entries.find((e) => e.key === 'prefix')?.value) : undefined;
  return {
    entries,
    ...(prefix ? { prefix } : {}),
    line: d.line,
    featureDocs: new Map((d.doc?.features ?? []).map((s) => [s.name ?? '', docText(s)])),
  };
}

/** `'bool'` -> `bool`, `['FdsTarget']` -> `[FdsTarget]`. */
export function typeText(type: QValue | undefined): string | undefined {
  if (type?.kind === 'string') return type.value;
  if (type?.kind === 'list' && type.items.length === 1 && type.items[0]!.kind === 'string') return `[${type.items[0]!.value}]`;
  return undefined;
}

export function docText(section: DocSection): DocText {
  return { text: section.text.filter((t) => t !== '').join(' ').replace(/\s+/g, ' ').trim(), line: section.line, endLine: section.endLine };
}

// QAPI built-in types that the generator maps to C scalars (they get a
// has_ flag when optional); `str`, `any` and `null` are pointers
// (scripts/qapi/schema.py), and so is StrOrNull, the alternate of
// qapi/common.json the TLS parameters use.
const SCALAR_BUILTINS = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'size', 'number', 'bool']);
const POINTER_BUILTINS = new Set(['str', 'any', 'null', 'StrOrNull']);

/**
 * Whether an optional member of this type has a `has_` flag in C (RULES.md
 * §2.4): scalars, enums and lists do; strings, objects and alternates do
 * not. Undefined when the type is not known here.
 */
export function hasPresenceFlag(type: string | undefined, kinds: ReadonlyMap<string, DefinitionMeta>): boolean | undefined {
  if (!type) return undefined;
  if (type.startsWith('[')) return true;
  if (SCALAR_BUILTINS.has(type)) return true;
  if (POINTER_BUILTINS.has(type)) return false;
  const kind = kinds.get(type);
  if (kind === 'enum') return true;
  if (kind === 'struct' || kind === 'union' || kind === 'alternate') return false;
  return undefined;
}
