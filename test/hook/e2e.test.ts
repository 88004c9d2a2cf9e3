// End to end: `patchlint install-hook` in a QEMU-like repository, then the
// real `git send-email` (Debian package git-email; .ci/run installs it),
// with --dry-run and through an SMTP server on 127.0.0.1. This machine's git
// (2.39) passes the hook only the mail; newer git's $2 header file and file
// counters are simulated by calling the installed hook as newer git does.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { GIT_ENV, MIGRATION_MAINTAINER, type QemuRepo, makeQemuRepo, signed } from '../helpers/qemu-repo.js';

const GIT_VERSION = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim();

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking this process (the SMTP server lives here). */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(command, args, { cwd: options.cwd, env: { ...GIT_ENV, ...options.env }, encoding: 'utf8', timeout: 50_000 }, (error, stdout, stderr) => {
      done({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

const patchlint = (repo: QemuRepo, ...args: string[]) => run(process.execPath, [BIN, ...args], { cwd: repo.dir });

/** git send-email as a contributor runs it, answering no prompt. */
function sendEmail(repo: QemuRepo, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return run('git', ['send-email', '--from=Jane Doe <jane@example.org>', '--confirm=never', '--to=qemu-devel@nongnu.org', ...args], {
    cwd: repo.dir,
    env: { GIT_SEND_EMAIL_NOTTY: '1', ...env },
  });
}

const DRY_OK = /Dry-OK\. Log says:/;
const REFUSED = /rejected by sendemail-validate hook/;

/** Appends to migration/options.c and commits, signed off unless told otherwise. */
function commitOptions(repo: QemuRepo, subject: string, line: string, sign = true): void {
  repo.write('migration/options.c', repo.read('migration/options.c') + line + '\n');
  const body = `${subject.split(': ')[1]}, so that the capability checks read alike.`;
  repo.commit(sign ? signed(subject, body) : `${subject}\n\n${body}\n`);
}

function formatPatches(repo: QemuRepo, dir: string, ...args: string[]): string[] {
  const out = join(repo.dir, dir);
  repo.git('format-patch', '-q', '-o', out, ...args);
  return readdirSync(out).sort().map((n) => join(out, n));
}

const spoolEntries = (repo: QemuRepo) => {
  const root = join(repo.dir, '.git/patchlint-hook');
  return existsSync(root) ? readdirSync(root).flatMap((send) => readdirSync(join(root, send)).map((f) => `${send}/${f}`)) : [];
};

// The hook runs the bundled CLI, which test/global-setup.ts builds before the tests.
beforeAll(() => {
  if (!existsSync(join(execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim(), 'git-send-email'))) {
    throw new Error('git send-email is missing: install the git-email package (.ci/run does)');
  }
});

let repo: QemuRepo;
afterEach(() => repo?.remove());

describe(`git send-email runs the installed hook (${GIT_VERSION})`, () => {
  async function installed(): Promise<QemuRepo> {
    repo = makeQemuRepo();
    const result = await patchlint(repo, 'install-hook');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`patchlint: installed ${join(repo.dir, '.git/hooks/sendemail-validate')}`);
    return repo;
  }

  it('refuses a commit without Signed-off-by, printing the finding', async () => {
    await installed();
    commitOptions(repo, 'migration: note the capability order', '/* capabilities are sorted */', false);
    const sent = await sendEmail(repo, ['--dry-run', '-1']);
    expect(sent.status).not.toBe(0);
    expect(sent.stderr).toContain('ERROR: [commit/sob-missing] Missing Signed-off-by: line(s)');
    expect(sent.stderr).toMatch(/--- 0001-migration-note-the-capability-order\.patch: \[PATCH\] migration: note the capability order/);
    expect(sent.stderr).toMatch(REFUSED);
    expect(sent.stdout).not.toMatch(DRY_OK);
    expect(spoolEntries(repo)).toEqual([]);
  });

  it('refuses a commit with a QAPI doc error', async () => {
    await installed();
    repo.write('qapi/migration.json', repo.read('qapi/migration.json').replace('Zero Run Length).\n', 'Zero Run Length). It\n#     is good for slow links.\n'));
    repo.commit(signed('qapi/migration: say what xbzrle is good for', 'The description of xbzrle gains a sentence.'));
    const sent = await sendEmail(repo, ['--dry-run', '-1']);
    expect(sent.status).not.toBe(0);
    expect(sent.stderr).toContain('[qapi/doc-two-spaces]');
    expect(sent.stderr).toContain('FILE: qapi/migration.json:');
    expect(sent.stderr).toMatch(REFUSED);
  });

  it('lets a clean commit through', async () => {
    await installed();
    commitOptions(repo, 'migration: note the capability order', '/* capabilities are sorted */');
    const sent = await sendEmail(repo, ['--dry-run', '-1']);
    expect(sent.stderr).not.toContain('ERROR');
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(DRY_OK);
    expect(spoolEntries(repo)).toEqual([]);
  });

  it('checks every patch of a series with a cover letter, and names the one at fault', async () => {
    await installed();
    commitOptions(repo, 'migration: add the first note', '/* one */');
    commitOptions(repo, 'migration: add the second note', '/* two */', false);
    commitOptions(repo, 'migration: add the third note', '/* three */');
    const files = formatPatches(repo, 'outgoing', '--cover-letter', '-v2', '-3');
    writeFileSync(files[0]!, readFileSync(files[0]!, 'utf8').replace('*** SUBJECT HERE ***', 'migration: notes'));
    const sent = await sendEmail(repo, ['--dry-run', ...files]);
    expect(sent.status).not.toBe(0);
    expect(sent.stderr).toContain('--- v2-0002-migration-add-the-second-note.patch: [PATCH v2 2/3] migration: add the second note\nERROR: [commit/sob-missing]');
    // The error is under its mail only (other rules may add warnings elsewhere).
    const blocksWithErrors = sent.stderr.split(/^--- /m).filter((block) => block.includes('\nERROR: '));
    expect(blocksWithErrors.map((block) => block.split(':')[0])).toEqual(['v2-0002-migration-add-the-second-note.patch']);
    // git names the mail whose hook call failed: the last, where patchlint ran for all three.
    expect(sent.stderr).toMatch(/fatal: .*v2-0003-migration-add-the-third-note\.patch: rejected by sendemail-validate hook/);
    expect(spoolEntries(repo)).toEqual([]);

    repo.git('rebase', '-q', '--exec', 'git commit -q --amend --no-edit -s', 'HEAD~3');
    const fixed = formatPatches(repo, 'outgoing-fixed', '--cover-letter', '-v2', '-3');
    writeFileSync(fixed[0]!, readFileSync(fixed[0]!, 'utf8').replace('*** SUBJECT HERE ***', 'migration: notes'));
    const resent = await sendEmail(repo, ['--dry-run', ...fixed]);
    expect(resent.status, resent.stderr).toBe(0);
    expect(resent.stdout.match(new RegExp(DRY_OK, 'g'))).toHaveLength(4);
    expect(spoolEntries(repo)).toEqual([]);
  });

  it('warns about a three-patch series sent without a cover letter, though its commits are in the repository', async () => {
    await installed();
    commitOptions(repo, 'migration: add the first note', '/* one */');
    commitOptions(repo, 'migration: add the second note', '/* two */');
    commitOptions(repo, 'migration: add the third note', '/* three */');
    const sent = await sendEmail(repo, ['--dry-run', '-3']);
    // A warning: the send goes on, and the finding is under the first patch.
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.stderr).toMatch(/--- 0001-migration-add-the-first-note\.patch: \[PATCH 1\/3\] migration: add the first note\n(?:.*\n)*?WARNING: \[series\/cover-letter\] a series of 3 patches needs a cover letter/);
    expect(sent.stdout.match(new RegExp(DRY_OK, 'g'))).toHaveLength(3);
    expect(spoolEntries(repo)).toEqual([]);
  });

  it('--no-validate skips the hook once', async () => {
    await installed();
    commitOptions(repo, 'migration: note the capability order', '/* capabilities are sorted */', false);
    const sent = await sendEmail(repo, ['--dry-run', '--no-validate', '-1']);
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.stderr).not.toContain('commit/sob-missing');
    expect(sent.stdout).toMatch(DRY_OK);
  });

  it('PATCHLINT_HOOK=warn shows the error and lets the send go on', async () => {
    await installed();
    commitOptions(repo, 'migration: note the capability order', '/* capabilities are sorted */', false);
    const sent = await sendEmail(repo, ['--dry-run', '-1'], { PATCHLINT_HOOK: 'warn' });
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.stderr).toContain('ERROR: [commit/sob-missing]');
    expect(sent.stderr).toContain('errors do not stop the send here');
    expect(sent.stdout).toMatch(DRY_OK);
  });

  it('chains a hook that was there: its refusal still refuses; --uninstall restores it', async () => {
    repo = makeQemuRepo();
    const hook = join(repo.dir, '.git/hooks/sendemail-validate');
    const foreign = '#!/bin/sh\n# Our team\'s hook: no mail mentions the internal tracker.\necho "checked $1" >>"$GIT_DIR/team-hook.log"\nif grep -q "TRACKER-" "$1"; then echo "team hook: internal tracker id in $1" >&2; exit 1; fi\n';
    writeFileSync(hook, foreign, { mode: 0o755 });
    const installedNow = await patchlint(repo, 'install-hook');
    expect(installedNow.stdout).toContain('the hook that was there still runs first');

    commitOptions(repo, 'migration: fix TRACKER-123', '/* tracker */', false);
    const refusedByBoth = await sendEmail(repo, ['--dry-run', '-1']);
    expect(refusedByBoth.status).not.toBe(0);
    expect(refusedByBoth.stderr).toContain('team hook: internal tracker id in');
    expect(refusedByBoth.stderr).toContain('ERROR: [commit/sob-missing]');
    expect(refusedByBoth.stderr).toMatch(REFUSED);

    repo.git('commit', '-q', '--amend', '--no-edit', '-s');
    const refusedByTeam = await sendEmail(repo, ['--dry-run', '-1']);
    expect(refusedByTeam.status).not.toBe(0);
    expect(refusedByTeam.stderr).toContain('team hook: internal tracker id in');
    expect(refusedByTeam.stderr).not.toContain('ERROR');

    commitOptions(repo, 'migration: note the capability order', '/* capabilities are sorted */', false);
    const refusedByUs = await sendEmail(repo, ['--dry-run', '-1']);
    expect(refusedByUs.stderr).toContain('ERROR: [commit/sob-missing]');
    expect(refusedByUs.status).not.toBe(0);

    repo.git('commit', '-q', '--amend', '--no-edit', '-s');
    const through = await sendEmail(repo, ['--dry-run', '-1']);
    expect(through.status, through.stderr).toBe(0);
    expect(readFileSync(join(repo.dir, '.git/team-hook.log'), 'utf8').trim().split('\n')).toHaveLength(4);

    const removed = await patchlint(repo, 'install-hook', '--uninstall');
    expect(removed.stdout).toContain('put back the hook that was there before');
    expect(readFileSync(hook, 'utf8')).toBe(foreign);
    expect(readdirSync(join(repo.dir, '.git/hooks')).filter((n) => n.startsWith('sendemail-validate'))).toEqual(['sendemail-validate']);
  });

  it('works in a linked worktree, with the hook of the main repository', async () => {
    await installed();
    const worktree = `${repo.dir}-wt`;
    repo.git('worktree', 'add', '-q', worktree);
    try {
      writeFileSync(join(worktree, 'migration/options.h'), readFileSync(join(worktree, 'migration/options.h'), 'utf8') + '/* end */\n');
      execFileSync('git', ['commit', '-q', '-a', '-m', 'migration: mark the end of options.h\n\nSo that the end is easy to find.'], { cwd: worktree, env: GIT_ENV });
      const sent = await run('git', ['send-email', '--from=Jane Doe <jane@example.org>', '--confirm=never', '--to=qemu-devel@nongnu.org', '--dry-run', '-1'], { cwd: worktree });
      expect(sent.status).not.toBe(0);
      expect(sent.stderr).toContain('[commit/sob-missing]');
    } finally {
      repo.git('worktree', 'remove', '--force', worktree);
    }
  });
});

