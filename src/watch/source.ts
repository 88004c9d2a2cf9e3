// Where the bot reads the list from, incrementally: a public-inbox v2
// archive, a Maildir, or an mbox that grows. Each source hands out batches
// of raw mails with the cursor move that covers them, so that the journal
// records both in one transaction.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Journal } from './journal.js';

export interface RawMail {
  /** Names the message for error lines: `git/0.git 8cb1c68`, a file path, `mbox:offset`. */
  where: string;
  bytes: Buffer;
  /** When the archive received it (ms), for the incomplete-series timeout. */
  arrived: number;
}

export type SourceEvent =
  | { kind: 'batch'; mails: RawMail[]; /** Moves the cursor past this batch; runs inside the journal's transaction. */ advance: (journal: Journal) => void }
  | { kind: 'error'; message: string; /** Told, but not a failure (a rewritten file read again). */ notice?: boolean };

export interface MailSource {
  description: string;
  read(journal: Journal): AsyncGenerator<SourceEvent>;
}

export const BATCH = 200;

/** Picks the reader for SOURCE: a folder with git/N.git, a Maildir, or a file. */
export async function openSource(path: string): Promise<MailSource | string> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return `${path}: no such file or directory`;
  if (info.isFile()) return (await import('./mbox-source.js')).mboxSource(path);
  if (!info.isDirectory()) return `${path}: not a file or directory`;
  if (await isDir(join(path, 'git'))) return (await import('./public-inbox.js')).publicInboxSource(path);
  if ((await isDir(join(path, 'new'))) && (await isDir(join(path, 'cur')))) return (await import('./maildir.js')).maildirSource(path);
  return `${path}: neither a public-inbox v2 archive (git/0.git), a Maildir (new/, cur/) nor an mbox file`;
}

async function isDir(path: string): Promise<boolean> {
  return !!(await stat(path).catch(() => undefined))?.isDirectory();
}
