import rule from '../../../rules/maintainers/pattern-dangling.js';
import { fileDiff, mail, mbox } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const MAINTAINERS = ['Net devices', 'M: Jason Wang <jasowang@redhat.com>', 'S: Odd Fixes', 'F: hw/net/', '', 'Block devices', ''].join('\n');
const tree = { MAINTAINERS, 'hw/net/virtio-net.c': 'int x;\n', 'include/hw/virtio/virtio-net.h': '#pragma once\n' };
const addPattern = (pattern: string, subject = '[PATCH] MAINTAINERS: cover virtio-net') =>
  mail({ subject, body: 'Cover the virtio-net files.', diff: fileDiff('MAINTAINERS', 3, [' S: Odd Fixes', ' F: hw/net/', `+F: ${pattern}`, ' ']) });

ruleTester(rule, {
  valid: [
    { name: 'a file of the tree', tree, patch: addPattern('hw/net/virtio-net.c') },
    { name: 'a directory of the tree', tree, patch: addPattern('include/hw/virtio/') },
    { name: 'a wildcard pattern (needs a listing)', tree, patch: addPattern('hw/net/virtio-nett*') },
    { name: 'without a tree nothing can be said', patch: addPattern('hw/net/virtio-nett.c') },
    {
      name: 'a file a later patch of the series adds',
      tree,
      patch: mbox(
        addPattern('hw/net/foo.c', '[PATCH 1/2] MAINTAINERS: cover foo'),
        mail({ subject: '[PATCH 2/2] hw/net: add foo', body: 'Add foo.', diff: fileDiff('hw/net/foo.c', 1, ['+int foo;'], { newFile: true }) }),
      ),
    },
  ],
  invalid: [
    { name: 'a typo', tree, patch: addPattern('hw/net/virtio-nett.c'), errors: [{ file: 'MAINTAINERS', line: 5, severity: 'warning', message: 'F: hw/net/virtio-nett.c names no file or directory of the tree: get_maintainer.pl matches nothing with it' }] },
  ],
});
