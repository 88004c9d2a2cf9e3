// The rule ids `--checkpatch` reports under, apart from src/checkpatch/run.ts
// so that naming them (option checks, rule lists) does not load the process
// machinery that running the script needs.
import type { Severity } from '../engine/types.js';

export const CHECKPATCH_TYPES = { ERROR: 'error', WARNING: 'warning', CHECK: 'info' } as const satisfies Record<string, Severity>;
export type CheckpatchType = keyof typeof CHECKPATCH_TYPES;
export const CHECKPATCH_RULE_IDS = Object.keys(CHECKPATCH_TYPES).map((t) => `checkpatch/${t}`);
