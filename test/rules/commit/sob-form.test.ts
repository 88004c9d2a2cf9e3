import rule from '../../../rules/commit/sob-form.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'the usual spelling', patch: mail() },
    { name: 'several sign-offs', patch: mail({ body: 'Fix it.\n\nSigned-off-by: A B <a@b.org>', signOff: 'Jane Doe <jane@example.org>' }) },
    { name: 'no sign-off at all is commit/sob-missing business', patch: mail({ signOff: false }) },
  ],
  invalid: [
    {
      name: 'wrong capitals',
      patch: mail({ signOff: false, body: 'Fix it.\n\nSigned-Off-By: Jane Doe <jane@example.org>' }),
      errors: [{ file: null, line: 5, message: 'The correct form is "Signed-off-by"', severity: 'error' }],
    },
    {
      name: 'no space after the colon',
      patch: mail({ signOff: false, body: 'Fix it.\n\nSigned-off-by:Jane Doe <jane@example.org>' }),
      errors: [{ line: 5, message: 'space required after Signed-off-by:' }],
    },
    {
      name: 'both at once, as checkpatch reports them',
      patch: mail({ signOff: false, body: 'Fix it.\n\nsigned-off-by:Jane Doe <jane@example.org>' }),
      errors: [
        { line: 5, message: 'The correct form is "Signed-off-by"' },
        { line: 5, message: 'space required after Signed-off-by:' },
      ],
    },
  ],
});
