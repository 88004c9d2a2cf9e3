import rule from '../../../rules/qapi/since-duplicate.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/migration.json', 517, [...context('#     such as a file.  (since 9.0)', '#'), ...lines, ...context('#', '# Features:')]));

ruleTester(rule, {
  valid: [
    { name: 'one tag', patch: hunk(...added('# @local-tap: Migrate TAPs locally.  (since 10.2)')) },
    { name: 'a tag with more to say is not a second tag', patch: hunk(...added('# @a: The a.  (since 2.5; default: on since 3.0)', '#     (since 2.5)')) },
  ],
  invalid: [
    {
      name: 'the same tag twice (seed patch)',
      patch: hunk(...added('# @local-tap: Migrate TAPs locally.  For target device also', '#     @local-incoming option must be specified (since 10.2)', '#     (since 10.2)')),
      errors: [{ file: 'qapi/migration.json', line: 520, endLine: 521, message: '2 since annotations in the description of @local-tap: (since 10.2), (since 10.2); keep one', severity: 'warning' }],
    },
  ],
});
