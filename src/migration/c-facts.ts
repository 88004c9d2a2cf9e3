// The facts the migration rules read from migration/options.[ch],
// include/migration/client-options.h and migration/migration-hmp-cmds.c,
// over any scan: a whole file or one hunk. Pure functions.
import type { CFunction, CScan, CToken } from '../c/scan.js';

/** A capability accessor: `return s->capabilities[MIGRATION_CAPABILITY_X];` (options.c). */
export interface CapabilityAccessor {
  fn: CFunction;
  /** The constants its return statements read. */
  constants: string[];
}

const CAPABILITY_CONST = /^MIGRATION_CAPABILITY_[A-Z0-9_]+$/;
export const PARAMETER_CONST = /^MIGRATION_PARAMETER_[A-Z0-9_]+$/;

/**
 * Functions whose `return` reads `capabilities[...]`. A parameter accessor
 * that merely tests a capability first (migrate_direct_io() and mapped-ram)
 * is not one.
 */
export function capabilityAccessors(scan: CScan): CapabilityAccessor[] {
  const out: CapabilityAccessor[] = [];
  for (const fn of scan.functions) {
    const constants = returnedCapabilities(fn.body);
    if (constants.length) out.push({ fn, constants });
  }
  return out;
}

function returnedCapabilities(body: readonly CToken[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i]!.text !== 'return') continue;
    for (let j = i + 1; j < body.length && body[j]!.text !== ';'; j++) {
      if (body[j]!.text === 'capabilities' && body[j + 1]?.text === '[' && CAPABILITY_CONST.test(body[j + 2]?.text ?? '')) found.push(body[j + 2]!.text);
    }
  }
  return found;
}

/** Every `MIGRATION_CAPABILITY_*` (or other matching) identifier with where it sits. */
export function identifiers(scan: CScan, pattern: RegExp): CToken[] {
  return scan.tokens.filter((t) => t.kind === 'ident' && pattern.test(t.text));
}

/** Calls `name(` (not definitions or prototypes: those are in functions/prototypes). */
export function callsOf(scan: CScan, name: string): CToken[] {
  const heads = new Set([...scan.functions.map((f) => f.line), ...scan.prototypes.map((p) => p.line)]);
  return scan.tokens.filter((t, i) => t.kind === 'ident' && t.text === name && scan.tokens[i + 1]?.text === '(' && !(heads.has(t.line) && !t.fn));
}

export interface MacroCall {
  name: string;
  line: number;
  changed: boolean;
  /** Arguments as token lists. */
  args: CToken[][];
  fn?: string;
}

/** Invocations of macros whose name matches, with their arguments split at top-level commas. */
export function macroCalls(scan: CScan, pattern: RegExp): MacroCall[] {
  const out: MacroCall[] = [];
  const tokens = scan.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident' || !pattern.test(t.text) || tokens[i + 1]?.text !== '(') continue;
    const args: CToken[][] = [[]];
    let depth = 0;
    let j = i + 1;
    for (; j < tokens.length; j++) {
      const x = tokens[j]!;
      if (x.text === '(' || x.text === '[' || x.text === '{') depth++;
      if (x.text === ')' || x.text === ']' || x.text === '}') depth--;
      if (depth === 0) break;
      if (depth === 1 && x.text === ',') args.push([]);
      else if (!(depth === 1 && x.text === '(')) args[args.length - 1]!.push(x);
    }
    if (j >= tokens.length) continue; // runs past the hunk
    out.push({ name: t.text, line: t.line, changed: tokens.slice(i, j + 1).some((x) => x.changed), args, ...(t.fn ? { fn: t.fn } : {}) });
  }
  return out;
}

/** `DEFINE_PROP_MIG_CAP("x-local-tap", MIGRATION_CAPABILITY_LOCAL_TAP)` in migration_properties[]. */
export interface CapabilityProperty {
  property: string;
  constant: string;
  line: number;
  changed: boolean;
}

export function capabilityProperties(scan: CScan): CapabilityProperty[] {
  return macroCalls(scan, /^DEFINE_PROP_MIG_CAP$/).flatMap((call) => {
    const [name, constant] = call.args;
    if (name?.length !== 1 || name[0]!.kind !== 'string' || constant?.length !== 1) return [];
    return [{ property: name[0]!.value!, constant: constant[0]!.text, line: call.line, changed: call.changed }];
  });
}

/** `DEFINE_PROP_UINT8("multifd-zlib-level", MigrationState, parameters.multifd_zlib_level, ...)`. */
export interface ParameterProperty {
  macro: string;
  property: string;
  field: string;
  line: number;
  changed: boolean;
}

export function parameterProperties(scan: CScan): ParameterProperty[] {
  return macroCalls(scan, /^DEFINE_PROP_/).flatMap((call) => {
    const [name, , field] = call.args;
    if (name?.length !== 1 || name[0]!.kind !== 'string' || !field) return [];
    const path = field.map((t) => t.text).join('');
    const m = /^parameters\.(\w+)$/.exec(path);
    return m ? [{ macro: call.name, property: name[0]!.value!, field: m[1]!, line: call.line, changed: call.changed }] : [];
  });
}

/** `x->parameters.<field>` or `x.parameters.<field>` reads: the field tokens. */
export function parameterFieldReads(scan: CScan): CToken[] {
  const tokens = scan.tokens;
  return tokens.filter((t, i) => t.kind === 'ident' && tokens[i - 1]?.text === '.' && tokens[i - 2]?.text === 'parameters' && (tokens[i - 3]?.text === '>' || tokens[i - 3]?.text === '.'));
}
