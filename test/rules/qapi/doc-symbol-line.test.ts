import rule from '../../../rules/qapi/doc-symbol-line.js';
import { added, context, newSchemaFile, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const struct = "{ 'struct': 'Foo', 'data': { 'a': 'int' } }";
const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/qdev.json', 170, [...context("{ 'command': 'device-sync-config', 'data': { 'id': 'str' } }", ''), ...lines]));
const doc = (symbol: string) => ['##', symbol, '#', '# A foo.', '#', '# @a: The a.', '#', '# Since: 11.0', '##'];

ruleTester(rule, {
  valid: [
    { name: 'the symbol names the definition that follows', patch: hunk(...added(...doc('# @Foo:'), struct)) },
    { name: 'a free-form block before a definition doc', patch: hunk(...added('##', '# = Foos', '##', '', ...doc('# @Foo:'), struct)) },
    { name: 'an old mismatched symbol line is not judged', patch: hunk(...context('##', '# @Fo:', '#', '# A foo.'), ...added('#', '# Since: 11.0'), ...context('##', struct)) },
  ],
  invalid: [
    {
      name: 'no colon after the symbol',
      patch: hunk(...added(...doc('# @Foo'), struct)),
      errors: [{ file: 'qapi/qdev.json', line: 173, message: "line should end with ':'", severity: 'error' }],
    },
    { name: 'no name after "@"', patch: hunk(...added(...doc('# @:'), struct)), errors: [{ line: 173, message: "name required after '@'" }] },
    { name: 'the symbol names another definition', patch: hunk(...added(...doc('# @Fooo:'), struct)), errors: [{ line: 173, message: "documentation comment is for 'Fooo'" }] },
    {
      name: 'a free-form block directly before a definition',
      patch: hunk(...added('##', '# A foo.', '##', struct)),
      errors: [{ line: 172, message: 'definition documentation required' }],
    },
    {
      name: 'a definition doc followed by another doc block (new file)',
      patch: qapiPatch(newSchemaFile('qapi/foo.json', [...doc('# @Bar:'), '', ...doc('# @Foo:'), struct])),
      errors: [{ file: 'qapi/foo.json', line: 1, message: "documentation for 'Bar' is not followed by the definition" }],
    },
  ],
});
