import rule from '../../../rules/style/trailing-whitespace.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const adding = (path: string, ...added: string[]) => mail({ diff: fileDiff(path, 10, [' int a;', ...added.map((l) => '+' + l), ' int b;']) });

ruleTester(rule, {
  valid: [
    { name: 'clean lines', patch: adding('hw/net/tap.c', '    return ret;') },
    { name: 'an empty added line', patch: adding('hw/net/tap.c', '') },
    { name: 'trailing blanks on a context line are not the patch\'s', patch: mail({ diff: fileDiff('hw/net/tap.c', 10, [' int a;  ', '+int c;', ' int b;']) }) },
    { name: 'docs code blocks have their own rule', patch: adding('docs/devel/notes.txt', '    ') },
    { name: 'an iotests reference output keeps what the program prints', patch: adding('tests/qemu-iotests/tests/foo.out', 'wrote 512/512 bytes at offset 0 ') },
    { name: 'files imported from Linux are skipped', patch: adding('linux-headers/linux/kvm.h', 'int x; ') },
  ],
  invalid: [
    {
      name: 'spaces at the end of a C line',
      patch: adding('hw/net/tap.c', '    return ret;  '),
      errors: [{ file: 'hw/net/tap.c', line: 11, severity: 'error', message: 'trailing whitespace' }],
    },
    { name: 'a tab at the end of a JSON line', patch: adding('qapi/net.json', "{ 'enum': 'X' }\t"), errors: [{ file: 'qapi/net.json', line: 11, message: 'trailing whitespace' }] },
    { name: 'a blank-only line', patch: adding('docs/devel/style.rst', '   '), errors: [{ file: 'docs/devel/style.rst', line: 11, message: 'trailing whitespace' }] },
  ],
});
