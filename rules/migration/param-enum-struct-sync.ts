import type { Rule } from '../../src/engine/types.js';
import { DEFINITION_NAMES, newParameters } from '../../src/migration/parameters.js';
import { partialSeriesContext } from '../../src/migration/c-files.js';
import { seriesSchema } from '../../src/migration/series-schema.js';

// A migration parameter is listed in MigrationParameter (the enum HMP and
// the C code switch on), MigrationParameters and, before QEMU 11.0,
// MigrateSetParameters, with the same type in both structs except the TLS
// ones (str vs StrOrNull). RULES.md §4.3; the direct-io patch touched all three.
const TLS_TYPES = new Set(['str', 'StrOrNull']);
const NAMED_KEYS = ['parameterEnum', 'parameters', 'setParameters'] as const;
type NamedKey = (typeof NAMED_KEYS)[number];

const rule: Rule = {
  meta: {
    id: 'migration/param-enum-struct-sync',
    severity: 'error',
    scope: 'series',
    needs: 'files',
    description: 'A new migration parameter is missing from MigrationParameter, MigrationParameters or MigrateSetParameters, or its types differ.',
  },
  async check(ctx) {
    // A partial series: the missing patches may hold what is looked for, so findings are infos naming them.
    ctx = partialSeriesContext(ctx);
    const schema = seriesSchema(ctx);
    const params = await newParameters(schema);
    if (!params.length) return;
    const final = await schema.final();
    for (const p of params) {
      // Which definitions exist after the series: the tree knows; else those the series adds to.
      const exists = (key: NamedKey) => (final ? !!final[key] : !!p.added[key] || undefined);
      const has = (key: NamedKey) => (final ? !!final[key]?.entries.has(p.name) : !!p.added[key]);
      // A copy in a struct the hunks do not name may be either one.
      const missing = NAMED_KEYS.filter((k) => exists(k) === true && !has(k) && !(k !== 'parameterEnum' && p.added.parameterStructs));
      const where = p.added.parameters ?? p.added.setParameters ?? p.added.parameterEnum!;
      if (missing.length) {
        ctx.report({
          patch: where.patch,
          file: 'qapi/migration.json',
          line: where.entry.line,
          message: `'${p.name}' is added to ${NAMED_KEYS.filter(has).map((k) => DEFINITION_NAMES[k]).join(' and ')} but not to ${missing.map((k) => DEFINITION_NAMES[k]).join(' and ')}`,
        });
      }
      const a = final?.parameters?.entries.get(p.name)?.type ?? p.added.parameters?.entry.type;
      const b = final?.setParameters?.entries.get(p.name)?.type ?? p.added.setParameters?.entry.type;
      if (a && b && a !== b && !(TLS_TYPES.has(a) && TLS_TYPES.has(b))) {
        const set = p.added.setParameters ?? where;
        ctx.report({
          patch: set.patch,
          file: 'qapi/migration.json',
          line: set.entry.line,
          message: `'${p.name}' is '${a}' in MigrationParameters but '${b}' in MigrateSetParameters: the types must agree (only the TLS members differ, str and StrOrNull)`,
        });
      }
    }
  },
};

export default rule;
