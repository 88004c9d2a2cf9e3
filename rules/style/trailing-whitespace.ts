import { isDocsText } from '../../src/checkpatch/files.js';
import { checkedFiles } from '../../src/checkpatch/hunks.js';
import type { Rule } from '../../src/engine/types.js';

// checkpatch.pl: `ERROR: trailing whitespace` on any added line of any file
// (`/^\+.*\S\s+$/` or `/^\+\s+$/`), except docs/*.txt and *.md, whose code
// blocks have their own rule, and lines with a CR (style/dos-line-endings).
const BLANK = new Set([' ', '\t', '\f', '\v']);

const rule: Rule = {
  meta: { id: 'style/trailing-whitespace', severity: 'error', scope: 'patch', needs: 'diff', description: 'An added line ends with spaces or tabs.', fixable: true },
  check(ctx) {
    for (const file of checkedFiles(ctx.patch!.files)) {
      // Reference outputs of the iotests must match the program byte for byte.
      if (isDocsText(file.path) || /^tests\/qemu-iotests\/.*\.out$/.test(file.path)) continue;
      for (const line of file.added) {
        if (line.cr || line.text.includes('\r') || !BLANK.has(line.text.at(-1) ?? '')) continue;
        let end = line.text.length;
        while (end > 0 && BLANK.has(line.text[end - 1]!)) end--;
        ctx.report({ message: 'trailing whitespace', file: file.path, line: line.line, fix: { replacement: [line.text.slice(0, end)] } });
      }
    }
  },
};

export default rule;
