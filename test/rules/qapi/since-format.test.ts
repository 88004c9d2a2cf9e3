import rule from '../../../rules/qapi/since-format.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/net.json', 353, [...context('##', '# @NetdevTapOptions:', '#'), ...lines, ...context('##', "{ 'struct': 'NetdevTapOptions', 'data': {} }")]));

ruleTester(rule, {
  valid: [
    { name: '(since X.Y) at the end', patch: hunk(...added('# @local-incoming: Load the fds.  (since 10.2)', '#', '# Since: 1.2')) },
    { name: '(Since X.Y) also occurs', patch: hunk(...added('# @local-incoming: Load the fds.  (Since 10.2)')) },
    { name: 'an old colon form', patch: hunk(...context('# @poll-us: Poll.  (Since: 2.7)'), ...added('#')) },
  ],
  invalid: [
    {
      name: '(Since: X.Y) (seed patch)',
      patch: hunk(...added('# @local-incoming: Load the fds (default: false) (Since: 10.2)')),
      errors: [{ file: 'qapi/net.json', line: 356, message: "write '(since 10.2)', not '(Since: 10.2)'", severity: 'info' }],
    },
    { name: 'x.y.0', patch: hunk(...added('# @a: The a.  (since 10.2.0)', '#', '# Since: 10.2.0')), errors: [{ line: 356, message: "write '(since 10.2)', not '(since 10.2.0)'" }, { line: 358, message: "write 'Since: 10.2', not 'Since: 10.2.0'" }] },
    { name: 'a tag in mid-text', patch: hunk(...added('# @a: The a (since 10.2), or the b.')), errors: [{ line: 356, message: "put '(since 10.2)' at the end of the description" }] },
    { name: "'Since 10.2' is no section", patch: hunk(...added('# @a: The a.', '#', '# Since 10.2')), errors: [{ line: 358, message: "'Since 10.2' is plain text to QEMU, not a section: write 'Since: 10.2'" }] },
  ],
});
