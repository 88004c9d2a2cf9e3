import rule from '../../../rules/qapi/feature-doc-names-member.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

// The seed patch's migration.json hunks: the doc block, then the enum's end.
const seed = (unstable: string[], value = "           { 'name': 'local-tap', 'features': [ 'unstable' ] } ] }") =>
  qapiPatch(
    schemaHunk('qapi/migration.json', 517, [
      ...context('#     each RAM page.  Requires a migration URI that supports seeking,', '#     such as a file.  (since 9.0)', '#'),
      ...added('# @local-tap: Migrate TAPs locally.  (since 10.2)', '#'),
      ...context('# Features:', '#'),
      ...unstable,
    ]) +
      schemaHunk('qapi/migration.json', 542, [...context("           { 'name': 'x-ignore-shared', 'features': [ 'unstable' ] },", "           'validate-uuid', 'background-snapshot',"), "-           'dirty-limit', 'mapped-ram'] }", ...added("           'dirty-limit', 'mapped-ram',", value), ...context('', '##', '# @MigrationCapabilityStatus:')]).replace(/^diff --git.*\n(?:.*\n){3}/, ''),
  );

ruleTester(rule, {
  valid: [
    { name: 'the feature text names the new value', patch: seed(['-# @unstable: Members @x-colo and @x-ignore-shared are experimental.', '+# @unstable: Members @x-colo, @x-ignore-shared and @local-tap are', '+#     experimental.']) },
    { name: 'a new value without the feature', patch: seed([' # @unstable: Members @x-colo and @x-ignore-shared are experimental.'], "           'local-tap' ] }") },
  ],
  invalid: [
    {
      name: 'the feature text still names only the old members (seed patch)',
      patch: seed([' # @unstable: Members @x-colo and @x-ignore-shared are experimental.']),
      errors: [{ file: 'qapi/migration.json', line: 545, message: "value 'local-tap' gets feature 'unstable', but the '@unstable:' description of its definition does not name @local-tap", severity: 'warning' }],
    },
  ],
});
