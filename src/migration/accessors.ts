// Capability accessors and their prototypes across a series: which patch
// adds or removes them, and what the tree says when it knows the files.
import type { CPrototype } from '../c/scan.js';
import type { RuleContext } from '../engine/types.js';
import { capabilityAccessors } from './c-facts.js';
import { CLIENT_OPTIONS_H, OPTIONS_C, OPTIONS_H, type SeriesCFiles, seriesCFiles } from './c-files.js';
import { capabilityConstant } from './names.js';
import type { SchemaEntry } from './schema.js';
import { seriesSchema } from './series-schema.js';

export interface AccessorChange {
  name: string;
  /** MIGRATION_CAPABILITY_* constants its return reads. */
  constants: string[];
  patch: number;
  step: number;
  /** Post-patch line of the name (pre-patch line for a removal). */
  line: number;
  returnType: string;
  isStatic: boolean;
}

/** Capability accessors whose definition line a patch adds to options.c. */
export function addedCapabilityAccessors(files: SeriesCFiles): AccessorChange[] {
  return accessorChanges(files, 'post');
}

/** Capability accessors whose definition line a patch removes from options.c. */
export function removedCapabilityAccessors(files: SeriesCFiles): AccessorChange[] {
  return accessorChanges(files, 'pre');
}

function accessorChanges(files: SeriesCFiles, side: 'post' | 'pre'): AccessorChange[] {
  const out: AccessorChange[] = [];
  for (const h of files.hunks(OPTIONS_C)) {
    for (const scan of h[side]) {
      for (const a of capabilityAccessors(scan)) {
        if (!a.fn.headChanged || a.fn.line === undefined) continue;
        out.push({ name: a.fn.name, constants: a.constants, patch: h.patch, step: h.step, line: a.fn.line, returnType: a.fn.returnType.replace(/^static\s+/, ''), isStatic: a.fn.isStatic });
      }
    }
  }
  return out;
}

/** A function is new when nothing before the series defines it: not the base tree, not a line the series removes. */
export async function isNewFunction(files: SeriesCFiles, path: string, name: string): Promise<boolean> {
  const base = await files.fullAt(path, 0);
  if (base?.functions.some((f) => f.name === name)) return false;
  return !files.hunks(path).some((h) => h.pre.some((scan) => scan.functions.some((f) => f.name === name && f.headChanged)));
}

export interface PrototypeChange extends CPrototype {
  path: string;
  patch: number;
  step: number;
}

/** Prototypes the series adds (of `name`, or any) in the C files it touches (or in `paths`). */
export function addedPrototypes(files: SeriesCFiles, name?: string, paths?: readonly string[]): PrototypeChange[] {
  const out: PrototypeChange[] = [];
  for (const path of files.touchedCFilesAdding(name ?? '(')) {
    if (paths && !paths.includes(path)) continue;
    for (const h of files.hunks(path)) {
      for (const scan of h.post) {
        for (const p of scan.prototypes) if (p.changed && (name === undefined || p.name === name)) out.push({ ...p, path, patch: h.patch, step: h.step });
      }
    }
  }
  return out;
}

/** Where the tree after the series declares `name`: the headers that hold its prototype, or undefined when none is known. */
export async function finalDeclarations(files: SeriesCFiles, name: string): Promise<{ known: string[]; unknown: string[] }> {
  const known: string[] = [];
  const unknown: string[] = [];
  for (const path of [OPTIONS_H, CLIENT_OPTIONS_H]) {
    const scan = await files.final(path);
    if (!scan) unknown.push(path);
    else if (scan.prototypes.some((p) => p.name === name)) known.push(path);
  }
  return { known, unknown };
}

/** Names of capability accessors: those the series adds and those of options.c after the series. */
export async function capabilityAccessorNames(files: SeriesCFiles): Promise<Set<string>> {
  const names = new Set(addedCapabilityAccessors(files).map((a) => a.name));
  const final = await files.final(OPTIONS_C);
  for (const a of final ? capabilityAccessors(final) : []) names.add(a.fn.name);
  return names;
}

export interface KnownAccessor {
  name: string;
  constants: string[];
  /** The patch that adds it; undefined when only the tree shows it. */
  patch?: number;
  step?: number;
  line: number;
}

/** Capability accessors after the series: the ones the series adds, then the others the tree has. */
export async function knownCapabilityAccessors(files: SeriesCFiles): Promise<KnownAccessor[]> {
  const removed = new Set(removedCapabilityAccessors(files).map((a) => a.name));
  const added = addedCapabilityAccessors(files);
  const out: KnownAccessor[] = added.map((a) => ({ name: a.name, constants: a.constants, patch: a.patch, step: a.step, line: a.line }));
  const final = await files.final(OPTIONS_C);
  for (const a of final ? capabilityAccessors(final) : []) {
    if (!out.some((k) => k.name === a.fn.name)) out.push({ name: a.fn.name, constants: a.constants, line: a.fn.line ?? 0 });
  }
  // Without a tree, an accessor the series removes and does not add back is gone.
  return out.filter((k) => k.patch !== undefined || final || !removed.has(k.name));
}

export interface NewAccessedCapability {
  patch: number;
  cap: SchemaEntry;
  constant: string;
  accessor: KnownAccessor;
}

/**
 * The capabilities the series adds that have an accessor: what the rules
 * about a capability's other plumbing look at (without an accessor,
 * cap-accessor-missing speaks first).
 */
export async function newCapabilitiesWithAccessor(ctx: RuleContext): Promise<NewAccessedCapability[]> {
  const changes = await seriesSchema(ctx).changes();
  if (!changes.some((c) => c.added.capabilities.length)) return [];
  const accessors = await knownCapabilityAccessors(seriesCFiles(ctx));
  const out: NewAccessedCapability[] = [];
  for (const change of changes) {
    for (const cap of change.added.capabilities) {
      const constant = capabilityConstant(cap.name, change.after?.capabilities?.prefix);
      const accessor = accessors.find((a) => a.constants.includes(constant));
      if (accessor) out.push({ patch: change.patch, cap, constant, accessor });
    }
  }
  return out;
}
