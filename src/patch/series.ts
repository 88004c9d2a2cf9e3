// Groups patches into series while mail streams in. Threading headers come
// first (a patch joins the series of the mail it replies to), then, for
// patches sent without a cover letter or threading, the same author, version
// and length within a day. A series leaves as soon as it is complete; an
// incomplete one leaves when no mail has joined it for a while, or at the end.
import type { Patch, PatchHead, Series, SeriesOrigin, ThreadStray } from './model.js';
import { ownCopy } from './own-copy.js';

/** The mail of one series, as grouped; turned into a Series by parsing its patches (toSeries). */
export interface AssembledGroup<T extends PatchHead = Patch> {
  /** Order of first appearance, so that output follows the input. */
  seq: number;
  version: number;
  total: number;
  cover?: T;
  byIndex: Map<number, T>;
  strays: ThreadStray[];
}

interface Group<T extends PatchHead> extends AssembledGroup<T> {
  author: string;
  topic: string;
  /** Message-IDs of members and of the mails they reply to. */
  ids: Set<string>;
  firstDate?: number;
  lastSeen: number;
}

const SAME_SERIES_WINDOW_MS = 24 * 3600 * 1000;

/**
 * Groups patch heads (whole Patches, or just what their mails' headers say)
 * into series.
 */
export class SeriesAssembler<T extends PatchHead = Patch> {
  private readonly open: Group<T>[] = [];
  private readonly byId = new Map<string, Group<T>>();
  private readonly seenMessageIds = new Set<string>();
  private seq = 0;
  private clock = 0;

  /**
   * @param idleLimit mails after which an incomplete series is given up on.
   * A series arrives within minutes; 1000 mails is days of qemu-devel, and
   * what is held meanwhile is whole patches, so the bound also bounds memory.
   */
  constructor(private readonly idleLimit = 300) {}

  /** Adds a patch; returns the series that are complete (or given up on) now. */
  add(patch: T): AssembledGroup<T>[] {
    this.clock++;
    if (patch.messageId) {
      // The same mail from two inputs (an mbox and its .eml) counts once.
      if (this.seenMessageIds.has(patch.messageId)) return this.expire();
      this.seenMessageIds.add(ownCopy(patch.messageId));
    }
    const group = this.findGroup(patch) ?? this.newGroup(patch);
    const threadedTo = this.threadedGroup(patch);
    if (threadedTo && threadedTo !== group) recordStray(threadedTo, patch);
    if (patch.index === 0) group.cover = patch;
    else group.byIndex.set(patch.index, patch);
    for (const id of [patch.messageId, patch.inReplyTo]) {
      if (id && !this.byId.has(id)) {
        const own = ownCopy(id);
        group.ids.add(own);
        this.byId.set(own, group);
      }
    }
    group.lastSeen = this.clock;

    const done: AssembledGroup<T>[] = [];
    if (readyToClose(group)) done.push(this.close(group));
    return done.concat(this.expire());
  }

  /** Everything still open, in order of appearance. */
  flush(): AssembledGroup<T>[] {
    return [...this.open].sort((a, b) => a.seq - b.seq).map((g) => this.close(g));
  }

  private findGroup(patch: T): Group<T> | undefined {
    const version = patch.tags.version ?? 1;
    const fits = (g: Group<T> | undefined): g is Group<T> =>
      !!g && g.version === version && g.total === patch.total && slotFree(g, patch);
    // Nearest ancestor first: a v2 threaded under the v1 cover must not join v1.
    const ancestors = [patch.inReplyTo, ...[...patch.references].reverse()];
    for (const id of ancestors) {
      const g = id ? this.byId.get(id) : undefined;
      if (fits(g)) return g;
    }
    // A cover that arrives after its patches: they replied to its Message-ID.
    const own = patch.messageId ? this.byId.get(patch.messageId) : undefined;
    if (fits(own)) return own;
    if (patch.total <= 1) return undefined;
    const date = patch.date ? Date.parse(patch.date) : undefined;
    return this.open.find(
      (g) =>
        fits(g) &&
        g.author === patch.author.email.toLowerCase() &&
        g.topic === topicOf(patch) &&
        (date === undefined || g.firstDate === undefined || Math.abs(date - g.firstDate) < SAME_SERIES_WINDOW_MS),
    );
  }

  /** The open group of the nearest mail this patch replies to. */
  private threadedGroup(patch: T): Group<T> | undefined {
    for (const id of [patch.inReplyTo, ...[...patch.references].reverse()]) {
      const g = id ? this.byId.get(id) : undefined;
      if (g) return g;
    }
    return undefined;
  }

  private newGroup(patch: T): Group<T> {
    const group: Group<T> = {
      seq: this.seq++,
      version: patch.tags.version ?? 1,
      total: patch.total,
      author: patch.author.email.toLowerCase(),
      topic: topicOf(patch),
      byIndex: new Map(),
      ids: new Set(),
      firstDate: patch.date ? Date.parse(patch.date) : undefined,
      lastSeen: this.clock,
      strays: [],
    };
    this.open.push(group);
    return group;
  }

