import type { Rule } from '../../src/engine/types.js';
import { OPTIONS_C, seriesCFiles, partialSeriesContext } from '../../src/migration/c-files.js';
import { functionBody, mentions } from '../../src/migration/functions.js';
import { inStruct, newParameters, parameterLocation } from '../../src/migration/parameters.js';
import { hasPresenceFlag } from '../../src/migration/schema.js';
import { seriesSchema } from '../../src/migration/series-schema.js';

// QEMU 11.0 layout (RULES.md §4.3): migrate_mark_all_params_present() in
// migration/options.c lists &p->has_<member> of every parameter with a
// presence flag, and counts the pointer ones (tls-*) in n_str_args; its
// assert(len + n_str_args == MIGRATION_PARAMETER__MAX) aborts QEMU at
// startup when a parameter is missing. Older trees have no such function:
// the rule then says nothing.
const MARK_ALL = 'migrate_mark_all_params_present';

const rule: Rule = {
  meta: {
    id: 'migration/param-has-fields',
    severity: 'error',
    scope: 'series',
    needs: 'files',
    description: "A new migration parameter is missing from has_fields[] (or n_str_args) in migrate_mark_all_params_present(), whose assert aborts QEMU.",
  },
  async check(ctx) {
    // A partial series: the missing patches may hold what is looked for, so findings are infos naming them.
    ctx = partialSeriesContext(ctx);
    const schema = seriesSchema(ctx);
    const params = await newParameters(schema);
    if (!params.length) return;
    const files = seriesCFiles(ctx);
    const body = await functionBody(files, OPTIONS_C, MARK_ALL);
    if (!body || !mentions(body, 'has_fields')) return;
    const kinds = (await schema.final())?.kinds ?? new Map();
    const strArgsChanged = files.hunks(OPTIONS_C).some((h) => h.post.some((s) => s.tokens.some((t) => t.changed && t.fn === MARK_ALL && t.text === 'n_str_args')));
    for (const p of params) {
      if (!inStruct(p)) continue;
      const flag = hasPresenceFlag(p.type, kinds);
      if (flag === true && !mentions(body, `has_${p.field}`)) {
        ctx.report({
          ...parameterLocation(p),
          message: `${MARK_ALL}() does not list &p->has_${p.field} in has_fields[]: its assert(len + n_str_args == MIGRATION_PARAMETER__MAX) aborts QEMU at startup`,
        });
      } else if (flag === false && !strArgsChanged) {
        ctx.report({
          ...parameterLocation(p),
          message: `'${p.name}' (${p.type}) has no has_ flag, so ${MARK_ALL}() must count it in n_str_args, which no patch changes: its assert aborts QEMU at startup`,
        });
      }
    }
  },
};

export default rule;
