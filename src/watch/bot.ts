// One step of the list bot: read what the source added since the cursor,
// keep the patch mails of series still open, decide every series that is
// whole (or waited long enough), then send the replies that are due. Each
// batch read, the decisions that follow it, and each send are journal
// transactions: killed at any moment, the next run neither loses nor repeats
// a reply.
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../engine/types.js';
import { type MailItem, parseGroup } from '../sources/read-series.js';
import { type Mail, parseMail } from '../mail/parse.js';
import { patchHeadFromMail } from '../patch/from-mail.js';
import { type AssembledGroup, SeriesAssembler } from '../patch/series.js';
import { compareWithPrevious, keptFinding } from '../report/previous.js';
import { describeInputError } from '../sources/inputs.js';
import { BaseCommits } from '../tree/base-commit.js';
import { DirectoryTree } from '../tree/tree.js';
import { SendError, type Delivery } from './deliver.js';
import type { Journal, SeriesRow, SeriesState } from './journal.js';
import { type WatchLintOptions, lintForWatch } from './lint.js';
import { type StoredFinding, renderReply, replyMessageId } from './reply.js';
import type { MailSource, RawMail } from './source.js';

export interface BotOptions extends Omit<WatchLintOptions, 'tree'> {
  journal: Journal;
  source: MailSource;
  delivery: Delivery;
  /** `--tree`: a QEMU checkout, read at a series' base-commit when its git holds it. */
  treeDir?: string;
  from: string;
  list?: string;
  replyAt: Severity;
  seriesTimeout: number;
  /** Seconds an interrupted send waits for the archive to show it before it is sent again. */
  resendAfter: number;
  optOut: readonly string[];
  answerPull: boolean;
  toolVersion: string;
  log: (line: string) => void;
  stopping: () => boolean;
  now?: () => number;
}

export interface StepResult {
  mails: number;
  decided: number;
  sent: number;
  sendFailed: boolean;
  sourceErrors: number;
}

/**
 * A patch mail of a series not decided yet. `seq` orders mails by arrival;
 * `stored` is its row in the journal's pending table, written only when its
 * series is still open at the end of the batch that brought it (`raw` is
 * kept until then).
 */
type Item = MailItem & { seq: number; arrived: number; where: string; stored?: number; raw?: Buffer };

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function emailOf(address: string): string {
  return (/<([^<>]+)>/.exec(address)?.[1] ?? address).trim().toLowerCase();
}

export class Bot {
  private pending: Item[] = [];
  private seq = 0;
  private readonly fromEmail: string;
  private readonly optOut: Set<string>;
  private readonly bases?: BaseCommits;

  constructor(private readonly options: BotOptions) {
    this.fromEmail = emailOf(options.from);
    this.optOut = new Set(options.optOut.map(emailOf));
    if (options.treeDir) this.bases = new BaseCommits(options.treeDir);
  }

