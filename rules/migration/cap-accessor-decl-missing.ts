import type { Rule } from '../../src/engine/types.js';
import { addedCapabilityAccessors, addedPrototypes, finalDeclarations, isNewFunction } from '../../src/migration/accessors.js';
import { CLIENT_OPTIONS_H, OPTIONS_C, OPTIONS_H, basisNote, seriesCFiles, partialSeriesContext } from '../../src/migration/c-files.js';

// migration/options.h "/* capabilities */" declares every accessor that
// migration/options.c defines; include/migration/client-options.h declares
// the ones code outside migration/ calls. A new accessor without either is
// unusable from the rest of migration/ (and trips -Wmissing-prototypes).
const rule: Rule = {
  meta: {
    id: 'migration/cap-accessor-decl-missing',
    severity: 'error',
    scope: 'series',
    needs: 'files',
    description: 'A new capability accessor in migration/options.c has no prototype in migration/options.h or include/migration/client-options.h.',
  },
  async check(ctx) {
    // A partial series: the missing patches may hold what is looked for, so findings are infos naming them.
    ctx = partialSeriesContext(ctx);
    const files = seriesCFiles(ctx);
    for (const accessor of addedCapabilityAccessors(files)) {
      if (accessor.isStatic) continue;
      // A moved or rewritten accessor keeps the prototype it already had.
      if (!(await isNewFunction(files, OPTIONS_C, accessor.name))) continue;
      if (addedPrototypes(files, accessor.name).length) continue;
      const { known, unknown } = await finalDeclarations(files, accessor.name);
      if (known.length) continue;
      const fromTree = unknown.length < 2;
      ctx.report({
        patch: accessor.patch,
        file: OPTIONS_C,
        line: accessor.line,
        message: `${accessor.name}() has no prototype: declare "${accessor.returnType} ${accessor.name}(void);" under /* capabilities */ in ${OPTIONS_H} (or in ${CLIENT_OPTIONS_H} if code outside migration/ calls it) (${basisNote(ctx.plan.kind, fromTree)})`,
      });
    }
  },
};

export default rule;
