// The bot's journal in SQLite (better-sqlite3): cursors of the source,
// messages seen, mails of series still waiting, series and what was done
// with them, and replies with their Message-IDs. Every step of the bot is
// one transaction, so a kill -9 leaves either all of a step or none of it.
import { hostname } from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';

export const SCHEMA_VERSION = 1;

export type SeriesState = 'answered' | 'checked' | 'skipped';
export type ReplyState = 'due' | 'sending' | 'sent';

export interface SeriesRow {
  key: string;
  root: string;
  version: number;
  /** As sent, tags included (for --status). */
  subject: string;
  /** Without tags, lower case: how versions of one series are matched. */
  topic: string;
  author: string;
  state: SeriesState | 'waiting';
  reason: string | null;
  last_mail: number;
  decided: number | null;
  findings: string | null;
  reply_id: string | null;
  missing: string | null;
}

export interface ReplyRow {
  message_id: string;
  series_key: string;
  text: string;
  recipients: string;
  state: ReplyState;
  attempted: number | null;
  sent: number | null;
  via: string | null;
}

export interface PendingRow {
  seq: number;
  where_: string;
  raw: Buffer;
  arrived: number;
}

export class JournalError extends Error {}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cursors(name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seen(id TEXT PRIMARY KEY, series TEXT);
CREATE TABLE IF NOT EXISTS pending(seq INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT, where_ TEXT NOT NULL, raw BLOB NOT NULL, arrived INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS series(key TEXT PRIMARY KEY, root TEXT NOT NULL, version INTEGER NOT NULL, subject TEXT NOT NULL, topic TEXT NOT NULL, author TEXT NOT NULL,
  state TEXT NOT NULL, reason TEXT, last_mail INTEGER NOT NULL, decided INTEGER, findings TEXT, reply_id TEXT, missing TEXT);
CREATE INDEX IF NOT EXISTS series_by_topic ON series(author, topic);
CREATE INDEX IF NOT EXISTS series_by_root ON series(root);
CREATE TABLE IF NOT EXISTS replies(message_id TEXT PRIMARY KEY, series_key TEXT NOT NULL, text TEXT NOT NULL, recipients TEXT NOT NULL,
  state TEXT NOT NULL, attempted INTEGER, sent INTEGER, via TEXT);
CREATE TABLE IF NOT EXISTS lock(id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, host TEXT NOT NULL, since INTEGER NOT NULL);
`;

export class Journal {
  private readonly db: BetterSqlite3.Database;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  private constructor(db: BetterSqlite3.Database, readonly path: string) {
    this.db = db;
  }

  /** Opens (creating when asked) the journal; a journal from a newer version is refused. */
  static async open(path: string, options: { readonly?: boolean } = {}): Promise<Journal> {
    // require, not import(): the CLI bundle runs in a vm.Script (bin/patchlint.js), where import() of a package is not available.
    const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    let db: BetterSqlite3.Database;
    try {
      db = new Database(path, { readonly: !!options.readonly, fileMustExist: !!options.readonly, timeout: 10_000 });
      if (!options.readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
      }
      const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
      const version = hasMeta ? Number((db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value ?? 0) : 0;
      if (version > SCHEMA_VERSION) {
        db.close();
        throw new JournalError(`${path}: state file of a newer patchlint (journal schema ${version}; this one reads ${SCHEMA_VERSION} and older): upgrade patchlint or give another --state`);
      }
      if (!options.readonly) {
        db.exec(SCHEMA);
        db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
      }
    } catch (error) {
      if (error instanceof JournalError) throw error;
      throw new JournalError(`${path}: cannot open the state file: ${(error as Error).message}`);
    }
    return new Journal(db, path);
  }

  close(): void {
    this.db.close();
  }

  private stmt(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** Runs `work` as one transaction (BEGIN IMMEDIATE: writers queue up). */
  transaction<T>(work: () => T): T {
    // Inside batch() it is already one.
    if (this.db.inTransaction) return work();
    return this.db.transaction(work).immediate();
  }

  /**
   * Runs async `work` as one transaction: the decisions of one step commit
   * together (one sync to disk, not one per series). Transactions inside it
   * become savepoints.
   */
  async batch<T>(work: () => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /**
   * Takes the lock for this process; returns who holds it when another
   * live process does. A lock left by a killed process is taken over.
   */
  lock(): string | undefined {
    return this.transaction(() => {
      const row = this.stmt('SELECT pid, host, since FROM lock WHERE id = 1').get() as { pid: number; host: string; since: number } | undefined;
      if (row && row.pid !== process.pid && (row.host !== hostname() || isAlive(row.pid))) {
        return `process ${row.pid} on ${row.host}, since ${new Date(row.since).toISOString()}`;
      }
      this.stmt('INSERT OR REPLACE INTO lock(id, pid, host, since) VALUES (1, ?, ?, ?)').run(process.pid, hostname(), Date.now());
      return undefined;
    });
  }

  unlock(): void {
    this.stmt('DELETE FROM lock WHERE id = 1 AND pid = ?').run(process.pid);
  }

  cursor(name: string): string | undefined {
    return (this.stmt('SELECT value FROM cursors WHERE name = ?').get(name) as { value: string } | undefined)?.value;
  }

  setCursor(name: string, value: string): void {
    this.stmt('INSERT OR REPLACE INTO cursors(name, value) VALUES (?, ?)').run(name, value);
  }

  hasSeen(id: string): boolean {
    return !!this.stmt('SELECT 1 FROM seen WHERE id = ?').get(id);
  }

  markSeen(id: string, series: string | null = null): void {
    this.stmt('INSERT OR REPLACE INTO seen(id, series) VALUES (?, ?)').run(id, series);
  }

  /** The series a seen mail was answered (or skipped) in. */
  seriesOfMail(id: string): string | undefined {
    return (this.stmt('SELECT series FROM seen WHERE id = ? AND series IS NOT NULL').get(id) as { series: string } | undefined)?.series;
  }

  addPending(messageId: string | undefined, where: string, raw: Buffer, arrived: number): number {
    return Number(this.stmt('INSERT INTO pending(message_id, where_, raw, arrived) VALUES (?, ?, ?, ?)').run(messageId ?? null, where, raw, arrived).lastInsertRowid);
  }

  pending(): PendingRow[] {
    return this.stmt('SELECT seq, where_, raw, arrived FROM pending ORDER BY seq').all() as PendingRow[];
  }

  dropPending(seqs: readonly number[]): void {
    for (const seq of seqs) this.stmt('DELETE FROM pending WHERE seq = ?').run(seq);
  }

  series(key: string): SeriesRow | undefined {
    return this.stmt('SELECT * FROM series WHERE key = ?').get(key) as SeriesRow | undefined;
  }

  /** The latest earlier version answered or checked, found by its root among `references` or by author and subject. */
  previousVersion(version: number, author: string, topic: string, references: readonly string[]): SeriesRow | undefined {
    const row = this.stmt("SELECT * FROM series WHERE author = ? AND topic = ? AND version < ? AND state IN ('answered', 'checked') AND findings IS NOT NULL ORDER BY version DESC, decided DESC LIMIT 1")
      .get(author, topic, version) as SeriesRow | undefined;
    if (row) return row;
    for (const id of [...references].reverse()) {
      const row = this.stmt("SELECT * FROM series WHERE root = ? AND version < ? AND state IN ('answered', 'checked') AND findings IS NOT NULL").get(id, version) as SeriesRow | undefined;
      if (row) return row;
    }
    return undefined;
  }

  putSeries(row: SeriesRow): void {
    this.stmt(
      'INSERT OR REPLACE INTO series(key, root, version, subject, topic, author, state, reason, last_mail, decided, findings, reply_id, missing) VALUES (@key, @root, @version, @subject, @topic, @author, @state, @reason, @last_mail, @decided, @findings, @reply_id, @missing)',
    ).run(row);
  }

  /** Waiting series are rewritten at every step (their roots change as mails arrive). */
  replaceWaiting(rows: readonly SeriesRow[]): void {
    this.stmt("DELETE FROM series WHERE state = 'waiting'").run();
    for (const row of rows) if (!this.series(row.key)) this.putSeries(row);
  }

  addReply(row: Omit<ReplyRow, 'attempted' | 'sent' | 'via' | 'state'>): void {
    this.stmt("INSERT OR IGNORE INTO replies(message_id, series_key, text, recipients, state) VALUES (@message_id, @series_key, @text, @recipients, 'due')").run(row);
  }

  reply(messageId: string): ReplyRow | undefined {
    return this.stmt('SELECT * FROM replies WHERE message_id = ?').get(messageId) as ReplyRow | undefined;
  }

  unsentReplies(): ReplyRow[] {
    return this.stmt("SELECT * FROM replies WHERE state != 'sent' ORDER BY rowid").all() as ReplyRow[];
  }

  markSending(messageId: string, via: string): void {
    this.stmt("UPDATE replies SET state = 'sending', attempted = ?, via = ? WHERE message_id = ?").run(Date.now(), via, messageId);
  }

  /** A send that surely failed (refused, 4xx): due again, without waiting for the archive. */
  markDue(messageId: string): void {
    this.stmt("UPDATE replies SET state = 'due' WHERE message_id = ? AND state = 'sending'").run(messageId);
  }

  markSent(messageId: string, via: string): void {
    this.stmt("UPDATE replies SET state = 'sent', sent = ?, via = ? WHERE message_id = ? AND state != 'sent'").run(Date.now(), via, messageId);
  }

  /** Everything `--status` prints. */
  allSeries(): SeriesRow[] {
    return this.stmt('SELECT * FROM series ORDER BY last_mail, key').all() as SeriesRow[];
  }

  allReplies(): ReplyRow[] {
    return this.stmt('SELECT * FROM replies ORDER BY rowid').all() as ReplyRow[];
  }

  counts(): { seen: number; pending: number } {
    const seen = (this.stmt('SELECT count(*) AS n FROM seen').get() as { n: number }).n;
    const pending = (this.stmt('SELECT count(*) AS n FROM pending').get() as { n: number }).n;
    return { seen, pending };
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
