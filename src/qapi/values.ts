// From parsed schema values to the definition model: which members, values,
// branches and features a definition has (RULES.md §2.2 key table).
import { DEFINITION_METAS, type Definition, type DefinitionMeta, type Feature, type Member, type MemberRole, type Pragmas, type QDict, type QList, type QValue } from './model.js';

export function entryOf(dict: QDict, key: string): QValue | undefined {
  return dict.entries.find((e) => e.key === key)?.value;
}

export function stringOf(value: QValue | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

/** Last line a value spans. */
export function endLineOf(value: QValue | undefined, fallback: number): number {
  if (!value) return fallback;
  return value.kind === 'list' || value.kind === 'dict' ? value.endLine : value.line;
}

/** `'features': [ 'unstable', { 'name': 'deprecated', 'if': ... } ]` */
export function featuresOf(value: QValue | undefined): Feature[] {
  if (value?.kind !== 'list') return [];
  return value.items.flatMap((item): Feature[] => {
    if (item.kind === 'string') return [{ name: item.value, line: item.line, col: item.col }];
    if (item.kind !== 'dict') return [];
    const name = entryOf(item, 'name');
    if (name?.kind !== 'string') return [];
    const cond = entryOf(item, 'if');
    return [{ name: name.value, line: name.line, col: name.col, ...(cond ? { if: cond } : {}) }];
  });
}

/** One `'name': TYPE-REF` or `'name': { 'type': ..., 'if': ..., 'features': ... }` entry of a members dict. */
export function membersOfDict(dict: QDict, role: MemberRole): Member[] {
  return dict.entries.map((entry) => {
    const optional = entry.key.startsWith('*');
    const member: Member = {
      name: optional ? entry.key.slice(1) : entry.key,
      optional,
      role,
      line: entry.line,
      col: entry.col,
      endLine: endLineOf(entry.value, entry.line),
      features: [],
    };
    if (entry.value?.kind === 'dict') {
      const type = entryOf(entry.value, 'type');
      const cond = entryOf(entry.value, 'if');
      if (type) member.type = type;
      if (cond) member.if = cond;
      member.features = featuresOf(entryOf(entry.value, 'features'));
    } else if (entry.value) {
      member.type = entry.value;
    }
    return member;
  });
}

/** Enum values: `'name'` or `{ 'name': ..., 'if': ..., 'features': ... }`. */
export function valuesOfList(list: QList): Member[] {
  return list.items.flatMap((item): Member[] => {
    if (item.kind === 'string') return [{ name: item.value, optional: false, role: 'value', line: item.line, col: item.col, endLine: item.line, features: [] }];
    if (item.kind !== 'dict') return [];
    const name = entryOf(item, 'name');
    if (name?.kind !== 'string') return [];
    const cond = entryOf(item, 'if');
    return [
      {
        name: name.value,
        optional: false,
        role: 'value',
        line: item.line,
        col: item.col,
        endLine: item.endLine,
        features: featuresOf(entryOf(item, 'features')),
        ...(cond ? { if: cond } : {}),
      },
    ];
  });
}

export function metaOf(expr: QDict): DefinitionMeta | undefined {
  const metas = expr.entries.filter((e) => (DEFINITION_METAS as readonly string[]).includes(e.key));
  return metas.length === 1 ? (metas[0]!.key as DefinitionMeta) : undefined;
}

/** The definition an expression states; `complete` is false for a fragment that ends inside it. */
export function definitionFrom(expr: QDict, complete: boolean): Definition {
  const meta = metaOf(expr);
  const name = meta ? stringOf(entryOf(expr, meta)) : undefined;
  const data = entryOf(expr, 'data');
  const base = entryOf(expr, 'base');
  const cond = entryOf(expr, 'if');
  const definition: Definition = {
    ...(meta ? { meta } : {}),
    ...(name !== undefined ? { name } : {}),
    line: expr.line,
    endLine: expr.endLine,
    complete,
    expr,
    members: [],
    features: featuresOf(entryOf(expr, 'features')),
    ...(cond ? { if: cond } : {}),
  };
  if (base?.kind === 'string') definition.baseType = base.value;
  if (data?.kind === 'string') definition.dataType = data.value;
  if (entryOf(expr, 'boxed')?.kind === 'bool') definition.boxed = (entryOf(expr, 'boxed') as { value: boolean }).value;
  switch (meta) {
    case 'enum':
      if (data?.kind === 'list') definition.members = valuesOfList(data);
      break;
    case 'struct':
      if (data?.kind === 'dict') definition.members = membersOfDict(data, 'member');
      break;
    case 'union':
      // An inline base's members are documented in the union's doc; the branches are not.
      definition.members = [...(base?.kind === 'dict' ? membersOfDict(base, 'member') : []), ...(data?.kind === 'dict' ? membersOfDict(data, 'branch') : [])];
      break;
    case 'alternate':
      if (data?.kind === 'dict') definition.members = membersOfDict(data, 'branch');
      break;
    case 'command':
    case 'event':
      if (data?.kind === 'dict') definition.members = membersOfDict(data, 'argument');
      break;
  }
  return definition;
}

export function emptyPragmas(): Pragmas {
  return { commandNameExceptions: [], commandReturnsExceptions: [], documentationExceptions: [], memberNameExceptions: [] };
}

const PRAGMA_LISTS: Record<string, keyof Omit<Pragmas, 'docRequired'>> = {
  'command-name-exceptions': 'commandNameExceptions',
  'command-returns-exceptions': 'commandReturnsExceptions',
  'documentation-exceptions': 'documentationExceptions',
  'member-name-exceptions': 'memberNameExceptions',
};

/**
 * Adds a `{ 'pragma': {...} }` to `pragmas`. Unknown names are skipped: older
 * trees use names current QEMU no longer knows.
 */
export function applyPragma(pragmas: Pragmas, value: QDict): void {
  for (const entry of value.entries) {
    if (entry.key === 'doc-required' && entry.value?.kind === 'bool') pragmas.docRequired = entry.value.value;
    const list = PRAGMA_LISTS[entry.key];
    if (list && entry.value?.kind === 'list') {
      for (const item of entry.value.items) if (item.kind === 'string') pragmas[list].push(item.value);
    }
  }
}
