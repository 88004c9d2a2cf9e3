import { checkedFiles } from '../../src/checkpatch/hunks.js';
import type { Rule } from '../../src/engine/types.js';

// checkpatch.pl: `ERROR: DOS line endings` for an added line with a CR
// (`/^\+.*\015/`), in any file.
const rule: Rule = {
  meta: { id: 'style/dos-line-endings', severity: 'error', scope: 'patch', needs: 'diff', description: 'An added line ends in CR LF.' },
  check(ctx) {
    for (const file of checkedFiles(ctx.patch!.files)) {
      for (const line of file.added) {
        if (line.cr || line.text.includes('\r')) ctx.report({ message: 'DOS line endings', file: file.path, line: line.line });
      }
    }
  },
};

export default rule;
