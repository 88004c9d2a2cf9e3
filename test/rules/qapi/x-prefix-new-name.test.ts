import rule from '../../../rules/qapi/x-prefix-new-name.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const capHunk = (...values: string[]) =>
  qapiPatch(schemaHunk('qapi/migration.json', 542, [...context("           'validate-uuid', 'background-snapshot',"), "-           'dirty-limit', 'mapped-ram'] }", ...added("           'dirty-limit', 'mapped-ram',", ...values), ...context('', '##')]));

ruleTester(rule, {
  valid: [
    { name: "a new name with feature 'unstable' instead", patch: capHunk("           { 'name': 'local-tap', 'features': [ 'unstable' ] } ] }") },
    {
      name: 'an old x- name the patch only re-writes',
      patch: qapiPatch(schemaHunk('qapi/migration.json', 542, [...context("           'validate-uuid',"), "-           { 'name': 'x-ignore-shared', 'features': [ 'unstable' ] } ] }", ...added("           { 'name': 'x-ignore-shared', 'features': [ 'unstable' ] },", "           'mapped-ram' ] }"), ...context('', '##')])),
    },
  ],
  invalid: [
    {
      name: 'x- without the feature',
      patch: capHunk("           'x-local-tap' ] }"),
      errors: [{ file: 'qapi/migration.json', line: 544, message: "new name 'x-local-tap' uses the x- prefix, which feature 'unstable' has replaced: name it without x- and give it the 'unstable' feature", severity: 'info' }],
    },
    {
      name: 'x- and the feature',
      patch: capHunk("           { 'name': 'x-local-tap', 'features': [ 'unstable' ] } ] }"),
      errors: [{ line: 544, message: "new name 'x-local-tap' uses the x- prefix, which feature 'unstable' has replaced: drop the x- prefix: the 'unstable' feature already says it" }],
    },
  ],
});
