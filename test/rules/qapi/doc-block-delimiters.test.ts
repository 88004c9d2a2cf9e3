import rule from '../../../rules/qapi/doc-block-delimiters.js';
import { added, context, newSchemaFile, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const struct = "{ 'struct': 'Foo', 'data': { 'a': 'int' } }";
const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/qdev.json', 170, [...context('{ \'command\': \'device-sync-config\', \'data\': { \'id\': \'str\' } }', ''), ...lines]));

ruleTester(rule, {
  valid: [
    { name: 'a block opened and closed by "##"', patch: hunk(...added('##', '# @Foo:', '#', '# A foo.', '#', '# Since: 11.0', '##', struct)) },
    { name: 'a new file of well-formed blocks', patch: qapiPatch(newSchemaFile('qapi/foo.json', ['##', '# = Foo', '##', '', '##', '# @Foo:', '#', '# A foo.', '##', struct])) },
    { name: 'an old opening line with junk is not judged', patch: hunk(...context('## @Foo:', '#', '# A foo.'), ...added('#', '# Since: 11.0'), ...context('##', struct)) },
  ],
  invalid: [
    {
      name: 'text after the opening "##"',
      patch: hunk(...added('## @Foo:', '#', '# A foo.', '##', struct)),
      errors: [{ file: 'qapi/qdev.json', line: 172, message: "junk after '##' at start of documentation comment", severity: 'error' }],
    },
    {
      name: 'a closing "###"',
      patch: hunk(...added('##', '# @Foo:', '#', '# A foo.', '###', struct)),
      errors: [{ line: 176, message: "junk after '##' at end of documentation comment" }],
    },
    {
      name: 'a block without its closing "##", in a hunk',
      patch: hunk(...added('##', '# @Foo:', '#', '# A foo.', struct)),
      errors: [{ line: 176, message: "documentation comment must end with '##'" }],
    },
    {
      name: 'a block without its closing "##", in a new file',
      patch: qapiPatch(newSchemaFile('qapi/foo.json', ['##', '# @Foo:', '#', '# A foo.', struct])),
      errors: [{ file: 'qapi/foo.json', line: 5, message: "documentation comment must end with '##'" }],
    },
  ],
});
