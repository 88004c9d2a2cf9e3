import rule from '../../../rules/migration/param-property-default.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { directIo, trees } from './param-cases.js';

const NO_DEFAULT = '# @direct-io: Open migration files with O_DIRECT when possible.\n#     (since 10.2)';
const FALSE_DEFAULT = '# @direct-io: Open migration files with O_DIRECT when possible.\n#     Defaults to false.  (since 10.2)';

ruleTester(rule, {
  valid: [
    { name: 'a property sets the stated default', tree: trees['layout-a'], patch: directIo('layout-a') },
    { name: 'no stated default, no property (direct-io upstream)', tree: trees['layout-a'], patch: directIo('layout-a', { property: false }, NO_DEFAULT) },
    { name: 'a default of false is what 0 gives', tree: trees['layout-a'], patch: directIo('layout-a', { property: false }, FALSE_DEFAULT) },
  ],
  invalid: [
    {
      name: 'a stated default and no property',
      tree: trees['layout-b'],
      patch: directIo('layout-b', { property: false }),
      errors: [
        {
          file: 'qapi/migration.json',
          line: 126,
          severity: 'warning',
          message: `'direct-io' documents a default (true) but migration_properties[] has no DEFINE_PROP_*("direct-io", MigrationState, parameters.direct_io, ...): it starts at 0 (checked in the tree with the series applied)`,
        },
      ],
    },
  ],
});
