import rule from '../../../rules/qapi/since-missing-member.js';
import { added, context, newSchemaFile, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { mbox } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

// The seed patch's migration.json hunks: a new capability, documented.
const capability = (description: string[]) =>
  qapiPatch(
    schemaHunk('qapi/migration.json', 517, [...context('#     such as a file.  (since 9.0)', '#'), ...added(...description, '#'), ...context('# Features:', '#', '# @unstable: Members @x-colo and @x-ignore-shared are experimental.')]) +
      schemaHunk('qapi/migration.json', 542, [...context("           'validate-uuid', 'background-snapshot',"), "-           'dirty-limit', 'mapped-ram'] }", ...added("           'dirty-limit', 'mapped-ram',", "           'local-tap' ] }"), ...context('', '##')]).replace(/^diff --git.*\n(?:.*\n){3}/, ''),
    { date: 'Fri, 5 Sep 2025 16:50:33 +0300' },
  );
const MIGRATION = ['##', '# @Caps:', '#', '# @xbzrle: Use XBZRLE.', '#', '# Since: 1.2', '##', "{ 'enum': 'Caps', 'data': [ 'xbzrle' ] }", ''].join('\n');
const wholeFile = (description: string) =>
  qapiPatch(schemaHunk('qapi/migration.json', 4, [...context('# @xbzrle: Use XBZRLE.', '#'), ...added(description, '#'), ...context('# Since: 1.2', '##'), "-{ 'enum': 'Caps', 'data': [ 'xbzrle' ] }", ...added("{ 'enum': 'Caps', 'data': [ 'xbzrle', 'local-tap' ] }")]));

ruleTester(rule, {
  valid: [
    { name: 'a (since X.Y) in the description', patch: capability(['# @local-tap: Migrate TAPs locally.  (since 10.2)']) },
    { name: 'any spelling of since', patch: capability(['# @local-tap: Migrate TAPs locally.  (Since: 10.2)']) },
    // A 2025 TDX patch: members added to a struct that an earlier series of the same cycle introduced.
    {
      name: 'a member of a definition whose Since: names the release in development',
      qemuVersion: '10.1',
      patch: qapiPatch(schemaHunk('qapi/qom.json', 20, [...context('# @attributes: The TDX attributes.', '#'), ...added('# @mrconfigid: The MRCONFIGID.', '#'), ...context('# Since: 10.1', '##', "{ 'struct': 'TdxGuestProperties',"), "-  'data': { '*attributes': 'uint64' } }", ...added("  'data': { '*attributes': 'uint64', '*mrconfigid': 'str' } }")])),
    },
    { name: 'a member of a new definition', patch: qapiPatch(newSchemaFile('qapi/fds.json', ['##', '# @Fds:', '#', '# @net: The net.', '#', '# Since: 10.2', '##', "{ 'struct': 'Fds', 'data': { 'net': 'int' } }"])) },
    // Patch 1 adds the enum, patch 2 a value: the enum is new in the series.
    {
      name: 'a value added to an enum an earlier patch of the series adds',
      patch: mbox(
        qapiPatch(schemaHunk('qapi/migration.json', 700, [...context(''), ...added('##', '# @FdsTarget:', '#', '# @virtio-net: virtio-net.', '#', '# Since: 10.2', '##', "{ 'enum': 'FdsTarget', 'data': [ 'virtio-net' ] }")]), { subject: '[PATCH 1/2] qapi: add FdsTarget' }),
        qapiPatch(schemaHunk('qapi/migration.json', 703, [...context('# @virtio-net: virtio-net.'), ...added('#', '# @tap: tap devices.'), ...context('#', '# Since: 10.2', '##'), "-{ 'enum': 'FdsTarget', 'data': [ 'virtio-net' ] }", ...added("{ 'enum': 'FdsTarget', 'data': [ 'virtio-net', 'tap' ] }")]), { subject: '[PATCH 2/2] qapi: FdsTarget tap' }),
      ),
    },
    // One new 'fd' and two new @fd: descriptions: which one describes the old member cannot be told.
    {
      name: 'a name described twice but declared once, the definitions not shown',
      qemuVersion: '10.2',
      patch: qapiPatch(
        schemaHunk('qapi/net.json', 100, [...context('# @ifname: The interface.', '#'), ...added('# @fd: The file descriptor.  (since 10.2)', '#'), ...context('# @script: The script.')]) +
          schemaHunk('qapi/net.json', 200, [...context('# @vhost: Use vhost.', '#'), ...added('# @fd: The file descriptor to use.', '#'), ...context('# @queues: The queues.')]).replace(/^diff --git.*\n(?:.*\n){3}/, '') +
          schemaHunk('qapi/net.json', 300, [...context("    '*ifname': 'str',"), ...added("    '*fd': 'str',"), ...context("    '*script': 'str',")]).replace(/^diff --git.*\n(?:.*\n){3}/, ''),
      ),
    },
    // A description for a member that was there all along (qapi/migration: Add missing tls-authz documentation).
    { name: 'a description added for an old member', patch: qapiPatch(schemaHunk('qapi/migration.json', 517, [...context('#     such as a file.  (since 9.0)', '#'), ...added('# @tls-authz: ID of the authz object.', '#'), ...context('# Features:')])) },
  ],
  invalid: [
    {
      name: 'a member of a definition introduced in an earlier release',
      qemuVersion: '10.2',
      patch: qapiPatch(schemaHunk('qapi/qom.json', 20, [...context('# @attributes: The TDX attributes.', '#'), ...added('# @mrconfigid: The MRCONFIGID.', '#'), ...context('# Since: 10.1', '##', "{ 'struct': 'TdxGuestProperties',"), "-  'data': { '*attributes': 'uint64' } }", ...added("  'data': { '*attributes': 'uint64', '*mrconfigid': 'str' } }")])),
      errors: [{ file: 'qapi/qom.json', line: 22, message: /needs '\(since 10\.2\)'/ }],
    },
    {
      name: 'a new value of an old enum (fragments)',
      patch: capability(['# @local-tap: Migrate TAPs locally.']),
      qemuVersion: '10.2',
      errors: [{ file: 'qapi/migration.json', line: 519, message: "new value 'local-tap' of an existing definition needs '(since 10.2)' at the end of its description", severity: 'warning' }],
    },
    {
      name: 'a new value of an old enum (whole file)',
      tree: { 'qapi/migration.json': MIGRATION, VERSION: '10.2.50\n' },
      patch: wholeFile('# @local-tap: Migrate TAPs locally.'),
      errors: [{ file: 'qapi/migration.json', line: 6, message: "new value 'local-tap' of an existing definition needs '(since 11.0)' at the end of its description" }],
    },
  ],
});
