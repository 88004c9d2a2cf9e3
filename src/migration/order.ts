// Neighbours of a new capability accessor inside its block, for
// migration/cap-accessor-order. The capability accessors of options.c, and
// their prototypes under "/* capabilities */" in options.h and
// client-options.h, are kept in alphabetical order; upstream already has
// exceptions (migrate_mapped_ram), so only the immediate neighbours count.
import type { CFunction, CScan } from '../c/scan.js';
import { capabilityAccessors } from './c-facts.js';

export interface Neighbours {
  before?: string;
  after?: string;
  /** The whole block's names in file order, when the scan is a whole file. */
  block?: string[];
}

/** A function that reads a capability, or may (a hunk shows too little of it to say otherwise). */
function mayBeCapabilityAccessor(fn: CFunction, readers: ReadonlySet<CFunction>): boolean {
  if (readers.has(fn)) return true;
  if (fn.line !== undefined && fn.endLine !== undefined) return false;
  if (!fn.name.startsWith('migrate_') || fn.body.some((t) => t.text === 'return')) return false;
  return (fn.returnType === '' || fn.returnType === 'bool') && (fn.params === '' || fn.params === 'void');
}

const commentBetween = (scan: CScan, from: number, to: number) => scan.comments.some((c) => c.line > from && c.line < to);

/**
 * Neighbours of the definition of `name` among the capability accessors of
 * options.c. In a whole file (which the tree may have with the hunks
 * shifted) it is found by name; in a hunk, by its `line`.
 */
export function definitionNeighbours(scan: CScan, name: string, line: number, whole: boolean): Neighbours {
  const fns = scan.functions;
  const i = fns.findIndex((f) => f.name === name && (whole || f.line === line));
  if (i < 0) return {};
  const readers = new Set(capabilityAccessors(scan).map((a) => a.fn));
  const linked = (a: CFunction, b: CFunction) => a.endLine !== undefined && b.line !== undefined && !commentBetween(scan, a.endLine, b.line) && mayBeCapabilityAccessor(a, readers) && mayBeCapabilityAccessor(b, readers);
  let first = i;
  while (first > 0 && linked(fns[first - 1]!, fns[first]!)) first--;
  let last = i;
  while (last < fns.length - 1 && linked(fns[last]!, fns[last + 1]!)) last++;
  return {
    ...(first < i ? { before: fns[i - 1]!.name } : {}),
    ...(last > i ? { after: fns[i + 1]!.name } : {}),
    ...(whole ? { block: fns.slice(first, last + 1).map((f) => f.name) } : {}),
  };
}

/** Neighbours of the prototype of `name`: the `bool migrate_*(void);` lines right above and below. */
export function prototypeNeighbours(scan: CScan, name: string, at: number, whole: boolean): Neighbours {
  const byLine = new Map(scan.prototypes.map((p) => [p.line, p]));
  const line = whole ? (scan.prototypes.find((p) => p.name === name)?.line ?? -1) : at;
  const fits = (l: number) => {
    const p = byLine.get(l);
    return p && p.name.startsWith('migrate_') && p.returnType === 'bool' && p.params === 'void' ? p : undefined;
  };
  if (byLine.get(line)?.name !== name) return {};
  let first = line;
  while (fits(first - 1)) first--;
  let last = line;
  while (fits(last + 1)) last++;
  const block: string[] = [];
  for (let l = first; l <= last; l++) block.push(byLine.get(l)!.name);
  return {
    ...(first < line ? { before: byLine.get(line - 1)!.name } : {}),
    ...(last > line ? { after: byLine.get(line + 1)!.name } : {}),
    ...(whole ? { block } : {}),
  };
}

/** Where `name` belongs in its block: after the greatest name below it, or first. */
export function sortedPlace(name: string, block: readonly string[]): string | undefined {
  const others = block.filter((n) => n !== name);
  if (!others.length) return undefined;
  const lower = others.filter((n) => n < name).sort();
  if (lower.length) return `after ${lower[lower.length - 1]}()`;
  return `before ${[...others].sort()[0]}()`;
}
