import rule from '../../../rules/qapi/doc-hash-space.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/block-core.json', 100, [...context('##', '# @Foo:', '#'), ...lines, ...context('##', "{ 'struct': 'Foo', 'data': { 'a': 'int' } }")]));

ruleTester(rule, {
  valid: [
    { name: '"# text" and a bare "#"', patch: hunk(...added('# @a: The a.', '#')) },
    { name: 'an old line without the space is not judged', patch: hunk(...context('#@a: The a.'), ...added('#')) },
  ],
  invalid: [
    {
      name: 'no space after #',
      patch: hunk(...added('#@a: The a.')),
      errors: [{ file: 'qapi/block-core.json', line: 103, message: 'missing space after #', severity: 'error' }],
    },
    { name: 'a tab after #', patch: hunk(...added('#\tThe a.', '#')), errors: [{ line: 103, message: 'missing space after #' }] },
  ],
});
