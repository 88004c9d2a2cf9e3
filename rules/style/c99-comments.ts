import { isCFile } from '../../src/checkpatch/files.js';
import { checkedFiles, sanitisedHunks } from '../../src/checkpatch/hunks.js';
import type { Rule } from '../../src/engine/types.js';

// checkpatch.pl: `ERROR: do not use C99 // comments` when `//` remains in
// an added C line once strings and block comments are blanked out; the
// `// SPDX-License-Identifier:` line is the one allowed use.
const rule: Rule = {
  meta: { id: 'style/c99-comments', severity: 'error', scope: 'patch', needs: 'diff', description: 'An added C line uses a // comment.' },
  check(ctx) {
    for (const file of checkedFiles(ctx.patch!.files)) {
      if (!isCFile(file.path)) continue;
      for (const hunk of sanitisedHunks(ctx, file)) {
        for (const line of hunk) {
          if (line.added && line.code.includes('//') && !line.text.includes('// SPDX-License-Identifier: ')) {
            ctx.report({ message: 'do not use C99 // comments', file: file.path, line: line.line });
          }
        }
      }
    }
  },
};

export default rule;
