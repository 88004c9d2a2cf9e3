import { isCFile } from '../../src/checkpatch/files.js';
import { checkedFiles, postImageHunks } from '../../src/checkpatch/hunks.js';
import type { Rule } from '../../src/engine/types.js';
import type { PostLine } from '../../src/patch/model.js';

// include/qapi/error.h (error_setg) and util/error-report.c (vreport): "The
// resulting message should be a single phrase, with no newline or trailing
// punctuation." checkpatch checks only the newline; the period is what
// reviewers (Markus Armbruster, the error API's maintainer) keep asking
// about. error_append_hint() and error_printf() take sentences and are not
// checked.
const MESSAGE_FUNCTIONS = /\b(?:error_setg|error_setg_errno|error_setg_win32|error_set|error_report|warn_report|info_report)\s*\(/;

/**
 * The format string of a call starting at `from` on `lines[0]`, as the
 * string literals (and the macros like PRIu64 between them) up to the first
 * `,` or `)` after the first literal, over at most a few lines: the last
 * literal's text and the line it is on. Undefined when it cannot tell.
 */
function lastFormatLiteral(lines: readonly PostLine[], from: number): { text: string; line: PostLine } | undefined {
  let last: { text: string; line: PostLine } | undefined;
  for (let n = 0; n < Math.min(lines.length, 4); n++) {
    const line = lines[n]!;
    const text = line.text;
    let i = n === 0 ? from : 0;
    if (!last) {
      i = text.indexOf('"', i);
      if (i < 0) {
        if (/[;{}]/.test(text.slice(n === 0 ? from : 0))) return undefined;
        continue;
      }
    }
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        let end = i + 1;
        while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
        if (end >= text.length) return undefined;
        last = { text: text.slice(i + 1, end), line };
        i = end + 1;
      } else if (/[\s\w]/.test(c)) i++;
      else return c === ',' || c === ')' ? last : undefined;
    }
  }
  return undefined;
}

const rule: Rule = {
  meta: { id: 'style/error-message-period', severity: 'warning', scope: 'patch', needs: 'diff', description: 'An added error_setg()/error_report() message ends with a period.' },
  check(ctx) {
    for (const file of checkedFiles(ctx.patch!.files)) {
      if (!isCFile(file.path)) continue;
      for (const hunk of postImageHunks(file)) {
        hunk.forEach((line, i) => {
          const call = line.added ? MESSAGE_FUNCTIONS.exec(line.text) : null;
          if (!call) return;
          const format = lastFormatLiteral(hunk.slice(i), call.index + call[0].length);
          if (!format || !format.text.endsWith('.') || format.text.endsWith('..')) return;
          ctx.report({ message: 'Error messages should not end with a period: "a single phrase, with no newline or trailing punctuation"', file: file.path, line: format.line.line });
        });
      }
    }
  },
};

export default rule;
