// Review replies as RFC 5322 mail that reads like a reviewer's on
// qemu-devel: `Re:` subject, threaded under the mail it answers, To the
// person who sent it and Cc everyone it went to, the offending lines quoted
// with `> `, prose wrapped at 72 columns, a one-line verdict, and each rule
// linked to its page. The list bot sends exactly what repliesForSeries
// returns.
import { createHash } from 'node:crypto';
import type { PatchSummary, SeriesSummary } from './summary.js';
import type { Finding } from '../engine/types.js';
import { parseAddressList } from '../mail/parse.js';
import type { Person } from '../patch/model.js';
import { formatRanges } from '../patch/series.js';
import { countBySeverity, patchLabel, plural } from './counts.js';
import { ruleDocUrl } from './docs.js';
import type { PreviousSummary, ReportWithPrevious } from './previous.js';
import { sinceHeadline, sinceSection, stillThere } from './since.js';

export interface EmailOptions {
  /** `Name <address>` of the replies. */
  from: string;
  /** One reply per patch with findings instead of one per series. */
  perPatch?: boolean;
  /** The list every reply is copied to (default qemu-devel@nongnu.org; '' for only the lists the mail went to). */
  list?: string;
  /** Where rule pages are published (`docs-url`; default: the package's homepage). */
  docsUrl?: string;
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
  /** Addresses of To and Cc, for an SMTP envelope. */
  recipients: string[];
}

export const QEMU_DEVEL = 'qemu-devel@nongnu.org';
const WIDTH = 72;

