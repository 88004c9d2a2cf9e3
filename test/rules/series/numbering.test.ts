import rule from '../../../rules/series/numbering.js';
import { mail, mbox } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const COVER = '<cover@example.org>';
const cover = (total: number, v = '') => mail({ subject: `[PATCH ${v}0/${total}] net/tap: local migration`, messageId: COVER, body: 'This series does it.', signOff: false, diff: '' });
const patch = (i: number, total: number, v = '') =>
  mail({ subject: `[PATCH ${v}${i}/${total}] net/tap: step ${i}`, messageId: `<p${i}-${total}-${v.trim()}@example.org>`, inReplyTo: COVER });

ruleTester(rule, {
  valid: [
    { name: 'a complete series', patch: mbox(cover(3), patch(1, 3), patch(2, 3), patch(3, 3)) },
    { name: 'a single patch', patch: mail() },
    // The hook lints one patch at a time; one patch of nine says nothing about the other eight.
    { name: 'one patch of a longer series, alone', patch: patch(4, 9) },
    { name: 'a cover letter read on its own', patch: cover(5) },
  ],
  invalid: [
    {
      name: 'missing patches with the cover at hand',
      patch: mbox(cover(9, 'v3 '), ...[1, 2, 3, 5, 8].map((i) => patch(i, 9, 'v3 '))),
      errors: [{ file: null, line: null, patch: 0, severity: 'warning', message: 'patches 4, 6-7, 9 of 9 are missing from the series' }],
    },
    {
      name: 'one missing patch, no cover but two patches',
      patch: mbox(patch(1, 3), patch(3, 3)),
      errors: [{ message: 'patch 2 of 3 is missing from the series' }],
    },
    {
      name: 'a number beyond the total',
      patch: mbox(cover(2), patch(1, 2), patch(2, 2), mail({ subject: '[PATCH 3/2] net/tap: one more', messageId: '<p3@example.org>', inReplyTo: COVER })),
      errors: [{ patch: 3, message: 'patch 3/2 is numbered beyond the 2 patches the series announces' }],
    },
    {
      name: 'the same number twice in the thread',
      patch: mbox(cover(3), patch(1, 3), mail({ subject: '[PATCH 1/3] net/tap: step 1 again', messageId: '<again@example.org>', inReplyTo: COVER }), patch(2, 3)),
      errors: [
        { message: 'patch 3 of 3 is missing from the series' },
        { message: 'patch 1/3 was sent twice in this thread ("[PATCH 1/3] net/tap: step 1 again")' },
      ],
    },
    {
      name: 'another total in the thread',
      patch: mbox(cover(3), patch(1, 3), patch(2, 4), patch(3, 3)),
      errors: [
        { message: 'patch 2 of 3 is missing from the series' },
        { message: '"[PATCH 2/4] net/tap: step 2" replies to this 3-patch series but counts 4' },
      ],
    },
  ],
});
