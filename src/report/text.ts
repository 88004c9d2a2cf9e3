// checkpatch.pl's layout, which QEMU developers read daily in patchew mails:
//   ERROR: [rule] message
//   #N: FILE: path:line:
//   +the offending line
// and a `total:` line per patch.
import type { LintReport, SeriesSummary } from './summary.js';
import type { Finding, Severity } from '../engine/types.js';
import { formatRanges } from '../patch/series.js';
import { describeInputError } from '../sources/inputs.js';
import { type Counts, countBySeverity, countsSentence, patchLabel, plural } from './counts.js';
import { printable } from './printable.js';
import type { PreviousSummary, ReportWithPrevious } from './previous.js';
import { sinceSection, stillThere } from './since.js';

export interface TextOptions {
  color: boolean;
  /** Also print where files came from and which release was assumed. */
  verbose?: boolean;
  /** With `--previous`: findings the previous version drew too are marked. */
  previous?: PreviousSummary;
}

const LABEL: Record<Severity, string> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };
const COLOR: Record<Severity, string> = { error: '\x1b[1;31m', warning: '\x1b[1;33m', info: '\x1b[1;36m' };
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';

/** The block for one finding, as checkpatch prints it. */
export function formatFinding(f: Finding, color = false, previous?: PreviousSummary): string {
  const label = color ? `${COLOR[f.severity]}${LABEL[f.severity]}${RESET}` : LABEL[f.severity];
  const lines = [`${label}: [${f.rule}] ${printable(f.message)}${stillThere(f, previous)}`];
  const where = f.patchLine ? `#${f.patchLine}: ` : '';
  if (f.file) lines.push(`${where}FILE: ${printable(f.file)}${f.line ? `:${f.line}` : ''}:`);
  else if (f.line && f.line > 1) lines.push(`${where}COMMIT MESSAGE line ${f.line}:`);
  for (const text of f.excerpt ?? []) lines.push(printable(f.file ? `+${text}` : text));
  return lines.join('\n');
}

function seriesHeading(s: SeriesSummary): string {
  const tags = [s.prefix, s.version > 1 ? `v${s.version}` : '', s.total > 1 ? `0/${s.total}` : ''].filter(Boolean).join(' ');
  const present = s.patches.filter((p) => p.index > 0).length;
  const missing = s.missing.length ? `; missing ${formatRanges(s.missing)} of ${s.total}` : '';
  return `=== [${printable(tags)}] ${printable(s.subject)} (${plural(present, 'patch')}${s.hasCover ? ' and a cover letter' : ''}${missing})`;
}

/** One series: its heading (for multi-patch series), notes, and a block per patch. */
export function formatSeriesText(series: SeriesSummary, findings: readonly Finding[], options: TextOptions): string {
  const bold = (t: string) => (options.color ? `${BOLD}${t}${RESET}` : t);
  const out: string[] = [];
  // A heading only for a series at hand: a lone mail (patch 3/5 read alone) is not given one.
  const alone = series.patches.length === 1;
  if (!alone) out.push(bold(seriesHeading(series)));
  if (options.verbose) out.push(`NOTE: ${series.basis}`, `NOTE: ${series.releaseNote}`);
  for (const note of series.notes) out.push(`NOTE: ${note}`);
  if (out.length) out.push('');
  for (const patch of series.patches) {
    const own = findings.filter((f) => f.patch === patch.index);
    if (patch.index === 0 && !own.length && !alone) continue;
    const label = patchLabel(patch.index, series.total);
    out.push(bold(`--- ${label ? label + ' ' : ''}${patch.index === 0 ? '(cover letter) ' : ''}${printable(patch.subject)}`));
    for (const finding of own) out.push(formatFinding(finding, options.color, options.previous), '');
    const counts = countBySeverity(own);
    out.push(
      `total: ${countsSentence(counts)}, ${patch.linesChecked} lines checked`,
      '',
    );
  }
  return out.join('\n');
}

/**
 * `--terse`: one `file:line: severity: [rule] message` line per finding, as
 * checkpatch.pl --terse prints them for editors and b4. A finding in a commit
 * message (or about the series) is placed in `COMMIT_MSG`, prefixed with
 * `patch-N/` when the series has several patches.
 */
export function formatSeriesTerse(series: SeriesSummary, findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const file = f.file ?? (series.patches.length > 1 || series.total > 1 ? `patch-${f.patch}/COMMIT_MSG` : 'COMMIT_MSG');
      return `${file}:${f.line ?? 1}: ${f.severity}: [${f.rule}] ${f.message.replace(/\n/g, ' ')}\n`;
    })
    .join('');
}

/** The closing line when several series were read. */
export function formatTextFooter(seriesCount: number, patchCount: number, counts: Counts): string {
  if (seriesCount < 2) return '';
  return `\n${plural(seriesCount, 'series')}, ${plural(patchCount, 'patch')}: ${countsSentence(counts)}\n`;
}

export function formatText(report: ReportWithPrevious, options: TextOptions): string {
  const withPrevious = { ...options, previous: report.previous };
  const blocks = report.series.map((series, i) => formatSeriesText(series, report.findings.filter((f) => f.series === i), withPrevious));
  const patches = report.series.reduce((n, s) => n + s.patches.filter((p) => p.index > 0).length, 0);
  // A blank line between series, as between patches.
  const since = report.previous ? `\n${sinceSection(report.previous).join('\n')}\n` : '';
  return blocks.join('\n') + formatTextFooter(report.series.length, patches, countBySeverity(report.findings)) + since;
}

/** Input problems, for stderr: `patchlint: file:line: message`. */
export function formatErrors(report: Pick<LintReport, 'errors'>): string {
  return report.errors.map((e) => `patchlint: ${printable(describeInputError(e))}\n`).join('');
}
