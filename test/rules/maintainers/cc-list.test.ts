import rule from '../../../rules/maintainers/cc-list.js';
import { TREE } from '../../helpers/maintainers-tree.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const colo = fileDiff('migration/colo.c', 10, [' a', '+b', ' c']);
const qcow2 = fileDiff('block/qcow2.c', 10, [' a', '+b', ' c']);
const ALL_MIGRATION = 'Peter Xu <peterx@redhat.com>, Fabiano Rosas <farosas@suse.de>, Some Reviewer <reviewer@example.org>';

ruleTester(rule, {
  valid: [
    { name: 'everyone is Cc\'d', patch: mail({ diff: colo, cc: ALL_MIGRATION }), tree: TREE },
    { name: 'a maintainer under another address counts by name', patch: mail({ diff: colo, cc: 'Peter Xu <peterx@example.com>, Fabiano Rosas <farosas@suse.de>, reviewer@example.org' }), tree: TREE },
    { name: 'the sender is a maintainer', patch: mail({ from: 'Peter Xu <peterx@redhat.com>', diff: colo, cc: 'Fabiano Rosas <farosas@suse.de>, reviewer@example.org' }), tree: TREE },
    { name: 'no recipients known (a web copy, a bare patch)', patch: mail({ diff: colo, to: '' }), tree: TREE },
    { name: 'no tree', patch: mail({ diff: colo }) },
    { name: 'the tree does not fit the patch', patch: mail({ diff: fileDiff('migration/absent.c', 10, [' a', '+b', ' c']) }), tree: TREE },
  ],
  invalid: [
    {
      name: 'the maintainers are missing',
      patch: mail({ diff: colo }),
      tree: TREE,
      errors: [
        {
          file: null,
          line: null,
          severity: 'warning',
          message: `To/Cc lack what get_maintainer.pl lists for this patch: Peter Xu <peterx@redhat.com> (maintainer:Migration), Fabiano Rosas <farosas@suse.de> (maintainer:Migration), Some Reviewer <reviewer@example.org> (reviewer:Migration)`,
        },
      ],
    },
    {
      // The patched tree knows hw/sensor is a directory: the patch touches a file in it.
      name: 'a slashless directory pattern covers the file',
      patch: mail({ diff: fileDiff('hw/sensor/tmp105.c', 10, [' a', '+b', ' c']) }),
      tree: TREE,
      errors: [{ severity: 'warning', message: 'To/Cc lack what get_maintainer.pl lists for this patch: "Philippe Mathieu-Daudé" <philmd@linaro.org> (odd fixer:Overall sensors)' }],
    },
    {
      name: 'only a list is missing: info',
      patch: mail({ diff: qcow2, cc: 'Kevin Wolf <kwolf@redhat.com>' }),
      tree: TREE,
      errors: [{ severity: 'info', message: 'To/Cc lack what get_maintainer.pl lists for this patch: qemu-block@nongnu.org (open list:Block layer core)' }],
    },
    {
      name: 'a K: keyword in the subject adds its section',
      patch: mail({ subject: '[PATCH] trivial: fix a typo', diff: fileDiff('docs/index.rst', 10, [' a', '+b', ' c']) }),
      tree: TREE,
      errors: [{ severity: 'warning', message: 'To/Cc lack what get_maintainer.pl lists for this patch: Michael Tokarev <mjt@tls.msk.ru> (maintainer:Trivial patches), qemu-trivial@nongnu.org (open list:Trivial patches)' }],
    },
  ],
});