  /** Ends the git process that reads base commits. */
  close(): void {
    this.bases?.close();
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Reloads the mails of series that were still waiting when the last run ended. */
  async init(): Promise<void> {
    for (const row of this.options.journal.pending()) {
      const item = await this.toItem({ where: row.where_, bytes: row.raw, arrived: row.arrived });
      if (item?.head) this.pending.push({ ...item.head, seq: this.seq++, stored: row.seq });
    }
  }

  private async toItem(raw: RawMail): Promise<{ id: string; mail: Mail; head?: Omit<Item, 'seq' | 'stored'> } | undefined> {
    let mail: Mail;
    try {
      mail = await parseMail(raw.bytes);
    } catch (error) {
      this.options.log(`${raw.where}: cannot read this message (${(error as Error).message}); skipped`);
      return undefined;
    }
    const id = mail.messageId ?? `sha256:${createHash('sha256').update(raw.bytes).digest('hex')}`;
    const head = patchHeadFromMail(mail, { input: raw.where, line: 1 });
    return { id, mail, head: head && { ...head, mail, arrived: Math.min(raw.arrived, this.now()), where: raw.where } };
  }

  async step(): Promise<StepResult> {
    const { journal } = this.options;
    const result: StepResult = { mails: 0, decided: 0, sent: 0, sendFailed: false, sourceErrors: 0 };
    let archiveClock = 0;
    for await (const event of this.options.source.read(journal)) {
      if (event.kind === 'error') {
        this.options.log(event.message);
        if (!event.notice) result.sourceErrors++;
        continue;
      }
      const fresh: Item[] = [];
      const ids = new Set<string>();
      const ours: string[] = [];
      for (const raw of event.mails) {
        result.mails++;
        archiveClock = Math.max(archiveClock, raw.arrived);
        const parsed = await this.toItem(raw);
        if (!parsed) continue;
        // One of the bot's own replies, back through the archive.
        if (journal.reply(parsed.id)) ours.push(parsed.id);
        if (!parsed.head || journal.hasSeen(parsed.id) || ids.has(parsed.id)) continue;
        if (parsed.head.sender.email.toLowerCase() === this.fromEmail) continue;
        ids.add(parsed.id);
        fresh.push({ ...parsed.head, seq: this.seq++, raw: raw.bytes });
      }
      // The cursor, the mails seen, the series decided and the mails of
      // series still open: one transaction per batch.
      result.decided += await journal.batch(async () => {
        event.advance(journal);
        for (const id of ours) journal.markSent(id, 'found in the archive');
        for (const id of ids) journal.markSeen(id);
        this.pending.push(...fresh);
        const decided = await this.settle(archiveClock, false);
        for (const item of this.pending) {
          if (item.stored !== undefined) continue;
          item.stored = journal.addPending(item.messageId, item.where, item.raw!, item.arrived);
          item.raw = undefined;
        }
        return decided;
      });
      if (this.options.stopping()) break;
    }
    result.decided += await journal.batch(() => this.settle(archiveClock, true));
    await this.sendDue(result);
    return result;
  }

  /**
   * Decides the series that are whole, and the incomplete ones whose
   * latest mail is `--series-timeout` old (while catching up, old by the
   * archive's clock too, so that a series split across two batches is not
   * judged on its first half). Runs inside the caller's journal batch.
   */
  private async settle(archiveClock: number, drained: boolean): Promise<number> {
    const assembler = new SeriesAssembler<Item>(Number.POSITIVE_INFINITY);
    const whole: AssembledGroup<Item>[] = [];
    for (const item of this.pending) whole.push(...assembler.add(item));
    const open = assembler.flush();
    const timeout = this.options.seriesTimeout * 1000;
    const now = this.now();
    const due = open.filter((g) => {
      const latest = Math.max(...itemsOf(g).map((i) => i.arrived));
      return timeout === 0 || (now - latest >= timeout && (drained || archiveClock - latest >= timeout));
    });
    const decided = new Set<Item>();
    for (const group of [...whole, ...due]) {
      await this.decide(group, !whole.includes(group));
      for (const item of itemsOf(group)) decided.add(item);
    }
    if (drained) this.options.journal.replaceWaiting(open.filter((g) => !due.includes(g)).map((g) => this.waitingRow(g)));
    if (decided.size) this.pending = this.pending.filter((i) => !decided.has(i));
    return whole.length + due.length;
  }

  private waitingRow(group: AssembledGroup<Item>): SeriesRow {
    const lead = group.cover ?? [...group.byIndex.values()].sort((a, b) => a.index - b.index)[0]!;
    return {
      key: rootOf(group),
      root: rootOf(group),
      version: group.version,
      subject: lead.rawSubject,
      topic: lead.subject.toLowerCase(),
      author: lead.author.email.toLowerCase(),
      state: 'waiting',
      reason: null,
      last_mail: Math.max(...itemsOf(group).map((i) => i.arrived)),
      decided: null,
      findings: null,
      reply_id: null,
      missing: `${group.byIndex.size} of ${group.total} patches${group.cover ? '' : ', no cover letter'}`,
    };
  }

  /** Lints one series and records what is to be done with it, in one transaction. */
  private async decide(group: AssembledGroup<Item>, timedOut: boolean): Promise<void> {
    const { journal, log } = this.options;
    const items = itemsOf(group);
    const lead = group.cover ?? [...group.byIndex.values()].sort((a, b) => a.index - b.index)[0]!;
    const key = rootOf(group);
    const lastMail = Math.max(...items.map((i) => i.arrived));
    const row: SeriesRow = {
      key,
      root: key,
      version: group.version,
      subject: lead.rawSubject,
      topic: lead.subject.toLowerCase(),
      author: lead.author.email.toLowerCase(),
      state: 'skipped',
      reason: null,
      last_mail: lastMail,
      decided: this.now(),
      findings: null,
      reply_id: null,
      missing: null,
    };
    const record = (state: SeriesState, reason: string | null, reply?: { messageId: string; text: string; recipients: string[] }) =>
      journal.transaction(() => {
        // Recorded once: a series already decided (a re-read mbox, a late duplicate) keeps its first decision.
        if (!journal.series(key) || journal.series(key)!.state === 'waiting') {
          journal.putSeries({ ...row, state, reason, reply_id: reply?.messageId ?? null });
          if (reply) journal.addReply({ message_id: reply.messageId, series_key: key, text: reply.text, recipients: JSON.stringify(reply.recipients) });
        }
        for (const item of items) if (item.messageId) journal.markSeen(item.messageId, key);
        journal.dropPending(items.flatMap((i) => (i.stored === undefined ? [] : [i.stored])));
      });

    // A patch that arrives after its series was answered (it timed out) is not a series of its own.
    const owner = items
      .flatMap((i) => [i.inReplyTo, ...i.references])
      .map((id) => (id ? journal.seriesOfMail(id) : undefined))
      .find((s) => s && s !== key && journal.series(s)?.version === group.version);
    if (owner) return record('skipped', `arrived after its series ${owner} was decided`);
    if (lead.tags.isPull && !this.options.answerPull) return record('skipped', 'pull request (watch: pull: skip)');
    if (items.some((i) => this.optOut.has(i.author.email.toLowerCase()) || this.optOut.has(i.sender.email.toLowerCase()))) return record('skipped', 'sender opted out (watch: opt-out)');

    const { series, errors } = parseGroup(group);
    for (const error of errors) log(`${describeInputError(error)}; that patch is left out`);
    if (!series) return record('skipped', 'no patch of it could be read');

    // The operator's checkout as it is now (a new DirectoryTree: it may have been updated since the last series).
    const treeDir = this.options.treeDir;
    const base = treeDir ? await this.bases!.treeFor(series, new DirectoryTree(treeDir)) : undefined;
    const linted = await lintForWatch(series, { rules: this.options.rules, config: this.options.config, qemuVersion: this.options.qemuVersion, tree: base?.tree, baseNotes: base?.notes });
    for (const error of linted.errors) log(describeInputError(error));
    const { summary, findings } = linted;
    const subjectOf = (patch: number) => summary.patches.find((p) => p.index === patch)?.subject;
    const stored: StoredFinding[] = findings.map((f) => keptFinding(f, subjectOf(f.patch)));
    row.findings = JSON.stringify(stored);
    row.missing = series.missing.length ? series.missing.join(',') : null;

    const previous = group.version > 1 ? journal.previousVersion(group.version, row.author, row.topic, lead.references) : undefined;
    const since = previous
      ? { version: previous.version, comparison: compareWithPrevious(JSON.parse(previous.findings!) as StoredFinding[], stored, { patchKey: (f) => f.patchSubject }) }
      : undefined;

    const atLevel = findings.filter((f: Finding) => RANK[f.severity] >= RANK[this.options.replyAt]);
    if (!atLevel.length) {
      const counts = findings.length ? `${findings.length} finding${findings.length > 1 ? 's' : ''} below ${this.options.replyAt}` : 'no finding';
      return record('checked', counts);
    }
    const messageId = replyMessageId(key, group.version, this.options.from);
    const reply = renderReply(
      {
        summary,
        findings,
        from: this.options.from,
        toolVersion: this.options.toolVersion,
        list: this.options.list,
        since,
        missing: timedOut ? series.missing : undefined,
        timeoutSeconds: this.options.seriesTimeout,
        notes: base?.notes,
      },
      messageId,
    );
    if (!reply) return record('checked', 'the reporter wrote no reply');
    record('answered', null, { messageId, ...reply });
  }

  private async sendDue(result: StepResult): Promise<void> {
    const { journal, delivery, log } = this.options;
    // A reply just sent is recorded in the transaction that marks the next
    // one as sending: one sync to disk per reply instead of two.
    let sent: string | undefined;
    const recordSent = () => {
      if (sent) journal.markSent(sent, delivery.description);
      sent = undefined;
    };
    try {
      for (const reply of journal.unsentReplies()) {
        if (this.options.stopping()) return;
        const subject = /^Subject: (.*)$/m.exec(reply.text)?.[1] ?? reply.series_key;
        if (reply.state === 'sending') {
          // A send was interrupted: the reply may be on its way through the list.
          if (await delivery.holds(reply.message_id)) {
            journal.markSent(reply.message_id, delivery.description);
            continue;
          }
          if (this.now() - (reply.attempted ?? 0) < this.options.resendAfter * 1000) continue;
        }
        journal.transaction(() => {
          recordSent();
          journal.markSending(reply.message_id, delivery.description);
        });
        try {
          await delivery.send({ messageId: reply.message_id, text: reply.text, recipients: JSON.parse(reply.recipients) as string[] });
        } catch (error) {
          if (!(error instanceof SendError)) throw error;
          journal.markDue(reply.message_id);
          log(`cannot send the reply to "${subject}" through ${delivery.description}: ${error.message}; it stays due and goes out at the next run`);
          result.sendFailed = true;
          return;
        }
        sent = reply.message_id;
        result.sent++;
      }
    } finally {
      recordSent();
    }
  }
}

function itemsOf(group: AssembledGroup<Item>): Item[] {
  return [...(group.cover ? [group.cover] : []), ...group.byIndex.values()];
}

/** The mail the reply threads under: the cover letter, else the first patch. */
function rootOf(group: AssembledGroup<Item>): string {
  const lead = group.cover ?? [...group.byIndex.values()].sort((a, b) => a.index - b.index)[0]!;
  return lead.messageId ?? `seq:${lead.seq}`;
}
