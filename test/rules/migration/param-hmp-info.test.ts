import rule from '../../../rules/migration/param-hmp-info.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { directIo, trees } from './param-cases.js';

ruleTester(rule, {
  valid: [
    { name: 'printed', tree: trees['layout-b'], patch: directIo('layout-b') },
    { name: 'no tree and no hunk of the function: silent', patch: directIo('layout-b', { hmpInfo: false }) },
  ],
  invalid: [
    {
      name: 'not printed by info migrate_parameters',
      tree: trees['layout-b'],
      patch: directIo('layout-b', { hmpInfo: false }),
      errors: [{ file: 'qapi/migration.json', line: 76, severity: 'warning', message: `hmp_info_migrate_parameters() does not print MIGRATION_PARAMETER_DIRECT_IO: "info migrate_parameters" will not show 'direct-io' (checked in the tree)` }],
    },
  ],
});
