import rule from '../../../rules/qapi/syntax.js';
import { added, context, newSchemaFile, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const STRUCT = ['##', '# @Foo:', '#', '# @a: The a.', '#', '# Since: 9.0', '##', "{ 'struct': 'Foo',", "  'data': { 'a': 'int' } }"];

ruleTester(rule, {
  valid: [
    { name: 'a well-formed new file', patch: qapiPatch(newSchemaFile('qapi/foo.json', STRUCT)) },
    {
      name: 'a member added with its comma (fragment)',
      patch: qapiPatch(schemaHunk('qapi/net.json', 380, [...context("    '*queues':     'uint32',"), "-    '*poll-us':    'uint32'} }", ...added("    '*poll-us':    'uint32',", "    '*local-incoming': 'bool' } }"), ...context('', '##', '# @NetdevSocketOptions:')])),
    },
    // Old text is not judged: the error was there before the patch.
    { name: 'an error on a context line', patch: qapiPatch(schemaHunk('qapi/foo.json', 20, [...context(`{ "struct": 'Old', 'data': {} }`), ...added('')])) },
    { name: 'a schema file of a parser test meant to fail', patch: qapiPatch(newSchemaFile('tests/qapi-schema/bad-quote.json', [`{ "struct": 'Foo' }`]) + newSchemaFile('tests/qapi-schema/bad-quote.err', ['bad-quote.json:1:3: stray \'"\''])) },
  ],
  invalid: [
    {
      // Found by the fuzzer: the parser recovers token by token, so a run of 2,000 quotes
      // was 1,000 findings quoting the whole line (out of memory at 100,000 quotes).
      name: 'one finding for a line with many errors',
      patch: qapiPatch(schemaHunk('qapi/foo.json', 20, [...context('#', '# @device: the device.'), ...added('#', "'".repeat(2000)), ...context("{ 'struct': 'Foo',")])),
      errors: [{ file: 'qapi/foo.json', line: 23, message: /\(column 3\)$/ }],
    },
    {
      name: 'double quotes (JSON is not QAPI)',
      patch: qapiPatch(newSchemaFile('qapi/foo.json', [...STRUCT.slice(0, 7), `{ 'struct': "Foo",`, STRUCT[8]!])),
      errors: [{ file: 'qapi/foo.json', line: 8, message: `stray '"' (column 13)`, severity: 'error' }],
    },
    {
      name: 'a trailing comma',
      patch: qapiPatch(newSchemaFile('qapi/foo.json', [...STRUCT.slice(0, 8), "  'data': { 'a': 'int', } }"])),
      errors: [{ line: 9, message: 'expected string (column 25)' }],
    },
    {
      name: 'a member added without the comma before it (fragment)',
      patch: qapiPatch(schemaHunk('qapi/net.json', 380, [...context("    '*queues':     'uint32',", "    '*poll-us':    'uint32'"), ...added("    '*local-incoming': 'bool' } }"), ...context('', '##')])),
      errors: [{ file: 'qapi/net.json', line: 382, message: "expected ',' or '}' (column 5)" }],
    },
    {
      name: "an enum value list closed with '}' (fragment)",
      patch: qapiPatch(schemaHunk('qapi/migration.json', 542, [...context("           'dirty-limit', 'mapped-ram',"), ...added("           { 'name': 'local-tap', 'features': [ 'unstable' ] } } }"), ...context('', '##')])),
      errors: [{ line: 543, message: "expected ',' or ']' (column 64)" }],
    },
    {
      name: 'a closing brace lost from a line the patch leaves alone (whole file)',
      tree: { 'qapi/foo.json': STRUCT.join('\n') + '\n' },
      patch: qapiPatch(schemaHunk('qapi/foo.json', 8, [...context("{ 'struct': 'Foo',"), "-  'data': { 'a': 'int' } }", ...added("  'data': { 'a': 'int' }")])),
      errors: [{ file: 'qapi/foo.json', line: 9, message: "expected ',' or '}' (column 1)" }],
    },
  ],
});
