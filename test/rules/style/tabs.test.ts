import rule from '../../../rules/style/tabs.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const adding = (path: string, line: string) => mail({ diff: fileDiff(path, 10, [' int a;', '+' + line, ' int b;']) });

ruleTester(rule, {
  valid: [
    { name: 'spaces', patch: adding('hw/net/tap.c', '    return ret;') },
    { name: 'assembly may use tabs', patch: adding('pc-bios/optionrom/linuxboot.S', '\tmov %eax, %ebx') },
    { name: 'an imported script may use tabs', patch: adding('scripts/checkpatch.pl', '\tmy $x = 1;') },
    { name: 'a Makefile needs tabs', patch: adding('tests/Makefile.include', '\t$(MAKE) check') },
    { name: 'a tab on a context line', patch: mail({ diff: fileDiff('hw/net/tap.c', 10, [' \tint a;', '+int c;', ' int b;']) }) },
  ],
  invalid: [
    { name: 'a tab indent in C', patch: adding('hw/net/tap.c', '\treturn ret;'), errors: [{ file: 'hw/net/tap.c', line: 11, severity: 'error', message: 'code indent should never use tabs' }] },
    { name: 'a tab inside a Python line', patch: adding('scripts/qapi/parser.py', 'x = 1\t# comment'), errors: [{ file: 'scripts/qapi/parser.py', line: 11, message: 'code indent should never use tabs' }] },
  ],
});
