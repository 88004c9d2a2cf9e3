import rule from '../../../rules/migration/cap-property.js';
import { mbox } from '../../helpers/mail.js';
import { layoutTree, migrationEdits as e, seriesMbox, seriesOf } from '../../helpers/migration.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tree = layoutTree('layout-a');
const J = 'qapi/migration.json';
const C = 'migration/options.c';
const H = 'migration/options.h';
const cap = e.capability('local-tap', '# @local-tap: Migrate TAP devices locally, keeping the backend\n#     alive.  (since 10.2)');
const accessor = e.accessor('migrate_local_tap', 'MIGRATION_CAPABILITY_LOCAL_TAP', 'migrate_mapped_ram');
const proto = e.prototype('migrate_local_tap', 'migrate_mapped_ram');

ruleTester(rule, {
  valid: [
    {
      name: 'with its DEFINE_PROP_MIG_CAP',
      tree,
      patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: { [J]: cap, [C]: (t) => e.property('local-tap', 'MIGRATION_CAPABILITY_LOCAL_TAP')(accessor(t)), [H]: proto } }]),
    },
    {
      // cap-accessor-missing speaks for a value with no C at all.
      name: 'no accessor yet: nothing to suggest',
      tree,
      patch: seriesMbox(tree, [{ subject: 'qapi/migration: add local-tap capability', edits: { [J]: cap } }]),
    },
  ],
  invalid: [
    {
      name: 'accessor but no property',
      tree,
      patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: { [J]: cap, [C]: accessor, [H]: proto } }]),
      errors: [
        {
          file: J,
          line: 60,
          severity: 'info',
          message: `capability 'local-tap' has no DEFINE_PROP_MIG_CAP("local-tap", MIGRATION_CAPABILITY_LOCAL_TAP) in migration_properties[] (migration/options.c); add one if -global migration.local-tap=on should work`,
        },
      ],
    },
    {
      // An info nudge is still worth giving, saying what it could not see.
      name: 'patch 1/3 alone: says the other patches are not here',
      tree,
      patch: mbox(seriesOf(tree, [{ subject: 'migration: add local-tap capability', edits: { [J]: cap, [C]: accessor, [H]: proto } }, { subject: 'net/tap: prepare', edits: {} }, { subject: 'net/tap: use it', edits: {} }])[0]!),
      errors: [{ severity: 'info', message: /should work \(patches 2-3 of the series are not here and may add it\)$/ }],
    },
  ],
});
