// What the hook remembers between git send-email's per-mail calls: the mails
// of one send, under the git dir, until the send (or its series) is complete.
//
// Layout, shared with the shell hook (src/hook/script.ts), which spools the
// mails it does not hand to patchlint:
//   <git dir>/patchlint-hook/<send>/<seq>.name     the path git passed ($1): the
//                                                  entry, written last
//                                   <seq>.mail     a copy of the mail, when patchlint
//                                                  spooled it (the shell reads it
//                                                  from <seq>.name's path, which
//                                                  git keeps until the send ends)
//                                   <seq>.headers  newer git's SMTP headers ($2)
//                                   <seq>.pos      "i n" of the subject, when known
//                                   <seq>.done     patch rules have run on it
//                                   eager          every later mail must be linted at once
// <send> is the git send-email process id, which stays the same for all the
// mails of one send (the hook's grandparent), or "manual".
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

export const SPOOL_DIR = 'patchlint-hook';
/** A send whose spool has not been touched for this long was abandoned. */
export const STALE_AFTER_MS = 3600_000;

export interface SpoolEntry {
  seq: number;
  mailPath: string;
  /** The path git passed for this mail. */
  name: string;
  headers?: string;
  /** "i n" of the subject, when the shell hook or patchlint recorded it. */
  position?: string;
  done: boolean;
}

/** A send name that is safe as one path component. */
export function sendName(value: string | undefined): string {
  return value && /^[0-9A-Za-z_-]{1,40}$/.test(value) ? value : 'manual';
}

/** The entries' numbers among a send folder's file names, in order: an entry is its `<seq>.name`. */
function entrySeqs(names: readonly string[]): number[] {
  return names
    .map((n) => /^(\d+)\.name$/.exec(n)?.[1])
    .filter((s): s is string => s !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export class Spool {
  readonly dir: string;

  constructor(
    readonly root: string,
    readonly send: string,
  ) {
    this.dir = join(root, send);
  }

  static at(gitDir: string, send: string): Spool {
    return new Spool(join(gitDir, SPOOL_DIR), send);
  }

  async entries(): Promise<SpoolEntry[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const present = new Set(names);
    const entries: SpoolEntry[] = [];
    for (const seq of entrySeqs(names)) {
      const written = (await readFile(join(this.dir, `${seq}.name`), 'utf8')).replace(/\n$/, '');
      const copy = join(this.dir, `${seq}.mail`);
      // Without a copy, the mail is read where git keeps it; a name a crash left empty
      // points at the missing copy, so that reading it says so.
      const mailPath = present.has(`${seq}.mail`) || !isAbsolute(written) ? copy : written;
      entries.push({
        seq,
        mailPath,
        name: written || copy,
        headers: present.has(`${seq}.headers`) ? await readFile(join(this.dir, `${seq}.headers`), 'utf8') : undefined,
        position: present.has(`${seq}.pos`) ? (await readFile(join(this.dir, `${seq}.pos`), 'utf8')).trim() : undefined,
        done: present.has(`${seq}.done`),
      });
    }
    return entries;
  }

  /** Adds a mail as the newest entry; returns its sequence number. */
  async add(mail: Buffer, name: string, headers?: string): Promise<number> {
    await mkdir(this.dir, { recursive: true });
    const seq = Math.max(0, ...entrySeqs(await readdir(this.dir))) + 1;
    await writeFile(join(this.dir, `${seq}.mail`), mail);
    if (headers !== undefined) await writeFile(join(this.dir, `${seq}.headers`), headers);
    // The .name file last: an entry exists once its name does.
    await writeFile(join(this.dir, `${seq}.name`), name + '\n');
    return seq;
  }

  /** Records the subject's `i/n`, which the shell hook compares with the next mail's. */
  async setPosition(seq: number, index: number, total: number): Promise<void> {
    await writeFile(join(this.dir, `${seq}.pos`), `${index} ${total}\n`);
  }

  async markDone(seq: number): Promise<void> {
    await writeFile(join(this.dir, `${seq}.done`), '');
  }

  async remove(seq: number): Promise<void> {
    await Promise.all(['mail', 'headers', 'name', 'pos', 'done'].map((ext) => rm(join(this.dir, `${seq}.${ext}`), { force: true })));
  }

  async setEager(on: boolean): Promise<void> {
    const marker = join(this.dir, 'eager');
    if (on) await writeFile(marker, '');
    else await rm(marker, { force: true });
  }

  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Removes the send's folder when nothing is left in it. */
  async removeIfEmpty(): Promise<void> {
    const names = await readdir(this.dir).catch(() => undefined);
    if (names && names.every((n) => n === 'eager')) await this.clear();
  }
}

export interface AbandonedSend {
  send: string;
  /** Mails that were spooled but never linted: the send ended before its last mail. */
  unchecked: string[];
}

/**
 * Removes the spools of other sends that are over: their git send-email
 * process is gone, or nothing touched them for an hour. Says which mails
 * they held unchecked, so that a send cut short is not silently unchecked.
 */
export async function removeAbandonedSends(root: string, current: string, now: number, isAlive: (pid: number) => boolean): Promise<AbandonedSend[]> {
  const sends = await readdir(root).catch(() => [] as string[]);
  const abandoned: AbandonedSend[] = [];
  for (const send of sends) {
    if (send === current) continue;
    const dir = join(root, send);
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    const gone = /^\d+$/.test(send) ? !isAlive(Number(send)) : false;
    if (!gone && now - info.mtimeMs < STALE_AFTER_MS) continue;
    const spool = new Spool(root, send);
    // A cover letter alone has nothing a patch rule would check.
    const unchecked = (await spool.entries()).filter((e) => !e.done && !e.position?.startsWith('0 ')).map((e) => e.name);
    await spool.clear();
    abandoned.push({ send, unchecked });
  }
  return abandoned;
}

/** True while a process with this id exists (signal 0 only checks). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
