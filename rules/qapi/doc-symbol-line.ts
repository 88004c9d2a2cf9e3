import type { Rule } from '../../src/engine/types.js';
import { reportDocProblems } from '../../src/qapi/doc-problems.js';
import { SCHEMA_FILES } from '../../src/qapi/views.js';

// parser.py get_doc and _parse, expr.py check_exprs: definition
// documentation starts `@NAME:` ("line should end with ':'", "name required
// after '@'"), is directly followed by that definition ("documentation for
// 'X' is not followed by the definition", "documentation comment is for
// 'X'"), and a free-form block there is "definition documentation
// required". The build fails; checked since QEMU 2.9 (2017).
const rule: Rule = {
  meta: {
    id: 'qapi/doc-symbol-line',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: "A definition's doc block does not start with @NAME: for the definition it precedes, or is not followed by it.",
    wholeFile: true,
  },
  check: (ctx) => reportDocProblems(ctx, ['symbol-line']),
};

export default rule;
