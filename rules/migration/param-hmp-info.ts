import type { Rule } from '../../src/engine/types.js';
import { HMP_CMDS_C, seriesCFiles, seriesIsComplete } from '../../src/migration/c-files.js';
import { PARAMETER_CONST } from '../../src/migration/c-facts.js';
import { functionBody, identsMatching, mentions } from '../../src/migration/functions.js';
import { newParameters } from '../../src/migration/parameters.js';
import { seriesSchema } from '../../src/migration/series-schema.js';

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
    if (!seriesIsComplete(ctx)) return;
    const params = await newParameters(seriesSchema(ctx));
    if (!params.length) return;
    const body = await functionBody(seriesCFiles(ctx), HMP_CMDS_C, INFO);
    if (!body || !identsMatching(body, PARAMETER_CONST).length) return;
    for (const p of params) {
      const value = p.added.parameterEnum;
      if (!value || mentions(body, p.constant)) continue;
      ctx.report({
        patch: value.patch,
        file: 'qapi/migration.json',
        line: value.entry.line,
        message: `${INFO}() does not print ${p.constant}: "info migrate_parameters" will not show '${p.name}' (${body.whole ? 'checked in the tree' : 'checked in the hunks of the series that show it'})`,
      });
    }
  },
};

export default rule;
