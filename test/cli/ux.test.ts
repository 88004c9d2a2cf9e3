// What a QEMU developer meets in the first minutes: help, rule pages, any
// diff on stdin, uncommitted changes, settings from a subfolder, terse
// output, ranges, and a progress line only on a terminal.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { BIN, patchlint } from '../helpers/cli.js';
import { tempRepo } from '../helpers/git-repo.js';
import { fileDiff, mail, mbox } from '../helpers/mail.js';

describe('--help', () => {
  it.each(Object.keys(COMMANDS))('%s --help prints its usage, options and an example, and exits 0', (name) => {
    const r = patchlint([name, '--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^usage: patchlint (\\[${name}\\]|${name})`));
    expect(r.stdout).toMatch(/\nexamples?:\n {2}\S/);
    expect(patchlint([name, '-h']).stdout).toBe(r.stdout);
    expect(patchlint(['help', name]).stdout).toBe(r.stdout);
  });

  it('check --help names every option check accepts', () => {
    const help = patchlint(['check', '--help']).stdout;
    const source = readFileSync(join(import.meta.dirname, '../../src/cli/check.ts'), 'utf8');
    const options = source.slice(source.indexOf('parse(args, {'), source.indexOf('});', source.indexOf('parse(args, {')));
    const names = [...options.matchAll(/^\s+'?([a-z-]+)'?: \{ type/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(help).toContain(`--${name}`);
  });
});

describe('patchlint rules ID', () => {
  it('prints the rule page for a terminal: what, why, bad, good', () => {
    const r = patchlint(['rules', 'commit/sob-missing']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^commit\/sob-missing\n/);
    for (const section of ['WHAT', 'WHY', 'BAD', 'GOOD']) expect(r.stdout).toContain(`\n${section}\n`);
    // Code blocks are indented, not fenced.
    expect(r.stdout).not.toContain('```');
    expect(r.stdout).toContain('\n    migration: fix a leak in the colo path\n');
  });

  it('rejects an unknown rule with one line', () => {
    const r = patchlint(['rules', 'commit/nope']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('patchlint: rules commit/nope: no such rule (patchlint rules lists them)');
  });
});

describe('a diff on stdin, --worktree and --staged', () => {
  const repo = tempRepo();
  afterAll(() => repo.remove());
  repo.commit('hw/misc: add a file\n\nSigned-off-by: Jane Doe <jane@example.org>', { 'hw/misc/a.c': 'int a;\nint b;\n' });

  it('reads a bare git diff as one patch: the code is judged, not the missing message', () => {
    writeFileSync(join(repo.dir, 'hw/misc/a.c'), 'int a;\nint b; // new\n');
    const diff = repo.git('diff');
    const r = patchlint(['-q', '-'], { input: diff });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hw/misc/a.c:2: error: [style/c99-comments] do not use C99 // comments\n');
    expect(r.status).toBe(1);
    const text = patchlint(['-'], { input: diff });
    expect(text.stdout).toMatch(/^--- diff of hw\/misc\/a\.c\n/);
    repo.git('checkout', '--', '.');
  });

  it('reads git show output as the commit it shows, author and message included', () => {
    repo.commit('hw/misc: use a C99 comment', { 'hw/misc/a.c': 'int a;\nint b; // x\n' }, 'Ann Other <ann@example.org>');
    const r = patchlint(['-q', '-'], { input: repo.git('show') });
    expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual([
      'COMMIT_MSG:1: error: [commit/sob-missing] Missing Signed-off-by: line(s)',
      'COMMIT_MSG:1: info: [commit/body-missing] the commit message has no body: say why the change is needed, not only what it is',
      'hw/misc/a.c:2: error: [style/c99-comments] do not use C99 // comments',
    ]);
    // #N is the line of the input, as for a patch file.
    expect(patchlint(['-'], { input: repo.git('show') }).stdout).toContain('#14: FILE: hw/misc/a.c:2:');
    repo.git('reset', '-q', '--hard', 'HEAD~1');
  });

  it('--worktree lints uncommitted changes against HEAD, --staged only what is staged', () => {
    writeFileSync(join(repo.dir, 'hw/misc/a.c'), 'int a;\nint b;\nint c; \n');
    mkdirSync(join(repo.dir, 'build'), { recursive: true });
    const cwd = join(repo.dir, 'build');
    expect(patchlint(['check', '--staged'], { cwd })).toMatchObject({ status: 0, stdout: '', stderr: 'patchlint: --staged: no staged changes\n' });
    const worktree = patchlint(['check', '--worktree', '-q'], { cwd });
    expect(worktree.stdout).toBe('hw/misc/a.c:3: error: [style/trailing-whitespace] trailing whitespace\n');
    expect(worktree.status).toBe(1);
    repo.git('add', 'hw/misc/a.c');
    writeFileSync(join(repo.dir, 'hw/misc/a.c'), 'int a;\nint b;\nint c; \nint d;\t// late\n');
    const staged = patchlint(['check', '--staged', '-q'], { cwd });
    expect(staged.stdout).toBe('hw/misc/a.c:3: error: [style/trailing-whitespace] trailing whitespace\n');
    expect(patchlint(['check', '--worktree', '-q'], { cwd }).stdout.split('\n').filter(Boolean)).toHaveLength(3);
    // Files come from HEAD with the diff applied, not from the diff alone.
    expect(patchlint(['check', '--worktree', '-v'], { cwd }).stdout).toContain('NOTE: files: git ');
    repo.git('reset', '-q', '--hard');
  });

  it('--worktree outside a repository is one clear line', () => {
    const r = patchlint(['check', '--worktree'], { cwd: '/' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^patchlint: --worktree: git: fatal: not a git repository/);
  });

  it('finds .patchlint.yml in the current folder, else at the git top level', () => {
    writeFileSync(join(repo.dir, '.patchlint.yml'), 'rules:\n  commit/sob-missing: warning\n');
    mkdirSync(join(repo.dir, 'build/sub'), { recursive: true });
    const input = mail({ signOff: false });
    expect(patchlint(['-q', '-'], { input, cwd: join(repo.dir, 'build/sub') }).stdout).toContain('warning: [commit/sob-missing]');
    writeFileSync(join(repo.dir, 'build/sub/.patchlint.yml'), 'rules:\n  commit/sob-missing: info\n');
    expect(patchlint(['-q', '-'], { input, cwd: join(repo.dir, 'build/sub') }).stdout).toContain('info: [commit/sob-missing]');
    expect(patchlint(['-q', '-'], { input, cwd: '/' }).stdout).toContain('error: [commit/sob-missing]');
  });
});

describe('terse output, ranges, headings', () => {
  const series = (present: number[], total: number) =>
    mbox(
      mail({ subject: `[PATCH 0/${total}] hw: cover`, messageId: '<c@x>', diff: '', signOff: false, body: 'Cover.' }),
      ...present.map((i) =>
        mail({ subject: `[PATCH ${i}/${total}] hw: part ${i}`, messageId: `<p${i}@x>`, inReplyTo: '<c@x>', body: `Part ${i} of the change, explained.`, signOff: i !== 2, diff: fileDiff(`hw/p${i}.c`, 1, ['+int x;']) }),
      ),
    );

  it('--terse prints one file:line: severity: [rule] message line per finding and nothing else', () => {
    const r = patchlint(['--terse', '-'], { input: series([1, 2, 41, 44], 44) });
    const lines = r.stdout.split('\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^\S+:\d+: (error|warning|info): \[[a-z]+\/[a-z0-9-]+\] \S/);
    expect(lines).toContain('patch-2/COMMIT_MSG:1: error: [commit/sob-missing] Missing Signed-off-by: line(s)');
    expect(lines).toContain('patch-0/COMMIT_MSG:1: warning: [series/numbering] patches 3-40, 42-43 of 44 are missing from the series');
    expect(r.stdout).not.toMatch(/total:|===|---/);
  });

  it('shows missing patches as ranges in the heading', () => {
    const r = patchlint(['-'], { input: series([1, 2, 41, 44], 44) });
    expect(r.stdout).toContain('(4 patches and a cover letter; missing 3-40, 42-43 of 44)');
  });

  it('gives a lone patch no made-up series heading', () => {
    const r = patchlint(['-'], { input: mail({ subject: '[PATCH v2 3/5] hw: part 3', body: 'Part three.' }) });
    expect(r.stdout).toMatch(/^--- 3\/5 hw: part 3\n/);
    expect(r.stdout).not.toContain('===');
  });

  it('--terse does not go with another format', () => {
    expect(patchlint(['-q', '-f', 'json', '-'], { input: mail() }).status).toBe(2);
  });
});

describe('progress on stderr', () => {
  // Two series, so that there is something to report between them.
  const input = mbox(mail({ subject: '[PATCH] hw: one', body: 'One.' }), mail({ subject: '[PATCH] hw: two', body: 'Two.' }));
  const file = join(tempRepo().dir, 'two.mbox');
  writeFileSync(file, input);

  it('is drawn on a terminal (a pseudo-terminal from script) and wiped at the end', () => {
    const out = join(file, '..', 'out.txt');
    const command = `${process.execPath} ${BIN} check ${file} > ${out}`;
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, PATCHLINT_PROGRESS_MS: '0', NO_COLOR: '1' } });
    expect(r.stdout).toMatch(/patchlint: 1 series, 1 patches linted \(\d+ patches\/s\)/);
    expect(r.stdout).toContain('patchlint: 2 series, 2 patches linted');
    expect(r.stdout).toMatch(/\r\x1b\[K$/);
    expect(readFileSync(out, 'utf8')).toContain('--- hw: two');
  });

  it('is silent when stderr is not a terminal', () => {
    const r = patchlint(['check', file], { env: { PATCHLINT_PROGRESS_MS: '0' } });
    expect(r.stderr).toBe('');
  });
});

describe('--format email sender', () => {
  const isolated = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent' };
  const input = mail({ signOff: false });

  it('comes from --email-from, else from git user.name and user.email', () => {
    expect(patchlint(['-f', 'email', '--email-from', 'Rev Iewer <rev@example.org>', '-'], { input, env: isolated }).stdout).toContain('\nFrom: Rev Iewer <rev@example.org>\n');
    const repo = tempRepo();
    try {
      expect(patchlint(['-f', 'email', '-'], { input, cwd: repo.dir, env: isolated }).stdout).toContain('\nFrom: Jane Doe <jane@example.org>\n');
    } finally {
      repo.remove();
    }
  });

  it('is a clear error when neither is set, never a made-up address', () => {
    const r = patchlint(['-f', 'email', '-'], { input, cwd: '/', env: isolated });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('patchlint: --format email needs a sender: give --email-from "Name <address>", or set git config user.name and user.email');
  });
});

