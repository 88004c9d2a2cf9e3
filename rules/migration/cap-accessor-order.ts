import type { Rule } from '../../src/engine/types.js';
import { addedCapabilityAccessors, addedPrototypes, capabilityAccessorNames } from '../../src/migration/accessors.js';
import { CLIENT_OPTIONS_H, OPTIONS_C, OPTIONS_H, seriesCFiles } from '../../src/migration/c-files.js';
import { type Neighbours, definitionNeighbours, prototypeNeighbours, sortedPlace } from '../../src/migration/order.js';

// migration/options.c and options.h list the capability accessors in
// alphabetical order (the "/* capabilities */" blocks); a nudge, since
// upstream itself has one exception (migrate_mapped_ram()).
const rule: Rule = {
  meta: {
    id: 'migration/cap-accessor-order',
    severity: 'info',
    scope: 'series',
    needs: 'diff',
    description: 'A new capability accessor (or its prototype) is out of alphabetical order with its neighbours.',
  },
  async check(ctx) {
    // Only options.c and the two headers hold capability accessors.
    if (!ctx.series.patches.some((p) => p.files.some((f) => f.path === OPTIONS_C || f.path === OPTIONS_H || f.path === CLIENT_OPTIONS_H))) return;
    const files = seriesCFiles(ctx);
    const headers = addedPrototypes(files, undefined, [OPTIONS_H, CLIENT_OPTIONS_H]);
    if (!addedCapabilityAccessors(files).length && !headers.length) return;
    const names = await capabilityAccessorNames(files);
    const report = (patch: number, file: string, line: number, name: string, n: Neighbours) => {
      const wrong = [
        ...(n.before && name < n.before ? [`before ${n.before}() above it`] : []),
        ...(n.after && name > n.after ? [`after ${n.after}() below it`] : []),
      ];
      if (!wrong.length) return;
      const place = n.block && sortedPlace(name, n.block);
      ctx.report({
        patch,
        file,
        line,
        message: `${name}() is out of alphabetical order among the capability accessors: it sorts ${wrong.join(' and ')}${place ? `; put it ${place}` : ''}`,
      });
    };

    for (const accessor of addedCapabilityAccessors(files)) {
      const whole = await files.fullAt(OPTIONS_C, accessor.step);
      const scan = whole ?? files.hunks(OPTIONS_C).find((h) => h.patch === accessor.patch)?.post.find((s) => s.functions.some((f) => f.line === accessor.line));
      if (scan) report(accessor.patch, OPTIONS_C, accessor.line, accessor.name, definitionNeighbours(scan, accessor.name, accessor.line, !!whole));
    }
    for (const proto of headers) {
      if (!names.has(proto.name)) continue;
      const whole = await files.fullAt(proto.path, proto.step);
      const scan = whole ?? files.hunks(proto.path).find((h) => h.patch === proto.patch)?.post.find((s) => s.prototypes.some((p) => p.line === proto.line));
      if (scan) report(proto.patch, proto.path, proto.line, proto.name, prototypeNeighbours(scan, proto.name, proto.line, !!whole));
    }
  },
};

export default rule;
