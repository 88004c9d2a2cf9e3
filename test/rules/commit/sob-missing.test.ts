import rule from '../../../rules/commit/sob-missing.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'sign-off as the last trailer', patch: mail() },
    { name: 'sign-off among other tags', patch: mail({ body: 'Fix it.\n\nReviewed-by: A B <a@b.org>', signOff: 'Jane Doe <jane@example.org>' }) },
    // checkpatch matches case-insensitively; the spelling is commit/sob-form's business.
    { name: 'odd capitalisation still counts as present', patch: mail({ signOff: false, body: 'Fix it.\n\nSigned-Off-By: Jane Doe <jane@example.org>' }) },
  ],
  invalid: [
    { name: 'no sign-off at all', patch: mail({ signOff: false }), errors: [{ file: null, line: null, message: 'Missing Signed-off-by: line(s)', severity: 'error' }] },
    {
      name: 'sign-off below the --- line is dropped by git am',
      patch: mail({ signOff: false, notes: 'Signed-off-by: Jane Doe <jane@example.org>' }),
      errors: [{ message: /below "---" is dropped by git am/ }],
    },
    {
      name: 'only other tags',
      patch: mail({ signOff: false, body: 'Fix it.\n\nReviewed-by: A B <a@b.org>' }),
      errors: [{ message: 'Missing Signed-off-by: line(s)' }],
    },
  ],
});
