import type { Rule } from '../../src/engine/types.js';
import { qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

// QAPIDoc.end(): every section but a plain one needs text ("text required
// after 'Since:'"), and `Features:` needs feature descriptions.
const rule: Rule = {
  meta: {
    id: 'qapi/doc-empty-section',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A tagged section (Since:, Returns:, a @member:, Features:) has no text.',
    wholeFile: true,
  },
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      for (const doc of view.after.docs) {
        for (const problem of doc.problems) {
          if (problem.kind === 'empty-section' && view.changed(problem.line)) ctx.report({ file: view.path, line: problem.line, message: problem.message });
        }
      }
    }
  },
};

export default rule;
