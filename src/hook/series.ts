// The mails of a send, grouped into series the way git format-patch numbers
// them: what the hook needs to know when a series is whole.
import type { Patch, Series } from '../patch/model.js';
import { toSeries, topicOf } from '../patch/series.js';

/** Every patch 1..n is in the spool: the one meaning of complete (src/patch/series.ts). */
export { isComplete } from '../patch/series.js';
import type { SpoolEntry } from './spool.js';

/** A spooled mail and the patch it carries. */
export interface Mailed {
  entry: SpoolEntry;
  patch: Patch;
}

/** The patches of one series within the spool. */
export interface Group {
  version: number;
  total: number;
  cover?: Mailed;
  byIndex: Map<number, Mailed>;
}

/**
 * What tells series of one send apart: version, length and prefix words
 * (`[RFC PATCH v3 i/n]` is not `[PATCH v3 i/n]`). Not threading: a send's
 * Message-IDs are made as it goes.
 */
function seriesKey(patch: Patch): string {
  return `${patch.tags.version ?? 1} ${patch.total} ${topicOf(patch)}`;
}

/**
 * Groups spooled mails into series in arrival order. A patch without `i/n`
 * is a series of its own; an `i/n` already taken starts another series.
 */
export function groupIntoSeries(mailed: readonly Mailed[]): Group[] {
  const groups: Array<Group & { key: string }> = [];
  for (const m of mailed) {
    const key = m.patch.tags.index === undefined ? `single ${m.entry.seq}` : seriesKey(m.patch);
    const free = (g: Group) => (m.patch.index === 0 ? !g.cover : !g.byIndex.has(m.patch.index));
    let group: (Group & { key: string }) | undefined;
    for (const g of groups) if (g.key === key) group = g;
    if (!group || !free(group)) {
      group = { key, version: m.patch.tags.version ?? 1, total: m.patch.total, byIndex: new Map() };
      groups.push(group);
    }
    if (m.patch.index === 0) group.cover = m;
    else group.byIndex.set(m.patch.index, m);
  }
  return groups;
}

export function seriesOf(group: Group): Series {
  return toSeries({ version: group.version, total: group.total, cover: group.cover?.patch, byIndex: new Map([...group.byIndex].map(([i, m]) => [i, m.patch])) }, 'mail');
}

/** The cover letter, then the patches. */
export function members(group: Group): Mailed[] {
  return [...(group.cover ? [group.cover] : []), ...group.byIndex.values()];
}

/** Every mail of the series came with newer git's header file. */
export function headersGivenForAll(group: Group): boolean {
  return members(group).every((m) => m.entry.headers !== undefined);
}
