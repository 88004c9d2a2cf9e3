import type { Rule } from '../../src/engine/types.js';
import { reportDocProblems } from '../../src/qapi/doc-problems.js';
import { SCHEMA_FILES } from '../../src/qapi/views.js';

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
  check: (ctx) => reportDocProblems(ctx, ['empty-section']),
};

export default rule;
