// How QAPI names become C names (RULES.md §2.4, QEMU scripts/qapi/common.py),
// and the accessor names migration/options.c derives from them.

/** `c_name()`: every character outside [A-Za-z0-9_] becomes `_` (`local-tap` -> `local_tap`). */
export function cName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * `camel_to_upper()`: `_` at each lower-to-upper step, and before the last
 * capital of a run that a lowercase letter follows (`ENUMName` ->
 * `ENUM_NAME`); then c_name() and upper case.
 */
export function camelToUpper(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const prev = value[i - 1] ?? '';
    const next = value[i + 1] ?? '';
    if (isUpper(ch) && i > 0) {
      const afterWord = /[a-z0-9]/.test(prev);
      // `FDCompression`: the capital before `ompression` starts a word.
      const endsCapitalRun = isUpper(prev) && /[a-z]/.test(next) && /[A-Za-z0-9]/.test(value[i - 2] ?? '');
      if (afterWord || endsCapitalRun) out += '_';
    }
    out += ch;
  }
  return cName(out).toUpperCase();
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** `c_enum_const()`: `MigrationCapability` + `local-tap` -> `MIGRATION_CAPABILITY_LOCAL_TAP`; a `'prefix'` wins. */
export function cEnumConst(typeName: string, value: string, prefix?: string): string {
  return `${prefix ?? camelToUpper(typeName)}_${cName(value).toUpperCase()}`;
}

/**
 * The options.c accessor of a capability or parameter: `migrate_` plus the
 * C name with a leading `x_` dropped (`x-colo` -> `migrate_colo`,
 * `x-checkpoint-delay` -> `migrate_checkpoint_delay`).
 */
export function accessorName(value: string): string {
  return `migrate_${cName(value).replace(/^x_/, '')}`;
}

export const CAPABILITY_ENUM = 'MigrationCapability';
export const PARAMETER_ENUM = 'MigrationParameter';
export const PARAMETERS_STRUCT = 'MigrationParameters';
export const SET_PARAMETERS_STRUCT = 'MigrateSetParameters';
