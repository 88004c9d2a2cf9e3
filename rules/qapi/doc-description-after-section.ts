import type { Rule } from '../../src/engine/types.js';
import { reportDocProblems } from '../../src/qapi/doc-problems.js';
import { SCHEMA_FILES } from '../../src/qapi/views.js';

// parser.py get_doc: member, argument, value and branch descriptions are
// one run, before any other section ("description of '@x:' follows a
// section"). The build fails; QEMU has rejected it since 2017 (QEMU 2.9,
// then worded "'@x:' can't follow 'Since' section").
const rule: Rule = {
  meta: {
    id: 'qapi/doc-description-after-section',
    severity: 'error',
    scope: 'patch',
    needs: 'diff',
    files: SCHEMA_FILES,
    description: 'A @member: description follows a tagged section, a plain paragraph after the descriptions, or Features:.',
    wholeFile: true,
  },
  check: (ctx) => reportDocProblems(ctx, ['description-after-section']),
};

export default rule;
