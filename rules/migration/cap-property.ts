import type { Rule } from '../../src/engine/types.js';
import { newCapabilitiesWithAccessor } from '../../src/migration/accessors.js';
import { capabilityPropertyExists } from '../../src/migration/capability-uses.js';
import { MIGRATION_JSON, missingPatchesNote, seriesCFiles } from '../../src/migration/c-files.js';

// migration/options.c migration_properties[] gives most capabilities a
// DEFINE_PROP_MIG_CAP property, so that `-global migration.<prop>=on`
// works; four have none, so this is only a nudge (RULES.md §4.2).
const rule: Rule = {
  meta: {
    id: 'migration/cap-property',
    severity: 'info',
    scope: 'series',
    needs: 'files',
    description: 'A new MigrationCapability value has no DEFINE_PROP_MIG_CAP entry in migration_properties[] (optional).',
  },
  async check(ctx) {
    const files = seriesCFiles(ctx);
    for (const { patch, cap, constant } of await newCapabilitiesWithAccessor(ctx)) {
      if (await capabilityPropertyExists(files, constant)) continue;
      ctx.report({
        patch,
        file: MIGRATION_JSON,
        line: cap.line,
        message: `capability '${cap.name}' has no DEFINE_PROP_MIG_CAP("${cap.name}", ${constant}) in migration_properties[] (migration/options.c); add one if -global migration.${cap.name}=on should work${missingPatchesNote(ctx)}`,
      });
    }
  },
};

export default rule;
