import type { Rule } from '../../src/engine/types.js';
import { docFormatSeverity } from '../../src/qapi/doc-format.js';
import { addedDocLines, qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

// parser.py _validate_doc_line_format: a sentence end followed by one space
// and a capital, digit or `(` fails the build ("Use two spaces between
// sentences"). `e.g. X` and numbered items `1. X` are exempt; `i.e. Foo` is not.
const SINGLE_SPACE = /(\be\.g\.|^ *\d\.|([.!?])) (?=[A-Z0-9(])/g;

/** Where a doc line's text has a one-space sentence break: index of the space. */
function singleSpaces(text: string): number[] {
  return [...text.matchAll(SINGLE_SPACE)].filter((m) => m[2]).map((m) => m.index! + m[0].length - 1);
}

const rule: Rule = {
  meta: {
    id: 'qapi/doc-two-spaces',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'Sentences in a doc comment are separated by one space instead of two.',
    fixable: true,
    wholeFile: true,
  },
  async check(ctx) {
    const severity = docFormatSeverity(ctx.release);
    for (const view of await qapiViews(ctx)) {
      for (const { line } of addedDocLines(view)) {
        const spaces = singleSpaces(line.text);
        if (!spaces.length) continue;
        const at = spaces[0]!;
        const quote = line.text.slice(Math.max(0, line.text.lastIndexOf(' ', at - 1) + 1), at + 1 + (/^\S+/.exec(line.text.slice(at + 1))?.[0].length ?? 0));
        const raw = view.diff.lines.get(line.line)?.text ?? '';
        const offset = raw.length - raw.trimStart().length + 2;
        let fixed = raw;
        for (const space of [...spaces].reverse()) fixed = fixed.slice(0, offset + space) + ' ' + fixed.slice(offset + space);
        ctx.report({
          file: view.path,
          line: line.line,
          severity,
          message: `Use two spaces between sentences: "${quote}"${spaces.length > 1 ? ` (and ${spaces.length - 1} more on this line)` : ''}`,
          // A fix that makes the line too long would trade one build error for another.
          ...(raw.trimStart().startsWith('# ') && [...fixed.trimStart()].length <= 70 ? { fix: { replacement: [fixed] } } : {}),
        });
      }
    }
  },
};

export default rule;
