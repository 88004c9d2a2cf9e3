import rule from '../../../rules/migration/cap-accessor-orphan.js';
import { chain, layoutTree, migrationEdits as e, replace, seriesMbox } from '../../helpers/migration.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tree = layoutTree('layout-a');
const J = 'qapi/migration.json';
const C = 'migration/options.c';
const H = 'migration/options.h';
const removeZeroBlocks = e.removeZeroBlocks();
const removeZeroBlocksAccessor = chain(
  replace('\nbool migrate_zero_blocks(void)\n{\n    MigrationState *s = migrate_get_current();\n\n    return s->capabilities[MIGRATION_CAPABILITY_ZERO_BLOCKS];\n}\n', ''),
  replace('    DEFINE_PROP_MIG_CAP("x-zero-blocks", MIGRATION_CAPABILITY_ZERO_BLOCKS),\n', ''),
);

ruleTester(rule, {
  valid: [
    {
      name: 'a value removed together with its accessor and prototype',
      tree,
      patch: seriesMbox(tree, [{ subject: 'migration: remove the zero-blocks capability', edits: { [J]: removeZeroBlocks, [C]: removeZeroBlocksAccessor, [H]: replace('bool migrate_zero_blocks(void);\n', '') } }]),
    },
    {
      name: 'a new accessor of an existing value',
      tree,
      patch: seriesMbox(tree, [{ subject: 'migration: add migrate_send_events()', edits: { [C]: e.accessor('migrate_send_events', 'MIGRATION_CAPABILITY_EVENTS', 'migrate_mapped_ram') } }]),
    },
    {
      name: 'without a tree, an accessor nobody shows is not assumed',
      patch: seriesMbox(tree, [{ subject: 'qapi/migration: remove the zero-blocks capability', edits: { [J]: removeZeroBlocks } }]),
    },
  ],
  invalid: [
    {
      name: 'a value removed, its accessor left behind',
      tree,
      patch: seriesMbox(tree, [{ subject: 'qapi/migration: remove the zero-blocks capability', edits: { [J]: removeZeroBlocks } }]),
      errors: [
        {
          file: C,
          line: 96,
          severity: 'warning',
          message: "'zero-blocks' is removed from MigrationCapability, but migrate_zero_blocks() still returns s->capabilities[MIGRATION_CAPABILITY_ZERO_BLOCKS]: remove the accessor and its prototype (checked in the tree with the series applied)",
        },
      ],
    },
    {
      name: 'a new accessor of a constant that is no value',
      tree,
      patch: seriesMbox(tree, [{ subject: 'migration: add migrate_block()', edits: { [C]: e.accessor('migrate_block', 'MIGRATION_CAPABILITY_BLOCK', 'migrate_colo') } }]),
      errors: [{ file: C, line: 61, message: 'migrate_block() returns s->capabilities[MIGRATION_CAPABILITY_BLOCK], but MIGRATION_CAPABILITY_BLOCK is not a MigrationCapability value (checked in the tree with the series applied)' }],
    },
  ],
});
