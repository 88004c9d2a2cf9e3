import { isImported } from '../../src/checkpatch/files.js';
import type { Rule } from '../../src/engine/types.js';

// checkpatch.pl, process_end_of_file() (2025): a new source file "MUST have
// SPDX license declared": `ERROR: New file '%s' requires
// 'SPDX-License-Identifier'` for new .c .h .py .pl .sh .json .inc and
// Makefile* files. (Its warning for other new files, "Does new file '%s'
// need 'SPDX-License-Identifier'?", is a question, not a finding, and is
// left out.)
// Its `$f =~ /(\.(c|h|py|pl|sh|json|inc)|Makefile.*)$/`, in two steps: as one
// regular expression every `Makefile` in a path would scan to its end.
const SOURCE_FILE = /\.(?:c|h|py|pl|sh|json|inc)$/;
const needsSpdx = (path: string) => SOURCE_FILE.test(path) || path.split(/[\n\r\u2028\u2029]/).at(-1)!.includes('Makefile');

const rule: Rule = {
  meta: { id: 'style/spdx-missing', severity: 'error', scope: 'patch', needs: 'diff', description: 'A new source file has no SPDX-License-Identifier line.' },
  check(ctx) {
    for (const file of ctx.patch!.files) {
      if (file.status !== 'added' || file.binary || isImported(file.path) || !needsSpdx(file.path)) continue;
      if (file.added.some((l) => l.text.includes('SPDX-License-Identifier: '))) continue;
      ctx.report({ message: `New file '${file.path}' requires 'SPDX-License-Identifier'`, file: file.path, line: file.added[0]?.line ?? null });
    }
  },
};

export default rule;
