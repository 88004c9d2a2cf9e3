import rule from '../../../rules/qapi/doc-feature-undocumented.js';
import { added, context, newSchemaFile, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const struct = (...features: string[]) =>
  qapiPatch(
    newSchemaFile('qapi/foo.json', ['##', '# @Foo:', '#', '# @a: The a.', '#', ...features, '# Since: 11.0', '##', "{ 'struct': 'Foo',", "  'data': { 'a': { 'type': 'int', 'features': [ 'unstable' ] } } }"]),
  );
// The seed patch's net.json doc block, seen from its hunks only: descriptions, then the end.
const tapHunk = (...features: string[]) =>
  qapiPatch(
    schemaHunk('qapi/net.json', 353, [
      ...context('# @poll-us: maximum number of microseconds (since 2.7)', '#'),
      ...added('# @local-incoming: Load the fds on incoming migration.', '#     (since 11.0)', '#', ...features),
      ...context('# Since: 1.2', '##', "{ 'struct': 'NetdevTapOptions',", "  'data': {", "    '*poll-us':    'uint32',"),
      ...added("    '*local-incoming': { 'type': 'bool', 'features': [ 'unstable' ] } } }"),
      ...context('', '##'),
    ]),
  );

ruleTester(rule, {
  valid: [
    { name: 'the feature described', patch: struct('# Features:', '#', '# @unstable: Member @a is experimental.', '#') },
    { name: 'the feature described (fragment)', patch: tapHunk('# Features:', '#', '# @unstable: Member @local-incoming is experimental.', '#') },
  ],
  invalid: [
    {
      name: 'no Features: section',
      patch: struct(),
      errors: [{ file: 'qapi/foo.json', line: 9, message: "feature 'unstable' lacks documentation: describe it under 'Features:' in the doc of Foo", severity: 'error' }],
    },
    { name: 'no Features: section (fragment, descriptions and end seen)', patch: tapHunk(), errors: [{ file: 'qapi/net.json', line: 363, message: /^feature 'unstable' lacks documentation/ }] },
    { name: 'another feature described', patch: struct('# Features:', '#', '# @deprecated: Old.', '#'), errors: [{ line: 13, message: /^feature 'unstable' lacks documentation/ }] },
  ],
});
