import rule from '../../../rules/qapi/doc-indent.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/net.json', 353, [...context('##', '# @Foo:', '#'), ...lines, ...context('#', '# Since: 11.0', '##', "{ 'struct': 'Foo', 'data': { 'a': 'int', 'b': 'int' } }")]));

ruleTester(rule, {
  valid: [
    { name: 'continuation lines lined up', patch: hunk(...added('# @a: The a, which is', '#     long.', '#     Really.')) },
    { name: 'an unindented line ends the description', patch: hunk(...added('# @a: The a.', '# @b: The b.')) },
    { name: 'less indented after a blank line: a new paragraph', patch: hunk(...added('# @a: The a,', '#     long.', '#', '#   Another paragraph.')) },
    { name: 'an old de-indent is not judged', patch: hunk(...context('# @a: The a,', '#     long.', '#   short.'), ...added('# @b: The b.')) },
  ],
  invalid: [
    {
      name: 'a line indented less than the first continuation line',
      patch: hunk(...added('# @a: The a, which is', '#     long,', '#   and short.')),
      errors: [{ file: 'qapi/net.json', line: 358, message: 'unexpected de-indent (expected at least 4 spaces)', severity: 'error' }],
    },
    {
      name: 'under a tagged section',
      patch: hunk(...added('# @a: The a.', '#', '# Returns: - nothing', '#          - or an error', '# when it fails.')),
      errors: [{ line: 360, message: 'unexpected de-indent (expected at least 9 spaces)' }],
    },
    {
      // QEMU 5.2 to 8.2 measured the indent from the text after `@a:`.
      name: 'a patch for a release before 9.0 gets a warning',
      qemuVersion: '8.2',
      patch: hunk(...added('# @a: The a, which is', '#     long,', '#   and short.')),
      errors: [{ line: 358, message: 'unexpected de-indent (expected at least 4 spaces)', severity: 'warning' }],
    },
  ],
});
