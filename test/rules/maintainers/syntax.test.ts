import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import rule from '../../../rules/maintainers/syntax.js';
import { QEMU_TREE, describeShared } from '../../helpers/corpus.js';
import { lintText } from '../../helpers/lint.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const section = (...lines: string[]) =>
  mail({ subject: '[PATCH] MAINTAINERS: add an entry for the foo device', body: 'Add an entry for the foo device.', diff: fileDiff('MAINTAINERS', 100, [' ', ...lines, ' ', ' Bar device']) });

ruleTester(rule, {
  valid: [
    { name: 'a well-formed section', patch: section('+Foo device', '+M: Foo Bar <foo@bar.org>', '+R: Ann Other <ann@example.org>', '+S: Maintained', '+F: hw/misc/foo.c', '+F: include/hw/misc/foo.h') },
    { name: 'the header descriptions are indented', patch: mail({ diff: fileDiff('MAINTAINERS', 20, [' Descriptions of section entries:', '+\tN: Files regex', ' ']) }) },
  ],
  invalid: [
    { name: 'a name without an address', patch: section('+Foo device', '+M: Foo Bar', '+S: Maintained'), errors: [{ file: 'MAINTAINERS', line: 102, severity: 'error', message: 'M: takes "Full Name <address@domain>", not "Foo Bar": get_maintainer.pl cannot Cc it' }] },
    // QEMU's MAINTAINERS has a few R: lines like this; get_maintainer.pl still Ccs them.
    { name: 'an address without a name (info)', patch: section('+Foo device', '+M: foo@bar.org', '+S: Maintained'), errors: [{ line: 102, severity: 'info', message: 'M: reads "Full Name <address@domain>": add the name to "foo@bar.org"' }] },
    { name: 'an unknown status', patch: section('+Foo device', '+M: Foo Bar <foo@bar.org>', '+S: Looked after'), errors: [{ line: 103, severity: 'error', message: /^S: is one of Supported/ }] },
    { name: 'a status in the wrong case', patch: section('+Foo device', '+M: Foo Bar <foo@bar.org>', '+S: maintained'), errors: [{ line: 103, severity: 'info', message: 'write "S: Maintained", as the header spells the status' }] },
    { name: 'an unknown tag', patch: section('+Foo device', '+M: Foo Bar <foo@bar.org>', '+C: irc.oftc.net', '+S: Maintained'), errors: [{ line: 103, severity: 'warning', message: /^"C:" is not a MAINTAINERS tag/ }] },
    { name: 'a line without its colon', patch: section('+Foo device', '+M: Foo Bar <foo@bar.org>', '+F hw/misc/foo.c', '+S: Maintained'), errors: [{ line: 103, severity: 'error', message: /^"F hw\/misc\/foo.c" is no "X: value" line/ }] },
    { name: 'a blank line inside a section', patch: section('+Foo device', '+M: Foo Bar <foo@bar.org>', '+', '+F: hw/misc/foo.c'), errors: [{ line: 104, severity: 'warning', message: /^a tag line after a blank line/ }] },
  ],
});

describeShared("QEMU's own MAINTAINERS", () => {
  it('draws no error or warning when added whole', async () => {
    const text = readFileSync(join(QEMU_TREE, 'MAINTAINERS'), 'utf8').split('\n').slice(0, -1);
    const patch = mail({ diff: fileDiff('MAINTAINERS', 1, text.map((l) => `+${l}`), { newFile: true }) });
    const report = await lintText(patch, { rules: [rule] });
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.line}: ${f.message}`)).toEqual([]);
  });
});
