import type { Rule } from '../../src/engine/types.js';
import { qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

// scripts/qapi/parser.py: the QAPI generator stops at the first syntax error,
// so the build fails. Report what the patch introduced: an error on a line it
// adds, or (whole file) one in a file that parsed before the patch.
const rule: Rule = {
  meta: {
    id: 'qapi/syntax',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'The QAPI schema does not parse (QEMU\'s parser message: stray characters, double quotes, missing or trailing commas, ...).',
    wholeFile: true,
  },
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      const brokenBefore = (view.before?.errors.length ?? 0) > 0;
      // The first error of a line only: the parser recovers token by token, and a
      // line of 100,000 quotes would otherwise be 50,000 findings quoting it.
      const reported = new Set<number>();
      for (const error of view.after.errors) {
        const introduced = view.added(error.line) || (view.after.mode === 'whole' && !!view.before && !brokenBefore);
        if (!introduced || reported.has(error.line)) continue;
        reported.add(error.line);
        ctx.report({ file: view.path, line: error.line, message: `${error.message} (column ${error.col})` });
      }
    }
  },
};

export default rule;
