// --checkpatch: QEMU's own scripts/checkpatch.pl (the real one, read from
// ../shared in place, never copied) run on each patch and folded into the report.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import commitSobMissing from '../../rules/commit/sob-missing.js';
import styleTabs from '../../rules/style/tabs.js';
import { dropRepeated, parseCheckpatchOutput } from '../../src/checkpatch/run.js';
import type { Finding } from '../../src/engine/types.js';
import { validateMail } from '../../src/hook/validate.js';
import { patchlint } from '../helpers/cli.js';
import { QEMU_TREE, describeShared } from '../helpers/corpus.js';
import { fileDiff, mail, mbox } from '../helpers/mail.js';
import { isolateGit, makeQemuRepo, signed } from '../helpers/qemu-repo.js';

const REAL_SCRIPT = join(QEMU_TREE, 'scripts/checkpatch.pl');

// An if without braces (checkpatch only), a tab (also style/tabs), and no sign-off (also commit/sob-missing).
const patch = mail({
  subject: '[PATCH] hw/misc: set the flag',
  signOff: false,
  body: 'Set the flag when the device resets.',
  diff: fileDiff('hw/misc/flag.c', 10, [' int a;', '+if (a) b = 1;', '+\tint d;', ' int c;']),
});

describe('checkpatch.pl output', () => {
  it('parses TYPE: message and the #N: FILE: path:line: that follows', () => {
    const out = 'ERROR: trailing whitespace\n#18: FILE: a.c:3:\n+x  $\n\nWARNING: line over 80 characters\n#20: FILE: hw/b.c:12:\n+...\n\nCHECK: a check\n#7: \n\nERROR: Missing Signed-off-by: line(s)\n\ntotal: 2 errors\n';
    expect(parseCheckpatchOutput(out)).toEqual([
      { type: 'ERROR', message: 'trailing whitespace', file: 'a.c', line: 3 },
      { type: 'WARNING', message: 'line over 80 characters', file: 'hw/b.c', line: 12 },
      { type: 'CHECK', message: 'a check', file: null, line: 7 },
      { type: 'ERROR', message: 'Missing Signed-off-by: line(s)', file: null, line: null },
    ]);
  });

  it('drops what a rule of ours already says at the same place, keeps the rest', () => {
    const at = (rule: string, message: string, line: number | null, file: string | null = 'a.c'): Finding => ({ rule, severity: 'error', message, series: 0, patch: 1, file, line });
    const findings = [
      at('style/tabs', 'code indent should never use tabs', 3),
      at('checkpatch/ERROR', 'code indent should never use tabs', 3),
      at('checkpatch/ERROR', 'code indent should never use tabs', 4),
      at('commit/sob-missing', 'Missing Signed-off-by: line(s)', null, null),
      at('checkpatch/ERROR', 'Missing Signed-off-by: line(s)', null, null),
      at('checkpatch/ERROR', 'braces {} are necessary for all arms of this statement', 3),
    ];
    expect(dropRepeated(findings).map((f) => `${f.rule} ${f.line}`)).toEqual(['style/tabs 3', 'checkpatch/ERROR 4', 'commit/sob-missing null', 'checkpatch/ERROR 3']);
  });
});

describeShared('--checkpatch with QEMU scripts/checkpatch.pl', () => {
  it('folds its findings in as checkpatch/<TYPE>, without repeating the style and commit rules', () => {
    const r = patchlint(['check', '-q', '--checkpatch', '--tree', QEMU_TREE, '-'], { input: patch });
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toContain('hw/misc/flag.c:11: error: [checkpatch/ERROR] braces {} are necessary for all arms of this statement');
    expect(lines).toContain('hw/misc/flag.c:11: error: [checkpatch/ERROR] trailing statements should be on next line');
    expect(lines).toContain('hw/misc/flag.c:12: error: [style/tabs] code indent should never use tabs');
    expect(lines).toContain('COMMIT_MSG:1: error: [commit/sob-missing] Missing Signed-off-by: line(s)');
    expect(lines.filter((l) => /tabs|Signed-off-by/.test(l))).toHaveLength(2);
    expect(r.stderr).toBe('');
    // Levels apply to them like any rule.
    const off = patchlint(['check', '-q', '--checkpatch', '--tree', QEMU_TREE, '--rule', 'checkpatch/*=off', '-'], { input: patch });
    expect(off.stdout).not.toContain('checkpatch/');
  });

  it('is not run without --checkpatch', () => {
    expect(patchlint(['check', '-q', '--tree', QEMU_TREE, '-'], { input: patch }).stdout).not.toContain('checkpatch/');
  });

  describe('in the send-email hook, from the checkout', () => {
    beforeAll(isolateGit);
    const repo = makeQemuRepo();
    afterAll(() => repo.remove());

    it('runs the checkout scripts/checkpatch.pl on each mail when installed with --checkpatch', async () => {
      // The checkout's own script: a link to QEMU's, not a copy.
      mkdirSync(join(repo.dir, 'scripts'), { recursive: true });
      symlinkSync(REAL_SCRIPT, join(repo.dir, 'scripts/checkpatch.pl'));
      repo.write('migration/options.c', repo.read('migration/options.c') + 'static int x;\nvoid f(void) { if (x) x = 0; }\n');
      repo.commit(signed('migration: add x', 'Add x for the hook test.'));
      repo.git('format-patch', '-q', '-1', '-o', 'out');
      const file = join(repo.dir, 'out', repo.git('ls-files', '--others', 'out').trim().split('\n')[0]!.replace(/^out\//, ''));
      const request = { mail: file, cwd: repo.dir, env: {}, rules: [commitSobMissing, styleTabs], isAlive: () => true, sendEmailArgs: async () => undefined };
      const result = await validateMail({ ...request, checkpatch: true });
      expect(result.text).toContain('[checkpatch/ERROR] trailing statements should be on next line');
      expect((await validateMail(request)).text).not.toContain('checkpatch/');
    });
  });
});

describe('a checkpatch.pl that is missing or fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'patchlint-cp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is one line on stderr; the report is still made', () => {
    const r = patchlint(['check', '-q', '--checkpatch', '--tree', dir, '-'], { input: patch });
    expect(r.stderr).toBe(`patchlint: --checkpatch: ${dir}/scripts/checkpatch.pl not found; checked without it\n`);
    expect(r.stdout).toContain('[commit/sob-missing]');
    expect(r.status).toBe(1);
  });

  it('a script that dies is one line for the whole run', () => {
    mkdirSync(join(dir, 'scripts'));
    writeFileSync(join(dir, 'scripts/checkpatch.pl'), 'die "cannot work here\\n";\n');
    chmodSync(join(dir, 'scripts/checkpatch.pl'), 0o755);
    const other = mail({ subject: '[PATCH] hw/misc: clear the flag', from: 'Ann Other <ann@example.org>', body: 'Clear it on reset.', diff: fileDiff('hw/misc/flag.c', 10, [' int a;', '+int e;']) });
    const two = mbox(patch, other);
    const r = patchlint(['check', '-q', '--checkpatch', '--tree', dir, '-'], { input: two });
    expect(r.stderr).toMatch(/^patchlint: --checkpatch: .*checkpatch\.pl failed on 2 patches \(the first, "hw\/misc: set the flag": cannot work here\); those were checked without it\n$/);
    expect(r.stdout).toContain('[commit/sob-missing]');
  });

  it('--checkpatch needs a checkout', () => {
    const r = patchlint(['check', '--checkpatch', '-'], { input: patch });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('patchlint: --checkpatch runs the scripts/checkpatch.pl of your checkout: give --tree DIR (or use --worktree, --staged)');
  });
});
