import rule from '../../../rules/style/line-length.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const adding = (path: string, line: string) => mail({ diff: fileDiff(path, 10, [' int a;', '+' + line, ' int b;']) });
const call = (width: number) => {
  const head = '    error_setg(errp, "x", ';
  return head + 'a'.repeat(width - head.length - 2) + ');';
};

ruleTester(rule, {
  valid: [
    { name: '80 columns', patch: adding('hw/net/tap.c', call(80)) },
    { name: 'a long string literal alone on its line', patch: adding('hw/net/tap.c', `               "${'x'.repeat(90)}");`) },
    { name: 'a URL alone on its line', patch: adding('hw/net/tap.c', ` * https://gitlab.com/qemu-project/qemu/-/issues/${'1'.repeat(80)}`) },
    { name: 'not a source file', patch: adding('docs/devel/style.rst', 'x '.repeat(60)) },
    { name: 'UTF-8 counts characters', patch: adding('hw/net/tap.c', `/* ${'é'.repeat(74)} */`) },
  ],
  invalid: [
    { name: '81 columns', patch: adding('hw/net/tap.c', call(81)), errors: [{ file: 'hw/net/tap.c', line: 11, severity: 'warning', message: 'line over 80 characters' }] },
    { name: '91 columns', patch: adding('hw/net/tap.c', call(91)), errors: [{ file: 'hw/net/tap.c', line: 11, severity: 'error', message: 'line over 90 characters' }] },
    { name: 'tabs expand to 8', patch: adding('tests/tcg/x86_64/test.S', '\t\t\t\t\t\t\t\t\t' + 'x'.repeat(10)), errors: [{ severity: 'warning', message: 'line over 80 characters' }] },
    { name: 'a string with code after it', patch: adding('hw/net/tap.c', `    "${'x'.repeat(80)}", foo);`), errors: [{ severity: 'error', message: 'line over 90 characters' }] },
  ],
});
