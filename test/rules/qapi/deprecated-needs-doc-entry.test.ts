import rule from '../../../rules/qapi/deprecated-needs-doc-entry.js';
import { mail } from '../../helpers/mail.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const deprecate = schemaHunk('qapi/migration.json', 480, [
  ...context("{ 'enum': 'MigrationCapability',"),
  "-  'data': ['xbzrle', 'rdma-pin-all', 'auto-converge', 'zero-blocks',",
  ...added("  'data': ['xbzrle', 'rdma-pin-all', 'auto-converge',", "           { 'name': 'zero-blocks', 'features': [ 'deprecated' ] },"),
  ...context("           'events', 'postcopy-ram' ] }", '', '##'),
]);
const rst = schemaHunk('docs/about/deprecated.rst', 470, [...context('Migration', '---------', ''), ...added('``zero-blocks`` capability (since 9.2)', "'''''''''''''''''''''''''''''''''''''", '', 'The ``zero-blocks`` capability was used with block migration.', '')]);

ruleTester(rule, {
  valid: [
    { name: 'the series adds the deprecated.rst entry', patch: qapiPatch(deprecate + rst, { subject: '[PATCH] migration: Deprecate zero-blocks capability' }) },
    {
      name: "an old 'deprecated' the patch only re-writes",
      patch: qapiPatch(schemaHunk('qapi/block-core.json', 10, [...context("{ 'command': 'drive-backup',"), "-  'features': [ 'deprecated' ] }", ...added("  'features': [ 'deprecated' ] }")])),
    },
    { name: 'no schema change', patch: mail() },
  ],
  invalid: [
    {
      name: 'a value deprecated without an entry',
      patch: qapiPatch(deprecate, { subject: '[PATCH] migration: Deprecate zero-blocks capability' }),
      errors: [{ file: 'qapi/migration.json', line: 482, message: "value 'zero-blocks' becomes deprecated, but the series adds no entry to docs/about/deprecated.rst", severity: 'warning' }],
    },
  ],
});
