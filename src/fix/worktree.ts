// `patchlint fix --git A..B`: what the fixes changed in each commit's
// lines, carried to the files of the work tree where those lines still
// say what they said in the commit. Commits are never rewritten.
import { newSides } from './mail.js';

/** A change to a file as one commit showed it: `old` at post-patch line `line` becomes `replacement`. */
export interface Region {
  mail: number;
  file: string;
  line: number;
  old: string[];
  replacement: string[];
}

/** The regions the fixed mail differs from the original in, hunk by hunk. */
export function regionsOf(original: string, fixed: string, mail: number): Region[] {
  const before = newSides(original);
  const after = newSides(fixed);
  const regions: Region[] = [];
  before.forEach((hunk, h) => {
    const a = hunk.lines;
    const b = after[h]?.lines ?? a;
    let p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    if (p === a.length && p === b.length) return;
    let s = 0;
    while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
    regions.push({ mail, file: hunk.file, line: hunk.start + p, old: a.slice(p, a.length - s), replacement: b.slice(p, b.length - s) });
  });
  return regions;
}

export interface Placed extends Region {
  /** 0-based index in the work-tree file. */
  at: number;
}

/**
 * Places regions in a work-tree file's lines: at their line when it still
 * holds the text, else where the text occurs once. Returns the file's new
 * lines, and the regions that found no place or overlap another.
 */
export function placeRegions(lines: readonly string[], regions: readonly Region[]): { lines: string[]; placed: Placed[]; failed: Array<{ region: Region; reason: string }> } {
  const placed: Placed[] = [];
  const failed: Array<{ region: Region; reason: string }> = [];
  const holds = (at: number, old: string[]) => old.every((t, k) => lines[at + k] === t);
  for (const region of regions) {
    let at = holds(region.line - 1, region.old) ? region.line - 1 : -1;
    if (at < 0 && region.old.length) {
      const hits: number[] = [];
      for (let i = 0; i + region.old.length <= lines.length; i++) if (holds(i, region.old)) hits.push(i);
      if (hits.length === 1) at = hits[0]!;
      else if (hits.length > 1) {
        failed.push({ region, reason: 'the line occurs more than once in the work tree' });
        continue;
      }
    }
    if (at < 0) {
      failed.push({ region, reason: 'the line changed since' });
      continue;
    }
    const end = at + region.old.length;
    if (placed.some((p) => p.at < end && at < p.at + p.old.length)) failed.push({ region, reason: 'two fixes overlap' });
    else placed.push({ ...region, at });
  }
  const out = [...lines];
  for (const p of [...placed].sort((x, y) => y.at - x.at)) out.splice(p.at, p.old.length, ...p.replacement);
  return { lines: out, placed, failed };
}

/** A unified diff of the placed regions of one file (3 lines of context, hunks merged when they touch). */
export function unifiedDiff(path: string, lines: readonly string[], placed: readonly Placed[]): string {
  const sorted = [...placed].sort((a, b) => a.at - b.at);
  const groups: Placed[][] = [];
  for (const p of sorted) {
    const last = groups.at(-1)?.at(-1);
    if (last && p.at - (last.at + last.old.length) <= 6) groups.at(-1)!.push(p);
    else groups.push([p]);
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let shift = 0;
  for (const group of groups) {
    const from = Math.max(0, group[0]!.at - 3);
    const last = group.at(-1)!;
    const to = Math.min(lines.length, last.at + last.old.length + 3);
    const body: string[] = [];
    let i = from;
    let added = 0;
    for (const p of group) {
      for (; i < p.at; i++) body.push(` ${lines[i]}`);
      body.push(...p.old.map((t) => `-${t}`), ...p.replacement.map((t) => `+${t}`));
      added += p.replacement.length - p.old.length;
      i = p.at + p.old.length;
    }
    for (; i < to; i++) body.push(` ${lines[i]}`);
    const oldCount = to - from;
    out.push(`@@ -${from + 1},${oldCount} +${from + 1 + shift},${oldCount + added} @@`, ...body);
    shift += added;
  }
  return out.join('\n') + '\n';
}
