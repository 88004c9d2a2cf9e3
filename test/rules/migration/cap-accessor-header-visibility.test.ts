import rule from '../../../rules/migration/cap-accessor-header-visibility.js';
import { insertAfter, layoutTree, migrationEdits as e, seriesMbox } from '../../helpers/migration.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tree = layoutTree('layout-a');
const C = 'migration/options.c';
const H = 'migration/options.h';
const PUBLIC = 'include/migration/client-options.h';
const accessor = e.accessor('migrate_local_tap', 'MIGRATION_CAPABILITY_LOCAL_TAP', 'migrate_mapped_ram');
const callFromTap = insertAfter('    tap_update_fd_handler(s);\n', '    if (migrate_local_tap()) {\n        s->read_poll = false;\n    }\n');

ruleTester(rule, {
  valid: [
    {
      name: 'called from net/, declared in client-options.h',
      tree,
      patch: seriesMbox(tree, [
        { subject: 'migration: add local-tap capability', edits: { [C]: accessor, [PUBLIC]: e.prototype('migrate_local_tap', 'migrate_background_snapshot') } },
        { subject: 'net/tap: support local migration', edits: { 'net/tap.c': callFromTap } },
      ]),
    },
    {
      name: 'called only inside migration/',
      tree,
      patch: seriesMbox(tree, [
        { subject: 'migration: add local-tap capability', edits: { [C]: accessor, [H]: e.prototype('migrate_local_tap', 'migrate_mapped_ram') } },
        { subject: 'migration: use local-tap', edits: { 'migration/migration-hmp-cmds.c': insertAfter('    params = qmp_query_migrate_parameters(NULL);\n', '    if (migrate_local_tap()) {\n        monitor_printf(mon, "local TAP\\n");\n    }\n') } },
      ]),
    },
    {
      // Trees before QEMU 8.2 have no client-options.h: say nothing without evidence of it.
      name: 'diff only, nothing shows that client-options.h exists',
      patch: seriesMbox(tree, [
        { subject: 'migration: add local-tap capability', edits: { [C]: accessor, [H]: e.prototype('migrate_local_tap', 'migrate_mapped_ram') } },
        { subject: 'net/tap: support local migration', edits: { 'net/tap.c': callFromTap } },
      ]),
    },
  ],
  invalid: [
    {
      name: 'net/tap.c calls an accessor declared only in migration/options.h (tree)',
      tree,
      patch: seriesMbox(tree, [
        { subject: 'migration: add local-tap capability', edits: { [C]: accessor, [H]: e.prototype('migrate_local_tap', 'migrate_mapped_ram') } },
        { subject: 'net/tap: support local migration', edits: { 'net/tap.c': callFromTap } },
      ]),
      errors: [
        {
          patch: 2,
          file: 'net/tap.c',
          line: 30,
          severity: 'warning',
          message:
            'net/tap.c calls migrate_local_tap(), which is declared only in migration/options.h, private to migration/: declare it under /* capabilities */ in include/migration/client-options.h instead (checked in the diffs of the series)',
        },
      ],
    },
    {
      name: 'diff only: the series itself uses client-options.h for another accessor',
      patch: seriesMbox(tree, [
        {
          subject: 'migration: add local-tap and tap-fds capabilities',
          edits: {
            [C]: accessor,
            [H]: e.prototype('migrate_local_tap', 'migrate_mapped_ram'),
            [PUBLIC]: e.prototype('migrate_tap_fds', 'migrate_background_snapshot'),
          },
        },
        { subject: 'net/tap: support local migration', edits: { 'net/tap.c': callFromTap } },
      ]),
      errors: [{ patch: 2, file: 'net/tap.c', line: 30, message: /calls migrate_local_tap\(\), which is declared only in migration\/options\.h/ }],
    },
  ],
});
