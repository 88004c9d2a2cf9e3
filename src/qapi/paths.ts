// Where QAPI schema files live in a QEMU tree: the one place that says so.
// views.ts re-exports it for the rules; sources/whole-files.ts finds a tree
// root by matching the tail of an absolute path.

/** Which schema a file belongs to: the QMP schema, the guest agent's, the storage daemon's, the firmware descriptor's (docs/interop/firmware.json), or a parser test. */
export type SchemaKind = 'qmp' | 'qga' | 'storage-daemon' | 'interop' | 'test';

// Path patterns relative to the tree root, without `.json`.
const SCHEMA_DIRS: ReadonlyArray<[string, SchemaKind]> = [
  ['qapi/[^/]+', 'qmp'],
  ['qga/[^/]+', 'qga'],
  ['storage-daemon/qapi/[^/]+', 'storage-daemon'],
  ['docs/interop/firmware', 'interop'],
  ['tests/qapi-schema/[^/]+', 'test'],
];

/** A schema file's path relative to the tree root, as a RegExp source (no anchors). */
export const SCHEMA_PATH_SOURCE = `(?:${SCHEMA_DIRS.map(([dir]) => dir).join('|')})\\.json`;

/** Every schema file path, for RuleMeta.files. */
export const SCHEMA_FILES = new RegExp(`^${SCHEMA_PATH_SOURCE}$`);

const KINDS = SCHEMA_DIRS.map(([dir, kind]) => [new RegExp(`^${dir}\\.json$`), kind] as const);

export function schemaKindOf(path: string): SchemaKind | undefined {
  return KINDS.find(([re]) => re.test(path))?.[1];
}
