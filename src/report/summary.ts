// What reporters keep of a linted series: a small summary per series (the
// patches' subjects, ids, recipients) instead of the parsed patches, so that
// a large mbox streams through in flat memory.
import type { SeriesResult } from '../engine/engine.js';
import type { Release } from '../engine/release.js';
import type { Finding } from '../engine/types.js';
import { type Patch, type Series, formatPerson, headerAddress } from '../patch/model.js';
import { ownCopy } from '../patch/own-copy.js';
import type { InputError } from '../sources/inputs.js';
import type { TreePlan } from '../tree/plan.js';

export interface PatchSummary {
  index: number;
  subject: string;
  rawSubject: string;
  messageId?: string;
  /** `Name <mail>` */
  author: string;
  /** Who a reply goes to besides the author, as sent: the sender, then the To and Cc address lists (header text). */
  recipients: { sender: string; lists: string[] };
  /** The References header's ids. */
  references: string[];
  /** Message and diff lines, for checkpatch's "lines checked". */
  linesChecked: number;
}

export interface SeriesSummary {
  subject: string;
  /** The subject's tag words without version and counter: `PATCH`, `PULL`, `RFC PATCH`. */
  prefix: string;
  version: number;
  total: number;
  missing: number[];
  messageId?: string;
  hasCover: boolean;
  patches: PatchSummary[];
  /** Where the files came from (TreePlan.description), e.g. "files: from the diff only". */
  basis: string;
  /** What release the since rules assumed, and why. */
  releaseNote: string;
  /** What the run could not do (hunks that did not apply, files absent from the tree). */
  notes: string[];
  release: Release;
}

export interface LintReport {
  series: SeriesSummary[];
  findings: Finding[];
  errors: InputError[];
}

function summarisePatch(patch: Patch): PatchSummary {
  const { recipients } = patch;
  const lists = recipients.raw !== undefined ? [recipients.raw] : [...recipients.to, ...recipients.cc].map(headerAddress);
  return {
    index: patch.index,
    subject: ownCopy(patch.subject),
    rawSubject: ownCopy(patch.rawSubject),
    messageId: ownCopy(patch.messageId),
    author: ownCopy(formatPerson(patch.author)),
    recipients: { sender: ownCopy(headerAddress(patch.sender)), lists: lists.filter(Boolean).map((l) => ownCopy(l)) },
    references: patch.references.map((r) => ownCopy(r)),
    linesChecked:
      (patch.message ? patch.message.split('\n').length : 0) +
      patch.files.reduce((n, f) => n + f.lines.size + f.removed.length, 0),
  };
}

// One string per distinct release, not one per series of a large mbox.
const releaseNotes = new Map<string, string>();

function releaseNoteOf(release: Release): string {
  const key = `${release.expected}|${release.source}|${release.version}`;
  let note = releaseNotes.get(key);
  if (!note) {
    note =
      release.expected === undefined
        ? "release: unknown (no VERSION, --qemu-version or config, and the release calendar has no entry for the mail's date), so since-tags are only compared with each other"
        : `release: new features target ${release.expected} (from ${release.source}${release.version ? ` ${release.version}` : ''})`;
    releaseNotes.set(key, note);
  }
  return note;
}

/** The summary of a linted series, for reporters. */
export function summariseSeries(series: Series, result: SeriesResult, plan: Pick<TreePlan, 'description'>): SeriesSummary {
  const all = [series.cover, ...series.patches].filter((p): p is Patch => !!p);
  const lead = series.cover ?? series.patches[0];
  const prefix = lead?.tags.words.filter((w) => !/^v\d+$/i.test(w) && !/^\d+\/\d+$/.test(w)).join(' ') || 'PATCH';
  return {
    subject: ownCopy(series.subject),
    prefix: ownCopy(prefix),
    version: series.version,
    total: series.total,
    missing: series.missing,
    messageId: ownCopy(series.messageId),
    hasCover: !!series.cover,
    patches: all.map(summarisePatch),
    basis: plan.description,
    releaseNote: releaseNoteOf(result.release),
    notes: result.notes,
    release: result.release,
  };
}

/** Rules that crashed on a series, as input errors of its input (bugs, reported rather than hidden). */
export function crashErrors(series: Series, result: Pick<SeriesResult, 'crashes'>): InputError[] {
  const input = series.patches[0]?.origin.input ?? series.cover?.origin.input ?? '';
  return result.crashes.map((message) => ({ input, message }));
}
