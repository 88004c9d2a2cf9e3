import rule from '../../../rules/series/based-on.js';
import { mail, mbox } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const COVER = '<cover@example.org>';
const cover = (body: string) => mail({ subject: '[PATCH 0/2] net/tap: local migration', messageId: COVER, body, signOff: false, diff: '' });
const patch = (i: number, spec: Parameters<typeof mail>[0] = {}) => mail({ subject: `[PATCH ${i}/2] net/tap: step ${i}`, messageId: `<p${i}@example.org>`, inReplyTo: COVER, ...spec });

ruleTester(rule, {
  valid: [
    { name: 'a Message-ID in the cover', patch: mbox(cover('This series does it.\n\nBased-on: <20250903124934.1169899-1-vsementsov@yandex-team.ru>'), patch(1), patch(2)) },
    { name: 'a Message-ID without brackets', patch: mbox(cover('Based-on: 20250903124934.1169899-1-vsementsov@yandex-team.ru'), patch(1), patch(2)) },
    { name: 'below --- in a single patch', patch: mail({ notes: 'Based-on: <20250903124934.1169899-1-vsementsov@yandex-team.ru>' }) },
    { name: 'no Based-on at all', patch: mbox(cover('This series does it.'), patch(1), patch(2)) },
  ],
  invalid: [
    {
      name: 'a branch name instead of a Message-ID',
      patch: mbox(cover('This series does it.\n\nBased-on: master'), patch(1), patch(2)),
      errors: [
        {
          patch: 0,
          line: 5,
          severity: 'info',
          message: '"Based-on: master": Based-on: takes the Message-ID of the series this one applies on top of, e.g. Based-on: <20250903124934.1169899-1-jane@example.org>',
        },
      ],
    },
    {
      name: 'in a commit message',
      patch: mbox(cover('This series does it.'), patch(1, { body: 'Step one.\n\nBased-on: <20250903124934.1169899-1-vsementsov@yandex-team.ru>' }), patch(2)),
      errors: [{ patch: 1, line: 5, message: 'Based-on: belongs in the cover letter or below the "---" line, not in the commit message' }],
    },
  ],
});
