import rule from '../../../rules/series/version-tag.js';
import { mail, mbox } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const COVER = '<cover@example.org>';
const cover = mail({ subject: '[PATCH v3 0/3] net/tap: local migration', messageId: COVER, body: 'This series does it.', signOff: false, diff: '' });
const patch = (i: number, v: string) => mail({ subject: `[PATCH ${v}${i}/3] net/tap: step ${i}`, messageId: `<p${i}${v.trim()}@example.org>`, inReplyTo: COVER });

ruleTester(rule, {
  valid: [
    { name: 'the same vN throughout', patch: mbox(cover, patch(1, 'v3 '), patch(2, 'v3 '), patch(3, 'v3 ')) },
    { name: 'a single patch', patch: mail({ subject: '[PATCH v2] migration: fix a leak' }) },
  ],
  invalid: [
    {
      name: 'a stale version tag in the thread',
      patch: mbox(cover, patch(1, 'v3 '), patch(2, 'v2 '), patch(3, 'v3 ')),
      errors: [{ file: null, line: null, severity: 'warning', message: '"[PATCH v2 2/3] net/tap: step 2" replies to this series (v3) but says v2; every patch of a version carries the same vN' }],
    },
    {
      name: 'no version tag in a v3 thread',
      patch: mbox(cover, patch(1, 'v3 '), patch(2, ''), patch(3, 'v3 ')),
      errors: [{ message: '"[PATCH 2/3] net/tap: step 2" replies to this series (v3) but says no version; every patch of a version carries the same vN' }],
    },
  ],
});
