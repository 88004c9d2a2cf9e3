import rule from '../../../rules/qapi/since-wrong-release.js';
import { added, context, newSchemaFile, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { mbox } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const MIGRATION = ['##', '# @Caps:', '#', '# @xbzrle: Use XBZRLE.', '#', '# @mapped-ram: Use fixed offsets.  (since 9.0)', '#', '# Since: 1.2', '##', "{ 'enum': 'Caps', 'data': [ 'xbzrle', 'mapped-ram' ] }", ''].join('\n');
/** Adds value local-tap to Caps, described with `tag`; the hunk applies to MIGRATION. */
const addValue = (tag: string, spec = {}) =>
  qapiPatch(
    schemaHunk('qapi/migration.json', 6, [
      ...context('# @mapped-ram: Use fixed offsets.  (since 9.0)', '#'),
      ...added(`# @local-tap: Migrate TAPs locally.  ${tag}`, '#'),
      ...context('# Since: 1.2', '##'),
      "-{ 'enum': 'Caps', 'data': [ 'xbzrle', 'mapped-ram' ] }",
      ...added("{ 'enum': 'Caps', 'data': [ 'xbzrle', 'mapped-ram', 'local-tap' ] }"),
    ]),
    spec,
  );
/** A date past the end of the release calendar: nothing says which release is in development. */
const UNDATED = { date: 'Mon, 1 Mar 2027 10:00:00 +0100' };
// qapi: move accelerator commands to their own file: query-kvm leaves misc.json for a new file, its Since: 0.14 with it.
const QUERY_KVM = ['##', '# @query-kvm:', '#', '# Return information about KVM acceleration', '#', '# Returns: @KvmInfo', '#', '# Since: 0.14', '##', "{ 'command': 'query-kvm', 'returns': 'KvmInfo' }"];
const removeKvm = schemaHunk('qapi/misc.json', 40, [...context('##', ''), ...QUERY_KVM.map((l) => `-${l}`), ...context('##', '# @query-uuid:')]);
const addKvm = newSchemaFile('qapi/accelerator.json', ['# -*- Mode: Python -*-', '', ...QUERY_KVM]);
const tree = (version: string) => ({ 'qapi/migration.json': MIGRATION, VERSION: `${version}\n` });

ruleTester(rule, {
  valid: [
    { name: 'the release --qemu-version names', qemuVersion: '10.2', patch: addValue('(since 10.2)') },
    { name: 'the release VERSION develops', tree: tree('10.1.50'), patch: addValue('(since 10.2)') },
    { name: 'the release after next during a freeze', tree: tree('10.1.92'), patch: addValue('(since 11.0)') },
    { name: 'an unknown release and nothing to compare with', patch: addValue('(since 10.2)', UNDATED) },
    {
      // qapi: virtio: Fix the introduced version (corrections replace a tag).
      name: 'a tag that corrects a removed one',
      qemuVersion: '11.0',
      patch: qapiPatch(schemaHunk('qapi/virtio.json', 20, [...context('##', '# @VirtioInfo:', '#'), '-# Since: 7.1', ...added('# Since: 7.2'), ...context('##', "{ 'struct': 'VirtioInfo', 'data': {} }")])),
    },
    { name: 'a definition moved to another file in the same patch keeps its Since:', qemuVersion: '10.2', patch: qapiPatch(addKvm + removeKvm, { subject: '[PATCH] qapi: move accelerator commands to their own file' }) },
    {
      name: 'a definition an earlier patch of the series removes keeps its Since:',
      qemuVersion: '10.2',
      patch: mbox(qapiPatch(removeKvm, { subject: '[PATCH 1/2] qapi: drop query-kvm from misc.json' }), qapiPatch(addKvm, { subject: '[PATCH 2/2] qapi: query-kvm in accelerator.json' })),
    },
    {
      name: 'a member moved from one definition to another keeps its (since X.Y)',
      qemuVersion: '10.2',
      patch: qapiPatch(
        schemaHunk('qapi/net.json', 10, [...context('# @fd: The fd.', '#'), '-# @vhost: Use vhost.  (since 2.1)', '-#', ...context('# Since: 1.2', '##', "{ 'struct': 'TapOptions',"), "-  'data': { 'fd': 'str', '*vhost': 'bool' } }", ...added("  'data': { 'fd': 'str' } }")]) +
          schemaHunk('qapi/net.json', 30, [...context('# @queues: The queues.', '#'), ...added('# @vhost: Use vhost.  (since 2.1)', '#'), ...context('# Since: 1.2', '##', "{ 'struct': 'NetOptions',"), "-  'data': { 'queues': 'int' } }", ...added("  'data': { 'queues': 'int', '*vhost': 'bool' } }")]).replace(/^diff --git.*\n(?:.*\n){3}/, ''),
      ),
    },
    { name: 'a tag on an old member', qemuVersion: '11.0', patch: qapiPatch(schemaHunk('qapi/migration.json', 4, [...context('# @xbzrle: Use XBZRLE.'), ...added('#     Since 2.0 it compresses.  (since 1.2)'), ...context('#')])) },
  ],
  invalid: [
    {
      name: 'older than --qemu-version',
      qemuVersion: '11.0',
      patch: addValue('(since 10.2)'),
      errors: [{ file: 'qapi/migration.json', line: 8, message: "'(since 10.2)' names an older release: new features go into 11.0 (from --qemu-version)", severity: 'error' }],
    },
    {
      name: 'older than VERSION (whole file)',
      tree: tree('10.2.50'),
      patch: addValue('(since 10.2)', { date: 'Mon, 5 Jan 2026 10:00:00 +0100' }),
      errors: [{ line: 8, message: "'(since 10.2)' names an older release: new features go into 11.0 (VERSION 10.2.50)", severity: 'error' }],
    },
    {
      name: 'the frozen release during a freeze (warning, with the reason)',
      tree: tree('10.1.92'),
      patch: addValue('(since 10.2)'),
      errors: [{ line: 8, message: "'(since 10.2)': 10.2 is in its release freeze (VERSION 10.1.92), so new features go into 11.0", severity: 'warning' }],
    },
    { name: 'newer than the release in development', qemuVersion: '10.2', patch: addValue('(since 11.0)'), errors: [{ line: 8, message: "'(since 11.0)' names a release after the one in development, 10.2 (from --qemu-version)", severity: 'warning' }] },
    {
      name: 'a new definition beside a moved one is still judged',
      qemuVersion: '10.2',
      patch: qapiPatch(newSchemaFile('qapi/accelerator.json', ['# -*- Mode: Python -*-', '', ...QUERY_KVM, '', '##', '# @query-accelerators:', '#', '# Return the accelerators.', '#', '# Since: 10.1', '##', "{ 'command': 'query-accelerators' }"]) + removeKvm),
      errors: [{ file: 'qapi/accelerator.json', line: 19, message: "'Since: 10.1' names an older release: new features go into 10.2 (from --qemu-version)", severity: 'error' }],
    },
    {
      name: 'unknown release: older than a tag already in the file',
      patch: qapiPatch(schemaHunk('qapi/migration.json', 6, [...context('# @mapped-ram: Use fixed offsets.  (since 9.0)', '#'), ...added('# @local-tap: Migrate TAPs locally.  (since 8.2)', '#'), ...context('# Since: 1.2', '##', "{ 'enum': 'Caps',"), "-  'data': [ 'xbzrle', 'mapped-ram' ] }", ...added("  'data': [ 'xbzrle', 'mapped-ram', 'local-tap' ] }"), ...context('', '##')]), UNDATED),
      errors: [{ line: 8, message: "'(since 8.2)' is older than '(since 9.0)' already in this file: a new feature cannot predate it", severity: 'warning' }],
    },
    {
      name: 'unknown release: older than a tag in another patch of the series',
      patch: mbox(
        qapiPatch(schemaHunk('qapi/net.json', 356, [...context('#'), ...added('# @local-incoming: Load the fds.  (since 11.0)', '#'), ...context('# Since: 1.2', '##', "{ 'struct': 'NetdevTapOptions',"), "-  'data': { 'fd': 'str' } }", ...added("  'data': { 'fd': 'str', '*local-incoming': 'bool' } }"), ...context('', '##')]), { ...UNDATED, subject: '[PATCH 1/2] qapi: local-incoming' }),
        qapiPatch(schemaHunk('qapi/migration.json', 6, [...context('#'), ...added('# @local-tap: Migrate TAPs locally.  (since 10.2)', '#'), ...context('# Since: 1.2', '##', "{ 'enum': 'Caps',"), "-  'data': [ 'xbzrle' ] }", ...added("  'data': [ 'xbzrle', 'local-tap' ] }"), ...context('', '##')]), { ...UNDATED, subject: '[PATCH 2/2] qapi: local-tap' }),
      ),
      errors: [{ patch: 2, line: 7, message: "'(since 10.2)' is older than '(since 11.0)' in another patch of this series", severity: 'warning' }],
    },
  ],
});
