import rule from '../../../rules/qapi/doc-line-too-long.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/migration.json', 200, [...context('##', '# @Foo:', '#'), ...lines, ...context('#', '# Since: 9.0', '##')]));
// "# " plus 68 characters: 70 in all.
const SEVENTY = `# @a: ${'x'.repeat(64)}`;

ruleTester(rule, {
  valid: [
    { name: 'exactly 70 characters', patch: hunk(...added(SEVENTY)) },
    { name: 'a line that is only a URL', patch: hunk(...added('# @a: See', `#     https://gitlab.com/qemu-project/qemu/-/blob/master/docs/devel/qapi-code-gen.rst`)) },
    {
      name: 'a literal block (qmp-example)',
      patch: hunk(...added('# .. qmp-example::', '#', '#     -> { "execute": "query-foo", "arguments": { "verbose": true, "depth": 3 } }', '#     <- { "return": {} }')),
    },
    { name: 'an old long line', patch: hunk(...context(`${SEVENTY}x`), ...added('#')) },
  ],
  invalid: [
    {
      name: '71 characters',
      patch: hunk(...added(`${SEVENTY}x`)),
      errors: [{ file: 'qapi/migration.json', line: 203, message: 'documentation line longer than 70 characters (71)', severity: 'error' }],
    },
    {
      // The parser enforces it from 10.2 on; before, it was a review convention.
      name: '71 characters in a patch for 9.2',
      qemuVersion: '9.2',
      patch: hunk(...added(`${SEVENTY}x`)),
      errors: [{ line: 203, severity: 'warning' }],
    },
    {
      name: 'a long line after a literal block ends',
      patch: hunk(...added('# ::', '#', '#     literal text that may be as long as it likes to be, really, yes', '#', `${SEVENTY}yz`)),
      errors: [{ line: 207, message: 'documentation line longer than 70 characters (72)' }],
    },
  ],
});
