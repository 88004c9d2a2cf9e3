// The series model every rule and reporter works on (see DESIGN.md "Model").
// Post-patch line numbers are the coordinate system everywhere; commit-message
// positions count the subject as line 1, so the body starts at line 3.
import type { File as ParseDiffFile } from 'parse-diff';

export interface Person {
  name: string;
  email: string;
}

/** `Name <mail>`, or the bare address when there is no name. */
export function formatPerson(p: Person): string {
  if (!p.email) return p.name;
  return p.name ? `${p.name} <${p.email}>` : p.email;
}

/** As in an address-list header: a name holding `,` or other specials is quoted. */
export function headerAddress(p: Person): string {
  if (!p.name || !/[",;:<>@()[\]\\.]/.test(p.name)) return formatPerson(p);
  return `"${p.name.replace(/["\\]/g, '\\$&')}" <${p.email}>`;
}

/** What the bracketed prefix of a subject says: `[RFC PATCH v3 4/9]`. */
export interface SubjectTags {
  /** Every word of the prefix, in order, as written (`RFC`, `PATCH`, `v3`, `for-10.2`). */
  words: string[];
  isPatch: boolean;
  isRfc: boolean;
  isPull: boolean;
  /** Explicit `vN`, undefined when absent (the series model then says 1). */
  version?: number;
  /** `i` of `i/n`; undefined when the subject has no `i/n`. */
  index?: number;
  /** `n` of `i/n`. */
  total?: number;
  /** The `i/n` counter as written, for rules about zero padding. */
  counter?: string;
  /** Prefix words that are neither PATCH, RFC, PULL, vN nor i/n (`for-10.2`, `QEMU`). */
  other: string[];
}

export interface Trailer {
  key: string;
  value: string;
  /** Line in the commit message (subject = 1). */
  line: number;
}

/** One line of a file as the patch shows it after applying: added or context. */
export interface PostLine {
  /** Post-patch line number. */
  line: number;
  /** Text without the diff marker and without a trailing CR. */
  text: string;
  added: boolean;
  /** The line ended in CR (a DOS line ending in the file, not mail transport). */
  cr: boolean;
  /** 1-based line of this diff line in the patch text (checkpatch's `#N`). */
  patchLine: number;
}

/** One removed line, kept for rules that compare before and after. */
export interface RemovedLine {
  /** Pre-patch line number. */
  line: number;
  text: string;
  patchLine: number;
}

export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

/**
 * parse-diff's file plus what it lacks: decoded paths, rename and copy,
 * binary, and a map from every added or context line to its post-patch line.
 */
export interface FileDiff extends ParseDiffFile {
  /** Post-patch path (the pre-patch path for a deletion), without `a/` `b/`. */
  path: string;
  /** Pre-patch path; differs from `path` for renames and copies. */
  oldPath: string;
  status: FileStatus;
  binary: boolean;
  /** `similarity index` of a rename or copy, in percent. */
  similarity?: number;
  /** Added and context lines by post-patch line number. */
  lines: Map<number, PostLine>;
  /** Added lines in order (a view of `lines`). */
  added: PostLine[];
  removed: RemovedLine[];
  /** 1-based line of the `diff --git` (or `---`) header in the patch text. */
  patchLine: number;
}

export interface Patch {
  /** 1-based position in the series; 0 for a cover letter. */
  index: number;
  /** Series length the subject announces (1 for a lone patch). */
  total: number;
  /** Subject without the bracketed tags. */
  subject: string;
  /** The subject as sent, tags included. */
  rawSubject: string;
  tags: SubjectTags;
  /** The author: an in-body `From:` line wins over the mail's From. */
  author: Person;
  /** Whoever sent the mail (header From); equals author for most patches. */
  sender: Person;
  /** ISO 8601, or undefined when the mail has no parseable Date. */
  date?: string;
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  /** To and Cc of the mail, for the Cc rules. */
  recipients: {
    to: Person[];
    cc: Person[];
    /** The To and Cc headers as sent, when they came from a mail (for replies, without parsing them). */
    raw?: string;
  };
  /** From a format-patch `From <sha> Mon Sep 17 00:00:00 2001` line. */
  commitSha?: string;
  /** Commit message body (without the subject). */
  message: string;
  trailers: Trailer[];
  /** Text between the `---` line and the diff (changelog, diffstat). */
  notes: string;
  files: FileDiff[];
  /** Patch-text line of commit-message line 3 (the body's first line). */
  messagePatchLine?: number;
  /** Where this patch came from: input name and the line its mail starts on. */
  /** The mail's decoded body and its patch-text line, for tools that read the patch as text (checkpatch.pl). */
  text?: { body: string; firstLine: number };
  /** `bare`: a diff without mail or commit message (`git diff`), which rules about the message do not judge. */
  origin: { input: string; line: number; bare?: boolean };
}

/**
 * A patch that replies to this series' thread but could not join it: its
 * slot was taken (`duplicate`), or it announces another series length
 * (`total`) or version (`version`). It forms a series of its own.
 */
export interface ThreadStray {
  kind: 'duplicate' | 'total' | 'version';
  index: number;
  total: number;
  version: number;
  rawSubject: string;
  messageId?: string;
}

/**
 * What a mail says of its patch before the body is parsed: enough to group
 * mail into series, so that bodies are parsed only when a series is whole.
 */
export type PatchHead = Pick<
  Patch,
  'index' | 'total' | 'subject' | 'rawSubject' | 'tags' | 'author' | 'sender' | 'date' | 'messageId' | 'inReplyTo' | 'references' | 'recipients' | 'commitSha' | 'origin'
>;

/**
 * What made a series: mail (mbox, .eml, the send-email hook, a list), commits
 * (`--git`, a pull request: no cover letter exists yet) or whole files
 * (`patchlint schema`). Set by the source; rules read it, e.g. whether a
 * cover letter can exist.
 */
export type SeriesOrigin = 'mail' | 'commits' | 'files';

export interface Series {
  origin: SeriesOrigin;
  /** 1 when the subjects carry no vN. */
  version: number;
  total: number;
  cover?: Patch;
  /** Patches in index order (the cover is not among them). */
  patches: Patch[];
  /** Indexes 1..total that did not arrive. */
  missing: number[];
  /** Message-ID of the cover, else of the first patch. */
  messageId?: string;
  /** Subject of the cover, else of the first patch, without tags. */
  subject: string;
  /** Patches threaded under this series that did not fit in it (while it was open). */
  strays?: ThreadStray[];
}

/** Commit-message line of a body line (0-based index into `message` lines). */
export const MESSAGE_BODY_FIRST_LINE = 3;
