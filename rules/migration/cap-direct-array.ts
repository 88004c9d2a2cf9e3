import type { Rule } from '../../src/engine/types.js';
import { OPTIONS_C, seriesCFiles } from '../../src/migration/c-files.js';
import { accessorName } from '../../src/migration/names.js';

// Since the 2023 accessor refactor (Juan Quintela's "migration: Create
// migrate_<cap>() function" series), migration/options.c is the only reader
// of s->capabilities[]; everything else calls the accessor.
const CONSTANT = /^MIGRATION_CAPABILITY_([A-Z0-9_]+)$/;

const rule: Rule = {
  meta: {
    id: 'migration/cap-direct-array',
    severity: 'info',
    scope: 'series',
    needs: 'diff',
    description: 'A line outside migration/options.c reads s->capabilities[MIGRATION_CAPABILITY_*] instead of calling the accessor.',
  },
  check(ctx) {
    const files = seriesCFiles(ctx);
    for (const path of files.touchedCFiles()) {
      if (path === OPTIONS_C || !path.endsWith('.c')) continue;
      // Scanning C is for telling code from comments; most files never mention the array.
      if (!files.adds(path, 'capabilities[')) continue;
      for (const h of files.hunks(path)) {
        for (const scan of h.post) {
          const t = scan.tokens;
          for (let i = 0; i + 2 < t.length; i++) {
            const m = CONSTANT.exec(t[i + 2]!.text);
            if (t[i]!.text !== 'capabilities' || t[i + 1]!.text !== '[' || !m || !t[i + 2]!.changed) continue;
            ctx.report({
              patch: h.patch,
              file: path,
              line: t[i]!.line,
              message: `${path} reads capabilities[${t[i + 2]!.text}] directly: call ${accessorName(m[1]!.toLowerCase().replace(/_/g, '-'))}() (migration/options.c is the only reader of the array)`,
            });
          }
        }
      }
    }
  },
};

export default rule;
