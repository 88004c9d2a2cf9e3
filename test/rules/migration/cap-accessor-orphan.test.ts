import rule from '../../../rules/migration/cap-accessor-orphan.js';
import { chain, layoutTree, migrationEdits as e, replace, seriesMbox } from '../../helpers/migration.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tree = layoutTree('layout-a');
const J = 'qapi/migration.json';
const C = 'migration/options.c';
const H = 'migration/options.h';
const EVENTS_DOC = '# @events: generate events for each migration state change.\n#     (since 2.4)\n#\n';
const removeEvents = e.removeCapability('events', EVENTS_DOC);
const removeEventsAccessor = chain(
  replace('bool migrate_events(void)\n{\n    MigrationState *s = migrate_get_current();\n\n    return s->capabilities[MIGRATION_CAPABILITY_EVENTS];\n}\n\n', ''),
  replace('    DEFINE_PROP_MIG_CAP("x-events", MIGRATION_CAPABILITY_EVENTS),\n', ''),
);

ruleTester(rule, {
  valid: [
    {
      name: 'a value removed together with its accessor and prototype',
      tree,
      patch: seriesMbox(tree, [{ subject: 'migration: remove the events capability', edits: { [J]: removeEvents, [C]: removeEventsAccessor, [H]: replace('bool migrate_events(void);\n', '') } }]),
    },
    {
      name: 'a new accessor of an existing value',
      tree,
      patch: seriesMbox(tree, [{ subject: 'migration: add migrate_send_events()', edits: { [C]: e.accessor('migrate_send_events', 'MIGRATION_CAPABILITY_EVENTS', 'migrate_mapped_ram') } }]),
    },
    {
      name: 'without a tree, an accessor nobody shows is not assumed',
      patch: seriesMbox(tree, [{ subject: 'qapi/migration: remove the events capability', edits: { [J]: removeEvents } }]),
    },
  ],
  invalid: [
    {
      name: 'a value removed, its accessor left behind',
      tree,
      patch: seriesMbox(tree, [{ subject: 'qapi/migration: remove the events capability', edits: { [J]: removeEvents } }]),
      errors: [
        {
          file: C,
          line: 60,
          severity: 'warning',
          message: "'events' is removed from MigrationCapability, but migrate_events() still returns s->capabilities[MIGRATION_CAPABILITY_EVENTS]: remove the accessor and its prototype (checked in the tree with the series applied)",
        },
      ],
    },
    {
      name: 'a new accessor of a constant that is no value',
      tree,
      patch: seriesMbox(tree, [{ subject: 'migration: add migrate_zero_blocks()', edits: { [C]: e.accessor('migrate_zero_blocks', 'MIGRATION_CAPABILITY_ZERO_BLOCKS', 'migrate_xbzrle') } }]),
      errors: [{ file: C, line: 88, message: 'migrate_zero_blocks() returns s->capabilities[MIGRATION_CAPABILITY_ZERO_BLOCKS], but MIGRATION_CAPABILITY_ZERO_BLOCKS is not a MigrationCapability value (checked in the tree with the series applied)' }],
    },
  ],
});
