import rule from '../../../rules/migration/cap-direct-array.js';
import { insertAfter, layoutTree, migrationEdits as e, seriesMbox } from '../../helpers/migration.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tree = layoutTree('layout-a');
const HMP = 'migration/migration-hmp-cmds.c';
const after = '    params = qmp_query_migrate_parameters(NULL);\n';

ruleTester(rule, {
  valid: [
    { name: 'options.c itself reads the array', patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: { 'migration/options.c': e.accessor('migrate_local_tap', 'MIGRATION_CAPABILITY_LOCAL_TAP', 'migrate_mapped_ram') } }]) },
    { name: 'the accessor elsewhere', patch: seriesMbox(tree, [{ subject: 'migration: show whether events are on', edits: { [HMP]: insertAfter(after, '    if (migrate_events()) {\n        monitor_printf(mon, "events on\\n");\n    }\n') } }]) },
  ],
  invalid: [
    {
      name: 'the array read in migration-hmp-cmds.c',
      patch: seriesMbox(tree, [
        { subject: 'migration: show whether events are on', edits: { [HMP]: insertAfter(after, '    if (migrate_get_current()->capabilities[MIGRATION_CAPABILITY_EVENTS]) {\n        monitor_printf(mon, "events on\\n");\n    }\n') } },
      ]),
      errors: [{ file: HMP, line: 22, severity: 'info', message: 'migration/migration-hmp-cmds.c reads capabilities[MIGRATION_CAPABILITY_EVENTS] directly: call migrate_events() (migration/options.c is the only reader of the array)' }],
    },
    {
      name: 'x_ is dropped from the accessor name',
      patch: seriesMbox(tree, [
        { subject: 'migration: show whether colo is on', edits: { [HMP]: insertAfter(after, '    if (migrate_get_current()->capabilities[MIGRATION_CAPABILITY_X_COLO]) {\n        monitor_printf(mon, "colo on\\n");\n    }\n') } },
      ]),
      errors: [{ message: /call migrate_colo\(\)/ }],
    },
  ],
});
