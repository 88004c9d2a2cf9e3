import type { Rule } from '../../src/engine/types.js';

// checkpatch.pl: `ERROR: do not set execute permissions for source files`
// when a `new file mode` or `new mode` line gives execute bits
// (`/^new (file )?mode.*[7531]\d{0,2}$/`) to a Makefile, .c, .cc, .cpp, .h,
// .mak, .s or .S file.
const SOURCE = /(?:\bMakefile(?:\.objs)?|\.c|\.cc|\.cpp|\.h|\.mak|\.[sS])$/;

const rule: Rule = {
  meta: { id: 'style/exec-mode', severity: 'error', scope: 'patch', needs: 'diff', description: 'The patch makes a source file executable.' },
  check(ctx) {
    for (const file of ctx.patch!.files) {
      if (file.status === 'deleted' || !file.newMode || !/[7531]\d{0,2}$/.test(file.newMode) || !SOURCE.test(file.path)) continue;
      ctx.report({ message: `do not set execute permissions for source files (${file.path}: mode ${file.newMode})`, file: file.path, line: file.added[0]?.line ?? null });
    }
  },
};

export default rule;