/** RFC 2047 for header values that are not plain ASCII. */
export function encodeHeader(value: string): string {
  if (!/[^\x20-\x7e]/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

function encodePerson(p: Person): string {
  if (!p.name) return p.email;
  const name = /[^\x20-\x7e]/.test(p.name) ? encodeHeader(p.name) : /[(),.:;<>@[\]"]/.test(p.name) ? `"${p.name.replace(/"/g, '\\"')}"` : p.name;
  return `${name} <${p.email}>`;
}

/** Greedy wrap of one paragraph at WIDTH; a word longer than the line (a URL) stays whole. */
export function wrap(text: string, width = WIDTH, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Who the reply goes to: the mail's sender, who must act (for a patch sent on someone's behalf, that is who sent it). */
function recipientsOf(target: PatchSummary, list: string, from: string): { to: Person; cc: Person[] } {
  const { sender: senderLine, lists } = target.recipients;
  const to = parseAddressList(senderLine)[0] ?? parseAddressList(target.author)[0] ?? { name: '', email: '' };
  const seen = new Set([to.email.toLowerCase(), ...parseAddressList(from).map((p) => p.email.toLowerCase())]);
  const cc: Person[] = [];
  for (const p of [...lists.flatMap((l) => parseAddressList(l)), ...parseAddressList(target.author), { name: '', email: list }]) {
    const key = p.email.toLowerCase();
    if (!p.email || seen.has(key)) continue;
    seen.add(key);
    cc.push(p);
  }
  return { to, cc };
}

function firstName(p: Person): string {
  return p.name.replace(/^"|"$/g, '').split(/[\s,]+/)[0]!;
}

/** The patch numbers the series rules found missing are told as a note, not as a finding asking for a resend. */
const isMissingNote = (f: Finding) => f.rule === 'series/numbering' && /missing from the series$/.test(f.message);

function verdict(findings: readonly Finding[], series: SeriesSummary, whole: boolean): string {
  const counts = countBySeverity(findings);
  const next = `v${series.version + 1}`;
  const what = whole && series.total > 1 ? 'series' : 'patch';
  if (counts.error) return `Verdict: please fix the ${plural(counts.error, 'error')} and send ${next} of the ${what}.`;
  return `Verdict: no resend for these alone; fold them into ${next} if there is one.`;
}

/** Findings as a reviewer writes them: where, the lines quoted once, then each remark. */
function findingBlocks(findings: readonly Finding[], previous?: PreviousSummary): string[] {
  const out: string[] = [];
  let place = '';
  for (const f of findings) {
    const here = `${f.file}:${f.line}:${f.endLine}`;
    if (here !== place || !f.excerpt?.length) {
      out.push('');
      if (f.file) out.push(`${f.file}${f.line ? `:${f.line}` : ''}:`);
      else if (f.line && f.line > 1) out.push(`Commit message, line ${f.line}:`);
      for (const text of f.excerpt ?? []) out.push(`> ${f.file ? '+' : ''}${text}`);
      if (out.at(-1) !== '') out.push('');
    }
    place = here;
    out.push(...wrap(`${f.severity.toUpperCase()}: [${f.rule}] ${f.message}${stillThere(f, previous)}`, WIDTH, '  '));
  }
  return out;
}

function replyMessageId(inReplyTo: string | undefined, findings: readonly Finding[]): string {
  const hash = createHash('sha256')
    .update(inReplyTo ?? '')
    .update(JSON.stringify(findings.map((f) => [f.rule, f.file, f.line, f.message])))
    .digest('hex')
    .slice(0, 24);
  return `<patchlint.${hash}@qemu-patchlint.invalid>`;
}

/** `whole`: the reply speaks for the series (it answers the cover letter, or the series' one reply). */
function reply(series: SeriesSummary, target: PatchSummary, findings: Finding[], whole: boolean, options: EmailOptions): ReplyMail {
  const counts = countBySeverity(findings);
  const messageId = replyMessageId(target.messageId, findings);
  const references = [...target.references, ...(target.messageId ? [target.messageId] : [])];
  const subject = /^re:/i.test(target.rawSubject) ? target.rawSubject : `Re: ${target.rawSubject}`;
  const { to, cc } = recipientsOf(target, options.list ?? QEMU_DEVEL, options.from);
  const headers = [
    `From: ${encodePerson(parseAddressList(options.from)[0] ?? { name: '', email: options.from })}`,
    `To: ${encodePerson(to)}`,
    ...(cc.length ? [`Cc: ${cc.map(encodePerson).join(',\n ')}`] : []),
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
  // A patch of a longer series read alone is answered as a patch.
  const asSeries = whole && (target.index === 0 || series.patches.length > 1);
  const what = asSeries ? 'this series' : 'this patch';
  const parts = [counts.error && plural(counts.error, 'error'), counts.warning && plural(counts.warning, 'warning'), counts.info && plural(counts.info, 'info')].filter(Boolean);
  const found = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  const body: string[] = [to.name ? `Hi ${firstName(to)},` : 'Hello,', '', ...wrap(`qemu-patchlint checked ${what} and found ${found}.`)];
  if (asSeries && series.missing.length) {
    body.push('', ...wrap(`${series.missing.length === 1 ? 'Patch' : 'Patches'} ${formatRanges(series.missing)} of ${series.total} were not at hand, so they were not checked.`));
  }
  // A series reply says what became of each earlier finding; a patch reply only the series' counts.
  if (options.previous) body.push('', ...(asSeries ? sinceSection(options.previous) : [`${sinceHeadline(options.previous)} (whole series)`]));
  const byPatch = new Map<number, Finding[]>();
  for (const f of findings) byPatch.set(f.patch, [...(byPatch.get(f.patch) ?? []), f]);
  for (const [index, own] of [...byPatch].sort((a, b) => a[0] - b[0])) {
    if (asSeries) {
      const patch = series.patches.find((p) => p.index === index);
      const label = patchLabel(index, series.total);
      body.push('', ...wrap(`On ${label ? `${label} ` : ''}"${patch?.subject ?? series.subject}":`));
    }
    body.push(...findingBlocks(own, options.previous));
  }
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  body.push('', verdict(findings, series, asSeries), '', '-- ', `qemu-patchlint ${options.toolVersion}. What each rule checks, and why:`);
  for (const id of rules) body.push(ruleDocUrl(id, options.docsUrl));
  return {
    text: headers.join('\n') + '\n\n' + body.join('\n') + '\n',
    inReplyTo: target.messageId,
    messageId,
    recipients: [to, ...cc].map((p) => p.email),
  };
}

/**
 * The replies to one series: none when nothing above info level was found,
 * else one to the cover letter (or the first patch), or with `perPatch`
 * one per patch with findings.
 */
export function repliesForSeries(series: SeriesSummary, findings: readonly Finding[], options: EmailOptions): ReplyMail[] {
  const shown = findings.filter((f) => !isMissingNote(f));
  if (!shown.some((f) => f.severity !== 'info')) return [];
  const lead = series.patches[0];
  if (!lead) return [];
  if (!options.perPatch) return [reply(series, lead, shown, true, options)];
  const mails: ReplyMail[] = [];
  for (const patch of series.patches) {
    // Series findings about a cover letter that is not at hand go to the first patch.
    const own = shown.filter((f) => f.patch === patch.index || (patch === lead && !series.patches.some((p) => p.index === f.patch)));
    if (own.some((f) => f.severity !== 'info')) mails.push(reply(series, patch, own, patch.index === 0, options));
  }
  return mails;
}

/** The replies for a whole report. */
export function buildReplies(report: ReportWithPrevious, options: EmailOptions): ReplyMail[] {
  if (report.previous && !options.previous) options = { ...options, previous: report.previous };
  return report.series.flatMap((series, i) => repliesForSeries(series, report.findings.filter((f) => f.series === i), options));
}

/** Several mails as one mboxrd text. */
export function toMbox(mails: readonly ReplyMail[]): string {
  return mails
    .map((m) => `From qemu-patchlint Thu Jan  1 00:00:00 1970\n${m.text.replace(/^(>*From )/gm, '>$1')}`)
    .join('\n');
}
