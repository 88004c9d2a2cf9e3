import type { Rule } from '../../src/engine/types.js';
import { OPTIONS_C, missingPatchesNote, seriesCFiles } from '../../src/migration/c-files.js';
import { functionBody, mentions } from '../../src/migration/functions.js';
import { inStruct, newParameters } from '../../src/migration/parameters.js';
import { seriesSchema } from '../../src/migration/series-schema.js';

// migrate_params_check() in migration/options.c rejects out-of-range values
// ("a value between 1 and 9"); a range stated in the doc and never checked
// is a promise nothing keeps. A heuristic, hence info.
const RANGE = /\bbetween\s+-?\d+\s+and\s+-?\d+|\brange of\s+-?\d+\s+to\s+-?\d+|\bin the range\b/i;
const CHECK = 'migrate_params_check';

const rule: Rule = {
  meta: {
    id: 'migration/param-check',
    severity: 'info',
    scope: 'series',
    needs: 'files',
    description: 'A new migration parameter documents a range that migrate_params_check() does not check.',
  },
  async check(ctx) {
    const params = await newParameters(seriesSchema(ctx));
    if (!params.length) return;
    const body = await functionBody(seriesCFiles(ctx), OPTIONS_C, CHECK);
    if (!body) return;
    for (const p of params) {
      if (!inStruct(p) || mentions(body, p.field) || mentions(body, `has_${p.field}`)) continue;
      const doc = p.docs.find((d) => RANGE.test(d.doc.text));
      if (!doc) continue;
      ctx.report({
        patch: doc.patch,
        file: 'qapi/migration.json',
        line: doc.doc.line,
        message: `the doc of '${p.name}' states a range ("${RANGE.exec(doc.doc.text)![0]}") that ${CHECK}() never checks: reject other values there with error_setg()${missingPatchesNote(ctx)}`,
      });
    }
  },
};

export default rule;
