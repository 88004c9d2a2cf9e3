// The input shapes that once took quadratic time (issue 14), as mail text of
// size n: shared by the scaling benchmark (bench/scaling.bench.ts) and the
// test that keeps them linear (test/robust/scaling.test.ts).
import { fileDiff, mail } from '../helpers/mail.js';

const schemaPatch = (lines: string[]) => mail({ subject: '[PATCH] qapi: add a large definition', diff: fileDiff('qapi/big.json', 1, lines.map((l) => `+${l}`), { newFile: true }) });

export const SHAPES: Record<string, { n: number; text: (n: number) => string }> = {
  /** One patch touching n files. */
  'files in one patch': {
    n: 1000,
    text: (n) => mail({ subject: '[PATCH] hw: touch many files', diff: Array.from({ length: n }, (_, i) => fileDiff(`hw/f${i}.c`, 10, [' a', '+b ', ' c'])).join('') }),
  },
  /** One definition nested n braces deep. */
  'schema braces': { n: 20000, text: (n) => schemaPatch([`{ 'struct': 'Deep', 'data': ${"{ 'a': ".repeat(n)}'int'${' }'.repeat(n)} }`]) },
  /** One definition nested n brackets deep. */
  'schema brackets': { n: 40000, text: (n) => schemaPatch([`{ 'enum': 'Deep', 'data': ${'[ '.repeat(n)}'a'${' ]'.repeat(n)} }`]) },
  /** One struct with n documented members. */
  'documented members': {
    n: 2000,
    text: (n) => {
      const names = Array.from({ length: n }, (_, i) => `m${i}`);
      return schemaPatch([
        '##',
        '# @Big:',
        '#',
        '# A struct with many members.',
        '#',
        ...names.map((m) => `# @${m}: member ${m}`),
        '#',
        '# Since: 10.2',
        '##',
        "{ 'struct': 'Big',",
        "  'data': {",
        ...names.map((m, i) => `    '${m}': 'int'${i < n - 1 ? ',' : ''}`),
        '  } }',
      ]);
    },
  },
  /** An mbox of n single-patch series. */
  'mails in an mbox': {
    n: 150,
    text: (n) => Array.from({ length: n }, (_, i) => `From mboxrd@z Thu Jan  1 00:00:00 1970\n${mail({ subject: `[PATCH] migration: fix leak ${i}`, signOff: i % 2 === 0 })}`).join('\n'),
  },
};
