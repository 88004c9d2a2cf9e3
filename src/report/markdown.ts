// Markdown for places that render it: GitHub check summaries, issues, chat.
import type { Finding, Severity } from '../engine/types.js';
import { formatRanges } from '../patch/series.js';
import { SEVERITY_ICON, countBySeverity, countsSentence, patchLabel } from './counts.js';
import { printable } from './printable.js';
import type { PreviousSummary, ReportWithPrevious } from './previous.js';
import { fixedWhere, sinceHeadline, stillThere } from './since.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function where(f: Finding): string {
  if (!f.file) return f.line ? `commit message, line ${f.line}` : '—';
  return `\`${f.file}${f.line ? `:${f.line}` : ''}\``;
}

/** Counts per rule, most frequent first: the check summary's first table. */
export function ruleCountsTable(findings: readonly Finding[]): string {
  const counts = new Map<string, { severity: Severity; n: number }>();
  for (const f of findings) {
    const entry = counts.get(f.rule) ?? { severity: f.severity, n: 0 };
    entry.n++;
    counts.set(f.rule, entry);
  }
  const rows = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]));
  return ['| rule | severity | findings |', '|---|---|---:|', ...rows.map(([rule, e]) => `| \`${rule}\` | ${e.severity} | ${e.n} |`)].join('\n');
}

/** The "Since vN-1" section: the counts in bold, then what was fixed (also the GitHub App's review after a push). */
export function sinceMarkdown(previous: PreviousSummary): string[] {
  const out = [`**${sinceHeadline(previous)}**`, ''];
  if (previous.fixed.length) {
    out.push('Fixed:', '');
    for (const f of previous.fixed) out.push(`- \`${f.rule}\` ${escapeCell(f.message)} (${previous.label} ${fixedWhere(f)})`);
    out.push('');
  }
  return out;
}

export function formatMarkdown(report: ReportWithPrevious): string {
  const out: string[] = [];
  const counts = countBySeverity(report.findings);
  out.push(`**qemu-patchlint**: ${countsSentence(counts)}`, '');
  if (report.findings.length) out.push(ruleCountsTable(report.findings), '');
  if (report.previous) out.push(...sinceMarkdown(report.previous));
  // Findings by series and patch, looked up once each (a large mbox has many series).
  const byPatch = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const key = `${f.series}/${f.patch}`;
    const list = byPatch.get(key);
    if (list) list.push(f);
    else byPatch.set(key, [f]);
  }
  report.series.forEach((series, i) => {
    out.push(`### ${series.version > 1 ? `v${series.version}: ` : ''}${series.subject}`, '');
    if (series.missing.length) out.push(`Missing from the input: patches ${formatRanges(series.missing)} of ${series.total}.`, '');
    for (const note of series.notes) out.push(`> ${note}`, '');
    for (const patch of series.patches) {
      const own = byPatch.get(`${i}/${patch.index}`) ?? [];
      if (!own.length) continue;
      const label = patchLabel(patch.index, series.total);
      out.push(`#### ${label ? label + ' ' : ''}${patch.subject}`, '', '| | rule | where | message |', '|---|---|---|---|');
      for (const f of own) out.push(`| ${SEVERITY_ICON[f.severity]} | \`${f.rule}\` | ${where(f)} | ${escapeCell(f.message)}${stillThere(f, report.previous)} |`);
      out.push('');
    }
  });
  if (report.errors.length) {
    out.push('### Inputs that could not be read', '');
    for (const e of report.errors) out.push(`- \`${e.input}\`${e.line ? ` line ${e.line}` : ''}: ${e.message}`);
    out.push('');
  }
  return printable(out.join('\n'));
}
