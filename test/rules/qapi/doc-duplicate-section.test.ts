import rule from '../../../rules/qapi/doc-duplicate-section.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/qdev.json', 170, [...context('##', '# @device-sync-config:', '#', '# @id: The device.', '#'), ...lines, ...context('##', "{ 'command': 'device-sync-config', 'data': { 'id': 'str' } }")]));

ruleTester(rule, {
  valid: [
    { name: 'one Since: section', patch: hunk(...added('# Since: 9.2')) },
    { name: 'Returns: and Since: once each', patch: hunk(...added('# Returns: nothing.', '#', '# Since: 9.2')) },
  ],
  invalid: [
    {
      name: 'a second Since: section',
      patch: hunk(...added('# Since: 9.1', '#', '# Since: 9.2')),
      errors: [{ file: 'qapi/qdev.json', line: 177, message: "duplicated 'Since' section", severity: 'error' }],
    },
    {
      name: 'a second Features: line',
      patch: hunk(...added('# Features:', '#', '# @unstable: Experimental.', '#', '# Features:', '#', '# @deprecated: Old.')),
      errors: [{ line: 179, message: "duplicated 'Features:' line" }],
    },
  ],
});
