// Where a rule's documentation lives: its page beside its code in this
// package (for `patchlint rules ID`), and its URL (for SARIF and mail).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { packageRoot } from '../package-root.js';

/** Where the rule pages are published: `docs-url` of the config, else package.json's homepage. */
export const DEFAULT_DOCS_URL: string = `${pkg.homepage}/blob/main`;

export function ruleDocUrl(id: string, base: string = DEFAULT_DOCS_URL): string {
  return `${base.replace(/(?<!\/)\/+$/, '')}/rules/${id}.md`;
}

/** The markdown page of a rule, or undefined when the package lacks it. */
export async function readRuleDoc(id: string): Promise<string | undefined> {
  return readFile(join(packageRoot(), 'rules', `${id}.md`), 'utf8').catch(() => undefined);
}

/**
 * A rule page for a terminal: section headings in capitals, code blocks
 * indented instead of fenced, the rest as written (it is plain enough).
 */
export function markdownForTerminal(markdown: string): string {
  const out: string[] = [];
  let code = false;
  for (const line of markdown.replace(/(?<!\n)\n+$/, '').split('\n')) {
    if (/^```/.test(line)) {
      code = !code;
      continue;
    }
    if (code) out.push(line ? `    ${line}` : '');
    else if (/^# /.test(line)) out.push(line.slice(2));
    else if (/^#{2,6} /.test(line)) out.push(line.replace(/^#+ /, '').toUpperCase());
    else out.push(line.replace(/\*\*([^*]+)\*\*/g, '$1'));
  }
  return out.join('\n') + '\n';
}
