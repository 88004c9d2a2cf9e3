// install-hook / --uninstall on real repositories: where the hook goes, how
// an existing hook is kept working, and that everything can be undone.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HookInstallError, defaultCliPath, installHook, uninstallHook } from '../../src/hook/install.js';
import { chainedHookOf, hookScript, isPatchlintHook, shellQuote } from '../../src/hook/script.js';
import { type QemuRepo, isolateGit, makeQemuRepo } from '../helpers/qemu-repo.js';

beforeAll(isolateGit);

let repo: QemuRepo;
afterEach(() => repo?.remove());

const FOREIGN = '#!/bin/sh\n# the team\'s own checks\nexec ./scripts/checkpatch.pl --mailback "$1"\n';

function hookAt(dir: string) {
  const path = join(dir, 'sendemail-validate');
  return { path, text: () => readFileSync(path, 'utf8'), mode: () => statSync(path).mode & 0o777 };
}

describe('hookScript', () => {
  it('quotes paths so that the shell reads them back exactly', () => {
    const paths = { node: '/opt/node 20/bin/node', cli: "/home/o'brien/patchlint/bin/patchlint.js", chained: '/r/.git/hooks/sendemail-validate.pre-patchlint' };
    const script = hookScript(paths);
    const assignments = script.split('\n').filter((l) => /^(node|cli|chained)=/.test(l)).join('\n');
    const out = execFileSync('sh', ['-c', `${assignments}\nprintf '%s\\n' "$node" "$cli" "$chained"`], { encoding: 'utf8' });
    expect(out).toBe(`${paths.node}\n${paths.cli}\n${paths.chained}\n`);
    expect(chainedHookOf(script)).toBe(paths.chained);
    expect(shellQuote("a'b")).toBe("'a'\\''b'");
  });

  it('is recognised as ours; a foreign hook is not', () => {
    expect(isPatchlintHook(hookScript({ node: '/n', cli: '/c' }))).toBe(true);
    expect(isPatchlintHook(FOREIGN)).toBe(false);
    expect(chainedHookOf(hookScript({ node: '/n', cli: '/c' }))).toBeUndefined();
  });

  it("reads a subject's i/n in the shell as the sed it replaced did (no process per mail)", () => {
    const script = hookScript({ node: '/n', cli: '/c' });
    const positionOf = /^subject_position\(\) \{\n[\s\S]*?\n\}\n/m.exec(script)![0];
    const dir = mkdtempSync(join(tmpdir(), 'patchlint-subject-'));
    // The sed of earlier hooks: the first header line `Subject: *[... 0*i/n]`, in the headers only.
    const bySed = (mail: string) => {
      const m = /^Subject: *\[[^\]]* 0*([0-9]+)\/([0-9]+)\]/m.exec(mail.split(/\n\n/)[0]!);
      return m ? `${m[1]} ${m[2]}` : '';
    };
    const subjects = [
      'Subject: [PATCH v2 03/10] migration: add a note',
      'Subject:[RFC PATCH v3 000/3] x',
      'Subject: [PATCH 0/2] cover\r',
      'Subject:   [PATCH 12/12] last',
      'Subject: [PATCH] one patch',
      'Subject: [PATCH 1/3 ] space before the bracket',
      'Subject: [PATCH 1/2 3] last word is no i/n',
      'Subject: [PATCH 1/2/3] two slashes',
      'Subject: [PATCH a/3] not a number',
      'Subject: [1/3] no word before it',
      'Subject: migration: [PATCH 1/3] not at the start',
      'subject: [PATCH 1/3] lower case',
    ];
    try {
      for (const subject of subjects) {
        const mail = `From: Jane Doe <jane@example.org>\n${subject}\nDate: Thu, 1 Jan 2026 00:00:00 +0000\n\nSubject: [PATCH 1/9] in the body\n`;
        const file = join(dir, 'mail');
        writeFileSync(file, mail);
        const pos = execFileSync('sh', ['-c', `${positionOf}subject_position "$1"; printf '%s' "$pos"`, 'sh', file], { encoding: 'utf8' });
        expect([subject, pos]).toEqual([subject, bySed(mail).replace(/\r$/, '')]);
      }
      // The headers end at a line that is "\r" alone in a CRLF mail: the body's Subject is not read.
      writeFileSync(join(dir, 'crlf'), 'From: a@b\r\n\r\nSubject: [PATCH 1/2] body\r\n');
      expect(execFileSync('sh', ['-c', `${positionOf}subject_position "$1"; printf '%s' "$pos"`, 'sh', join(dir, 'crlf')], { encoding: 'utf8' })).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(bySed('Subject: [PATCH v2 03/10] x\n')).toBe('3 10');
  });

  it('is valid POSIX shell', () => {
    const script = hookScript({ node: process.execPath, cli: defaultCliPath(), chained: '/x' });
    expect(() => execFileSync('sh', ['-n'], { input: script })).not.toThrow();
  });
});

