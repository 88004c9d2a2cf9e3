import type { Rule } from '../../src/engine/types.js';
import { reportDocProblems } from '../../src/qapi/doc-problems.js';
import { SCHEMA_FILES } from '../../src/qapi/views.js';

// parser.py get_doc (2024 onwards): `Note:`/`Notes:` and `Example:`/`Examples:`
// sections are rejected in favour of rST `.. note::` and `.. qmp-example::`.
const rule: Rule = {
  meta: {
    id: 'qapi/doc-obsolete-tag',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A doc block uses the removed Note:/Notes:/Example:/Examples: sections instead of .. note:: / .. qmp-example::.',
    wholeFile: true,
  },
  check: (ctx) => reportDocProblems(ctx, ['obsolete-tag']),
};

export default rule;
