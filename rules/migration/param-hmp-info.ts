import type { Rule } from '../../src/engine/types.js';
import { PARAMETER_CONST } from '../../src/migration/c-facts.js';
import { identsMatching, newParametersMissingIn } from '../../src/migration/functions.js';

// hmp_info_migrate_parameters() in migration/migration-hmp-cmds.c prints
// every parameter as MigrationParameter_str(MIGRATION_PARAMETER_<NAME>);
// one left out is invisible in "info migrate_parameters".
const INFO = 'hmp_info_migrate_parameters';

const rule: Rule = {
  meta: {
    id: 'migration/param-hmp-info',
    severity: 'warning',
    scope: 'series',
    needs: 'tree',
    description: 'A new MigrationParameter value is not printed by hmp_info_migrate_parameters().',
  },
  async check(ctx) {
    // The printing is known: some MIGRATION_PARAMETER_* value in the body.
    const { missing, basis } = await newParametersMissingIn(ctx, INFO, (body) => identsMatching(body, PARAMETER_CONST).length > 0);
    for (const { param, value } of missing) {
      ctx.report({
        patch: value.patch,
        file: 'qapi/migration.json',
        line: value.entry.line,
        message: `${INFO}() does not print ${param.constant}: "info migrate_parameters" will not show '${param.name}' (${basis})`,
      });
    }
  },
};

export default rule;
