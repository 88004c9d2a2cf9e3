import rule from '../../../rules/commit/line-length.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const long = 'word '.repeat(15) + 'words'; // 80 characters
const exactly76 = 'x'.repeat(30) + ' ' + 'y'.repeat(45);

ruleTester(rule, {
  valid: [
    { name: 'short lines', patch: mail() },
    { name: 'exactly 76 characters', patch: mail({ body: exactly76 }) },
    { name: 'a URL', patch: mail({ body: `See https://gitlab.com/qemu-project/qemu/-/issues/1234567890 for the long story` }) },
    { name: 'quoted output is indented', patch: mail({ body: `It fails:\n\n  ${long}` }) },
    { name: 'a quoted mail line', patch: mail({ body: `Markus wrote:\n> ${long}` }) },
    { name: 'pasted compiler output', patch: mail({ body: `It fails to build:\n../hw/net/virtio-net.c:1234:17: error: 'x' may be used uninitialized [-Werror=maybe-uninitialized]` }) },
    { name: 'a shell command', patch: mail({ body: `Reproduce with:\n$ qemu-system-x86_64 -M q35 -netdev tap,id=n0,vhost=on -device virtio-net-pci,netdev=n0 -S` }) },
    { name: 'a single long token', patch: mail({ body: 'tests/qemu-iotests/tests/some-very-long-test-name-that-cannot-be-wrapped-at-all-anyway' }) },
    {
      name: 'tags are never wrapped',
      patch: mail({ signOff: false, body: 'Fix it.\n\nFixes: 0123456789ab ("migration: a subject so long that the tag line goes over the limit")\nSigned-off-by: Jane Doe <jane@example.org>' }),
    },
    { name: 'a tag outside the tag block', patch: mail({ body: 'Fix it.\nFixes: 0123456789ab ("migration: a subject so long that the tag line goes over the limit")' }) },
    { name: '76 characters of UTF-8 are 76 characters', patch: mail({ body: 'é'.repeat(40) + ' ' + 'ü'.repeat(35) }) },
  ],
  invalid: [
    { name: 'an 81-character body line (warning)', patch: mail({ body: `Fix it.\n${long}s` }), errors: [{ file: null, line: 4, severity: 'warning', message: /\(81\)/ }] },
    {
      // Fits an 80-column terminal: QEMU merges such lines; an info.
      name: 'an 80-character body line (info)',
      patch: mail({ body: `Fix it.\n${long}` }),
      errors: [{ file: null, line: 4, severity: 'info', message: 'line over 76 characters (80): wrap the commit message so that "git show" fits in 80 columns' }],
    },
    {
      name: 'a long subject',
      patch: mail({ subject: `[PATCH v2 1/3] migration: ${'word '.repeat(14)}done` }),
      errors: [{ line: 1, message: /^line over 76 characters \(85\)/ }],
    },
  ],
});
