import rule from '../../../rules/commit/fixes-format.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tags = (...lines: string[]) => mail({ signOff: false, body: `The cache leaks.\n\n${lines.join('\n')}` });
const SOB = 'Signed-off-by: Jane Doe <jane@example.org>';

ruleTester(rule, {
  valid: [
    { name: 'no Fixes: at all', patch: mail() },
    { name: 'the documented form', patch: tags('Fixes: 14055ce53c2d ("s390x/tcg: avoid overflows in time2tod/tod2time")', SOB) },
    { name: 'a full hash', patch: tags('Fixes: 14055ce53c2d0123456789abcdef0123456789ab ("s390x/tcg: avoid overflows")', SOB) },
    { name: 'a subject that itself quotes', patch: tags('Fixes: 14055ce53c2d ("Revert "migration: fix a leak"")', SOB) },
    { name: 'a subject folded onto the next line', patch: tags('Fixes: 14055ce53c2d ("s390x/tcg: avoid overflows in time2tod/tod2time and', '  in everything else")', SOB) },
    { name: 'a maintainer signing after the author, the Fixes in between', patch: tags(SOB, 'Fixes: 14055ce53c2d ("s390x/tcg: avoid overflows")', 'Signed-off-by: Mary Maintainer <mary@example.org>') },
  ],
  invalid: [
    {
      // Git's default abbreviation, which QEMU's checkpatch.pl accepts and QEMU merges: a nudge.
      name: 'a seven-digit hash (info)',
      patch: tags('Fixes: ae00f00 ("migration/qmp: Update something")', SOB),
      errors: [
        {
          file: null,
          line: 5,
          severity: 'info',
          message: `Fixes: needs at least 12 hex digits of the commit: Fixes: <sha> ("<subject>") (git log -1 --abbrev=12 --format='%h ("%s")' <commit>)`,
        },
      ],
    },
    { name: 'six digits name no commit reliably (warning)', patch: tags('Fixes: ae00f0 ("migration/qmp: Update something")', SOB), errors: [{ line: 5, severity: 'warning', message: /^Fixes: needs at least 12 hex digits/ }] },
    {
      name: 'eleven digits, as the RULES.md example has',
      patch: tags('Fixes: ae00f0088ff ("migration/qmp: Update something")', SOB),
      errors: [{ line: 5, message: /^Fixes: needs at least 12 hex digits/ }],
    },
    {
      name: 'no quoted subject',
      patch: tags('Fixes: 14055ce53c2d s390x/tcg: avoid overflows', SOB),
      errors: [{ line: 5, message: 'Fixes: should read Fixes: 14055ce53c2d ("<subject of the fixed commit>")' }],
    },
    {
      // Modelled on 2025 QAPI and trivial pulls, merged as sent by their maintainers: the subject is there, in another form.
      name: 'a subject in parentheses without quotes (info)',
      patch: tags('Fixes: 14055ce53c2d (s390x/tcg: avoid overflows in time2tod/tod2time)', SOB),
      errors: [{ line: 5, severity: 'info', message: 'Fixes: should read Fixes: 14055ce53c2d ("s390x/tcg: avoid overflows in time2tod/tod2time")' }],
    },
    {
      name: 'a subject in quotes without parentheses (info)',
      patch: tags('Fixes: 14055ce53c2d "s390x/tcg: avoid overflows"', SOB),
      errors: [{ line: 5, severity: 'info', message: 'Fixes: should read Fixes: 14055ce53c2d ("s390x/tcg: avoid overflows")' }],
    },
    {
      name: 'a bug URL',
      patch: tags('Fixes: https://gitlab.com/qemu-project/qemu/-/issues/42', SOB),
      errors: [{ line: 5, message: 'Fixes: names the commit that introduced the bug; a bug URL goes in Resolves: (GitLab issues) or Buglink:' }],
    },
    {
      name: 'a Fixes: paragraph of its own before the tags',
      patch: mail({ body: 'The cache leaks.\n\nFixes: be4b67bc7d ("blockdev: Allow creation of BDS trees without BB")' }),
      errors: [{ line: 5, message: /^Fixes: needs at least 12 hex digits/ }],
    },
    {
      name: 'below the sign-off',
      patch: tags(SOB, 'Fixes: 14055ce53c2d ("s390x/tcg: avoid overflows")'),
      errors: [{ line: 6, message: 'Fixes: goes above the Signed-off-by: lines' }],
    },
  ],
});