describe('installHook', () => {
  it('writes an executable hook calling node and bin/patchlint.js by absolute path', async () => {
    repo = makeQemuRepo();
    const done = await installHook({ cwd: join(repo.dir, 'migration') });
    const hook = hookAt(join(repo.dir, '.git/hooks'));
    expect(done[0]).toBe(`installed ${hook.path}`);
    expect(hook.mode()).toBe(0o755);
    expect(hook.text()).toContain(`node=${shellQuote(process.execPath)}\n`);
    expect(hook.text()).toContain(`cli=${shellQuote(join(import.meta.dirname, '../../bin/patchlint.js'))}\n`);
    expect(repo.git('config', '--list', '--local')).not.toContain('hookspath');
  });

  it('is idempotent', async () => {
    repo = makeQemuRepo();
    await installHook({ cwd: repo.dir });
    const hook = hookAt(join(repo.dir, '.git/hooks'));
    const first = hook.text();
    expect((await installHook({ cwd: repo.dir }))[0]).toBe(`already installed: ${hook.path}`);
    expect(hook.text()).toBe(first);
    expect((await installHook({ cwd: repo.dir, node: '/usr/local/bin/node' }))[0]).toBe(`updated ${hook.path}`);
    expect(existsSync(hook.path + '.pre-patchlint')).toBe(false);
  });

  it('chains an existing hook, and --uninstall puts it back as it was', async () => {
    repo = makeQemuRepo();
    const hook = hookAt(join(repo.dir, '.git/hooks'));
    writeFileSync(hook.path, FOREIGN, { mode: 0o750 });
    const done = await installHook({ cwd: repo.dir });
    expect(done[0]).toBe(`installed ${hook.path}; the hook that was there still runs first (now ${hook.path}.pre-patchlint), and both must pass`);
    expect(readFileSync(hook.path + '.pre-patchlint', 'utf8')).toBe(FOREIGN);
    expect(chainedHookOf(hook.text())).toBe(hook.path + '.pre-patchlint');
    // A second install keeps chaining it.
    await installHook({ cwd: repo.dir });
    expect(chainedHookOf(hook.text())).toBe(hook.path + '.pre-patchlint');

    expect(await uninstallHook(repo.dir)).toEqual([`removed ${hook.path}`, `put back the hook that was there before: ${hook.path}`]);
    expect(hook.text()).toBe(FOREIGN);
    expect(hook.mode()).toBe(0o750);
    expect(existsSync(hook.path + '.pre-patchlint')).toBe(false);
  });

  it('--force sets an existing hook aside without running it; --uninstall still restores it', async () => {
    repo = makeQemuRepo();
    const hook = hookAt(join(repo.dir, '.git/hooks'));
    writeFileSync(hook.path, FOREIGN, { mode: 0o755 });
    const done = await installHook({ cwd: repo.dir, force: true });
    expect(done[0]).toMatch(/kept as .*\.pre-patchlint but no longer runs/);
    expect(chainedHookOf(hook.text())).toBeUndefined();
    await uninstallHook(repo.dir);
    expect(hook.text()).toBe(FOREIGN);
  });

  it('refuses when a foreign hook and a kept one are both there', async () => {
    repo = makeQemuRepo();
    const hook = hookAt(join(repo.dir, '.git/hooks'));
    writeFileSync(hook.path, FOREIGN, { mode: 0o755 });
    writeFileSync(hook.path + '.pre-patchlint', 'older\n', { mode: 0o755 });
    await expect(installHook({ cwd: repo.dir })).rejects.toThrow(HookInstallError);
    await expect(installHook({ cwd: repo.dir })).rejects.toThrow(`${hook.path} exists and so does ${hook.path}.pre-patchlint: move one of them away first`);
    expect(hook.text()).toBe(FOREIGN);
  });

  it('goes where core.hooksPath points (relative to the top of the work tree), without changing it', async () => {
    repo = makeQemuRepo();
    repo.git('config', 'core.hooksPath', 'tools/hooks');
    const done = await installHook({ cwd: join(repo.dir, 'qapi') });
    expect(done[0]).toBe(`installed ${join(repo.dir, 'tools/hooks/sendemail-validate')}`);
    expect(done).toContain('note: core.hooksPath is tools/hooks: every repository that uses it gets this hook');
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('tools/hooks');
  });

  it('from a linked worktree, goes to the hooks of the main git dir, where git looks', async () => {
    repo = makeQemuRepo();
    const worktree = join(repo.dir, '..', `${repo.dir.split('/').pop()}-wt`);
    repo.git('worktree', 'add', '-q', worktree);
    try {
      await installHook({ cwd: worktree });
      expect(existsSync(join(repo.dir, '.git/hooks/sendemail-validate'))).toBe(true);
      const hookDir = execFileSync('git', ['rev-parse', '--git-path', 'hooks'], { cwd: worktree, encoding: 'utf8' }).trim();
      expect(hookDir).toBe(join(repo.dir, '.git/hooks'));
    } finally {
      repo.git('worktree', 'remove', '--force', worktree);
    }
  });
});

