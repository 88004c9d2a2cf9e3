import { isSourceFile } from '../../src/checkpatch/files.js';
import { checkedFiles, displayWidth, sanitisedHunks } from '../../src/checkpatch/hunks.js';
import type { Rule } from '../../src/engine/types.js';

// checkpatch.pl, "#90 column limit; exempt URLs, if no other words on
// line": `WARNING: line over 80 characters`, `ERROR: line over 90
// characters`, for added lines of a $SrcFile, tabs expanded. A line that is
// only a string literal (`"..."`, `"...",`, `"...");`) and a line that is
// only a URL are exempt. Checked by hand rather than with checkpatch's
// regexes, which backtrack badly on long lines.

/** `^\s*"[^"]*"\s*(?:\s*|,|\)\s*;)\s*$` on the sanitised line (string contents are X). */
function onlyAString(code: string): boolean {
  const start = code.indexOf('"');
  if (start < 0 || code.slice(0, start).trim() !== '') return false;
  const end = code.indexOf('"', start + 1);
  if (end < 0) return false;
  const rest = code.slice(end + 1).replace(/\s/g, '');
  return rest === '' || rest === ',' || rest === ');';
}

/** `^[^[:alnum:]]*https?:\S*$` on the raw line. */
function onlyAUrl(text: string): boolean {
  const first = text.search(/[A-Za-z0-9]/);
  return first >= 0 && /^https?:/.test(text.slice(first)) && !/\s/.test(text.slice(first));
}

const rule: Rule = {
  meta: { id: 'style/line-length', severity: 'warning', scope: 'patch', needs: 'diff', description: 'An added line of a source file is over 80 columns (over 90 is an error).' },
  check(ctx) {
    for (const file of checkedFiles(ctx.patch!.files)) {
      if (!isSourceFile(file.path)) continue;
      for (const hunk of sanitisedHunks(ctx, file)) {
        for (const line of hunk) {
          if (!line.added) continue;
          const width = displayWidth(line.text);
          if (width <= 80 || onlyAString(line.code) || onlyAUrl(line.text)) continue;
          if (width > 90) ctx.report({ message: 'line over 90 characters', file: file.path, line: line.line, severity: 'error' });
          else ctx.report({ message: 'line over 80 characters', file: file.path, line: line.line });
        }
      }
    }
  },
};

export default rule;
