import type { Rule } from '../../src/engine/types.js';
import { PARAMETER_CONST } from '../../src/migration/c-facts.js';
import { newParametersMissingIn } from '../../src/migration/functions.js';

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
    // The switch is known: some case label on a MIGRATION_PARAMETER_* value.
    const { missing, basis } = await newParametersMissingIn(ctx, SET, (body) => body.tokens.some((t, i) => PARAMETER_CONST.test(t.text) && body.tokens[i - 1]?.text === 'case'));
    for (const { param, value } of missing) {
      ctx.report({
        patch: value.patch,
        file: 'qapi/migration.json',
        line: value.entry.line,
        message: `${SET}() has no "case ${param.constant}:": HMP "migrate_set_parameter ${param.name} ..." reaches its default: branch and aborts QEMU (${basis})`,
      });
    }
  },
};

export default rule;
