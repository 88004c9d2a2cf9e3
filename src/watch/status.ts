// `patchlint watch --status`: what the journal holds, for the operator.
import type { Journal, SeriesRow } from './journal.js';

const when = (ms: number | null) => (ms ? new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z') : '?');

export function formatStatus(journal: Journal): string {
  const series = journal.allSeries();
  const replies = new Map(journal.allReplies().map((r) => [r.message_id, r]));
  const { seen, pending } = journal.counts();
  const out: string[] = [`journal ${journal.path}: ${seen} messages seen, ${pending} waiting in open series`];
  const section = (title: string, rows: SeriesRow[], line: (r: SeriesRow) => string) => {
    out.push('', `${title}: ${rows.length}`);
    for (const r of rows) out.push(`  ${r.subject} (${r.author})`, `    ${line(r)}`);
  };
  section('waiting', series.filter((s) => s.state === 'waiting'), (r) => `since ${when(r.last_mail)}: ${r.missing}`);
  section('answered', series.filter((s) => s.state === 'answered'), (r) => {
    const reply = r.reply_id ? replies.get(r.reply_id) : undefined;
    const state = reply?.state === 'sent' ? `sent ${when(reply.sent)} via ${reply.via}` : reply?.state === 'sending' ? `send interrupted ${when(reply.attempted)}` : 'due, not sent yet';
    return `reply ${r.reply_id}: ${state}${r.missing ? `; missing patches ${r.missing}` : ''}`;
  });
  section('checked, no reply needed', series.filter((s) => s.state === 'checked'), (r) => `${r.reason} (${when(r.decided)})`);
  section('skipped', series.filter((s) => s.state === 'skipped'), (r) => `${r.reason}`);
  return out.join('\n') + '\n';
}
