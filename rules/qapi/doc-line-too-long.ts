import type { Rule } from '../../src/engine/types.js';
import { docFormatSeverity } from '../../src/qapi/doc-format.js';
import { rewrapFix } from '../../src/qapi/fixes.js';
import { addedDocLines, qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

// parser.py _validate_doc_line_format (merged late 2025): `len("# " + text)`
// over 70 fails the build, except a line that is only a URL. Literal blocks
// are not checked.
const LIMIT = 70;
const URL_ONLY = /^ *(https?|ftp):\/\/[^ ]*$/;

const rule: Rule = {
  meta: {
    id: 'qapi/doc-line-too-long',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A doc-comment line is longer than 70 characters (outside literal blocks; URLs exempt).',
    wholeFile: true,
    fixable: true,
  },
  async check(ctx) {
    const severity = docFormatSeverity(ctx.release);
    for (const view of await qapiViews(ctx)) {
      for (const { doc, line } of addedDocLines(view)) {
        // Python's len() counts code points.
        const length = [...line.text].length + 2;
        if (length > LIMIT && !URL_ONLY.test(line.text)) {
          // The paragraph rewrapped; lists, literal blocks and directives are left to the author.
          const section = doc.sections.find((s) => s.lines.some((l) => l.line === line.line));
          const fix = section && rewrapFix(view, section, line.line);
          ctx.report({ file: view.path, line: line.line, severity, message: `documentation line longer than ${LIMIT} characters (${length})`, ...(fix ? { fix } : {}) });
        }
      }
    }
  },
};

export default rule;
