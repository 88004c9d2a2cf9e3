import rule from '../../../rules/qapi/name-invalid.js';
import { added, context, newSchemaFile, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tapHunk = (member: string) =>
  qapiPatch(schemaHunk('qapi/net.json', 380, [...context("    '*queues':     'uint32',"), "-    '*poll-us':    'uint32'} }", ...added("    '*poll-us':    'uint32',", `    '${member}': 'bool' } }`), ...context('', '##')]));
const newDefinition = (header: string) => qapiPatch(newSchemaFile('qapi/foo.json', ['##', '# @X:', '#', '# Since: 11.0', '##', header]));

ruleTester(rule, {
  valid: [
    { name: 'a lower-case member with dashes', patch: tapHunk('*local-incoming') },
    { name: 'a CamelCase struct, an UPPER_CASE event, a lower-case command', patch: newDefinition("{ 'struct': 'NetdevTapOpts', 'data': {} }") + newDefinition("{ 'event': 'TAP_READY' }") },
    { name: 'a downstream-prefixed command', patch: newDefinition("{ 'command': '__com.redhat_drive-mirror' }") },
    {
      // X86CPURegister32 is in pragma member-name-exceptions: its old values are upper case.
      name: 'an upper-case value where the old values are upper case too',
      patch: qapiPatch(schemaHunk('qapi/machine-target.json', 30, [...context("{ 'enum': 'X86CPURegister32',", "  'data': [ 'EAX', 'EBX', 'ECX', 'EDX',"), "-             'ESP', 'EBP', 'ESI', 'EDI' ] }", ...added("             'ESP', 'EBP', 'ESI', 'EDI',", "             'EIP' ] }")])),
    },
    { name: 'an old bad name the patch only re-writes', patch: qapiPatch(schemaHunk('qapi/net.json', 380, [...context("    '*queues':     'uint32',"), "-    '*poll_us':    'uint32'} }", ...added("    '*poll_us':    'uint32',", "    '*local-incoming': 'bool' } }"), ...context('', '##')])) },
  ],
  invalid: [
    {
      name: 'a member with an underscore',
      patch: tapHunk('*local_incoming'),
      errors: [{ file: 'qapi/net.json', line: 382, message: "name of member 'local_incoming' must not use uppercase or '_'", severity: 'error' }],
    },
    { name: 'a struct not in CamelCase', patch: newDefinition("{ 'struct': 'netdevTapOpts', 'data': {} }"), errors: [{ file: 'qapi/foo.json', line: 6, message: "name of struct 'netdevTapOpts' must use CamelCase" }] },
    {
      name: 'a pragma that lists the definition under an older name: still an error, saying why',
      tree: { 'qapi/qapi-schema.json': "{ 'include': 'pragma.json' }\n", 'qapi/pragma.json': "{ 'pragma': { 'member-name-exceptions': [ 'RegisterX86' ] } }\n" },
      patch: qapiPatch(newSchemaFile('qapi/foo.json', ['##', '# @X86Register:', '#', '# @EAX: The accumulator.', '#', '# Since: 11.0', '##', "{ 'enum': 'X86Register', 'data': [ 'EAX' ] }"])),
      errors: [{ line: 8, message: "name of value 'EAX' must not use uppercase or '_' (pragma member-name-exceptions names 'RegisterX86', which this schema does not define: renamed?)" }],
    },
    { name: 'an event in CamelCase', patch: newDefinition("{ 'event': 'TapReady' }"), errors: [{ line: 6, message: "name of event 'TapReady' must not use lowercase or '-'" }] },
    { name: "a type ending in 'List'", patch: newDefinition("{ 'struct': 'TapList', 'data': {} }"), errors: [{ line: 6, message: "struct name 'TapList' should not end in 'List'" }] },
    { name: 'a reserved member name', patch: tapHunk('*has-fds'), errors: [{ line: 382, message: "member 'has-fds' uses reserved name" }] },
  ],
});
