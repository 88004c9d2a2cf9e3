import type { Rule } from '../../src/engine/types.js';
import { HMP_CMDS_C, seriesCFiles, seriesIsComplete } from '../../src/migration/c-files.js';
import { PARAMETER_CONST } from '../../src/migration/c-facts.js';
import { functionBody, mentions } from '../../src/migration/functions.js';
import { newParameters } from '../../src/migration/parameters.js';
import { seriesSchema } from '../../src/migration/series-schema.js';

// hmp_migrate_set_parameter() in migration/migration-hmp-cmds.c switches on
// the MigrationParameter value; its default: branch asserts, so a parameter
// without a case aborts QEMU on `migrate_set_parameter <name> ...` (even one
// HMP cannot set gets a case that sets an error, like block-bitmap-mapping).
const SET = 'hmp_migrate_set_parameter';

const rule: Rule = {
  meta: {
    id: 'migration/param-hmp-set',
    severity: 'error',
    scope: 'series',
    needs: 'tree',
    description: 'A new MigrationParameter value has no case in hmp_migrate_set_parameter(), whose default: branch aborts QEMU.',
  },
  async check(ctx) {
    if (!seriesIsComplete(ctx)) return;
    const params = await newParameters(seriesSchema(ctx));
    if (!params.length) return;
    const body = await functionBody(seriesCFiles(ctx), HMP_CMDS_C, SET);
    // The switch is known: some case label on a MIGRATION_PARAMETER_* value.
    if (!body || !body.tokens.some((t, i) => PARAMETER_CONST.test(t.text) && body.tokens[i - 1]?.text === 'case')) return;
    for (const p of params) {
      const value = p.added.parameterEnum;
      if (!value || mentions(body, p.constant)) continue;
      ctx.report({
        patch: value.patch,
        file: 'qapi/migration.json',
        line: value.entry.line,
        message: `${SET}() has no "case ${p.constant}:": HMP "migrate_set_parameter ${p.name} ..." reaches its default: branch and aborts QEMU (${body.whole ? 'checked in the tree' : 'checked in the hunks of the series that show it'})`,
      });
    }
  },
};

export default rule;
