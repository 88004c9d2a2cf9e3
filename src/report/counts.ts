import type { Finding, Severity } from '../engine/types.js';

export type Counts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

const IRREGULAR: Record<string, string> = { patch: 'patches', series: 'series', info: 'infos' };

export function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : (IRREGULAR[word] ?? `${word}s`)}`;
}

/** `[PATCH v3 4/9]`-style label of a patch within its series. */
export function patchLabel(index: number, total: number): string {
  return total > 1 || index === 0 ? `${index}/${total}` : '';
}

/** `1 error, 2 warnings, 0 infos`: how every output states its totals. */
export function countsSentence(counts: Counts): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}`;
}

/** The marks markdown outputs (check summaries, reviews) put before a finding. */
export const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };
