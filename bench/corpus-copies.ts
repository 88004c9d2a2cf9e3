// The real corpus (../shared/corpus) as mail texts, and copies of them with
// unique Message-IDs (threading kept), to build large inputs for the benchmarks.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS = resolve(import.meta.dirname, '../../shared/corpus');

/** The corpus mails as text, each ready to be rewritten per copy. */
export function corpusMails(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => readFileSync(join(CORPUS, f), 'utf8'));
}

/** Makes every Message-ID of copy `n` unique, threading kept intact. */
export function copyOf(mail: string, n: number): string {
  return mail.replace(/<([^<>\s@]+)@([^<>\s]+)>/g, (_m, local: string, host: string) => `<${local}.c${n}@${host}>`);
}
