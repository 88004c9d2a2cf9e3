import rule from '../../../rules/migration/param-doc-sync.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { directIo, trees } from './param-cases.js';

const OTHER = '# @direct-io: Open migration files with O_DIRECT.  (since 10.2)';

ruleTester(rule, {
  valid: [
    { name: 'layout A: three identical copies', tree: trees['layout-a'], patch: directIo('layout-a') },
    { name: 'layout B: one copy', tree: trees['layout-b'], patch: directIo('layout-b') },
  ],
  invalid: [
    {
      name: 'layout A: MigrateSetParameters says something else',
      tree: trees['layout-a'],
      patch: directIo('layout-a', { docs: { set: OTHER } }),
      errors: [{ file: 'qapi/migration.json', line: 127, severity: 'warning', message: "the description of 'direct-io' in MigrateSetParameters differs from the one in MigrationParameter at line 91: keep the copies identical" }],
    },
    {
      name: 'diff only: the hunks show the three copies',
      patch: directIo('layout-a', { docs: { params: OTHER } }),
      errors: [{ line: 177, message: "the description of 'direct-io' in MigrationParameters differs from the one at line 91: keep the copies identical" }],
    },
  ],
});
