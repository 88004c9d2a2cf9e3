import rule from '../../../rules/commit/sob-author.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const inBody = (author: string, rest: string) => `From: ${author}\n\n${rest}`;

ruleTester(rule, {
  valid: [
    { name: 'From: and Signed-off-by: are the same', patch: mail() },
    { name: 'the address in another case', patch: mail({ from: 'Jane Doe <Jane@Example.org>', signOff: 'Jane Doe <jane@example.org>' }) },
    { name: 'the name with an accent dropped', patch: mail({ from: 'Daniel P. Berrangé <berrange@redhat.com>', signOff: 'Daniel P. Berrange <berrange@redhat.com>' }) },
    {
      name: 'the in-body From: is the author, and signs',
      patch: mail({ from: 'Bob Sender <bob@example.org>', body: inBody('Alice Author <alice@example.org>', 'Fix it.\n\nSigned-off-by: Alice Author <alice@example.org>') }),
    },
    { name: 'a From: without a name needs only the address', patch: mail({ from: 'dave@example.org', signOff: 'Dr. David Gilbert <dave@example.org>' }) },
    { name: 'no sign-off at all is commit/sob-missing business', patch: mail({ signOff: false }) },
    { name: 'a list-mangled author is commit/author-mangled business', patch: mail({ from: 'Jane Doe via Qemu-devel <qemu-devel@nongnu.org>' }) },
  ],
  invalid: [
    {
      name: 'signed with another address',
      patch: mail({ from: 'J. Doe <jd@corp.example>', signOff: 'Jane Doe <jane@home.example>' }),
      errors: [{ file: null, line: null, severity: 'warning', message: 'no Signed-off-by: from the author J. Doe <jd@corp.example>: the From: and a Signed-off-by: must use the same name and address' }],
    },
    {
      name: 'the in-body author did not sign, only the sender',
      patch: mail({ from: 'Bob Sender <bob@example.org>', body: inBody('Alice Author <alice@example.org>', 'Fix it.'), signOff: 'Bob Sender <bob@example.org>' }),
      errors: [{ message: /^no Signed-off-by: from the author Alice Author <alice@example\.org>/ }],
    },
    {
      name: 'same address, another name',
      patch: mail({ from: 'Jane Doe <jane@example.org>', signOff: 'J. Doe <jane@example.org>' }),
      errors: [{ line: 5, message: 'Signed-off-by: J. Doe <jane@example.org> spells the name differently from the author Jane Doe <jane@example.org>' }],
    },
  ],
});
