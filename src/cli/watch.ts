// `patchlint watch SOURCE`: the mailing-list bot. Reads a public-inbox v2
// archive, a Maildir or a growing mbox, answers each series version once
// (SMTP or an mbox outbox), and keeps its journal in SQLite.
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ALL_RULES } from '../../rules/index.js';
import type { Severity } from '../engine/types.js';
import { VERSION } from '../version.js';
import type { Io } from './main.js';
import { UsageError, parse, settingsFromOptions } from './options.js';

function seconds(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new UsageError(`--${name} takes a number of seconds, not "${value}"`);
  return Number(value);
}

export async function watch(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    once: { type: 'boolean' },
    interval: { type: 'string' },
    state: { type: 'string' },
    status: { type: 'boolean' },
    smtp: { type: 'string' },
    outbox: { type: 'string' },
    from: { type: 'string' },
    'to-list': { type: 'string' },
    'series-timeout': { type: 'string' },
    'reply-at': { type: 'string' },
    'resend-after': { type: 'string' },
    tree: { type: 'string' },
    'qemu-version': { type: 'string' },
    rule: { type: 'string', multiple: true },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout((await import('./help.js')).HELP.watch!);
    return 0;
  }
  const roots = values.tree ? [values.tree] : [io.cwd];
  const statePath = values.state ?? join(values.config ? dirname(values.config) : roots[0]!, '.patchlint-watch.db');
  const { Journal, JournalError } = await import('../watch/journal.js');

  if (values.status) {
    try {
      const journal = await Journal.open(statePath, { readonly: true });
      try {
        io.stdout((await import('../watch/status.js')).formatStatus(journal));
      } finally {
        journal.close();
      }
      return 0;
    } catch (error) {
      if (error instanceof JournalError) {
        io.stderr(`patchlint watch: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  }

  if (positionals.length !== 1) throw new UsageError('watch takes one SOURCE: a public-inbox v2 archive, a Maildir or an mbox file');
  const smtp = values.smtp ?? io.env.PATCHLINT_SMTP_URL;
  if (!smtp && !values.outbox) throw new UsageError('watch needs --smtp URL (or PATCHLINT_SMTP_URL) to send, or --outbox FILE for a dry run');
  if (smtp && values.outbox) throw new UsageError('--smtp and --outbox exclude each other');
  if (smtp && !/^smtps?:\/\//.test(smtp)) throw new UsageError('--smtp takes smtp://[user:pass@]host[:port] or smtps://...');
  if (smtp && !values.from) throw new UsageError('--from ADDR is required with --smtp');
  const replyAt = (values['reply-at'] ?? 'error') as Severity;
  if (replyAt !== 'error' && replyAt !== 'warning') throw new UsageError('--reply-at takes error or warning');
  const interval = seconds(values.interval, 'interval', 60);
  const seriesTimeout = seconds(values['series-timeout'], 'series-timeout', 1800);
  const resendAfter = seconds(values['resend-after'], 'resend-after', 300);
  if (values.tree && !(await stat(values.tree).catch(() => undefined))?.isDirectory()) throw new UsageError(`--tree ${values.tree}: not a directory`);
  const { config, qemuVersion } = await settingsFromOptions(values, roots, ALL_RULES.map((r) => r.meta.id));

  const { openSource } = await import('../watch/source.js');
  const source = await openSource(positionals[0]!);
  if (typeof source === 'string') {
    io.stderr(`patchlint watch: ${source}\n`);
    return 2;
  }
  let journal;
  try {
    journal = await Journal.open(statePath);
  } catch (error) {
    if (!(error instanceof JournalError)) throw error;
    io.stderr(`patchlint watch: ${error.message}\n`);
    return 2;
  }
  const holder = journal.lock();
  if (holder) {
    journal.close();
    io.stderr(`patchlint watch: ${statePath} is in use by another patchlint watch (${holder}); not starting a second one\n`);
    return 2;
  }

  const { outboxDelivery, smtpDelivery } = await import('../watch/deliver.js');
  const from = values.from ?? 'qemu-patchlint <patchlint@localhost>';
  const delivery = smtp ? await smtpDelivery(smtp, from) : outboxDelivery(values.outbox!);
  let stopping = false;
  let wake: (() => void) | undefined;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  (await import('../watch/heap.js')).boundHeapGrowth();
  const { Bot } = await import('../watch/bot.js');
  const bot = new Bot({
    journal,
    source,
    delivery,
    rules: ALL_RULES,
    config,
    qemuVersion,
    treeDir: values.tree,
    from,
    list: values['to-list'],
    replyAt,
    seriesTimeout,
    resendAfter,
    optOut: config.watch?.optOut ?? [],
    answerPull: config.watch?.pull === 'answer',
    toolVersion: VERSION,
    log: (line) => io.stderr(`patchlint watch: ${line}\n`),
    stopping: () => stopping,
  });
  let status = 0;
  try {
    await bot.init();
    for (;;) {
      const result = await bot.step();
      if (result.sendFailed) status = 1;
      if (result.sourceErrors) status = 2;
      if (values.once || stopping) break;
      if (!result.sendFailed && !result.sourceErrors) status = 0;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval * 1000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (stopping) break;
    }
  } finally {
    bot.close();
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    delivery.close();
    journal.unlock();
    journal.close();
  }
  return status;
}
