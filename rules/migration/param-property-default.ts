import type { Rule } from '../../src/engine/types.js';
import { parameterProperties } from '../../src/migration/c-facts.js';
import { OPTIONS_C, basisNote, seriesCFiles, partialSeriesContext } from '../../src/migration/c-files.js';
import { inStruct, newParameters, parameterLocation } from '../../src/migration/parameters.js';
import { seriesSchema } from '../../src/migration/series-schema.js';

// migration/options.c gives each parameter its default through a
// DEFINE_PROP_<TYPE>("<name>", MigrationState, parameters.<member>, DEFAULT)
// in the "/* Migration parameters */" block of migration_properties[]; the
// comment above migrate_mark_all_params_present() relies on it. A parameter
// whose doc promises a default but has no property starts at 0 instead.
const DEFAULT_TO = /\bdefaults? (?:to|is|value is)\s+'?([\w.-]+)'?/i;
// `(default: X)`: the head, then up to the next `)` found by a scan (as one
// regular expression, every head with no `)` after it would scan to the end).
const DEFAULT_PAREN = /\(default(:?)/gi;

/** The default a doc text states, as written: the first `defaults to X` or `(default: X)`. */
function statedDefault(text: string): string | undefined {
  const to = DEFAULT_TO.exec(text);
  const head = new RegExp(DEFAULT_PAREN);
  for (let m; (m = head.exec(text)) && (!to || m.index < to.index); ) {
    const close = text.indexOf(')', head.lastIndex);
    if (close < 0) break;
    const inside = text.slice(head.lastIndex, close);
    if (inside || m[1]) return inside || m[1];
  }
  return to?.[1];
}
const ZERO = /^(?:0|false|off|none|disabled|null)$/i;

const rule: Rule = {
  meta: {
    id: 'migration/param-property-default',
    severity: 'warning',
    scope: 'series',
    needs: 'files',
    description: 'A new migration parameter whose doc states a default has no DEFINE_PROP_* property in migration_properties[] to set it.',
  },
  async check(ctx) {
    // A partial series: the missing patches may hold what is looked for, so findings are infos naming them.
    ctx = partialSeriesContext(ctx);
    const params = await newParameters(seriesSchema(ctx));
    if (!params.length) return;
    const files = seriesCFiles(ctx);
    const final = await files.final(OPTIONS_C);
    const hunkProps = files.hunks(OPTIONS_C).flatMap((h) => h.post.flatMap(parameterProperties));
    // The tree sets parameter defaults through properties at all (every QEMU since 2.11 does).
    if (!(final ? parameterProperties(final).length : hunkProps.length)) return;
    const fields = new Set([...(final ? parameterProperties(final) : []), ...hunkProps.filter((p) => p.changed)].map((p) => p.field));
    for (const p of params) {
      if (!inStruct(p) || fields.has(p.field)) continue;
      const stated = p.docs.map((d) => statedDefault(d.doc.text)).find((v) => v !== undefined);
      const value = stated?.trim().replace(/(?<![.,;])[.,;]+$/, '');
      if (!value || ZERO.test(value)) continue;
      ctx.report({
        ...parameterLocation(p),
        message: `'${p.name}' documents a default (${value}) but migration_properties[] has no DEFINE_PROP_*("${p.name}", MigrationState, parameters.${p.field}, ...): it starts at 0 (${basisNote(ctx.plan.kind, !!final)})`,
      });
    }
  },
};

export default rule;
