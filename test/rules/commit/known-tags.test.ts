import rule from '../../../rules/commit/known-tags.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tags = (...lines: string[]) => mail({ signOff: false, body: `The cache leaks.\n\n${[...lines, 'Signed-off-by: Jane Doe <jane@example.org>'].join('\n')}` });

ruleTester(rule, {
  valid: [
    { name: 'the usual tags', patch: tags('Reviewed-by: Markus Armbruster <armbru@redhat.com>', 'Acked-by: Peter Xu <peterx@redhat.com>', 'Message-ID: <x@y>', 'Cc: qemu-stable@nongnu.org') },
    { name: 'CC and BugLink spellings are in use too', patch: tags('CC: qemu-stable@nongnu.org', 'BugLink: https://bugs.launchpad.net/qemu/+bug/1') },
    { name: 'a rarer tag QEMU has used', patch: tags('Reported-by: Coverity (CID 1527402)', 'Requested-by: Peter Maydell <peter.maydell@linaro.org>') },
  ],
  invalid: [
    {
      name: 'Linux-style capitals',
      patch: tags('Reviewed-By: Markus Armbruster <armbru@redhat.com>'),
      errors: [{ file: null, line: 5, severity: 'info', message: 'Reviewed-By: is spelt Reviewed-by:' }],
    },
    {
      name: 'a misspelt tag',
      patch: tags('Reviewd-by: Peter Xu <peterx@redhat.com>'),
      errors: [{ line: 5, message: 'Reviewd-by: is not a tag QEMU uses; did you mean Reviewed-by:?' }],
    },
    {
      name: 'a review without an address',
      patch: tags('Tested-by: Jane'),
      errors: [{ line: 5, message: 'Tested-by: takes "Name <address>"' }],
    },
  ],
});
