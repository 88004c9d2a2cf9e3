import type { Rule } from '../../src/engine/types.js';
import { reportDocProblems } from '../../src/qapi/doc-problems.js';
import { SCHEMA_FILES } from '../../src/qapi/views.js';

// parser.py get_doc: a line starting `@x:` in free-form documentation
// (a block whose first line is not `@SYMBOL:`) is "'@x:' not allowed in
// free-form documentation", usually a definition doc whose symbol line is
// missing. The build fails; checked since QEMU 2.9 (2017).
const rule: Rule = {
  meta: {
    id: 'qapi/doc-freeform-at-name',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A free-form doc block (no @SYMBOL: line) has a line starting @name:.',
    wholeFile: true,
  },
  check: (ctx) => reportDocProblems(ctx, ['freeform-at-name']),
};

export default rule;
