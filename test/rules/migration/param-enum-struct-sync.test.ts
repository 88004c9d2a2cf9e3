import rule from '../../../rules/migration/param-enum-struct-sync.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { directIo, trees } from './param-cases.js';

ruleTester(rule, {
  valid: [
    { name: 'layout A: in the enum and both structs', tree: trees['layout-a'], patch: directIo('layout-a') },
    { name: 'layout B: MigrateSetParameters is gone', tree: trees['layout-b'], patch: directIo('layout-b') },
  ],
  invalid: [
    {
      name: 'layout A: only in MigrationParameters',
      tree: trees['layout-a'],
      patch: directIo('layout-a', { schema: ['params'] }),
      errors: [{ file: 'qapi/migration.json', line: 185, severity: 'error', message: "'direct-io' is added to MigrationParameters but not to MigrationParameter and MigrateSetParameters" }],
    },
    {
      name: 'layout B: not in the enum',
      tree: trees['layout-b'],
      patch: directIo('layout-b', { schema: ['params'] }),
      errors: [{ message: "'direct-io' is added to MigrationParameters but not to MigrationParameter" }],
    },
    {
      name: 'the struct types differ',
      tree: trees['layout-a'],
      patch: directIo('layout-a').replace("+            '*direct-io': 'bool'} }\n \n ##\n # @migrate-set-parameters:", "+            '*direct-io': 'uint8'} }\n \n ##\n # @migrate-set-parameters:"),
      errors: [{ severity: 'error', message: "'direct-io' is 'bool' in MigrationParameters but 'uint8' in MigrateSetParameters: the types must agree (only the TLS members differ, str and StrOrNull)" }],
    },
  ],
});
