import type { Rule } from '../../src/engine/types.js';
import { qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

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
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      for (const doc of view.after.docs) {
        for (const problem of doc.problems) {
          if (problem.kind !== 'hash-space' || !view.changed(problem.line)) continue;
          const text = view.diff.lines.get(problem.line)?.text;
          const fixed = text?.replace(/^(\s*)#(?=\S)/, '$1# ');
          ctx.report({ file: view.path, line: problem.line, message: problem.message, ...(fixed && fixed !== text ? { fix: { replacement: [fixed] } } : {}) });
        }
      }
    }
  },
};

export default rule;
