import rule from '../../../rules/qapi/doc-member-nonexistent.js';
import { newSchemaFile, qapiPatch } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const struct = (description: string, header = "{ 'struct': 'Foo', 'data': { 'local-tap': 'bool' } }") =>
  qapiPatch(newSchemaFile('qapi/foo.json', ['##', '# @Foo:', '#', description, '#', '# Since: 11.0', '##', header]));

ruleTester(rule, {
  valid: [
    { name: 'the description names a member', patch: struct('# @local-tap: Migrate TAPs locally.') },
    // Members of a named base are documented with the base; whether this one is is not known here.
    {
      name: "the implicit 'type' of a simple union (legacy trees)",
      patch: qapiPatch(newSchemaFile('qapi/tpm.json', ['##', '# @TpmTypeOptions:', '#', '# @type: The type.', '#', '# @passthrough: The passthrough.', '#', '# Since: 1.5', '##', "{ 'union': 'TpmTypeOptions', 'data': { 'passthrough': 'TPMPassthroughOptions' } }"])),
    },
    { name: 'a struct with a base type', patch: struct('# @ifname: From the base.', "{ 'struct': 'Foo', 'base': 'Base', 'data': { 'local-tap': 'bool' } }") },
  ],
  invalid: [
    { name: 'a typo', patch: struct('# @local-tab: Migrate TAPs locally.'), errors: [{ file: 'qapi/foo.json', line: 4, message: "documented member 'local-tab' does not exist in struct Foo", severity: 'error' }] },
    { name: 'a space before the colon', patch: struct('# @local-tap : Migrate TAPs locally.'), errors: [{ line: 4, message: "documented member 'local-tap ' does not exist in struct Foo" }] },
  ],
});
