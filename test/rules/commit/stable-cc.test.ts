import rule from '../../../rules/commit/stable-cc.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const FIXES = 'Fixes: 14055ce53c2d ("s390x/tcg: avoid overflows in time2tod/tod2time")';
const fix = (tags: string, spec = {}) => mail({ body: `The clock overflows.\n\n${tags}`, ...spec });

ruleTester(rule, {
  valid: [
    { name: 'no Fixes:', patch: mail() },
    { name: 'a Cc: tag', patch: fix(`${FIXES}\nCc: qemu-stable@nongnu.org`) },
    { name: 'the mail Cc\'s the list', patch: fix(FIXES, { cc: 'qemu-stable@nongnu.org' }) },
    { name: 'a patch of a pull request', patch: fix(FIXES, { subject: '[PULL 2/5] s390x/tcg: fix the clock' }) },
  ],
  invalid: [{ name: 'a fix without the stable Cc', patch: fix(FIXES), errors: [{ file: null, line: 5, severity: 'info', message: /^Fixes: a commit without "Cc: qemu-stable@nongnu.org"/ }] }],
});
