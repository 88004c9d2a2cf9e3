import rule from '../../../rules/series/changelog.js';
import { mail, mbox } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const v2 = (spec = {}) => mail({ subject: '[PATCH v2] net/tap: close the vhost fd when setup fails', ...spec });

ruleTester(rule, {
  valid: [
    { name: 'a first version', patch: mail() },
    { name: 'a changelog below ---', patch: v2({ notes: 'v2: close it on the error path only (Jason)' }) },
    { name: 'changes since v1, in another form', patch: v2({ notes: 'Changes since v1:\n - dropped patch 2' }) },
    {
      name: 'a changelog in the cover letter',
      patch: mbox(
        mail({ subject: '[PATCH v3 0/1] net/tap: vhost fd leak', messageId: '<c3>', diff: '', signOff: false, body: 'Fix a leak.\n\nv2 -> v3: rebased on master' }),
        mail({ subject: '[PATCH v3 1/1] net/tap: close the vhost fd when setup fails', inReplyTo: '<c3>' }),
      ),
    },
    { name: 'a pull request', patch: mail({ subject: '[PULL v2 1/1] net/tap: close the vhost fd when setup fails' }) },
  ],
  invalid: [
    { name: 'a v2 patch without a changelog', patch: v2(), errors: [{ file: null, line: null, severity: 'info', message: 'v2 without a changelog: say what changed since v1 below the --- line, so that reviewers re-read only that' }] },
    {
      name: 'a v3 cover letter without one',
      patch: mbox(
        mail({ subject: '[PATCH v3 0/1] net/tap: vhost fd leak', messageId: '<c3>', diff: '', signOff: false, body: 'Fix a leak in the tap backend.' }),
        mail({ subject: '[PATCH v3 1/1] net/tap: close the vhost fd when setup fails', inReplyTo: '<c3>' }),
      ),
      errors: [{ patch: 0, message: /^v3 without a changelog: say what changed since v2 in the cover letter/ }],
    },
  ],
});
