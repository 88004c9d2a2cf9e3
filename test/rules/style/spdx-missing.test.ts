import rule from '../../../rules/style/spdx-missing.js';
import { fileDiff, mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const newFile = (path: string, ...lines: string[]) => mail({ diff: fileDiff(path, 0, lines.map((l) => '+' + l), { newFile: true }) });

ruleTester(rule, {
  valid: [
    { name: 'a tag in a comment', patch: newFile('hw/misc/foo.c', '/*', ' * SPDX-License-Identifier: GPL-2.0-or-later', ' */', 'int x;') },
    { name: 'a // tag line', patch: newFile('include/hw/misc/foo.h', '// SPDX-License-Identifier: GPL-2.0-or-later') },
    { name: 'a Python tag', patch: newFile('scripts/foo.py', '# SPDX-License-Identifier: GPL-2.0-or-later') },
    { name: 'a modified file', patch: mail({ diff: fileDiff('hw/misc/foo.c', 10, [' a', '+b', ' c']) }) },
    { name: 'a new document is not asked about', patch: newFile('docs/devel/foo.rst', 'Foo', '===') },
  ],
  invalid: [
    {
      name: 'boilerplate instead of the tag',
      patch: newFile('hw/vfio/cpr-legacy.c', '/*', ' * This work is licensed under the terms of the GNU GPL, version 2 or later.', ' */'),
      errors: [{ file: 'hw/vfio/cpr-legacy.c', line: 1, severity: 'error', message: "New file 'hw/vfio/cpr-legacy.c' requires 'SPDX-License-Identifier'" }],
    },
    { name: 'a new QAPI module', patch: newFile('qapi/foo.json', '# -*- Mode: Python -*-', "{ 'enum': 'Foo', 'data': [] }"), errors: [{ file: 'qapi/foo.json', message: "New file 'qapi/foo.json' requires 'SPDX-License-Identifier'" }] },
    { name: 'a Makefile', patch: newFile('tests/tcg/foo/Makefile.target', 'TESTS += foo'), errors: [{ message: "New file 'tests/tcg/foo/Makefile.target' requires 'SPDX-License-Identifier'" }] },
  ],
});
