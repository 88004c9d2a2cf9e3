import rule from '../../../rules/migration/param-apply.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { directIo, trees } from './param-cases.js';

ruleTester(rule, {
  valid: [
    { name: 'layout A: copied everywhere', tree: trees['layout-a'], patch: directIo('layout-a') },
    // Layout B's qmp_query_migrate_parameters() uses QAPI_CLONE: nothing to add there.
    { name: 'layout B: copied by both apply functions', tree: trees['layout-b'], patch: directIo('layout-b') },
  ],
  invalid: [
    {
      name: 'layout A: not applied and not queried',
      tree: trees['layout-a'],
      patch: directIo('layout-a', { apply: false, query: false }),
      errors: [
        { file: 'qapi/migration.json', line: 193, severity: 'error', message: 'migrate_params_apply() never copies direct_io: migrate-set-parameters silently ignores it (checked in the tree)' },
        { file: 'qapi/migration.json', line: 193, severity: 'error', message: 'qmp_query_migrate_parameters() never copies direct_io: query-migrate-parameters never returns it (checked in the tree)' },
      ],
    },
    {
      name: 'layout B: not tested before it is applied',
      tree: trees['layout-b'],
      patch: directIo('layout-b', { testApply: false }),
      errors: [{ message: 'migrate_params_test_apply() never copies direct_io: migrate_params_check() never sees the value it is given (checked in the tree)' }],
    },
  ],
});
