import type { Rule } from '../../src/engine/types.js';
import { type KnownAccessor, knownCapabilityAccessors } from '../../src/migration/accessors.js';
import { callsOf, capabilityProperties, identifiers } from '../../src/migration/c-facts.js';
import { MIGRATION_JSON, OPTIONS_C, type SeriesCFiles, basisNote, partialSeriesContext, seriesCFiles } from '../../src/migration/c-files.js';
import { accessorName, capabilityConstant } from '../../src/migration/names.js';
import { seriesSchema } from '../../src/migration/series-schema.js';

// Every MigrationCapability value has an accessor in migration/options.c,
// `bool migrate_<name>(void)` returning s->capabilities[MIGRATION_CAPABILITY_<NAME>]
// (the leading x_ dropped from the name): the rest of QEMU reads capabilities
// only through it (RULES.md §4.1, §4.2).
const rule: Rule = {
  meta: {
    id: 'migration/cap-accessor-missing',
    severity: 'error',
    scope: 'series',
    needs: 'files',
    description: 'A new MigrationCapability value has no migrate_<name>() accessor in migration/options.c returning its capabilities[] entry.',
  },
  async check(ctx) {
    const changes = await seriesSchema(ctx).changes();
    if (!changes.some((c) => c.added.capabilities.length)) return;
    const files = seriesCFiles(ctx);
    const accessors = await knownCapabilityAccessors(files);
    const fromTree = !!(await files.final(OPTIONS_C));
    for (const change of changes) {
      const prefix = change.after?.capabilities?.prefix;
      for (const cap of change.added.capabilities) {
        const constant = capabilityConstant(cap.name, prefix);
        const expected = accessorName(cap.name);
        const named = accessors.find((a) => a.name === expected);
        if (named?.constants.includes(constant)) {
          if (named.step !== undefined && named.step > change.step) reportEarlyUse(ctx, files, cap.name, constant, named, change.step);
          continue;
        }
        if (named) {
          ctx.report({
            patch: named.patch ?? change.patch,
            file: named.patch !== undefined ? OPTIONS_C : MIGRATION_JSON,
            line: named.patch !== undefined ? named.line : cap.line,
            message: `${expected}() returns s->capabilities[${named.constants.join(', ')}], not ${constant}: the accessor of '${cap.name}' reads another capability (${basisNote(ctx.plan.kind, fromTree)})`,
          });
          continue;
        }
        const other = accessors.find((a) => a.constants.includes(constant));
        if (other) {
          ctx.report({
            patch: other.patch ?? change.patch,
            file: other.patch !== undefined ? OPTIONS_C : MIGRATION_JSON,
            line: other.patch !== undefined ? other.line : cap.line,
            severity: 'warning',
            message: `the accessor of '${cap.name}' is ${other.name}(); options.c names capability accessors after the value (x_ dropped): call it ${expected}()`,
          });
          continue;
        }
        // A partial series: the missing patches may add the accessor (an info naming them).
        partialSeriesContext(ctx).report({
          patch: change.patch,
          file: MIGRATION_JSON,
          line: cap.line,
          message: `capability '${cap.name}' has no accessor: add "bool ${expected}(void)" returning s->capabilities[${constant}] to ${OPTIONS_C} (${basisNote(ctx.plan.kind, fromTree)})`,
        });
      }
    }
  },
};

/**
 * The accessor arrives after the capability: fine for the series, but worth
 * a word when a patch in between already uses the capability.
 */
function reportEarlyUse(ctx: Parameters<Rule['check']>[0], files: SeriesCFiles, value: string, constant: string, accessor: KnownAccessor, from: number): void {
  const paths = new Set([...files.touchedCFilesAdding(constant), ...files.touchedCFilesAdding(accessor.name)]);
  for (const path of [...paths].sort()) {
    for (const h of files.hunks(path)) {
      if (h.step < from || h.step >= accessor.step!) continue;
      for (const scan of h.post) {
        // Its DEFINE_PROP_MIG_CAP entry is plumbing, not a use.
        const properties = new Set(capabilityProperties(scan).map((p) => p.line));
        const use = [...identifiers(scan, new RegExp(`^${constant}$`)), ...callsOf(scan, accessor.name)].find((t) => t.changed && !properties.has(t.line));
        if (!use) continue;
        ctx.report({
          patch: h.patch,
          file: path,
          line: use.line,
          severity: 'info',
          message:
            use.text === accessor.name
              ? `this patch calls ${accessor.name}() before patch ${accessor.patch} defines it: the series does not build in between (bisection)`
              : `this patch uses capability '${value}' (${constant}) before its accessor ${accessor.name}() arrives in patch ${accessor.patch}`,
        });
        return;
      }
    }
  }
}

export default rule;
