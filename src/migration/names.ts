// Names the migration rules derive from QAPI names (RULES.md §2.4, §4.1).
// The generic mapping (c_name, camel_to_upper, c_enum_const) is the QAPI
// parser's; this adds what migration/options.c does with it.
import { cEnumConst, cName } from '../qapi/index.js';

export const CAPABILITY_ENUM = 'MigrationCapability';
export const PARAMETER_ENUM = 'MigrationParameter';
export const PARAMETERS_STRUCT = 'MigrationParameters';
export const SET_PARAMETERS_STRUCT = 'MigrateSetParameters';

/**
 * The options.c accessor of a capability or parameter: `migrate_` plus the
 * C name with a leading `x_` dropped (`x-colo` -> `migrate_colo`,
 * `x-checkpoint-delay` -> `migrate_checkpoint_delay`).
 */
export function accessorName(value: string): string {
  return `migrate_${cName(value, false).replace(/^x_/, '')}`;
}

/** `local-tap` -> `MIGRATION_CAPABILITY_LOCAL_TAP` (an enum `prefix` wins). */
export function capabilityConstant(value: string, prefix?: string): string {
  return cEnumConst(CAPABILITY_ENUM, value, prefix);
}

/** `direct-io` -> `MIGRATION_PARAMETER_DIRECT_IO`. */
export function parameterConstant(value: string, prefix?: string): string {
  return cEnumConst(PARAMETER_ENUM, value, prefix);
}

/** The C member of a struct field (`has_<field>` for its presence flag). */
export function fieldName(member: string): string {
  return cName(member);
}
