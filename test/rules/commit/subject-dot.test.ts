import rule from '../../../rules/commit/subject-dot.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'no period', patch: mail({ subject: '[PATCH] migration: fix a leak' }) },
    { name: 'an ellipsis', patch: mail({ subject: '[PATCH] migration: wait for it...' }) },
    { name: 'a period inside', patch: mail({ subject: '[PATCH] qapi: document the 10.2 behaviour' }) },
  ],
  invalid: [
    {
      name: 'a final period',
      patch: mail({ subject: '[PATCH v2 3/5] migration: fix a leak.' }),
      errors: [{ file: null, line: 1, severity: 'info', message: 'subject ends with a period; QEMU prefers summaries without one' }],
    },
  ],
});
