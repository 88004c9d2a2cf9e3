import type { Rule } from '../../src/engine/types.js';
import { reportDocProblems } from '../../src/qapi/doc-problems.js';
import { SCHEMA_FILES } from '../../src/qapi/views.js';

// parser.py get_doc_line: an inner doc line is `#` alone or `# text`;
// anything else is "missing space after #" and the build fails.
const rule: Rule = {
  meta: {
    id: 'qapi/doc-hash-space',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A doc-comment line is neither "#" nor "# text" (missing space after #).',
    fixable: true,
    wholeFile: true,
  },
  check: (ctx) =>
    reportDocProblems(ctx, ['hash-space'], (view, problem) => {
      const text = view.diff.lines.get(problem.line)?.text;
      const fixed = text?.replace(/^(\s*)#(?=\S)/, '$1# ');
      return fixed && fixed !== text ? { fix: { replacement: [fixed] } } : {};
    }),
};

export default rule;
