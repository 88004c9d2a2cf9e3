import rule from '../../../rules/qapi/doc-member-undocumented.js';
import { added, context, newSchemaFile, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const NET = ['##', '# @TapOptions:', '#', '# @ifname: Interface name.', '#', '# Since: 1.2', '##', "{ 'struct': 'TapOptions',", "  'data': { '*ifname': 'str' } }", ''].join('\n');
/** Adds member `b` to TapOptions, documented or not (whole file through the tree). */
const addMember = (doc: string[]) =>
  qapiPatch(schemaHunk('qapi/net.json', 4, [...context('# @ifname: Interface name.', '#'), ...added(...doc), ...context('# Since: 1.2', '##', "{ 'struct': 'TapOptions',"), "-  'data': { '*ifname': 'str' } }", ...added("  'data': { '*ifname': 'str', '*vnet-hdr': 'bool' } }")]));
const newStruct = (...doc: string[]) =>
  qapiPatch(newSchemaFile('qapi/foo.json', ['##', '# @Foo:', '#', ...doc, '#', '# Since: 11.0', '##', "{ 'struct': 'Foo', 'data': { 'a': 'int', '*b': 'str' } }"]));

// A 2025 patch, merged as is: a member added next to the undocumented one of DummyVirtioForceArrays.
const DUMMY = ['##', '# @DummyVirtioForceArrays:', '#', '# Not used by QMP; hack to let us use IOThreadVirtQueueMappingList', '# internally', '#', '# Since: 9.0', '##'];
const addDummy = qapiPatch(
  schemaHunk('qapi/virtio.json', 990, [
    ...context(...DUMMY, '', "{ 'struct': 'DummyVirtioForceArrays',"),
    "-  'data': { 'unused-iothread-vq-mapping': ['IOThreadVirtQueueMapping'] } }",
    ...added("  'data': { 'unused-iothread-vq-mapping': ['IOThreadVirtQueueMapping'],", "            'unused-virtio-gpu-output': ['VirtIOGPUOutput'] } }"),
  ]),
);
const VIRTIO = [...Array(989).fill('#'), ...DUMMY, '', "{ 'struct': 'DummyVirtioForceArrays',", "  'data': { 'unused-iothread-vq-mapping': ['IOThreadVirtQueueMapping'] } }", ''].join('\n');
const wrapper = qapiPatch(newSchemaFile('qapi/foo.json', ['##', '# @FooWrapper:', '#', '# Since: 11.0', '##', "{ 'struct': 'FooWrapper', 'data': { 'data': 'Foo' } }"]));

ruleTester(rule, {
  valid: [
    { name: 'every member described', patch: newStruct('# @a: The a.', '#', '# @b: The b.') },
    { name: 'a member added with its description (whole file)', tree: { 'qapi/net.json': NET }, patch: addMember(['# @vnet-hdr: Enable the header.  (since 11.0)', '#']) },
    { name: 'a definition in pragma documentation-exceptions', tree: { 'qapi/net.json': NET, 'qapi/pragma.json': "{ 'pragma': { 'documentation-exceptions': [ 'TapOptions' ] } }\n" }, patch: addMember([]) },
    {
      name: 'union branches are documented by their types',
      patch: qapiPatch(newSchemaFile('qapi/foo.json', ['##', '# @U:', '#', '# @kind: The kind.', '#', '# Since: 11.0', '##', "{ 'union': 'U', 'base': { 'kind': 'K' }, 'discriminator': 'kind',", "  'data': { 'a': 'A' } }"])),
    },
    { name: 'arguments of a command whose data names a type', patch: qapiPatch(newSchemaFile('qapi/foo.json', ['##', '# @do-foo:', '#', '# Since: 11.0', '##', "{ 'command': 'do-foo', 'data': 'FooArgs' }"])) },
    {
      name: 'the pragma of the schema, included from its root in another directory',
      tree: { 'storage-daemon/qapi/net.json': NET, 'storage-daemon/qapi/qapi-schema.json': "{ 'include': '../../qapi/pragma.json' }\n", 'qapi/pragma.json': "{ 'pragma': { 'documentation-exceptions': [ 'TapOptions' ] } }\n" },
      patch: addMember([]).replaceAll('qapi/net.json', 'storage-daemon/qapi/net.json'),
    },
    {
      name: 'with the tree, the pragma of qapi-schema.json exempts DummyVirtioForceArrays',
      tree: { 'qapi/virtio.json': VIRTIO, 'qapi/qapi-schema.json': "{ 'include': 'pragma.json' }\n", 'qapi/pragma.json': "{ 'pragma': { 'documentation-exceptions': [ 'DummyVirtioForceArrays' ] } }\n" },
      patch: addDummy,
    },
    // Without the tree the doc block of TapOptions is not seen whole: say nothing.
    { name: 'a member added where the doc block is not shown whole', patch: addMember([]) },
  ],
  invalid: [
    {
      name: 'from a mail alone, a definition whose other members are undocumented too looks exempt (info)',
      patch: addDummy,
      errors: [{ file: 'qapi/virtio.json', line: 1001, severity: 'info', message: /'DummyVirtioForceArrays' looks exempt by pragma documentation-exceptions/ }],
    },
    { name: 'from a mail alone, a *Wrapper type looks exempt (info)', patch: wrapper, errors: [{ line: 6, severity: 'info', message: /'FooWrapper' looks exempt/ }] },
    {
      name: 'with the tree, the pragmas decide: not listed is an error',
      tree: { 'qapi/virtio.json': VIRTIO, 'qapi/qapi-schema.json': "{ 'include': 'pragma.json' }\n", 'qapi/pragma.json': "{ 'pragma': { 'documentation-exceptions': [ 'Other' ] } }\n" },
      patch: wrapper,
      errors: [{ line: 6, severity: 'error', message: "member 'data' lacks documentation ('FooWrapper' is not in pragma documentation-exceptions)" }],
    },
    {
      // Modelled on qapi/pragma.json naming CpuS390Entitlement after QEMU renamed the enum S390CpuEntitlement.
      name: 'a pragma that lists the definition under an older name: still an error, saying why',
      tree: { 'qapi/qapi-schema.json': "{ 'include': 'pragma.json' }\n{ 'include': 'foo.json' }\n", 'qapi/pragma.json': "{ 'pragma': { 'documentation-exceptions': [ 'WrapperFoo' ] } }\n" },
      patch: wrapper,
      errors: [{ line: 6, severity: 'error', message: "member 'data' lacks documentation (pragma documentation-exceptions names 'WrapperFoo', which this schema does not define: renamed?)" }],
    },
    {
      name: 'a listed name with the same words that another module defines is no rename',
      tree: {
        'qapi/qapi-schema.json': "{ 'include': 'pragma.json' }\n{ 'include': 'bar.json' }\n{ 'include': 'foo.json' }\n",
        'qapi/pragma.json': "{ 'pragma': { 'documentation-exceptions': [ 'WrapperFoo' ] } }\n",
        'qapi/bar.json': "{ 'struct': 'WrapperFoo', 'data': { 'data': 'int' } }\n",
      },
      patch: wrapper,
      errors: [{ line: 6, severity: 'error', message: "member 'data' lacks documentation ('FooWrapper' is not in pragma documentation-exceptions)" }],
    },
    { name: 'a member of a new struct', patch: newStruct('# @a: The a.'), errors: [{ file: 'qapi/foo.json', line: 8, message: "member 'b' lacks documentation", severity: 'error' }] },
    { name: 'a member added to an old struct (whole file)', tree: { 'qapi/net.json': NET }, patch: addMember([]), errors: [{ file: 'qapi/net.json', line: 9, message: "member 'vnet-hdr' lacks documentation" }] },
    {
      name: 'an enum value',
      patch: qapiPatch(newSchemaFile('qapi/foo.json', ['##', '# @Mode:', '#', '# @fast: Go fast.', '#', '# Since: 11.0', '##', "{ 'enum': 'Mode', 'data': [ 'fast', 'slow' ] }"])),
      errors: [{ line: 8, message: "value 'slow' lacks documentation" }],
    },
  ],
});
