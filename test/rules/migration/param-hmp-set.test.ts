import rule from '../../../rules/migration/param-hmp-set.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { directIo, trees } from './param-cases.js';

ruleTester(rule, {
  valid: [
    { name: 'layout A: a case for the new value', tree: trees['layout-a'], patch: directIo('layout-a') },
    { name: 'layout B: a case for the new value', tree: trees['layout-b'], patch: directIo('layout-b') },
    { name: 'no tree and no hunk of migration-hmp-cmds.c: silent', patch: directIo('layout-a', { hmpSet: false, hmpInfo: false }) },
  ],
  invalid: [
    {
      name: 'no case: migrate_set_parameter aborts',
      tree: trees['layout-a'],
      patch: directIo('layout-a', { hmpSet: false }),
      errors: [
        {
          file: 'qapi/migration.json',
          line: 105,
          severity: 'error',
          message: 'hmp_migrate_set_parameter() has no "case MIGRATION_PARAMETER_DIRECT_IO:": HMP "migrate_set_parameter direct-io ..." reaches its default: branch and aborts QEMU (checked in the tree)',
        },
      ],
    },
  ],
});
