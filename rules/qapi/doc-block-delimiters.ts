import type { Rule } from '../../src/engine/types.js';
import { reportDocProblems } from '../../src/qapi/doc-problems.js';
import { SCHEMA_FILES } from '../../src/qapi/views.js';

// parser.py get_doc: a doc block opens and closes with a comment that is
// exactly `##` ("junk after '##' at start of documentation comment", "... at
// end ..."), and only comments come between ("documentation comment must end
// with '##'"). The build fails; QEMU has checked this since its doc parser
// came (QEMU 2.9, 2017).
const rule: Rule = {
  meta: {
    id: 'qapi/doc-block-delimiters',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A doc block does not open or close with a line that is exactly ##, or code cuts it short.',
    wholeFile: true,
  },
  check: (ctx) => reportDocProblems(ctx, ['block-delimiters']),
};

export default rule;
