import rule from '../../../rules/qapi/doc-two-spaces.js';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../helpers/lint.js';
import { added, context, qapiPatch, schemaHunk } from '../../helpers/qapi.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const hunk = (...lines: string[]) => qapiPatch(schemaHunk('qapi/net.json', 353, [...context('# @poll-us: maximum number of microseconds (since 2.7)', '#'), ...lines, ...context('#', '# Since: 1.2', '##')]));

describe('qapi/doc-two-spaces fix', () => {
  it('inserts the second space, unless the line would get too long', async () => {
    const report = await lintText(hunk(...added('# @a: First. Second.', `# @b: ${'x'.repeat(61)}. Y`)), { rules: [rule] });
    expect(report.findings.map((f) => f.fix)).toEqual([{ replacement: ['# @a: First.  Second.'] }, undefined]);
  });
});

ruleTester(rule, {
  valid: [
    { name: 'two spaces', patch: hunk(...added('# @local-incoming: Load the fds.  May be used only on incoming')) },
    { name: '"e.g." and numbered items are exempt', patch: hunk(...added('# @a: Use a tap, e.g. TAP0 or another one.', '#', '# 1. First step', '# 2. Second step')) },
    { name: 'a lower-case word after the period', patch: hunk(...added('# @a: Version 2.7. and later.')) },
    { name: 'an old line', patch: hunk(...context('# @a: Old text. Old sentence.'), ...added('#')) },
  ],
  invalid: [
    {
      name: 'one space between sentences (seed patch)',
      patch: hunk(...added('# @local-incoming: Do load open file descriptor for that TAP', '#     on incoming migration. May be used only if QEMU is started')),
      errors: [{ file: 'qapi/net.json', line: 356, message: 'Use two spaces between sentences: "migration. May"', severity: 'error' }],
    },
    {
      // The parser enforces it from 10.2 on; before, it was a review convention.
      name: 'a patch for a release before 10.2 gets a warning',
      qemuVersion: '10.1',
      patch: hunk(...added('# @local-incoming: Do load open file descriptor for that TAP', '#     on incoming migration. May be used only if QEMU is started')),
      errors: [{ file: 'qapi/net.json', line: 356, message: 'Use two spaces between sentences: "migration. May"', severity: 'warning' }],
    },
    {
      name: '"i.e." and a one-space "(since" are flagged, each line once',
      patch: hunk(...added('# @a: The a, i.e. The b.', '#     Enabled. (since 10.2) Yes! No? Maybe.')),
      errors: [
        { line: 355, message: 'Use two spaces between sentences: "i.e. The"' },
        { line: 356, message: 'Use two spaces between sentences: "Enabled. (since" (and 2 more on this line)' },
      ],
    },
  ],
});
