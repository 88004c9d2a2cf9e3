import rule from '../../../rules/style/c99-comments.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const lines = (path: string, ...body: string[]) => mail({ diff: fileDiff(path, 10, [' int a;', ...body, ' int b;']) });

ruleTester(rule, {
  valid: [
    { name: 'a block comment', patch: lines('hw/net/tap.c', '+    return 0; /* nothing */') },
    { name: '// inside a string', patch: lines('hw/net/tap.c', '+    const char *url = "https://www.qemu.org/";') },
    { name: '// inside a block comment', patch: lines('hw/net/tap.c', '+/*', '+ * see https://www.qemu.org/docs', '+ */') },
    { name: 'the SPDX line', patch: mail({ diff: fileDiff('hw/net/new.c', 0, ['+// SPDX-License-Identifier: GPL-2.0-or-later', '+int x;'], { newFile: true }) }) },
    { name: 'not a C file', patch: lines('scripts/foo.py', '+x = 1 // 2') },
    { name: 'a comment that a context line opened', patch: mail({ diff: fileDiff('hw/net/tap.c', 10, [' /*', '+ * see http://example.org/', ' */']) }) },
  ],
  invalid: [
    { name: 'a // comment', patch: lines('hw/net/tap.c', '+    return 0; // nothing to do'), errors: [{ file: 'hw/net/tap.c', line: 11, severity: 'error', message: 'do not use C99 // comments' }] },
    { name: 'after a string with an escaped quote', patch: lines('include/net/tap.h', '+    puts("\\""); // quote'), errors: [{ file: 'include/net/tap.h', message: 'do not use C99 // comments' }] },
  ],
});
