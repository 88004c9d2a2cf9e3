import rule from '../../../rules/style/block-comment.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const lines = (...body: string[]) => mail({ diff: fileDiff('hw/net/tap.c', 10, [' int a;', ...body, ' int b;']) });

ruleTester(rule, {
  valid: [
    { name: 'the QEMU style', patch: lines('+    /*', '+     * We handled a full page.', '+     * Schedule a timer.', '+     */') },
    { name: 'a one-line comment', patch: lines('+    x = 1; /* one line */') },
    { name: 'a /** doc comment opener', patch: lines('+/**', '+ * foo: does foo', '+ */') },
    { name: 'a comment after code, aligned on its /*', patch: lines('+    foo(); /*', '+            * more', '+            */') },
    { name: 'not a C file', patch: mail({ diff: fileDiff('scripts/x.py', 1, ['+/* x', ' y']) }) },
  ],
  invalid: [
    {
      name: 'text after /*, and */ after text',
      patch: lines('+    /* We handled a full page of ioreqs. Schedule a timer to continue', '+     * processing while giving other stuff a chance to run. */'),
      errors: [
        { file: 'hw/net/tap.c', line: 11, severity: 'warning', message: 'Block comments use a leading /* on a separate line' },
        { line: 12, message: 'Block comments use a trailing */ on a separate line' },
      ],
    },
    {
      name: 'no * on the next line',
      patch: lines('+    /*', '+       text without a star', '+     */'),
      errors: [{ line: 12, message: 'Block comments use * on subsequent lines' }],
    },
    {
      name: 'stars out of line',
      patch: lines('+    /*', '+      * one column too far', '+     */'),
      // Each line is compared with the one above, as checkpatch does.
      errors: [
        { line: 12, message: 'Block comments should align the * on each line' },
        { line: 13, message: 'Block comments should align the * on each line' },
      ],
    },
  ],
});
