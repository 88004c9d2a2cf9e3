import type { Rule } from '../../src/engine/types.js';
import { addedCapabilityAccessors, removedCapabilityAccessors } from '../../src/migration/accessors.js';
import { capabilityAccessors } from '../../src/migration/c-facts.js';
import { OPTIONS_C, basisNote, seriesCFiles, partialSeriesContext } from '../../src/migration/c-files.js';
import { accessorName, capabilityConstant } from '../../src/migration/names.js';
import { seriesSchema } from '../../src/migration/series-schema.js';

// An accessor in migration/options.c exists for a MigrationCapability value;
// one whose constant is not (or no longer) a value is dead code that does
// not even build (RULES.md §4.2).
const rule: Rule = {
  meta: {
    id: 'migration/cap-accessor-orphan',
    severity: 'warning',
    scope: 'series',
    needs: 'tree',
    description: 'A capability accessor reads a MIGRATION_CAPABILITY_* constant that is not a MigrationCapability value, e.g. one the series removes.',
  },
  async check(ctx) {
    // A partial series: the missing patches may hold what is looked for, so findings are infos naming them.
    ctx = partialSeriesContext(ctx);
    const files = seriesCFiles(ctx);
    const schema = seriesSchema(ctx);
    const changes = await schema.changes();
    // Nothing to judge: no accessor added, no value removed.
    if (!addedCapabilityAccessors(files).length && !changes.some((c) => c.removed.capabilities.length)) return;
    const final = await schema.final();
    const finalCaps = final?.capabilities;
    const constantsAfter = finalCaps ? new Set([...finalCaps.entries.keys()].map((v) => capabilityConstant(v, finalCaps.prefix))) : undefined;
    const addedNames = new Set(changes.flatMap((c) => c.added.capabilities.map((e) => e.name)));
    // Values the series removes and does not add back.
    const removed = changes.flatMap((c) => c.removed.capabilities.filter((e) => !addedNames.has(e.name)).map((e) => ({ entry: e, change: c })));
    const goneConstants = new Set(removed.map((r) => capabilityConstant(r.entry.name, r.change.after?.capabilities?.prefix)));
    const removedAccessors = new Set(removedCapabilityAccessors(files).map((a) => a.name));
    const accessorsOfNewValues = new Set([...addedNames].map(accessorName));

    // A new accessor of a constant that is not a value (the missing-accessor rule speaks for misnamed ones).
    for (const a of addedCapabilityAccessors(files)) {
      if (accessorsOfNewValues.has(a.name)) continue;
      for (const constant of a.constants) {
        const gone = constantsAfter ? !constantsAfter.has(constant) : goneConstants.has(constant);
        if (!gone) continue;
        ctx.report({
          patch: a.patch,
          file: OPTIONS_C,
          line: a.line,
          message: `${a.name}() returns s->capabilities[${constant}], but ${constant} is not a MigrationCapability value (${basisNote(ctx.plan.kind, !!constantsAfter)})`,
        });
      }
    }

    // An accessor left behind by a removed value.
    for (const { entry, change } of removed) {
      const constant = capabilityConstant(entry.name, change.after?.capabilities?.prefix);
      const scan = await files.fullAt(OPTIONS_C, files.last);
      const atStep = await files.fullAt(OPTIONS_C, change.step);
      const leftFromTree = scan && atStep ? capabilityAccessors(scan).filter((a) => a.constants.includes(constant)).map((a) => capabilityAccessors(atStep).find((b) => b.fn.name === a.fn.name) ?? a) : undefined;
      // Without a tree, an accessor some hunk shows that no patch removes.
      const left =
        leftFromTree?.map((a) => ({ a, line: a.fn.line ?? null })) ??
        files
          .hunks(OPTIONS_C)
          .flatMap((h) => h.post.flatMap(capabilityAccessors).map((a) => ({ a, line: h.patch === change.patch ? (a.fn.line ?? null) : null })))
          .filter(({ a }) => a.constants.includes(constant) && !removedAccessors.has(a.fn.name) && a.fn.line !== undefined);
      for (const { a, line } of left.filter((x, i, all) => all.findIndex((y) => y.a.fn.name === x.a.fn.name) === i)) {
        ctx.report({
          patch: change.patch,
          file: OPTIONS_C,
          line,
          message: `'${entry.name}' is removed from MigrationCapability, but ${a.fn.name}() still returns s->capabilities[${constant}]: remove the accessor and its prototype (${basisNote(ctx.plan.kind, !!leftFromTree)})`,
        });
      }
    }
  },
};

export default rule;
