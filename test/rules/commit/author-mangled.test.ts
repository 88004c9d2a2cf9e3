import rule from '../../../rules/commit/author-mangled.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'an ordinary author', patch: mail() },
    {
      name: 'the list rewrote the header, but an in-body From: names the author',
      patch: mail({ from: 'Jane Doe via Qemu-devel <qemu-devel@nongnu.org>', body: 'From: Jane Doe <jane@example.org>\n\nFix it.', signOff: 'Jane Doe <jane@example.org>' }),
    },
  ],
  invalid: [
    {
      name: 'the author is qemu-devel itself',
      patch: mail({ from: 'Jane Doe via Qemu-devel <qemu-devel@nongnu.org>', signOff: 'Jane Doe <jane@example.org>' }),
      errors: [
        {
          file: null,
          line: null,
          severity: 'error',
          message:
            'Author email address is mangled by the mailing list: "Jane Doe via Qemu-devel <qemu-devel@nongnu.org>". Resend with `git send-email --force-in-body-from` (git 2.39+; or `git config sendemail.forceInBodyFrom true`) so that the body starts with a "From: Your Name <address>" line',
        },
      ],
    },
    {
      name: 'another QEMU list does the same',
      patch: mail({ from: 'Jane Doe via qemu-block <qemu-block@nongnu.org>', signOff: 'Jane Doe <jane@example.org>' }),
      errors: [{ message: /^Author email address is mangled by the mailing list: "Jane Doe via qemu-block <qemu-block@nongnu.org>"/ }],
    },
  ],
});
