// The reply mail: the `--format email` rendering (one reply per series), with a
// Message-ID derived from the series and its version (so that a duplicate is
// recognisable as one), the list in Cc, and what only the bot knows: the
// patches that never arrived and what became of the previous version's
// findings.
import { createHash } from 'node:crypto';
import type { SeriesSummary } from '../report/summary.js';
import type { Finding } from '../engine/types.js';
import { patchLabel } from '../report/counts.js';
import { buildReplies } from '../report/email.js';
import type { KeptFinding, VersionComparison } from '../report/previous.js';

/** A finding as the journal keeps it for the next version's comparison. */
export type StoredFinding = KeptFinding;

export interface ReplyInput {
  summary: SeriesSummary;
  findings: Finding[];
  from: string;
  toolVersion: string;
  /** Added to Cc when the series' To/Cc lack it. */
  list?: string;
  /** The previous version's number and the comparison with it. */
  since?: { version: number; comparison: VersionComparison<StoredFinding> };
  /** The series timed out incomplete. */
  missing?: number[];
  timeoutSeconds?: number;
  /** What the bot could not do as the series asked (its base-commit not in the tree's git). */
  notes?: readonly string[];
}

export function replyMessageId(root: string, version: number, from: string): string {
  const hash = createHash('sha256').update(`${root}\0${version}`).digest('hex').slice(0, 24);
  const domain = /@([^>\s@]+)>?\s*$/.exec(from)?.[1] ?? 'qemu-patchlint.invalid';
  return `<patchlint-v${version}-${hash}@${domain}>`;
}

/** Wraps text at 72 columns, continuation lines indented by `indent`. */
function wrap(text: string, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > 72) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function describe(f: StoredFinding, total: number): string {
  const label = patchLabel(f.patch, total);
  return `[${f.rule}] ${f.message}${label ? ` (patch ${label}${f.file ? `, ${f.file}` : ''})` : f.file ? ` (${f.file})` : ''}`;
}

function sinceSection(input: ReplyInput): string[] {
  const { since, summary } = input;
  if (!since) return [];
  const { comparison, version } = since;
  const out = [`Since v${version}:`, ''];
  for (const f of comparison.fixed) out.push(...wrap(`- fixed: ${describe(f, summary.total)}`, '  '));
  for (const f of comparison.findings.filter((f) => f.previously === 'reported')) out.push(...wrap(`- still there: ${describe(f, summary.total)}`, '  '));
  for (const f of comparison.findings.filter((f) => f.previously === 'new')) out.push(...wrap(`- new: ${describe(f, summary.total)}`, '  '));
  const { fixed, reported, new: added } = comparison.counts;
  out.push('', ...wrap(`${fixed} fixed, ${reported} still there, ${added} new.`), '');
  return out;
}

function missingSection(input: ReplyInput): string[] {
  if (!input.missing?.length) return [];
  const labels = input.missing.map((i) => patchLabel(i, input.summary.total)).join(', ');
  const seconds = input.timeoutSeconds ?? 0;
  const wait = seconds ? ` within ${seconds % 60 ? `${seconds} seconds` : `${seconds / 60} minutes`} of its last mail` : '';
  return [...wrap(`This series is incomplete: patch${input.missing.length > 1 ? 'es' : ''} ${labels} did not arrive${wait}, so it was checked without ${input.missing.length > 1 ? 'them' : 'it'}.`), ''];
}

/** The reply's text, or undefined when the renderer writes none (no findings). */
export function renderReply(input: ReplyInput, messageId: string): { text: string; recipients: string[] } | undefined {
  // `list`: --to-list, copied like the lists the series went to ('' adds none beyond those).
  const [mail] = buildReplies({ series: [input.summary], findings: input.findings.map((f) => ({ ...f, series: 0 })), errors: [] }, { from: input.from, toolVersion: input.toolVersion, list: input.list ?? '' });
  if (!mail) return undefined;
  let text = mail.text.replace(/^Message-ID: .*$/m, `Message-ID: ${messageId}`);
  const extra = [...missingSection(input), ...(input.notes ?? []).flatMap((note) => [...wrap(`Note: ${note}.`), '']), ...sinceSection(input)];
  if (extra.length) {
    const signature = text.lastIndexOf('\n-- \n');
    const at = signature >= 0 ? signature + 1 : text.length;
    text = text.slice(0, at) + extra.join('\n') + '\n' + text.slice(at);
  }
  return { text, recipients: mail.recipients };
}

