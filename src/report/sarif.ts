// SARIF 2.1.0, for code-scanning tools. Rule metadata rides along so that a
// viewer can show each rule's description without this tool.
import type { LintReport } from './summary.js';
import type { RuleMeta, Severity } from '../engine/types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function toSarif(report: LintReport, rules: readonly RuleMeta[], toolVersion: string) {
  const used = rules.filter((r) => report.findings.some((f) => f.rule === r.id));
  const indexOf = new Map(used.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'qemu-patchlint',
            version: toolVersion,
            rules: used.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
              // Each rule's page (what, why, examples) ships beside its code.
              properties: { scope: r.scope, needs: r.needs, docs: `rules/${r.id}.md` },
            })),
          },
        },
        results: report.findings.map((f) => {
          const series = report.series[f.series];
          const patch = series?.patches.find((p) => p.index === f.patch);
          const where = `patch ${f.patch}/${series?.total ?? '?'} "${patch?.subject ?? ''}"`;
          return {
            ruleId: f.rule,
            ...(indexOf.has(f.rule) ? { ruleIndex: indexOf.get(f.rule) } : {}),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: f.file
              ? [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: f.file },
                      ...(f.line ? { region: { startLine: f.line, ...(f.endLine ? { endLine: f.endLine } : {}) } } : {}),
                    },
                  },
                ]
              : [{ logicalLocations: [{ name: f.line ? `commit message line ${f.line} of ${where}` : where, kind: 'module' }] }],
            properties: { series: f.series, patch: f.patch, ...(patch?.messageId ? { messageId: patch.messageId } : {}) },
          };
        }),
      },
    ],
  };
}

export function formatSarif(report: LintReport, rules: readonly RuleMeta[], toolVersion: string): string {
  return JSON.stringify(toSarif(report, rules, toolVersion), null, 2) + '\n';
}
