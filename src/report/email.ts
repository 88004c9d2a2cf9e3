// Review replies as RFC 5322 mail, the way patchew answers on qemu-devel:
// `Re:` subject, threaded under the patch, the offending lines quoted, and a
// plain verdict on whether a new version is needed. Clean patches get no mail.
import { createHash } from 'node:crypto';
import type { PatchSummary, SeriesSummary } from './summary.js';
import type { Finding } from '../engine/types.js';
import { parseAddressList } from '../mail/parse.js';
import { formatPerson } from '../patch/model.js';
import { countBySeverity, patchLabel, plural } from './counts.js';
import type { PreviousSummary, ReportWithPrevious } from './previous.js';
import { sinceHeadline, sinceSection, stillThere } from './since.js';

export interface EmailOptions {
  from: string;
  /** One reply per series (to the cover) instead of one per patch. */
  perSeries?: boolean;
  now?: Date;
  toolVersion: string;
  /** With `--previous`: the "Since vN-1" counts, and the findings the previous version drew too marked. */
  previous?: PreviousSummary;
}

export interface ReplyMail {
  /** The headers and body, CRLF-free; `toMbox` joins several. */
  text: string;
  inReplyTo?: string;
  messageId: string;
}

/** RFC 2047 for header values that are not plain ASCII. */
export function encodeHeader(value: string): string {
  if (!/[^\x20-\x7e]/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

function encodeAddress(address: string): string {
  const m = /^(.*?)\s*<([^>]+)>$/.exec(address);
  if (!m || !m[1]) return address;
  const name = /[^\x20-\x7e]/.test(m[1]) ? encodeHeader(m[1]) : /[(),.:;<>@[\]"]/.test(m[1]) ? `"${m[1].replace(/"/g, '\\"')}"` : m[1];
  return `${name} <${m[2]}>`;
}

function firstName(author: string): string {
  const name = author.replace(/\s*<.*$/, '').trim();
  return name.split(/\s+/)[0] || 'there';
}

function verdict(findings: readonly Finding[], series: SeriesSummary): string {
  const counts = countBySeverity(findings);
  const next = `v${series.version + 1}`;
  if (counts.error) {
    return `Please fix the ${plural(counts.error, 'error')} and send ${next} of the ${series.total > 1 ? 'series' : 'patch'}: as it stands it breaks the build or a hard rule of QEMU's (see docs/devel/submitting-a-patch.rst).`;
  }
  if (counts.warning) {
    return `No resend is needed for these alone: they are what maintainers usually ask about, so please fold them in if you send ${next} anyway.`;
  }
  return 'No resend is needed: these are only suggestions.';
}

function findingBlock(f: Finding, previous?: PreviousSummary): string {
  const lines = [`${f.severity.toUpperCase()}: [${f.rule}] ${f.message}${stillThere(f, previous)}`];
  if (f.file) lines.push(`${f.file}${f.line ? `:${f.line}` : ''}:`);
  else if (f.line && f.line > 1) lines.push(`commit message, line ${f.line}:`);
  for (const text of f.excerpt ?? []) lines.push(`> ${f.file ? '+' : ''}${text}`);
  return lines.join('\n');
}

function replyMessageId(inReplyTo: string | undefined, findings: readonly Finding[]): string {
  const hash = createHash('sha256')
    .update(inReplyTo ?? '')
    .update(JSON.stringify(findings.map((f) => [f.rule, f.file, f.line, f.message])))
    .digest('hex')
    .slice(0, 24);
  return `<patchlint.${hash}@qemu-patchlint.invalid>`;
}

function reply(series: SeriesSummary, target: PatchSummary, findings: Finding[], options: EmailOptions): ReplyMail {
  const counts = countBySeverity(findings);
  const messageId = replyMessageId(target.messageId, findings);
  const references = [...target.references, ...(target.messageId ? [target.messageId] : [])];
  const subject = /^re:/i.test(target.rawSubject) ? target.rawSubject : `Re: ${target.rawSubject}`;
  const cc = [...new Set([target.recipients.sender, ...target.recipients.lists].filter(Boolean).flatMap((list) => parseAddressList(list).map(formatPerson)))].filter((r) => r !== target.author);
  const headers = [
    `From: ${encodeAddress(options.from)}`,
    `To: ${encodeAddress(target.author)}`,
    ...(cc.length ? [`Cc: ${cc.map(encodeAddress).join(',\n ')}`] : []),
    `Subject: ${encodeHeader(subject)}`,
    ...(target.messageId ? [`In-Reply-To: ${target.messageId}`] : []),
    ...(references.length ? [`References: ${references.join('\n ')}`] : []),
    `Message-ID: ${messageId}`,
    `Date: ${(options.now ?? new Date()).toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    `X-Patchlint-Version: ${options.toolVersion}`,
  ];
  const byPatch = new Map<number, Finding[]>();
  for (const f of findings) byPatch.set(f.patch, [...(byPatch.get(f.patch) ?? []), f]);
  const body: string[] = [
    `Hi ${firstName(target.author)},`,
    '',
    `qemu-patchlint checked this ${options.perSeries ? 'series' : 'patch'} and found ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')} and ${plural(counts.info, 'info')}.`,
    '',
  ];
  // A series reply says what became of each earlier finding; a patch reply only the series' counts.
  if (options.previous) body.push(...(options.perSeries ? sinceSection(options.previous) : [`${sinceHeadline(options.previous)} (whole series)`]), '');
  for (const [index, own] of byPatch) {
    if (options.perSeries) {
      const patch = series.patches.find((p) => p.index === index);
      body.push(`=== ${patchLabel(index, series.total)} ${patch?.subject ?? ''}`.replace('===  ', '=== '), '');
    }
    for (const f of own) body.push(findingBlock(f, options.previous), '');
  }
  body.push(verdict(findings, series), '', '-- ', `qemu-patchlint ${options.toolVersion}; each [rule] is explained in its rules/<rule>.md.`);
  return { text: headers.join('\n') + '\n\n' + body.join('\n') + '\n', inReplyTo: target.messageId, messageId };
}

/** One reply per patch with findings (or per series with `perSeries`). */
export function buildReplies(report: ReportWithPrevious, options: EmailOptions): ReplyMail[] {
  const mails: ReplyMail[] = [];
  if (report.previous && !options.previous) options = { ...options, previous: report.previous };
  report.series.forEach((series, i) => {
    const findings = report.findings.filter((f) => f.series === i);
    if (!findings.length) return;
    if (options.perSeries) {
      const target = series.patches[0]!;
      mails.push(reply(series, target, findings, options));
      return;
    }
    for (const patch of series.patches) {
      const own = findings.filter((f) => f.patch === patch.index);
      if (own.length) mails.push(reply(series, patch, own, options));
    }
  });
  return mails;
}

/** Several mails as one mboxrd text. */
export function toMbox(mails: readonly ReplyMail[]): string {
  return mails
    .map((m) => `From qemu-patchlint Thu Jan  1 00:00:00 1970\n${m.text.replace(/^(>*From )/gm, '>$1')}`)
    .join('\n');
}
