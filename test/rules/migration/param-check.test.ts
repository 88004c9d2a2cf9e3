import rule from '../../../rules/migration/param-check.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { directIo, trees } from './param-cases.js';

const RANGE = '# @direct-io: Open migration files with O_DIRECT when possible.\n#     Only a value between 0 and 1 is accepted.  (since 10.2)';

ruleTester(rule, {
  valid: [
    { name: 'no range in the doc', tree: trees['layout-a'], patch: directIo('layout-a') },
    { name: 'the range is checked', tree: trees['layout-a'], patch: directIo('layout-a', { check: true }, RANGE) },
  ],
  invalid: [
    {
      name: 'a range nobody checks',
      tree: trees['layout-a'],
      patch: directIo('layout-a', {}, RANGE),
      errors: [{ file: 'qapi/migration.json', line: 91, severity: 'info', message: `the doc of 'direct-io' states a range ("between 0 and 1") that migrate_params_check() never checks: reject other values there with error_setg()` }],
    },
  ],
});
