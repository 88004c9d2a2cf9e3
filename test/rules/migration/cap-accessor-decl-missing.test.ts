import rule from '../../../rules/migration/cap-accessor-decl-missing.js';
import { mbox } from '../../helpers/mail.js';
import { chain, insertBefore, layoutTree, migrationEdits as e, replace, seriesMbox, seriesOf } from '../../helpers/migration.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tree = layoutTree('layout-a');
const C = 'migration/options.c';
const H = 'migration/options.h';
const DOC = '# @local-tap: Migrate TAP devices locally, keeping the backend\n#     alive.  (since 10.2)';
const cap = e.capability('local-tap', DOC);
const accessor = e.accessor('migrate_local_tap', 'MIGRATION_CAPABILITY_LOCAL_TAP', 'migrate_mapped_ram');

ruleTester(rule, {
  valid: [
    {
      name: 'accessor and prototype in the same patch',
      patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: { 'qapi/migration.json': cap, [C]: accessor, [H]: e.prototype('migrate_local_tap', 'migrate_mapped_ram') } }]),
    },
    {
      name: 'prototype in include/migration/client-options.h',
      patch: seriesMbox(tree, [
        { subject: 'migration: add local-tap capability', edits: { [C]: accessor, 'include/migration/client-options.h': e.prototype('migrate_local_tap', 'migrate_background_snapshot') } },
      ]),
    },
    {
      name: 'prototype added by a later patch of the series',
      patch: seriesMbox(tree, [
        { subject: 'migration: add local-tap accessor', edits: { [C]: accessor } },
        { subject: 'migration: declare migrate_local_tap()', edits: { [H]: e.prototype('migrate_local_tap', 'migrate_mapped_ram') } },
      ]),
    },
    {
      name: 'an accessor moved within options.c keeps its prototype',
      patch: seriesMbox(tree, [
        {
          subject: 'migration/options: sort the capability accessors',
          edits: {
            [C]: chain(
              replace('bool migrate_events(void)\n{\n    MigrationState *s = migrate_get_current();\n\n    return s->capabilities[MIGRATION_CAPABILITY_EVENTS];\n}\n\n', ''),
              e.accessor('migrate_events', 'MIGRATION_CAPABILITY_EVENTS', 'migrate_xbzrle'),
            ),
          },
        },
      ]),
    },
    {
      name: 'a static helper needs no prototype',
      patch: seriesMbox(tree, [
        {
          subject: 'migration/options: add a helper for the colo checks',
          edits: { [C]: insertBefore('bool migrate_caps_check(', 'static bool colo_requested(bool *caps)\n{\n    return caps[MIGRATION_CAPABILITY_X_COLO];\n}\n\n') },
        },
      ]),
    },
    {
      name: 'the tree already declares it (a prototype left from an earlier series)',
      tree: { ...tree, [H]: e.prototype('migrate_local_tap', 'migrate_mapped_ram')(tree[H]!) },
      patch: seriesMbox(tree, [{ subject: 'migration: add local-tap accessor', edits: { [C]: accessor } }]),
    },
  ],
  invalid: [
    {
      // Patch 2/2 did not arrive and may declare it: an info naming it.
      name: 'accessor in patch 1/2 whose patch 2 is not here (info)',
      patch: mbox(seriesOf(tree, [{ subject: 'migration: add local-tap accessor', edits: { [C]: accessor } }, { subject: 'migration: declare migrate_local_tap()', edits: { [H]: e.prototype('migrate_local_tap', 'migrate_mapped_ram') } }])[0]!),
      errors: [{ file: C, line: 75, severity: 'info', message: /^in the patches at hand, migrate_local_tap\(\) has no prototype: .*\(patch 2 of the series is not here and may add it\)$/ }],
    },
    {
      name: 'accessor without a prototype (diff only)',
      patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: { 'qapi/migration.json': cap, [C]: accessor } }]),
      errors: [
        {
          file: C,
          line: 75,
          severity: 'error',
          message:
            'migrate_local_tap() has no prototype: declare "bool migrate_local_tap(void);" under /* capabilities */ in migration/options.h (or in include/migration/client-options.h if code outside migration/ calls it) (checked in the diffs of the series)',
        },
      ],
    },
    {
      name: 'accessor without a prototype, with the tree',
      tree,
      patch: seriesMbox(tree, [
        { subject: 'qapi/migration: add local-tap capability', edits: { 'qapi/migration.json': cap } },
        { subject: 'migration: add migrate_local_tap()', edits: { [C]: accessor } },
      ]),
      errors: [{ patch: 2, file: C, line: 75, message: /\(checked in the tree with the series applied\)$/ }],
    },
  ],
});
