// What the hook prints on stderr: checkpatch's blocks (report/text.ts) under
// a line naming the mail, then one line saying whether the send goes on.
// Quiet when there is nothing to say, as git's own hooks are.
import type { Finding } from '../engine/types.js';
import { countBySeverity, countsSentence, plural } from '../report/counts.js';
import { formatFinding } from '../report/text.js';

export interface MailFindings {
  /** The file git passed for this mail. */
  name: string;
  /** The subject as sent, tags included. */
  subject: string;
  findings: Finding[];
}

export interface HookReport {
  mails: MailFindings[];
  /** What the hook could not check, and why. */
  notes: string[];
  /**
   * What could not be checked (`file:line: message`): shown, but it does not
   * stop the send; only error findings do.
   */
  errors: string[];
  /** Error findings refuse the send (false with `hook: { errors: warn }` or PATCHLINT_HOOK=warn). */
  blocking: boolean;
}

const BYPASS = 'git send-email --no-validate';

export function formatHookReport(report: HookReport): string {
  const out: string[] = [];
  for (const mail of report.mails) {
    if (!mail.findings.length) continue;
    out.push(`--- ${mail.name}: ${mail.subject}`);
    for (const finding of mail.findings) out.push(formatFinding(finding), '');
  }
  for (const error of report.errors) out.push(`patchlint: ${error}`);
  for (const note of report.notes) out.push(`NOTE: ${note}`);
  const all = report.mails.flatMap((m) => m.findings);
  if (!all.length && !report.errors.length) return out.length ? out.join('\n') + '\n' : '';

  const counts = countBySeverity(all);
  const mails = report.mails.filter((m) => m.findings.length).length;
  const summary = all.length
    ? `patchlint: ${countsSentence(counts)} in ${plural(mails, 'mail')}`
    : 'patchlint: not checked';
  if (counts.error && report.blocking) out.push(`${summary}: nothing was sent. Fix the patches, or send once without this check: ${BYPASS}`);
  else if (counts.error) out.push(`${summary}: errors do not stop the send here (hook errors set to warn)`);
  else out.push(`${summary}: the send goes on`);
  return out.join('\n') + '\n';
}

/** The exit status git send-email acts on: non-zero refuses the whole send. */
export function hookExitCode(report: HookReport): number {
  return report.blocking && report.mails.some((m) => m.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
