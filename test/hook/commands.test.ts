// The two hook commands as users meet them: usage errors are one line and
// exit 2, and both are listed in --help.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { patchlint } from '../helpers/cli.js';
import { GIT_ENV } from '../helpers/qemu-repo.js';

const outside = mkdtempSync(join(tmpdir(), 'patchlint-not-a-repo-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('install-hook and hook-validate on the command line', () => {
  it('are listed in --help', () => {
    const help = patchlint(['--help']).stdout;
    expect(help).toMatch(/^ {2}install-hook +install the git send-email hook/m);
    expect(help).toMatch(/^ {2}hook-validate +what the hook runs for each mail/m);
  });

  it('install-hook outside a repository: one line, exit 2', () => {
    const r = patchlint(['install-hook'], { cwd: outside, env: GIT_ENV });
    expect(r).toEqual({ status: 2, stdout: '', stderr: `patchlint: ${outside}: not in a git repository\n` });
  });

  it('install-hook rejects arguments and --force with --uninstall', () => {
    expect(patchlint(['install-hook', 'now'], { cwd: outside }).stderr).toBe('patchlint: install-hook takes no arguments, not "now" (run it inside the repository)\n(see patchlint --help)\n');
    const both = patchlint(['install-hook', '--force', '--uninstall'], { cwd: outside });
    expect(both.status).toBe(2);
    expect(both.stderr.split('\n')[0]).toBe('patchlint: --force and --uninstall do not go together');
  });

  it('hook-validate takes one mail and at most a header file', () => {
    for (const args of [[], ['a', 'b', 'c']]) {
      const r = patchlint(['hook-validate', ...args], { cwd: outside });
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe('patchlint: hook-validate takes <mail> [<headers>], as git send-email passes them to the sendemail-validate hook');
    }
  });

  it('hook-validate outside a repository: one line naming the folder, exit 2', () => {
    const r = patchlint(['hook-validate', 'mail.patch'], { cwd: outside, env: GIT_ENV });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`patchlint: ${outside}: not in a git repository (git send-email runs the hook inside one)`);
  });
});
