// A small QEMU-like tree for the maintainers/ rule tests: a MAINTAINERS and
// files the test patches apply to.
export const MAINTAINERS = `All patches CC here
L: qemu-devel@nongnu.org
F: *
F: */

Migration
M: Peter Xu <peterx@redhat.com>
M: Fabiano Rosas <farosas@suse.de>
R: Some Reviewer <reviewer@example.org>
S: Maintained
F: migration/
F: include/migration/

Block layer core
M: Kevin Wolf <kwolf@redhat.com>
L: qemu-block@nongnu.org
S: Supported
F: block/

Overall sensors
M: Philippe Mathieu-Daudé <philmd@linaro.org>
S: Odd Fixes
F: hw/sensor

Checkpatch
S: Odd Fixes
F: scripts/checkpatch.pl

Trivial patches
M: Michael Tokarev <mjt@tls.msk.ru>
L: qemu-trivial@nongnu.org
S: Maintained
K: ^Subject:.*(?i)trivial
`;

/** Ten lines, the last two `a` and `c`, which fileDiff(path, 10, [' a', '+b', ' c']) applies to. */
export const TEN_LINES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'c'].join('\n') + '\n';

export const TREE: Record<string, string> = {
  MAINTAINERS,
  'migration/colo.c': TEN_LINES,
  'block/qcow2.c': TEN_LINES,
  'hw/sensor/tmp105.c': TEN_LINES,
  'docs/index.rst': TEN_LINES,
};
