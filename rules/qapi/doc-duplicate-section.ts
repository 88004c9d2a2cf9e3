import type { Rule } from '../../src/engine/types.js';
import { qapiViews, SCHEMA_FILES } from '../../src/qapi/views.js';

// parser.py get_doc / QAPIDoc.new_tagged_section: `Since`, `Returns`,
// `Errors` and `Features:` may appear once per doc block, and a member is
// described once ("duplicated 'Since' section", "'x' parameter name duplicated").
const KINDS = new Set(['duplicate-section', 'duplicate-name']);

const rule: Rule = {
  meta: {
    id: 'qapi/doc-duplicate-section',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A doc block has a second Since:, Returns:, Errors: or Features: section, or describes a member twice.',
    wholeFile: true,
  },
  async check(ctx) {
    for (const view of await qapiViews(ctx)) {
      for (const doc of view.after.docs) {
        for (const problem of doc.problems) {
          if (KINDS.has(problem.kind) && view.changed(problem.line)) ctx.report({ file: view.path, line: problem.line, message: problem.message });
        }
      }
    }
  },
};

export default rule;
