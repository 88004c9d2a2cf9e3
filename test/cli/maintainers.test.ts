// `patchlint maintainers`: get_maintainer.pl's output for paths, and clear
// one-line errors for bad usage.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const MAINTAINERS = `All patches CC here
L: qemu-devel@nongnu.org
F: *
F: */

Migration
M: Peter Xu <peterx@redhat.com>
M: Fabiano Rosas <farosas@suse.de>
S: Maintained
F: migration/

Overall sensors
M: Philippe Mathieu-Daudé <philmd@linaro.org>
S: Odd Fixes
F: hw/sensor
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'patchlint-maint-'));
  writeFileSync(join(dir, 'MAINTAINERS'), MAINTAINERS);
  mkdirSync(join(dir, 'hw/sensor'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], cwd = dir) {
  let stdout = '';
  let stderr = '';
  const code = await main(['maintainers', ...args], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: Readable.from([]),
    isTTY: false,
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}

describe('patchlint maintainers', () => {
  it('prints maintainers, then lists, as get_maintainer.pl does', async () => {
    const { code, stdout, stderr } = await run(['migration/ram.c']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Peter Xu <peterx@redhat.com> (maintainer:Migration)\n' +
        'Fabiano Rosas <farosas@suse.de> (maintainer:Migration)\n' +
        'qemu-devel@nongnu.org (open list:All patches CC here)\n',
    );
    expect(stderr).toBe('');
  });

  it('uses --tree, knows its directories, and notes files no maintained section covers', async () => {
    const { code, stdout, stderr } = await run(['--tree', dir, 'hw/sensor/tmp105.c', 'docs/index.rst'], tmpdir());
    expect(code).toBe(0);
    expect(stdout).toBe('"Philippe Mathieu-Daudé" <philmd@linaro.org> (odd fixer:Overall sensors)\nqemu-devel@nongnu.org (open list:All patches CC here)\n');
    expect(stderr).toContain('no maintained section covers hw/sensor/tmp105.c exactly');
    expect(stderr).toContain('no maintained section covers docs/index.rst exactly');
  });

  it('says in one line when there is no MAINTAINERS', async () => {
    const { code, stderr } = await run(['--tree', join(dir, 'hw'), 'x.c']);
    expect(code).toBe(2);
    expect(stderr).toBe(`patchlint: ${join(dir, 'hw', 'MAINTAINERS')}: cannot read it (use --tree DIR for a QEMU checkout)\n`);
  });

  it('rejects a missing path list and a bad --tree as usage errors', async () => {
    expect((await run([])).code).toBe(2);
    const bad = await run(['--tree', join(dir, 'nope'), 'x.c']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^patchlint: --tree .*nope: not a directory\n/);
  });
});
