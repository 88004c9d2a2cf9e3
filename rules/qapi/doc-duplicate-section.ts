import type { Rule } from '../../src/engine/types.js';
import { reportDocProblems } from '../../src/qapi/doc-problems.js';
import { SCHEMA_FILES } from '../../src/qapi/views.js';

// parser.py get_doc / QAPIDoc.new_tagged_section: `Since`, `Returns`,
// `Errors` and `Features:` may appear once per doc block, and a member is
// described once ("duplicated 'Since' section", "'x' parameter name duplicated").
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
  check: (ctx) => reportDocProblems(ctx, ['duplicate-section', 'duplicate-name']),
};

export default rule;
