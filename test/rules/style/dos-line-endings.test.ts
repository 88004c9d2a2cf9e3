import rule from '../../../rules/style/dos-line-endings.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'LF lines', patch: mail({ diff: fileDiff('hw/net/tap.c', 10, [' a', '+b', ' c']) }) },
    { name: 'a CR on a context line', patch: mail({ diff: fileDiff('hw/net/tap.c', 10, [' a\r', '+b', ' c']) }) },
  ],
  invalid: [
    {
      name: 'an added line ending in CR LF',
      patch: mail({ diff: fileDiff('hw/net/tap.c', 10, [' a', '+int b;\r', ' c']) }),
      errors: [{ file: 'hw/net/tap.c', line: 11, severity: 'error', message: 'DOS line endings' }],
    },
    {
      name: 'in a non-C file too',
      patch: mail({ diff: fileDiff('docs/devel/style.rst', 1, ['+Style\r', ' ====']) }),
      errors: [{ file: 'docs/devel/style.rst', line: 1, message: 'DOS line endings' }],
    },
  ],
});
