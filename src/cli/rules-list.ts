// `patchlint rules`: what each rule checks, at which level.
import { ALL_RULES } from '../../rules/index.js';
import type { Io } from './main.js';
import { parse } from './options.js';

export async function listRules(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { format: { type: 'string', short: 'f' } });
  const metas = ALL_RULES.map((r) => r.meta).sort((a, b) => a.id.localeCompare(b.id));
  if (values.format === 'json') {
    io.stdout(JSON.stringify(metas, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...metas.map((m) => m.id.length));
  // `fix` marks the rules whose findings `patchlint fix` can repair.
  for (const m of metas) io.stdout(`${m.id.padEnd(width)}  ${m.severity.padEnd(7)}  ${m.scope.padEnd(6)}  ${m.fixable ? 'fix' : '   '}  ${m.description}\n`);
  return 0;
}
