// SARIF 2.1.0, for code-scanning tools. Rule metadata rides along so that a
// viewer can show each rule's description without this tool.
import type { LintReport } from './summary.js';
import type { Finding, RuleMeta, Severity } from '../engine/types.js';
import { ruleDocUrl } from './docs.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A fix that replaces whole post-patch lines, as SARIF `fixes` (GitHub code
 * scanning and VS Code's SARIF viewer apply them). A region given by lines
 * alone spans them without the last line's end, so the text joins the new
 * lines without a trailing newline. Commit-message fixes have no file to
 * change and are left out.
 */
function sarifFixes(f: Finding) {
  if (!f.fix?.replacement || !f.file || !f.line) return {};
  return {
    fixes: [
      {
        description: { text: `${f.rule}: ${f.message}` },
        artifactChanges: [
          {
            artifactLocation: { uri: f.file },
            replacements: [{ deletedRegion: { startLine: f.line, endLine: f.endLine ?? f.line }, insertedContent: { text: f.fix.replacement.join('\n') } }],
          },
        ],
      },
    ],
  };
}

export function toSarif(report: LintReport, rules: readonly RuleMeta[], toolVersion: string, docsUrl?: string) {
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
              helpUri: ruleDocUrl(r.id, docsUrl),
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { scope: r.scope, needs: r.needs },
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
            ...sarifFixes(f),
            properties: { series: f.series, patch: f.patch, ...(patch?.messageId ? { messageId: patch.messageId } : {}) },
          };
        }),
      },
    ],
  };
}

export function formatSarif(report: LintReport, rules: readonly RuleMeta[], toolVersion: string, docsUrl?: string): string {
  return JSON.stringify(toSarif(report, rules, toolVersion, docsUrl), null, 2) + '\n';
}
