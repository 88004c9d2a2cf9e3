import rule from '../../../rules/qapi/doc-description-after-section.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/qdev.json', 170, [...context('##', '# @Foo:', '#', '# A foo.', '#'), ...lines, ...context('##', "{ 'struct': 'Foo', 'data': { 'a': 'int', 'b': 'int' }, 'features': [ 'unstable' ] }")]));

ruleTester(rule, {
  valid: [
    { name: 'descriptions, then Features:, then Since:', patch: hunk(...added('# @a: The a.', '#', '# @b: The b.', '#', '# Features:', '#', '# @unstable: Experimental.', '#', '# Since: 11.0')) },
    { name: 'a description continued after a blank line', patch: hunk(...added('# @a: The a.', '#', '#     More on a.', '#', '# @b: The b.', '#', '# Since: 11.0')) },
    { name: 'an old misplaced description is not judged', patch: hunk(...context('# @a: The a.', '#', '# Since: 11.0', '#', '# @b: The b.'), ...added('#')) },
  ],
  invalid: [
    {
      name: 'a description after Since:',
      patch: hunk(...added('# @a: The a.', '#', '# Since: 11.0', '#', '# @b: The b.')),
      errors: [{ file: 'qapi/qdev.json', line: 179, message: "description of '@b:' follows a section", severity: 'error' }],
    },
    {
      name: 'a description after a plain paragraph',
      patch: hunk(...added('# @a: The a.', '#', '# The a and the b go together.', '#', '# @b: The b.', '#', '# Since: 11.0')),
      errors: [{ line: 179, message: "description of '@b:' follows a section" }],
    },
    {
      name: 'an unindented continuation line ends the description',
      patch: hunk(...added('# @a: The a, which', '# is long.', '#', '# @b: The b.', '#', '# Since: 11.0')),
      errors: [{ line: 178, message: "description of '@b:' follows a section" }],
    },
  ],
});
