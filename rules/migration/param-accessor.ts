import type { Rule } from '../../src/engine/types.js';
import { addedPrototypes, finalDeclarations } from '../../src/migration/accessors.js';
import { parameterFieldReads } from '../../src/migration/c-facts.js';
import { OPTIONS_C, missingPatchesNote, seriesCFiles } from '../../src/migration/c-files.js';
import { accessorName } from '../../src/migration/names.js';
import { newParameters } from '../../src/migration/parameters.js';
import { seriesSchema } from '../../src/migration/series-schema.js';

// Since the 2023 split of migration/options.c, parameters are read through
// accessors (`uint64_t migrate_max_bandwidth(void)`) declared in
// migration/options.h, or include/migration/client-options.h for code
// outside migration/ (migrate_vcpu_dirty_limit_period() replaced a direct
// read in system/dirtylimit.c). RULES.md §4.3.
const rule: Rule = {
  meta: {
    id: 'migration/param-accessor',
    severity: 'info',
    scope: 'series',
    needs: 'diff',
    description: 'Code outside migration/ reads a migration parameter directly, or a new parameter accessor has no prototype.',
  },
  async check(ctx) {
    const files = seriesCFiles(ctx);
    for (const path of files.touchedCFilesAdding('parameters')) {
      if (path.startsWith('migration/') || !path.endsWith('.c')) continue;
      for (const h of files.hunks(path)) {
        for (const scan of h.post) {
          // Only MigrationState's parameters: the hunk shows where it comes from.
          if (!scan.tokens.some((t) => t.text === 'migrate_get_current' || t.text === 'MigrationState')) continue;
          for (const read of parameterFieldReads(scan)) {
            if (!read.changed) continue;
            ctx.report({
              patch: h.patch,
              file: path,
              line: read.line,
              message: `${path} reads parameters.${read.text} directly: add an accessor ${accessorName(read.text)}() to ${OPTIONS_C} (declared in include/migration/client-options.h) and call it`,
            });
          }
        }
      }
    }
    for (const p of await newParameters(seriesSchema(ctx))) {
      const name = accessorName(p.name);
      const defined = files.hunks(OPTIONS_C).flatMap((h) => h.post.flatMap((s) => s.functions.filter((f) => f.name === name && f.headChanged && !f.isStatic).map((f) => ({ f, patch: h.patch }))))[0];
      if (!defined || addedPrototypes(files, name).length) continue;
      if ((await finalDeclarations(files, name)).known.length) continue;
      ctx.report({
        patch: defined.patch,
        file: OPTIONS_C,
        line: defined.f.line ?? null,
        message: `${name}() has no prototype: declare it under /* parameters */ in migration/options.h (or include/migration/client-options.h if code outside migration/ calls it)${missingPatchesNote(ctx)}`,
      });
    }
  },
};

export default rule;
