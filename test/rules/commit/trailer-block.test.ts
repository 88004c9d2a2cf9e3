import rule from '../../../rules/commit/trailer-block.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a blank line before the tags', patch: mail() },
    { name: 'tags only', patch: mail({ signOff: false, body: 'Signed-off-by: Jane Doe <jane@example.org>' }) },
    { name: 'a [note] between tags', patch: mail({ body: 'The cache leaks.\n\nSigned-off-by: A B <a@b.org>\n[rebased]' }) },
  ],
  invalid: [
    {
      name: 'the tags run on from the body',
      patch: mail({ signOff: false, body: 'Free the cache on the error path.\nSigned-off-by: Jane Doe <jane@example.org>' }),
      errors: [{ file: null, line: 4, severity: 'info', message: 'add a blank line between the body and the tags that start with "Signed-off-by:"' }],
    },
  ],
});
