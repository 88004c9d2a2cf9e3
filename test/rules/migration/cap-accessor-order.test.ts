import rule from '../../../rules/migration/cap-accessor-order.js';
import { insertBefore, layoutTree, migrationEdits as e, seriesMbox } from '../../helpers/migration.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tree = layoutTree('layout-a');
const C = 'migration/options.c';
const H = 'migration/options.h';
const add = (name: string, before: string) => ({
  [C]: e.accessor(name, `MIGRATION_CAPABILITY_${name.slice('migrate_'.length).toUpperCase()}`, before),
  [H]: e.prototype(name, before),
});

ruleTester(rule, {
  valid: [
    { name: 'accessor and prototype in their sorted place', patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: add('migrate_local_tap', 'migrate_mapped_ram') }]) },
    { name: 'in place, checked against the whole tree', tree, patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: add('migrate_local_tap', 'migrate_mapped_ram') }]) },
    {
      // The pseudo capabilities start a new block after their comment.
      name: 'last of the block, before the /* pseudo capabilities */ comment',
      patch: seriesMbox(tree, [{ subject: 'migration: add zero-copy-send capability', edits: { [C]: insertBefore('/* pseudo capabilities */', 'bool migrate_zero_copy_send(void)\n{\n    MigrationState *s = migrate_get_current();\n\n    return s->capabilities[MIGRATION_CAPABILITY_ZERO_COPY_SEND];\n}\n\n') } }]),
    },
    {
      name: 'parameter accessors are not capability accessors',
      patch: seriesMbox(tree, [
        {
          subject: 'migration: add migrate_zero_page_detection()',
          edits: { [C]: insertBefore('uint32_t migrate_checkpoint_delay(void)', 'ZeroPageDetection migrate_zero_page_detection(void)\n{\n    MigrationState *s = migrate_get_current();\n\n    return s->parameters.zero_page_detection;\n}\n\n') },
        },
      ]),
    },
  ],
  invalid: [
    {
      name: 'placed after a neighbour it sorts before (the seed), diff only',
      patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: add('migrate_local_tap', 'migrate_return_path') }]),
      errors: [
        { file: C, line: 82, severity: 'info', message: 'migrate_local_tap() is out of alphabetical order among the capability accessors: it sorts before migrate_mapped_ram() above it' },
        { file: H, line: 25, severity: 'info', message: 'migrate_local_tap() is out of alphabetical order among the capability accessors: it sorts before migrate_mapped_ram() above it' },
      ],
    },
    {
      name: 'with the tree, says where it belongs',
      tree,
      patch: seriesMbox(tree, [{ subject: 'migration: add local-tap capability', edits: add('migrate_local_tap', 'migrate_colo') }]),
      errors: [
        { file: C, message: 'migrate_local_tap() is out of alphabetical order among the capability accessors: it sorts after migrate_colo() below it; put it after migrate_events()' },
        { file: H, message: 'migrate_local_tap() is out of alphabetical order among the capability accessors: it sorts after migrate_colo() below it; put it after migrate_events()' },
      ],
    },
  ],
});
