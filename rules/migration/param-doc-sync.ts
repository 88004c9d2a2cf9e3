import type { Rule } from '../../src/engine/types.js';
import { DEFINITION_NAMES, newParameters } from '../../src/migration/parameters.js';
import { seriesSchema } from '../../src/migration/series-schema.js';

// Before QEMU 11.0 each parameter is documented three times in
// qapi/migration.json (MigrationParameter, MigrateSetParameters,
// MigrationParameters) and the copies are kept identical, since included;
// from 11.0 only MigrationParameters documents it (RULES.md §4.3).
const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

const rule: Rule = {
  meta: {
    id: 'migration/param-doc-sync',
    severity: 'warning',
    scope: 'series',
    needs: 'diff',
    description: 'The copies of a new migration parameter\'s description in qapi/migration.json differ.',
  },
  async check(ctx) {
    for (const p of await newParameters(seriesSchema(ctx))) {
      const [first, ...others] = p.docs;
      if (!first) continue;
      for (const other of others) {
        if (normal(other.doc.text) === normal(first.doc.text)) continue;
        ctx.report({
          patch: other.patch,
          file: 'qapi/migration.json',
          line: other.doc.line,
          message: `the description of '${p.name}'${other.key ? ` in ${DEFINITION_NAMES[other.key]}` : ''} differs from the one${first.key ? ` in ${DEFINITION_NAMES[first.key]}` : ''} at line ${first.doc.line}: keep the copies identical`,
        });
      }
    }
  },
};

export default rule;
