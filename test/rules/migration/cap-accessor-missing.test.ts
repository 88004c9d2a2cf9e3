import rule from '../../../rules/migration/cap-accessor-missing.js';
import { mbox } from '../../helpers/mail.js';
import { chain, insertAfter, layoutTree, migrationEdits as e, replace, seriesMbox, seriesOf } from '../../helpers/migration.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tree = layoutTree('layout-a');
const J = 'qapi/migration.json';
const C = 'migration/options.c';
const H = 'migration/options.h';
const DOC = '# @local-tap: Migrate TAP devices locally, keeping the backend\n#     alive.  (since 10.2)';
const cap = e.capability('local-tap', DOC);
const accessor = e.accessor('migrate_local_tap', 'MIGRATION_CAPABILITY_LOCAL_TAP', 'migrate_mapped_ram');
const proto = e.prototype('migrate_local_tap', 'migrate_mapped_ram');
const checkInCapsCheck = insertAfter(
  '    ERRP_GUARD();\n',
  "\n    if (new_caps[MIGRATION_CAPABILITY_LOCAL_TAP] &&\n        !new_caps[MIGRATION_CAPABILITY_RETURN_PATH]) {\n        error_setg(errp, \"Capability 'local-tap' requires 'return-path'\");\n        return false;\n    }\n",
);

ruleTester(rule, {
  valid: [
    { name: 'value, accessor and prototype in one patch', tree, patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: { [J]: cap, [C]: accessor, [H]: proto } }]) },
    {
      name: 'the accessor arrives in a later patch, and nothing uses the capability before',
      tree,
      patch: seriesMbox(tree, [
        { subject: 'qapi/migration: add local-tap capability', edits: { [J]: cap } },
        { subject: 'net/tap: prepare for local migration', edits: { 'net/tap.c': replace('    return 0;\n}', '    s->read_poll = true;\n    return 0;\n}') } },
        { subject: 'migration: add migrate_local_tap()', edits: { [C]: accessor, [H]: proto } },
      ]),
    },
    {
      // As "migration: Deprecate zero-blocks capability" did.
      name: 'deprecating a value is not adding one',
      tree,
      patch: seriesMbox(tree, [
        {
          subject: 'migration: deprecate events capability',
          edits: {
            [J]: chain(
              replace("           'events',\n", "           { 'name': 'events', 'features': [ 'deprecated' ] },\n"),
              replace('# @deprecated: Member @zero-blocks is deprecated', '# @deprecated: Members @zero-blocks and @events are deprecated'),
            ),
          },
        },
      ]),
    },
    {
      // The hunk shows the end of a list of values, not whose: nothing says it is MigrationCapability.
      name: 'diff only: a value in a list the hunks cannot name',
      patch: seriesMbox(tree, [{ subject: 'qapi/migration: add local-tap capability', edits: { [J]: cap } }]),
    },
  ],
  invalid: [
    {
      // Patch 2/2 did not arrive and may add the accessor: an info that names it, not silence.
      name: 'a value in patch 1/2 whose patch 2 is not here (info)',
      tree,
      patch: mbox(seriesOf(tree, [{ subject: 'qapi/migration: add local-tap capability', edits: { [J]: cap } }, { subject: 'migration: add migrate_local_tap()', edits: { [C]: accessor, [H]: proto } }])[0]!),
      errors: [{ patch: 1, file: 'qapi/migration.json', severity: 'info', message: /^in the patches at hand, capability 'local-tap' has no accessor: .* \(patch 2 of the series is not here and may add it\)$/ }],
    },
    {
      // The options.c hunk shows MIGRATION_CAPABILITY_MAPPED_RAM: the list with 'mapped-ram' is MigrationCapability.
      name: 'diff only: a new value, its property, and no accessor',
      patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: { [J]: cap, [C]: e.property('local-tap', 'MIGRATION_CAPABILITY_LOCAL_TAP') } }]),
      errors: [{ file: J, line: 60, severity: 'error', message: /has no accessor: .* \(checked in the diffs of the series\)$/ }],
    },
    {
      name: 'a new value and no accessor',
      tree,
      patch: seriesMbox(tree, [{ subject: 'qapi/migration: add local-tap capability', edits: { [J]: cap } }]),
      errors: [
        {
          file: J,
          line: 60,
          severity: 'error',
          message: `capability 'local-tap' has no accessor: add "bool migrate_local_tap(void)" returning s->capabilities[MIGRATION_CAPABILITY_LOCAL_TAP] to migration/options.c (checked in the tree with the series applied)`,
        },
      ],
    },
    {
      name: 'the accessor reads another constant',
      tree,
      patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: { [J]: cap, [C]: e.accessor('migrate_local_tap', 'MIGRATION_CAPABILITY_LOCALTAP', 'migrate_mapped_ram'), [H]: proto } }]),
      errors: [
        {
          file: C,
          line: 75,
          severity: 'error',
          message: `migrate_local_tap() returns s->capabilities[MIGRATION_CAPABILITY_LOCALTAP], not MIGRATION_CAPABILITY_LOCAL_TAP: the accessor of 'local-tap' reads another capability (checked in the tree with the series applied)`,
        },
      ],
    },
    {
      name: 'the accessor has another name',
      tree,
      patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: { [J]: cap, [C]: e.accessor('migrate_localtap', 'MIGRATION_CAPABILITY_LOCAL_TAP', 'migrate_mapped_ram'), [H]: e.prototype('migrate_localtap', 'migrate_mapped_ram') } }]),
      errors: [{ file: C, line: 75, severity: 'warning', message: "the accessor of 'local-tap' is migrate_localtap(); options.c names capability accessors after the value (x_ dropped): call it migrate_local_tap()" }],
    },
    {
      name: 'a patch uses the capability before its accessor arrives',
      tree,
      patch: seriesMbox(tree, [
        { subject: 'qapi/migration: add local-tap capability', edits: { [J]: cap } },
        { subject: 'migration: check local-tap', edits: { [C]: checkInCapsCheck } },
        { subject: 'migration: add migrate_local_tap()', edits: { [C]: accessor, [H]: proto } },
      ]),
      errors: [{ patch: 2, file: C, line: 121, severity: 'info', message: "this patch uses capability 'local-tap' (MIGRATION_CAPABILITY_LOCAL_TAP) before its accessor migrate_local_tap() arrives in patch 3" }],
    },
  ],
});
