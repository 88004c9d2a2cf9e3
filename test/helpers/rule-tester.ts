// ESLint's RuleTester, for patches: a rule's tests are a table of mails that
// must pass clean and mails with the exact findings they must produce.
import { describe, expect, it } from 'vitest';
import type { Finding, Rule, Severity } from '../../src/engine/types.js';
import { type LintTextOptions, lintText } from './lint.js';

export interface ValidCase extends Omit<LintTextOptions, 'rules'> {
  name: string;
  /** One mail, or an mbox of several (see helpers/mail.ts). */
  patch: string;
}

export interface ExpectedFinding {
  /** null for commit-message and series findings. */
  file?: string | null;
  line?: number | null;
  endLine?: number;
  /** Exact text, or a pattern the message must match. */
  message?: string | RegExp;
  severity?: Severity;
  patch?: number;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

function matches(finding: Finding, expected: ExpectedFinding): boolean {
  if (expected.file !== undefined && finding.file !== expected.file) return false;
  if (expected.line !== undefined && finding.line !== expected.line) return false;
  if (expected.endLine !== undefined && finding.endLine !== expected.endLine) return false;
  if (expected.severity !== undefined && finding.severity !== expected.severity) return false;
  if (expected.patch !== undefined && finding.patch !== expected.patch) return false;
  if (typeof expected.message === 'string' && finding.message !== expected.message) return false;
  if (expected.message instanceof RegExp && !expected.message.test(finding.message)) return false;
  return true;
}

function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `  ${f.severity} ${f.rule} patch ${f.patch} ${f.file ?? '<message>'}:${f.line ?? '-'}${f.endLine ? `-${f.endLine}` : ''} ${f.message}`).join('\n') || '  (none)';
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        const report = await lintText(c.patch, { ...c, rules: [rule] });
        expect(report.errors).toEqual([]);
        expect(report.findings, `expected no findings, got:\n${describeFindings(report.findings)}`).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const report = await lintText(c.patch, { ...c, rules: [rule] });
        expect(report.errors).toEqual([]);
        const unmatched = [...report.findings];
        for (const expected of c.errors) {
          const i = unmatched.findIndex((f) => matches(f, expected));
          expect(i, `no finding matches ${JSON.stringify(expected, (_k, v) => (v instanceof RegExp ? String(v) : v))}; got:\n${describeFindings(report.findings)}`).toBeGreaterThanOrEqual(0);
          unmatched.splice(i, 1);
        }
        expect(unmatched, `unexpected findings:\n${describeFindings(unmatched)}`).toEqual([]);
      });
    }
  });
}
