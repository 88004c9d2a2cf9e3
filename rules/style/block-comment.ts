import { isCFile } from '../../src/checkpatch/files.js';
import { COMMENT, type HunkLine, checkedFiles, displayWidth, indentOf, trimEndBlanks, sanitisedHunks } from '../../src/checkpatch/hunks.js';
import type { Rule } from '../../src/engine/types.js';

// checkpatch.pl's four "Block comment styles" warnings (docs/devel/style.rst:
// multi-line comments open with /* alone and close with */ alone, with a *
// on each line between, aligned). Its regexes are rewritten as plain string
// tests so that a megabyte line costs linear time.

/** `^\+.*\/\*.*\*\/[ \t]*$`: a comment opened and closed on the line. */
function inlineComment(text: string): boolean {
  const t = trimEndBlanks(text);
  const open = t.indexOf('/*');
  return t.endsWith('*/') && open >= 0 && open + 2 <= t.length - 2;
}

/** `^\+.*\/\*\*?+[ \t]*[^ \t]`: text after the opening /* (or /**) on its line. */
function textAfterOpening(text: string): boolean {
  const open = text.indexOf('/*');
  if (open < 0) return false;
  const after = open + 2 + (text[open + 2] === '*' ? 1 : 0);
  return /[^ \t]/.test(text.slice(after));
}

const endsInComment = (code: string) => trimEndBlanks(code).endsWith(COMMENT);
const startsWithStar = (text: string) => text.slice(indentOf(text).length).startsWith('*');

function check(prev: HunkLine | undefined, line: HunkLine): string[] {
  if (!line.added) return [];
  const warnings: string[] = [];
  const { text } = line;
  if (!inlineComment(text) && textAfterOpening(text)) warnings.push('Block comments use a leading /* on a separate line');

  const prevOpens = !!prev?.added && prev.text.includes('/*') && !trimEndBlanks(prev.text).endsWith('*/');
  if (prev && endsInComment(prev.code) && prevOpens && !startsWithStar(text)) warnings.push('Block comments use * on subsequent lines');

  const t = trimEndBlanks(text);
  if (t.endsWith('*/') && t.slice(indentOf(t).length) !== '*/' && !inlineComment(text) && !t.endsWith('**/')) {
    warnings.push('Block comments use a trailing */ on a separate line');
  }

  const inComment = line.code.slice(indentOf(line.code).length).startsWith(COMMENT);
  const prevStar = !!prev?.added && startsWithStar(prev.text);
  if (prev && endsInComment(prev.code) && inComment && startsWithStar(text) && (prevOpens || prevStar)) {
    // The column of the previous line's * (the one in its /*, or its leading *).
    const before = /^([ \t]*\/?)\*/.exec(prev.text)?.[1] ?? prev.text.slice(0, prev.text.lastIndexOf('*'));
    if (displayWidth(before) !== displayWidth(indentOf(text))) warnings.push('Block comments should align the * on each line');
  }
  return warnings;
}

const rule: Rule = {
  meta: { id: 'style/block-comment', severity: 'warning', scope: 'patch', needs: 'diff', description: 'Added multi-line C comments open with /* alone, close with */ alone, and align a * on each line.' },
  check(ctx) {
    for (const file of checkedFiles(ctx.patch!.files)) {
      if (!isCFile(file.path)) continue;
      for (const lines of sanitisedHunks(ctx, file)) {
        lines.forEach((line, i) => {
          for (const message of check(lines[i - 1], line)) ctx.report({ message, file: file.path, line: line.line });
        });
      }
    }
  },
};

export default rule;
