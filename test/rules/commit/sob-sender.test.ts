import rule from '../../../rules/commit/sob-sender.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const forwarded = (trailers: string, subject?: string) =>
  mail({ from: 'Bob Sender <bob@example.org>', body: `From: Alice Author <alice@example.org>\n\nFix it.\n\n${trailers}`, signOff: false, ...(subject ? { subject } : {}) });

ruleTester(rule, {
  valid: [
    { name: 'the author sends their own patch', patch: mail() },
    { name: 'the sender signs last', patch: forwarded('Signed-off-by: Alice Author <alice@example.org>\n[rebased]\nSigned-off-by: Bob Sender <bob@example.org>') },
    { name: 'a later Reviewed-by after the sender does not matter', patch: forwarded('Signed-off-by: Alice Author <alice@example.org>\nSigned-off-by: Bob Sender <bob@example.org>\nReviewed-by: C D <c@d.org>') },
    { name: 'the list rewrote the sender', patch: mail({ from: 'Alice Author via Qemu-devel <qemu-devel@nongnu.org>', body: 'From: Alice Author <alice@example.org>\n\nFix it.', signOff: 'Alice Author <alice@example.org>' }) },
    { name: 'the author sends from another address', patch: mail({ from: 'Alice Author <alice@corp.example>', body: 'From: Alice Author <alice@example.org>\n\nFix it.', signOff: 'Alice Author <alice@example.org>' }) },
    { name: 'sourcehut sends for the author', patch: mail({ from: '~alice <alice@git.sr.ht>', body: 'From: Alice Author <alice@example.org>\n\nFix it.', signOff: 'Alice Author <alice@example.org>' }) },
  ],
  invalid: [
    {
      // A migration pull sent by one co-maintainer carrying the other's sign-off: QEMU merged it.
      name: 'in a PULL, a co-maintainer sends what the other applied (info)',
      patch: forwarded('Signed-off-by: Alice Author <alice@example.org>\nSigned-off-by: Carol Comaintainer <carol@example.org>', '[PULL 03/12] migration: fix a leak in the colo path'),
      errors: [{ file: null, line: null, severity: 'info', message: /^the sender Bob Sender <bob@example.org> passes on/ }],
    },
    {
      name: 'the sender did not sign',
      patch: forwarded('Signed-off-by: Alice Author <alice@example.org>'),
      errors: [{ file: null, line: null, severity: 'warning', message: "the sender Bob Sender <bob@example.org> passes on Alice Author <alice@example.org>'s patch without a Signed-off-by: of their own (add it last)" }],
    },
    {
      name: 'the sender signed before the author',
      patch: forwarded('Signed-off-by: Bob Sender <bob@example.org>\nSigned-off-by: Alice Author <alice@example.org>'),
      errors: [{ line: 5, message: "the sender's Signed-off-by: should be the last one (sign-offs follow the order the patch passed through hands)" }],
    },
  ],
});
