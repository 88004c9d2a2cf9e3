import { isCFile } from '../../src/checkpatch/files.js';
import { checkedFiles, postImageHunks } from '../../src/checkpatch/hunks.js';
import type { Rule } from '../../src/engine/types.js';
import type { PostLine } from '../../src/patch/model.js';

// checkpatch.pl: `ERROR: Error messages should not contain newlines` for a
// call of QEMU's error functions whose string has `\n`, on the call's line
// or on a string literal continuing it on the following lines
// (include/qapi/error.h: "a single phrase, with no newline or trailing
// punctuation"; error_report() adds the newline itself).
const ERROR_FUNCTIONS = /\b(?:error_setg|error_setg_errno|error_setg_win32|error_setg_file_open|error_set|error_prepend|warn_reportf_err|error_reportf_err|error_vreport|warn_vreport|info_vreport|error_report|warn_report|info_report|g_test_message)\s*\(/;

/** `/\b(?:funcs)\s*\(.*\".*\\n/`: a call, then a quote, then a \n. */
function callWithNewline(text: string): boolean {
  const call = ERROR_FUNCTIONS.exec(text);
  if (!call) return false;
  const quote = text.indexOf('"', call.index + call[0].length);
  return quote >= 0 && text.indexOf('\\n', quote + 1) >= 0;
}

/** checkpatch's `\+\s*\"` (unanchored): a + then blanks then a quote, on the line with its diff marker. */
function literalStart(line: PostLine): number {
  const raw = (line.added ? '+' : ' ') + line.text;
  for (let plus = raw.indexOf('+'); plus >= 0; plus = raw.indexOf('+', plus + 1)) {
    let i = plus + 1;
    while (raw[i] === ' ' || raw[i] === '\t') i++;
    if (raw[i] === '"') return i;
  }
  return -1;
}

/** `\+\s*\".*\"`: a continued string literal line. */
function continuedLiteral(line: PostLine): boolean {
  const raw = (line.added ? '+' : ' ') + line.text;
  const start = literalStart(line);
  return start >= 0 && raw.indexOf('"', start + 1) >= 0;
}

/** `\+\s*\".*\\n.*\"`: a string literal line with a \n inside. */
function literalWithNewline(line: PostLine): boolean {
  const raw = (line.added ? '+' : ' ') + line.text;
  const start = literalStart(line);
  if (start < 0) return false;
  const newline = raw.indexOf('\\n', start + 1);
  return newline >= 0 && raw.indexOf('"', newline + 2) >= 0;
}

const rule: Rule = {
  meta: { id: 'style/error-message-newline', severity: 'error', scope: 'patch', needs: 'diff', description: 'An added error_report()/error_setg() message contains a newline.' },
  check(ctx) {
    for (const file of checkedFiles(ctx.patch!.files)) {
      if (!isCFile(file.path)) continue;
      for (const hunk of postImageHunks(file)) {
        // Where each run of string-literal lines starts, so that backing up
        // over one costs nothing however long it is.
        const runStart: number[] = [];
        hunk.forEach((line, i) => {
          runStart[i] = continuedLiteral(line) ? (i > 0 && runStart[i - 1]! >= 0 ? runStart[i - 1]! : i) : -1;
        });
        hunk.forEach((line, i) => {
          if (!line.added) return;
          let found = callWithNewline(line.text);
          if (!found && literalWithNewline(line)) {
            // Back up over the literal lines to the start of the statement.
            const j = i > 0 && runStart[i - 1]! >= 0 ? runStart[i - 1]! - 1 : i - 1;
            found = j >= 0 && ERROR_FUNCTIONS.test(hunk[j]!.text);
          }
          if (found) ctx.report({ message: 'Error messages should not contain newlines', file: file.path, line: line.line });
        });
      }
    }
  },
};

export default rule;
