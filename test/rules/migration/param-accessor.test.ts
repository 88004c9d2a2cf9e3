import rule from '../../../rules/migration/param-accessor.js';
import { insertAfter, seriesMbox } from '../../helpers/migration.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { directIo, trees } from './param-cases.js';

const tapReadsParameter = insertAfter('    tap_update_fd_handler(s);\n', '    if (migrate_get_current()->parameters.direct_io) {\n        s->write_poll = false;\n    }\n');

ruleTester(rule, {
  valid: [
    { name: 'accessor with its prototype', tree: trees['layout-a'], patch: directIo('layout-a') },
    { name: 'no accessor at all is not this rule’s business', tree: trees['layout-a'], patch: directIo('layout-a', { accessor: false }) },
  ],
  invalid: [
    {
      name: 'accessor without a prototype',
      tree: trees['layout-a'],
      patch: directIo('layout-a', { prototype: false }),
      errors: [{ file: 'migration/options.c', line: 179, severity: 'info', message: 'migrate_direct_io() has no prototype: declare it under /* parameters */ in migration/options.h (or include/migration/client-options.h if code outside migration/ calls it)' }],
    },
    {
      name: 'net/ reads the parameter directly',
      patch: seriesMbox(trees['layout-a'], [{ subject: 'net/tap: honour direct-io', edits: { 'net/tap.c': tapReadsParameter } }]),
      errors: [
        {
          file: 'net/tap.c',
          line: 30,
          severity: 'info',
          message: 'net/tap.c reads parameters.direct_io directly: add an accessor migrate_direct_io() to migration/options.c (declared in include/migration/client-options.h) and call it',
        },
      ],
    },
  ],
});