describe('git send-email to an SMTP server on 127.0.0.1', () => {
  const received: string[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        let data = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (data += chunk));
        stream.on('end', () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((closed) => server.close(closed)));

  it('delivers exactly the mails of the sends the hook let through', async () => {
    repo = makeQemuRepo();
    expect((await patchlint(repo, 'install-hook')).status).toBe(0);
    const smtp = [`--smtp-server=127.0.0.1`, `--smtp-server-port=${port}`, '--smtp-domain=localhost'];

    commitOptions(repo, 'migration: add the first note', '/* one */');
    commitOptions(repo, 'migration: add the second note', '/* two */');
    const good = formatPatches(repo, 'good', '--cover-letter', '-2');
    writeFileSync(good[0]!, readFileSync(good[0]!, 'utf8').replace('*** SUBJECT HERE ***', 'migration: two notes'));
    const delivered = await sendEmail(repo, [...smtp, ...good]);
    expect(delivered.status, delivered.stderr).toBe(0);

    commitOptions(repo, 'migration: add the third note', '/* three */', false);
    const bad = formatPatches(repo, 'bad', '-1');
    const refused = await sendEmail(repo, [...smtp, ...bad]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('[commit/sob-missing]');

    const subjects = received.map((m) => /^Subject: (.*)$/m.exec(m)?.[1]);
    expect(subjects).toEqual(['[PATCH 0/2] migration: two notes', '[PATCH 1/2] migration: add the first note', '[PATCH 2/2] migration: add the second note']);
  });
});

describe('the installed hook called as git calls it (newer git: $2 header file, file counters)', () => {
  /** The hook, run the way git hook run does: cwd at the top, GIT_DIR set. */
  function hookCall(file: string, headers: string, counter: number, total: number, env: NodeJS.ProcessEnv = {}) {
    return run(join(repo.dir, '.git/hooks/sendemail-validate'), [file, headers], {
      cwd: repo.dir,
      env: { GIT_DIR: join(repo.dir, '.git'), GIT_SENDEMAIL_FILE_COUNTER: String(counter), GIT_SENDEMAIL_FILE_TOTAL: String(total), ...env },
    });
  }

  /** A header file as git-send-email's gen_header() writes it. */
  function headerFile(name: string, subject: string, cc: string[]): string {
    const path = join(repo.dir, `.gitsendemail.header.${name}`);
    writeFileSync(
      path,
      `From: Jane Doe <jane@example.org>\nTo: qemu-devel@nongnu.org\n${cc.length ? `Cc: ${cc.join(',\n\t')}\n` : ''}Subject: ${subject}\nDate: Mon, 1 Sep 2025 10:00:00 +0200\nMessage-ID: <20250901080000.${name}-jane@example.org>\nX-Mailer: git-send-email 2.47.3\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n`,
    );
    return path;
  }

  it('spools the mails before the last, then reports and refuses on the last one', async () => {
    repo = makeQemuRepo();
    expect((await patchlint(repo, 'install-hook')).status).toBe(0);
    commitOptions(repo, 'migration: add the first note', '/* one */');
    commitOptions(repo, 'migration: add the second note', '/* two */', false);
    commitOptions(repo, 'migration: add the third note', '/* three */');
    const files = formatPatches(repo, 'outgoing', '--cover-letter', '-3');
    const calls: Run[] = [];
    for (const [i, file] of files.entries()) {
      const headers = headerFile(String(i), `[PATCH ${i}/3] x`, []);
      const headerText = readFileSync(headers, 'utf8');
      calls.push(await hookCall(file, headers, i + 1, files.length));
      if (i === 0) {
        // Only spooled by the shell script: node did not run, so nothing is marked done.
        // The mail is kept by name (git keeps it until the send ends); the headers file, which git removes, is copied.
        const first = spoolEntries(repo).filter((e) => /\/1\.(mail|headers|name)$/.test(e)).sort();
        expect(first.map((e) => e.split('/')[1])).toEqual(['1.headers', '1.name']);
        expect(readFileSync(join(repo.dir, '.git/patchlint-hook', first[0]!), 'utf8')).toBe(headerText);
        expect(readFileSync(join(repo.dir, '.git/patchlint-hook', first[1]!), 'utf8')).toBe(`${file}\n`);
        expect(spoolEntries(repo).some((e) => e.endsWith('/1.done'))).toBe(false);
      }
    }
    expect(calls.slice(0, 3).map((c) => [c.status, c.stderr])).toEqual([
      [0, ''],
      [0, ''],
      [0, ''],
    ]);
    expect(calls[3]!.status).toBe(1);
    expect(calls[3]!.stderr).toContain('--- 0002-migration-add-the-second-note.patch: [PATCH 2/3] migration: add the second note\nERROR: [commit/sob-missing]');
    expect(spoolEntries(repo)).toEqual([]);
  });

  it('git 2.39 way (no $2, no counters): only the last mail of a run i-1/n, i/n starts patchlint', async () => {
    repo = makeQemuRepo();
    expect((await patchlint(repo, 'install-hook')).status).toBe(0);
    commitOptions(repo, 'migration: add the first note', '/* one */');
    commitOptions(repo, 'migration: add the second note', '/* two */', false);
    commitOptions(repo, 'migration: add the third note', '/* three */');
    const [cover, one, two, three] = formatPatches(repo, 'outgoing', '--cover-letter', '-3');
    const call = (file: string) => run(join(repo.dir, '.git/hooks/sendemail-validate'), [file], { cwd: repo.dir, env: { GIT_DIR: join(repo.dir, '.git') } });
    for (const file of [cover!, one!, two!]) expect(await call(file)).toEqual({ status: 0, stdout: '', stderr: '' });
    const spooled = spoolEntries(repo);
    // The shell keeps each mail's name, not a copy: git keeps the file until the send ends.
    expect(spooled.filter((e) => e.endsWith('.name')).map((e) => readFileSync(join(repo.dir, '.git/patchlint-hook', e), 'utf8'))).toEqual([cover, one, two].map((f) => `${f}\n`));
    expect(spooled.filter((e) => e.endsWith('.mail'))).toEqual([]);
    expect(spooled.filter((e) => e.endsWith('.done'))).toEqual([]);
    expect(spooled.filter((e) => e.endsWith('.pos')).map((e) => readFileSync(join(repo.dir, '.git/patchlint-hook', e), 'utf8'))).toEqual(['0 3\n', '1 3\n', '2 3\n']);
    const last = await call(three!);
    expect(last.status).toBe(1);
    expect(last.stderr).toContain('--- 0002-migration-add-the-second-note.patch: [PATCH 2/3] migration: add the second note\nERROR: [commit/sob-missing]');
    expect(spoolEntries(repo)).toEqual([]);

    // Without a cover letter the first patch has no predecessor: patchlint checks it at once.
    const [first] = formatPatches(repo, 'again', '-3');
    expect((await call(first!)).status).toBe(0);
    expect(spoolEntries(repo).filter((e) => e.endsWith('.done'))).toHaveLength(1);
  });

  it('does not depend on the current directory or on patchlint being on PATH', async () => {
    repo = makeQemuRepo();
    expect((await patchlint(repo, 'install-hook')).status).toBe(0);
    commitOptions(repo, 'migration: note the capability order', '/* capabilities are sorted */', false);
    const [file] = formatPatches(repo, 'outgoing', '-1');
    const result = await run(join(repo.dir, '.git/hooks/sendemail-validate'), [file!], { cwd: join(repo.dir, 'migration'), env: { PATH: '/usr/bin:/bin' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[commit/sob-missing]');
  });

  it(
    'warns, naming whom to add, when To/Cc miss the maintainer of a touched file',
    async () => {
      repo = makeQemuRepo();
      expect((await patchlint(repo, 'install-hook')).status).toBe(0);
      commitOptions(repo, 'migration: note the capability order', '/* capabilities are sorted */');
      const [file] = formatPatches(repo, 'outgoing', '-1');
      const missing = await hookCall(file!, headerFile('a', '[PATCH] migration: note the capability order', []), 1, 1);
      expect(missing.status).toBe(0);
      expect(missing.stderr).toContain('[maintainers/cc-list]');
      expect(missing.stderr).toContain('mia.grant@example.org');
      const present = await hookCall(file!, headerFile('b', '[PATCH] migration: note the capability order', [MIGRATION_MAINTAINER, 'Rui Vale <rui.vale@example.org>']), 1, 1);
      expect(present.stderr).not.toContain('mia.grant@example.org');
    },
  );
});

describe('the Cc check through git send-email 2.39 (To/Cc written by format-patch)', () => {
  it(
    'warns, naming whom to add, and lets the send go on',
    async () => {
      repo = makeQemuRepo();
      expect((await patchlint(repo, 'install-hook')).status).toBe(0);
      commitOptions(repo, 'migration: note the capability order', '/* capabilities are sorted */');
      const files = formatPatches(repo, 'outgoing', '-1', '--to=qemu-devel@nongnu.org');
      const sent = await sendEmail(repo, ['--dry-run', ...files]);
      expect(sent.status, sent.stderr).toBe(0);
      expect(sent.stderr).toContain('[maintainers/cc-list]');
      expect(sent.stderr).toContain('mia.grant@example.org');
      expect(sent.stdout).toMatch(DRY_OK);
    },
  );
});