  private close(group: Group<T>): AssembledGroup<T> {
    this.open.splice(this.open.indexOf(group), 1);
    for (const id of group.ids) if (this.byId.get(id) === group) this.byId.delete(id);
    const { seq, version, total, cover, byIndex, strays } = group;
    return { seq, version, total, cover, byIndex, strays };
  }

  private expire(): AssembledGroup<T>[] {
    const stale = this.open.filter((g) => this.clock - g.lastSeen > this.idleLimit);
    return stale.map((g) => this.close(g));
  }
}

/**
 * Notes a patch that replies into `group` but went elsewhere. Only what
 * looks like a slip within one posting counts: a second copy of a slot, or
 * a patch that would fit but for its length or version. A new version of
 * the whole series sent in reply to the old one takes slots that are
 * already filled, and is not noted.
 */
function recordStray(group: Group<PatchHead>, patch: PatchHead): void {
  if (patch.index === 0) return;
  const version = patch.tags.version ?? 1;
  const free = !group.byIndex.has(patch.index);
  let kind: ThreadStray['kind'] | undefined;
  if (version === group.version && patch.total === group.total && !free) kind = 'duplicate';
  else if (version === group.version && patch.total !== group.total && free) kind = 'total';
  else if (version !== group.version && patch.total === group.total && free) kind = 'version';
  if (!kind) return;
  group.strays.push({ kind, index: patch.index, total: patch.total, version, rawSubject: ownCopy(patch.rawSubject), messageId: ownCopy(patch.messageId) });
}

function slotFree(group: Group<PatchHead>, patch: PatchHead): boolean {
  return patch.index === 0 ? !group.cover : !group.byIndex.has(patch.index);
}

/** RFC, PULL and other prefix words must agree for patches of one series. */
export function topicOf(patch: PatchHead): string {
  const t = patch.tags;
  return [t.isRfc ? 'RFC' : '', t.isPull ? 'PULL' : '', ...t.other.map((w) => w.toLowerCase())].join(' ');
}

/** A group of patches being assembled (here, or by the hook's grouper). */
export interface PatchGroup {
  total: number;
  byIndex: ReadonlyMap<number, unknown>;
}

/** The indices 1..n a group lacks: what becomes Series.missing. */
function missingOf(group: PatchGroup): number[] {
  const missing: number[] = [];
  for (let i = 1; i <= group.total; i++) if (!group.byIndex.has(i)) missing.push(i);
  return missing;
}

/**
 * A series is complete when every patch 1..n is there: the one meaning of
 * "complete" in the code base, for a Series (its `missing`) and for a group
 * still being assembled (the assembler, the hook's grouper). Whether a cover
 * letter came is another question, for series/cover-letter.
 */
export function isComplete(series: Pick<Series, 'missing'> | PatchGroup): boolean {
  return 'missing' in series ? series.missing.length === 0 : missingOf(series).length === 0;
}

/**
 * Streaming mail may still bring the cover letter of a complete series, so
 * the assembler holds it until the cover came too; a lone patch has none.
 */
function readyToClose(group: Group<PatchHead>): boolean {
  if (!isComplete(group)) return false;
  return !!group.cover || (group.total <= 1 && group.byIndex.size === 1);
}

/** A group's patches as a Series; `origin` is the source's word (default: mail). */
export function toSeries(group: Pick<AssembledGroup, 'version' | 'total' | 'cover' | 'byIndex'> & Partial<Pick<AssembledGroup, 'strays'>>, origin: SeriesOrigin = 'mail'): Series {
  const patches = [...group.byIndex.values()].sort((a, b) => a.index - b.index);
  const missing = missingOf(group);
  const lead = group.cover ?? patches[0];
  return {
    origin,
    version: group.version,
    total: group.total,
    cover: group.cover,
    patches,
    missing,
    messageId: lead?.messageId,
    subject: lead?.subject ?? '',
    ...(group.strays?.length ? { strays: group.strays } : {}),
  };
}

/** Groups a finite list of patches at once (tests, git ranges, the app). */
export function assembleSeries(patches: Iterable<Patch>): Series[] {
  const assembler = new SeriesAssembler(Number.POSITIVE_INFINITY);
  const out: AssembledGroup[] = [];
  for (const patch of patches) out.push(...assembler.add(patch));
  out.push(...assembler.flush());
  return out.sort((a, b) => a.seq - b.seq).map((g) => toSeries(g));
}

/** Patch numbers as ranges, the way people write them: `1-40, 42-43, 45`. */
export function formatRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(sorted[i] === start ? `${start}` : `${start}-${sorted[i]}`);
  }
  return parts.join(', ');
}
