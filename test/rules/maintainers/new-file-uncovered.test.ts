import rule from '../../../rules/maintainers/new-file-uncovered.js';
import { TREE } from '../../helpers/maintainers-tree.js';
import { fileDiff, mail, mbox } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const adding = (path: string) => fileDiff(path, 0, ['+/* SPDX-License-Identifier: GPL-2.0-or-later */', '+int x;'], { newFile: true });
const rename = (from: string, to: string) => `diff --git a/${from} b/${to}\nsimilarity index 100%\nrename from ${from}\nrename to ${to}\n`;

ruleTester(rule, {
  valid: [
    { name: 'a new file a maintained section covers', patch: mail({ diff: adding('migration/foo.c') }), tree: TREE },
    { name: 'a new file under a directory pattern the tree knows', patch: mail({ diff: adding('hw/sensor/foo.c') }), tree: TREE },
    { name: 'the patch also updates MAINTAINERS', patch: mail({ diff: adding('hw/misc/foo.c') + fileDiff('MAINTAINERS', 10, [' a', '+F: hw/misc/foo.c', ' c']) }), tree: TREE },
    {
      name: 'another patch of the series updates MAINTAINERS',
      patch: mbox(
        mail({ subject: '[PATCH 1/2] hw/misc: add foo', messageId: '<a@x>', diff: adding('hw/misc/foo.c') }),
        mail({ subject: '[PATCH 2/2] MAINTAINERS: cover foo', messageId: '<b@x>', diff: fileDiff('MAINTAINERS', 10, [' a', '+F: hw/misc/foo.c', ' c']) }),
      ),
      tree: { ...TREE, MAINTAINERS: TREE.MAINTAINERS!.split('\n').slice(0, 9).join('\n') + '\na\nc\n' + TREE.MAINTAINERS!.split('\n').slice(9).join('\n') },
    },
    { name: 'no tree, no MAINTAINERS: nothing to say', patch: mail({ diff: adding('hw/misc/foo.c') }) },
    { name: 'a modified file only', patch: mail({ diff: fileDiff('docs/index.rst', 10, [' a', '+b', ' c']) }), tree: TREE },
    {
      name: 'the tree does not fit the patch',
      patch: mail({ diff: adding('hw/misc/foo.c') + fileDiff('hw/misc/absent.c', 10, [' a', '+b', ' c']) }),
      tree: TREE,
    },
  ],
  invalid: [
    {
      name: 'a new file only the catch-all covers',
      patch: mail({ diff: adding('hw/misc/foo.c') }),
      tree: TREE,
      errors: [{ file: 'hw/misc/foo.c', line: 1, severity: 'warning', message: 'added, moved or deleted file(s), does MAINTAINERS need updating? hw/misc/foo.c is in no MAINTAINERS section with a maintainer (M:)' }],
    },
    {
      name: 'a section without M: does not count',
      patch: mail({ diff: adding('scripts/checkpatch.pl') }),
      tree: TREE,
      errors: [{ file: 'scripts/checkpatch.pl', message: /^added, moved or deleted file\(s\)/ }],
    },
    {
      name: 'a file moved out of every maintained section',
      patch: mail({ diff: rename('migration/colo.c', 'hw/misc/colo.c') }),
      tree: TREE,
      errors: [{ file: 'hw/misc/colo.c', line: null, message: /hw\/misc\/colo\.c is in no MAINTAINERS section/ }],
    },
  ],
});
