import type { Rule } from '../../src/engine/types.js';
import { DOC_INDENT_ENFORCED_SINCE, enforcedSeverity } from '../../src/qapi/doc-format.js';
import { reportDocProblems } from '../../src/qapi/doc-problems.js';
import { SCHEMA_FILES } from '../../src/qapi/views.js';

// parser.py get_doc_indented: a description's first continuation line sets
// the indentation; the next line indented less is "unexpected de-indent
// (expected at least N spaces)" and the build fails (QEMU 9.0 on; a warning
// for older releases, whose parser measured indentation differently).
const rule: Rule = {
  meta: {
    id: 'qapi/doc-indent',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A continuation line of a doc description is indented less than the line before it (unexpected de-indent).',
    wholeFile: true,
  },
  check: (ctx) => {
    const severity = enforcedSeverity(ctx.release, DOC_INDENT_ENFORCED_SINCE);
    return reportDocProblems(ctx, ['indent'], () => ({ severity }));
  },
};

export default rule;
