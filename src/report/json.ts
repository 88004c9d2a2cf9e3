// The stable JSON contract of DESIGN.md ("Output contract"). Field order and
// names are part of the contract: other tools parse this.
import type { LintReport } from '../engine/lint.js';
import { countBySeverity } from './counts.js';

export const FORMAT_VERSION = 1;

export function toJsonObject(report: LintReport, toolVersion: string) {
  return {
    tool: 'qemu-patchlint',
    version: toolVersion,
    formatVersion: FORMAT_VERSION,
    series: report.series.map((s) => ({
      subject: s.subject,
      version: s.version,
      total: s.total,
      missing: s.missing,
      patches: s.patches.map((p) => ({ index: p.index, subject: p.subject, messageId: p.messageId ?? null, author: p.author })),
      notes: [s.mode, s.releaseNote, ...s.notes],
    })),
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      series: f.series,
      patch: f.patch,
      file: f.file,
      line: f.line,
      ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
    })),
    errors: report.errors.map((e) => ({ input: e.input, message: e.line ? `line ${e.line}: ${e.message}` : e.message })),
    summary: {
      series: report.series.length,
      patches: report.series.reduce((n, s) => n + s.patches.filter((p) => p.index > 0).length, 0),
      ...countBySeverity(report.findings),
    },
  };
}

export function formatJson(report: LintReport, toolVersion: string): string {
  return JSON.stringify(toJsonObject(report, toolVersion), null, 2) + '\n';
}
