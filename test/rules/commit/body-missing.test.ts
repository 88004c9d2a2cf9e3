import rule from '../../../rules/commit/body-missing.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a body that says why', patch: mail() },
    { name: 'a body with tags after it', patch: mail({ body: 'The cache leaks.\n\nReviewed-by: A B <a@b.org>' }) },
    { name: 'a body that starts with a capital "So"', patch: mail({ body: 'So far the cache leaked on errors.' }) },
  ],
  invalid: [
    {
      name: 'tags only',
      patch: mail({ signOff: false, body: 'Signed-off-by: Jane Doe <jane@example.org>' }),
      errors: [{ file: null, line: null, severity: 'info', message: 'the commit message has no body: say why the change is needed, not only what it is' }],
    },
    {
      name: 'a body that continues the subject',
      patch: mail({ body: '... so that it does not leak when a later step fails.' }),
      errors: [{ line: 3, message: 'the body starts as a continuation of the subject; make it readable on its own' }],
    },
    {
      name: 'a lower-case "so that"',
      patch: mail({ body: 'so that the cache does not leak.' }),
      errors: [{ line: 3, message: /continuation of the subject/ }],
    },
  ],
});
