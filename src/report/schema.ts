// Output of `patchlint schema`: the debt of whole schema files. Text is one
// `file:line: severity: [rule] message` line per finding (as compilers print,
// so editors can jump to it), then the count per rule; JSON carries the same.
import type { Finding, Severity } from '../engine/types.js';
import type { InputError } from '../sources/inputs.js';
import { countBySeverity, countsSentence, plural } from './counts.js';
import { jsonError } from './json.js';

export interface SchemaReport {
  /** Tree paths of the files checked. */
  files: string[];
  lines: number;
  findings: Finding[];
  errors: InputError[];
}

/** Findings per rule, most frequent first. */
export function countByRule(findings: readonly Finding[]): Array<{ rule: string; severity: Severity; count: number }> {
  const counts = new Map<string, { rule: string; severity: Severity; count: number }>();
  for (const f of findings) {
    const entry = counts.get(f.rule) ?? { rule: f.rule, severity: f.severity, count: 0 };
    entry.count++;
    counts.set(f.rule, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

export function formatSchemaText(report: SchemaReport, options: { countsOnly?: boolean } = {}): string {
  const out: string[] = [];
  if (!options.countsOnly) {
    for (const f of report.findings) out.push(`${f.file}:${f.line}${f.endLine ? `-${f.endLine}` : ''}: ${f.severity}: [${f.rule}] ${f.message}`);
    if (report.findings.length) out.push('');
  }
  const rules = countByRule(report.findings);
  const width = Math.max(0, ...rules.map((r) => r.rule.length));
  for (const r of rules) out.push(`${r.rule.padEnd(width)}  ${r.severity.padEnd(7)}  ${String(r.count).padStart(5)}`);
  const counts = countBySeverity(report.findings);
  out.push(`total: ${countsSentence(counts)} in ${plural(report.files.length, 'file')} (${report.lines} lines)`);
  return out.join('\n') + '\n';
}

export function formatSchemaJson(report: SchemaReport, toolVersion: string): string {
  const json = {
    tool: 'qemu-patchlint',
    version: toolVersion,
    formatVersion: 1,
    files: report.files,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      file: f.file,
      line: f.line,
      ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
    })),
    counts: Object.fromEntries(countByRule(report.findings).map((r) => [r.rule, r.count])),
    errors: report.errors.map(jsonError),
    summary: { files: report.files.length, lines: report.lines, ...countBySeverity(report.findings) },
  };
  return JSON.stringify(json, null, 2) + '\n';
}
