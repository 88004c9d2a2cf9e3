import rule from '../../../rules/qapi/doc-freeform-at-name.js';
import { added, context, newSchemaFile, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/qdev.json', 170, [...context("{ 'command': 'device-sync-config', 'data': { 'id': 'str' } }", ''), ...lines, ...context('', "{ 'include': 'foo.json' }")]));

ruleTester(rule, {
  valid: [
    { name: 'a free-form block of prose', patch: hunk(...added('##', '# = Devices', '#', '# Commands on @id devices.', '##')) },
    { name: '"@x:" indented or inside a sentence', patch: hunk(...added('##', '# Devices', '#', '#   @id: the device', '# Set it with @id: see below.', '##')) },
    { name: 'a definition doc', patch: qapiPatch(newSchemaFile('qapi/foo.json', ['##', '# @Foo:', '#', '# @a: The a.', '##', "{ 'struct': 'Foo', 'data': { 'a': 'int' } }"])) },
    { name: 'an old line is not judged', patch: hunk(...context('##', '# Devices', '#', '# @id: the device'), ...added('#'), ...context('##')) },
  ],
  invalid: [
    {
      name: '"@x:" at the start of a line in a free-form block',
      patch: hunk(...added('##', '# Devices', '#', '# @id: the device', '##')),
      errors: [{ file: 'qapi/qdev.json', line: 175, message: "'@id:' not allowed in free-form documentation", severity: 'error' }],
    },
    {
      name: 'a definition doc whose symbol line is missing',
      patch: qapiPatch(newSchemaFile('qapi/foo.json', ['##', '# A foo.', '#', '# @a: The a.', '#', '# @b: The b.', '##', '', "{ 'include': 'bar.json' }"])),
      errors: [
        { file: 'qapi/foo.json', line: 4, message: "'@a:' not allowed in free-form documentation" },
        { file: 'qapi/foo.json', line: 6, message: "'@b:' not allowed in free-form documentation" },
      ],
    },
  ],
});
