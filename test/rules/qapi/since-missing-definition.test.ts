import rule from '../../../rules/qapi/since-missing-definition.js';
import { added, context, newSchemaFile, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const fdsTarget = (...tail: string[]) => ['##', '# @FdsTarget:', '#', '# @virtio-net: virtio-net devices.', ...tail, '##', "{ 'enum': 'FdsTarget', 'data': [ 'virtio-net' ] }"];
const inserted = (lines: string[]) => qapiPatch(schemaHunk('qapi/migration.json', 700, [...context('##', "{ 'struct': 'Old', 'data': {} }", ''), ...added(...lines, ''), ...context('##', '# @Next:')]));

ruleTester(rule, {
  valid: [
    { name: 'a Since: section', patch: inserted(fdsTarget('#', '# Since: 10.2')) },
    { name: "a misspelt 'Since 10.2' is since-format's finding", patch: inserted(fdsTarget('#', '# Since 10.2')) },
    { name: 'every member says when (as MigMode does upstream)', patch: inserted(['##', '# @MigMode:', '#', '# @normal: the original form of migration.  (since 8.2)', '##', "{ 'enum': 'MigMode', 'data': [ 'normal' ] }"]) },
    { name: 'an old definition', patch: qapiPatch(schemaHunk('qapi/migration.json', 700, [...context(...fdsTarget().slice(0, 4)), ...added('#     More text.'), ...context('##')])) },
    { name: 'a parser test schema', patch: qapiPatch(newSchemaFile('tests/qapi-schema/good.json', fdsTarget())) + 'diff --git a/tests/qapi-schema/good.err b/tests/qapi-schema/good.err\nnew file mode 100644\nindex 0000000000..e69de29bb2\n' },
  ],
  invalid: [
    {
      name: 'no Since: section (fragment)',
      patch: inserted(fdsTarget()),
      qemuVersion: '11.0',
      errors: [{ file: 'qapi/migration.json', line: 704, endLine: 707, message: "enum 'FdsTarget' has no 'Since:' section: add '# Since: 11.0' before the closing ##", severity: 'warning' }],
    },
    { name: 'no Since: section (new file)', patch: qapiPatch(newSchemaFile('qapi/fds.json', fdsTarget())), errors: [{ file: 'qapi/fds.json', line: 2, endLine: 5, message: /^enum 'FdsTarget' has no 'Since:' section/ }] },
  ],
});
