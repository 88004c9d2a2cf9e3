import rule from '../../../rules/migration/cap-caps-check.js';
import { insertAfter, layoutTree, migrationEdits as e, seriesMbox } from '../../helpers/migration.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tree = layoutTree('layout-a');
const J = 'qapi/migration.json';
const C = 'migration/options.c';
const H = 'migration/options.h';
const REQUIRES = '# @local-tap: Migrate TAP devices locally, keeping the backend\n#     alive.  Requires the @return-path capability.  (since 10.2)';
const PLAIN = '# @local-tap: Migrate TAP devices locally, keeping the backend\n#     alive.  (since 10.2)';
const accessor = e.accessor('migrate_local_tap', 'MIGRATION_CAPABILITY_LOCAL_TAP', 'migrate_mapped_ram');
const proto = e.prototype('migrate_local_tap', 'migrate_mapped_ram');
const check = insertAfter(
  '    ERRP_GUARD();\n',
  "\n    if (new_caps[MIGRATION_CAPABILITY_LOCAL_TAP] &&\n        !new_caps[MIGRATION_CAPABILITY_RETURN_PATH]) {\n        error_setg(errp, \"Capability 'local-tap' requires 'return-path'\");\n        return false;\n    }\n",
);

ruleTester(rule, {
  valid: [
    { name: 'the condition is checked in migrate_caps_check()', tree, patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: { [J]: e.capability('local-tap', REQUIRES), [C]: (t) => check(accessor(t)), [H]: proto } }]) },
    { name: 'a doc that states no condition', tree, patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: { [J]: e.capability('local-tap', PLAIN), [C]: accessor, [H]: proto } }]) },
    {
      name: 'checked by a later patch of the series',
      tree,
      patch: seriesMbox(tree, [
        { subject: 'migration: add local-tap capability', edits: { [J]: e.capability('local-tap', REQUIRES), [C]: accessor, [H]: proto } },
        { subject: 'migration: local-tap needs the return path', edits: { [C]: check } },
      ]),
    },
  ],
  invalid: [
    {
      name: '"requires" and no check anywhere',
      tree,
      patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: { [J]: e.capability('local-tap', REQUIRES), [C]: accessor, [H]: proto } }]),
      errors: [
        {
          file: J,
          line: 41,
          severity: 'info',
          message: `the doc of capability 'local-tap' states a condition ("Requires") but nothing checks MIGRATION_CAPABILITY_LOCAL_TAP: enforce it in migrate_caps_check() (migration/options.c) or where migration starts`,
        },
      ],
    },
  ],
});
