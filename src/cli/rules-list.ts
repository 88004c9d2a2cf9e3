// `patchlint rules`: what each rule checks, at which level; `rules ID`
// prints that rule's page.
import { ALL_RULES } from '../../rules/index.js';
import type { Io } from './main.js';
import { UsageError, parse } from './options.js';

export async function listRules(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string', short: 'f' } });
  const metas = ALL_RULES.map((r) => r.meta).sort((a, b) => a.id.localeCompare(b.id));
  if (positionals.length) {
    const { markdownForTerminal, readRuleDoc } = await import('../report/docs.js');
    for (const id of positionals) {
      if (!metas.some((m) => m.id === id)) throw new UsageError(`rules ${id}: no such rule (patchlint rules lists them)`);
    }
    const pages: string[] = [];
    for (const id of positionals) {
      const doc = await readRuleDoc(id);
      if (!doc) {
        io.stderr(`patchlint: rules/${id}.md is not installed with this package\n`);
        return 2;
      }
      pages.push(markdownForTerminal(doc));
    }
    io.stdout(pages.join('\n'));
    return 0;
  }
  if (values.format === 'json') {
    io.stdout(JSON.stringify(metas, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...metas.map((m) => m.id.length));
  // `fix` marks the rules whose findings `patchlint fix` can repair.
  for (const m of metas) io.stdout(`${m.id.padEnd(width)}  ${m.severity.padEnd(7)}  ${m.scope.padEnd(6)}  ${m.fixable ? 'fix' : '   '}  ${m.description}\n`);
  return 0;
}