describe('the installed hook when patchlint is gone', () => {
  function callHook(): { status: number | null; stderr: string } {
    try {
      execFileSync(join(repo.dir, '.git/hooks/sendemail-validate'), [join(repo.dir, 'VERSION')], { cwd: repo.dir, stdio: 'pipe', encoding: 'utf8' });
      return { status: 0, stderr: '' };
    } catch (error) {
      const e = error as { status: number; stderr: string };
      return { status: e.status, stderr: e.stderr };
    }
  }

  it('says how to repair it, in one line, and refuses', async () => {
    repo = makeQemuRepo();
    const elsewhere = join(repo.dir, 'old-patchlint');
    mkdirSync(join(elsewhere, 'bin'), { recursive: true });
    writeFileSync(join(elsewhere, 'bin/patchlint.js'), '');
    await installHook({ cwd: repo.dir, cli: join(elsewhere, 'bin/patchlint.js') });
    expect(callHook()).toEqual({ status: 1, stderr: `patchlint hook: patchlint is not built; run npm ci in ${elsewhere}, or skip once with git send-email --no-validate\n` });
    await installHook({ cwd: repo.dir, cli: join(elsewhere, 'gone/bin/patchlint.js') });
    expect(callHook()).toEqual({ status: 1, stderr: `patchlint hook: ${join(elsewhere, 'gone/bin/patchlint.js')} is gone; run patchlint install-hook again, or skip once with git send-email --no-validate\n` });
  });
});

describe('uninstallHook', () => {
  it('says there is nothing to remove', async () => {
    repo = makeQemuRepo();
    expect(await uninstallHook(repo.dir)).toEqual([`no sendemail-validate hook in ${join(repo.dir, '.git/hooks')}: nothing to remove`]);
  });

  it('leaves a foreign hook alone', async () => {
    repo = makeQemuRepo();
    const hook = hookAt(join(repo.dir, '.git/hooks'));
    writeFileSync(hook.path, FOREIGN, { mode: 0o755 });
    expect(await uninstallHook(repo.dir)).toEqual([`${hook.path} is not patchlint's hook: left as it is`]);
    expect(hook.text()).toBe(FOREIGN);
  });

  it('removes the spool of unfinished sends', async () => {
    repo = makeQemuRepo();
    await installHook({ cwd: repo.dir });
    mkdirSync(join(repo.dir, '.git/patchlint-hook/123'), { recursive: true });
    await uninstallHook(repo.dir);
    expect(existsSync(join(repo.dir, '.git/patchlint-hook'))).toBe(false);
  });
});

describe('defaultCliPath', () => {
  it('finds this package\'s bin/patchlint.js', () => {
    expect(defaultCliPath()).toBe(join(import.meta.dirname, '../../bin/patchlint.js'));
  });
});
