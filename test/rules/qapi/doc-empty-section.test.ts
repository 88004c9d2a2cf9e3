import rule from '../../../rules/qapi/doc-empty-section.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/qdev.json', 170, [...context('##', '# @Foo:', '#', '# @id: The device.', '#'), ...lines, ...context('##', "{ 'struct': 'Foo', 'data': { 'id': 'str' } }")]));

ruleTester(rule, {
  valid: [
    { name: 'a Since: with its release', patch: hunk(...added('# Since: 11.0')) },
    { name: 'text on the next line', patch: hunk(...added('# Since:', '#     11.0')) },
  ],
  invalid: [
    { name: 'an empty Since:', patch: hunk(...added('# Since:')), errors: [{ file: 'qapi/qdev.json', line: 175, message: "text required after 'Since:'", severity: 'error' }] },
    { name: 'Features: without descriptions', patch: hunk(...added('# Features:', '#', '# Since: 11.0')), errors: [{ line: 175, message: 'feature descriptions expected' }] },
  ],
});
