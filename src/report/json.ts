// The stable JSON contract (docs/OUTPUT.md). Field order and
// names are part of the contract: other tools parse this. JsonWriter streams
// the same text, series by series, so that a large mbox is never held whole.
import type { SeriesSummary } from './summary.js';
import type { Finding } from '../engine/types.js';
import type { InputError } from '../sources/inputs.js';
import { countBySeverity } from './counts.js';
import type { ReportWithPrevious } from './previous.js';

export const FORMAT_VERSION = 1;

export function jsonSeries(s: SeriesSummary) {
  return {
    subject: s.subject,
    version: s.version,
    total: s.total,
    missing: s.missing,
    patches: s.patches.map((p) => ({ index: p.index, subject: p.subject, messageId: p.messageId ?? null, author: p.author })),
    notes: [s.basis, s.releaseNote, ...s.notes],
  };
}

export function jsonFinding(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    series: f.series,
    patch: f.patch,
    file: f.file,
    line: f.line,
    ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.previously ? { previously: f.previously } : {}),
  };
}

export function jsonError(e: InputError) {
  return { input: e.input, message: e.line ? `line ${e.line}: ${e.message}` : e.message };
}

function tail(findings: readonly Finding[], errors: readonly InputError[], seriesCount: number, patchCount: number) {
  return {
    findings: findings.map(jsonFinding),
    errors: errors.map(jsonError),
    summary: { series: seriesCount, patches: patchCount, ...countBySeverity(findings) },
  };
}

export function toJsonObject(report: ReportWithPrevious, toolVersion: string) {
  const { findings, ...rest } = tail(report.findings, report.errors, report.series.length, countPatches(report.series));
  return {
    tool: 'qemu-patchlint',
    version: toolVersion,
    formatVersion: FORMAT_VERSION,
    series: report.series.map(jsonSeries),
    findings,
    // `--previous`: the previous version's findings that are gone, where they were then.
    ...(report.previous ? { fixed: report.previous.fixed.map(jsonFinding) } : {}),
    ...rest,
  };
}

function countPatches(series: readonly SeriesSummary[]): number {
  return series.reduce((n, s) => n + s.patches.filter((p) => p.index > 0).length, 0);
}

export function formatJson(report: ReportWithPrevious, toolVersion: string): string {
  return JSON.stringify(toJsonObject(report, toolVersion), null, 2) + '\n';
}

const indent = (text: string, spaces: number) => text.replace(/^/gm, ' '.repeat(spaces));

/** Writes exactly what formatJson would, a series at a time. */
export class JsonWriter {
  private seriesCount = 0;
  private patchCount = 0;

  constructor(
    private readonly write: (text: string) => void,
    toolVersion: string,
  ) {
    const head = JSON.stringify({ tool: 'qemu-patchlint', version: toolVersion, formatVersion: FORMAT_VERSION }, null, 2);
    this.write(`${head.slice(0, -2)},\n  "series": [`);
  }

  series(summary: SeriesSummary): void {
    this.write(`${this.seriesCount ? ',' : ''}\n${indent(JSON.stringify(jsonSeries(summary), null, 2), 4)}`);
    this.seriesCount++;
    this.patchCount += countPatches([summary]);
  }

  finish(findings: readonly Finding[], errors: readonly InputError[]): void {
    const rest = JSON.stringify(tail(findings, errors, this.seriesCount, this.patchCount), null, 2);
    this.write(`${this.seriesCount ? '\n  ' : ''}],\n${rest.slice(2)}\n`);
  }
}
