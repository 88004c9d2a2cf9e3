import { isSourceFile, tabsAllowed } from '../../src/checkpatch/files.js';
import { checkedFiles } from '../../src/checkpatch/hunks.js';
import type { Rule } from '../../src/engine/types.js';

// checkpatch.pl: "in QEMU, no tabs are allowed": `ERROR: code indent should
// never use tabs` for any tab in an added line of a $SrcFile, except
// assembly and the scripts imported from other projects.
const rule: Rule = {
  meta: { id: 'style/tabs', severity: 'error', scope: 'patch', needs: 'diff', description: 'An added line of a source file contains a tab.' },
  check(ctx) {
    for (const file of checkedFiles(ctx.patch!.files)) {
      if (!isSourceFile(file.path) || tabsAllowed(file.path)) continue;
      for (const line of file.added) {
        if (line.text.includes('\t')) ctx.report({ message: 'code indent should never use tabs', file: file.path, line: line.line });
      }
    }
  },
};

export default rule;
