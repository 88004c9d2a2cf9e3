import rule from '../../../rules/style/exec-mode.js';
import { mail } from '../../helpers/mail.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const created = (path: string, mode: string) =>
  mail({ diff: `diff --git a/${path} b/${path}\nnew file mode ${mode}\nindex 0000000000..1111111111\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1 @@\n+x\n` });
const binary = (path: string, mode: string) =>
  mail({ diff: `diff --git a/${path} b/${path}\nnew file mode ${mode}\nindex 0000000000..1111111111\nGIT binary patch\nliteral 4\nLcmZ?d00001\n\nliteral 0\nHcmV?d00001\n\n` });
const chmod = (path: string, mode: string) => mail({ diff: `diff --git a/${path} b/${path}\nold mode 100644\nnew mode ${mode}\n` });

ruleTester(rule, {
  valid: [
    { name: 'a normal new file', patch: created('hw/misc/foo.c', '100644') },
    { name: 'an executable script', patch: created('scripts/foo.sh', '100755') },
    { name: 'a test made executable', patch: chmod('tests/qemu-iotests/123', '100755') },
    { name: 'an executable binary blob that is no source', patch: binary('tests/data/acpi/virt/IORT', '100755') },
  ],
  invalid: [
    { name: 'an executable C file', patch: created('hw/misc/foo.c', '100755'), errors: [{ file: 'hw/misc/foo.c', line: 1, severity: 'error', message: 'do not set execute permissions for source files (hw/misc/foo.c: mode 100755)' }] },
    { name: 'a binary patch carries the mode too', patch: binary('pc-bios/optionrom/blob.S', '100755'), errors: [{ file: 'pc-bios/optionrom/blob.S', line: null, message: /mode 100755/ }] },
    { name: 'a header made executable', patch: chmod('include/hw/misc/foo.h', '100755'), errors: [{ file: 'include/hw/misc/foo.h', line: null, message: /^do not set execute permissions for source files/ }] },
  ],
});
