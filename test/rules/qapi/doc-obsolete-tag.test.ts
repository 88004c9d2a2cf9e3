import rule from '../../../rules/qapi/doc-obsolete-tag.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/machine.json', 40, [...context('##', '# @query-foo:', '#', '# Returns: the foo.', '#'), ...lines, ...context('#', '# Since: 2.0', '##')]));

ruleTester(rule, {
  valid: [
    { name: 'an rST note', patch: hunk(...added('# .. note:: The foo may change.')) },
    { name: 'a qmp-example block', patch: hunk(...added('# .. qmp-example::', '#', '#     -> { "execute": "query-foo" }')) },
    // QEMU 4.2's machine.json moved its Notes: below Since:; the line is old text.
    { name: 'an old Notes: line the patch moves', patch: qapiPatch(schemaHunk('qapi/machine.json', 40, [...context('##', '# @query-foo:', '#'), '-# Notes: it may change.', '-#', ...context('# Since: 2.0', '#'), ...added('# Notes: it may change.'), ...context('##')])) },
  ],
  invalid: [
    {
      name: 'a Note: section',
      patch: hunk(...added('# Note: the foo may change.')),
      errors: [{ file: 'qapi/machine.json', line: 45, message: /^The 'Note' section is no longer supported\. Please use rST's '\.\. note::'/, severity: 'error' }],
    },
    {
      name: 'an Example: section',
      patch: hunk(...added('# Example:', '#', '# -> { "execute": "query-foo" }')),
      errors: [{ line: 45, message: /^The 'Example' section is no longer supported\. Please use the '\.\. qmp-example::' directive/ }],
    },
  ],
});
