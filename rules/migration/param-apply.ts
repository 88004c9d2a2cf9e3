import type { Rule } from '../../src/engine/types.js';
import { OPTIONS_C, seriesCFiles, partialSeriesContext } from '../../src/migration/c-files.js';
import { type FunctionBody, functionBody, identsMatching, mentions } from '../../src/migration/functions.js';
import { inStruct, newParameters, parameterLocation } from '../../src/migration/parameters.js';
import { seriesSchema } from '../../src/migration/series-schema.js';

// migration/options.c copies parameters field by field in
// migrate_params_test_apply() and migrate_params_apply() (and, before QEMU
// 11.0, in qmp_query_migrate_parameters()): a parameter left out is silently
// ignored by migrate-set-parameters or never shown by query-migrate-parameters
// (RULES.md §4.3). Trees that copy with QAPI_CLONE or visitors need nothing.
const COPIERS: Array<{ fn: string; effect: string }> = [
  { fn: 'migrate_params_test_apply', effect: 'migrate_params_check() never sees the value it is given' },
  { fn: 'migrate_params_apply', effect: 'migrate-set-parameters silently ignores it' },
  { fn: 'qmp_query_migrate_parameters', effect: 'query-migrate-parameters never returns it' },
];

/** A body that copies member by member: it tests or sets several has_ flags. */
function copiesFieldByField(body: FunctionBody): boolean {
  return new Set(identsMatching(body, /^has_\w+$/).map((t) => t.text)).size >= 2;
}

const rule: Rule = {
  meta: {
    id: 'migration/param-apply',
    severity: 'error',
    scope: 'series',
    needs: 'files',
    description: 'A new migration parameter is not copied by the options.c functions that copy parameters field by field.',
  },
  async check(ctx) {
    // A partial series: the missing patches may hold what is looked for, so findings are infos naming them.
    ctx = partialSeriesContext(ctx);
    const files = seriesCFiles(ctx);
    const params = (await newParameters(seriesSchema(ctx))).filter(inStruct);
    if (!params.length) return;
    for (const { fn, effect } of COPIERS) {
      const body = await functionBody(files, OPTIONS_C, fn);
      if (!body || !copiesFieldByField(body)) continue;
      for (const p of params) {
        if (mentions(body, p.field) || mentions(body, `has_${p.field}`)) continue;
        ctx.report({ ...parameterLocation(p), message: `${fn}() never copies ${p.field}: ${effect} (${body.whole ? 'checked in the tree' : 'checked in the hunks of the series that show it'})` });
      }
    }
  },
};

export default rule;
