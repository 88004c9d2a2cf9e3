// Hook mode in-process: which rules run on which call, with which tree and
// which recipients, what stays in the spool, and when the send is refused.
// Mails come from `git format-patch` in a QEMU-like repository; the probe
// rules below report what the engine handed them.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import commitSobMissing from '../../rules/commit/sob-missing.js';
import type { Rule } from '../../src/engine/types.js';
import { CC_RULE, type HookRequest, validateMail } from '../../src/hook/validate.js';
import { SPOOL_DIR } from '../../src/hook/spool.js';
import { type QemuRepo, isolateGit, makeQemuRepo, signed } from '../helpers/qemu-repo.js';

beforeAll(isolateGit);

const lastLine = (text: string | undefined) => (text === undefined ? '?' : text.trimEnd().split('\n').pop());

/** Reports the last line of migration/options.c before and after the patch. */
const treeProbe: Rule = {
  meta: { id: 'probe/tree', severity: 'warning', scope: 'patch', needs: 'files', description: 'test probe: what the tree shows' },
  async check(ctx) {
    const [before, after] = [await ctx.treeBefore.read('migration/options.c'), await ctx.tree.read('migration/options.c')];
    ctx.report({ message: `patch ${ctx.patch!.index}: before ${lastLine(before)}; after ${lastLine(after)}` });
  },
};

const seriesProbe: Rule = {
  meta: { id: 'probe/series', severity: 'info', scope: 'series', needs: 'diff', description: 'test probe: the series it was given' },
  check(ctx) {
    ctx.report({ message: `series: patches ${ctx.series.patches.map((p) => p.index).join(',')} of ${ctx.series.total}, cover ${ctx.series.cover ? 'yes' : 'no'}` });
  },
};

/** Stands in for the Cc rule (branch commit): shows the recipients it was given. */
const ccProbe: Rule = {
  meta: { id: CC_RULE, severity: 'warning', scope: 'patch', needs: 'tree', description: 'test probe: the recipients of the mail' },
  check(ctx) {
    const list = (people: Array<{ email: string }>) => people.map((p) => p.email).join(',');
    ctx.report({ message: `to ${list(ctx.patch!.recipients.to)}; cc ${list(ctx.patch!.recipients.cc)}` });
  },
};

let repo: QemuRepo;
afterEach(() => repo?.remove());

/** Three commits, each appending `/* step N *\/` to migration/options.c. */
function threeSteps(r: QemuRepo, signOff = true): void {
  for (const n of [1, 2, 3]) {
    r.write('migration/options.c', r.read('migration/options.c') + `/* step ${n} */\n`);
    const message = `migration: step ${n}\n\nStep ${n} of the plan, for the hook tests.\n`;
    r.commit(signOff || n !== 2 ? signed(`migration: step ${n}`, `Step ${n} of the plan, for the hook tests.`) : message);
  }
}

function formatPatch(r: QemuRepo, ...args: string[]): string[] {
  const out = join(r.dir, 'out');
  r.git('format-patch', '-q', '-o', out, ...args);
  return readdirSync(out).sort().map((n) => join(out, n));
}

function run(mail: string, extra: Partial<HookRequest> = {}) {
  return validateMail({
    mail,
    cwd: repo.dir,
    env: {},
    rules: [treeProbe, seriesProbe],
    isAlive: () => true,
    sendEmailArgs: async () => undefined,
    ...extra,
  });
}

const spoolRoot = () => join(repo.dir, '.git', SPOOL_DIR);

describe('hook mode: when rules run', () => {
  it('git 2.39 (no counters): patch rules on each mail, series rules once every i/n of the series was seen', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    const [cover, ...patches] = formatPatch(repo, '--cover-letter', '-3');
    const texts: string[] = [];
    for (const file of [cover!, ...patches]) {
      const result = await run(file);
      expect(result.exitCode).toBe(0);
      texts.push(result.text);
    }
    expect(texts[0]).toBe('');
    expect(texts[1]).toContain('[probe/tree] patch 1: before }; after /* step 1 */');
    expect(texts[1]).not.toContain('probe/series');
    expect(texts[2]).toContain('--- 0002-migration-step-2.patch: [PATCH 2/3] migration: step 2');
    expect(texts[2]).not.toContain('probe/series');
    expect(texts[3]).toContain('[probe/tree] patch 3:');
    // A series finding belongs to the cover letter.
    expect(texts[3]).toContain('--- 0000-cover-letter.patch: [PATCH 0/3] *** SUBJECT HERE ***\nINFO: [probe/series] series: patches 1,2,3 of 3, cover yes');
    expect(texts[3]).toMatch(/patchlint: 0 errors, 1 warning, 1 info in 2 mails: the send goes on\n$/);
    expect(existsSync(spoolRoot()) ? readdirSync(spoolRoot()) : []).toEqual([]);
  });

  it('newer git: series rules when GIT_SENDEMAIL_FILE_COUNTER reaches the total; counter 1 drops what an aborted send left', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    const files = formatPatch(repo, '--cover-letter', '-3');
    // An earlier send of the same series, refused by another hook at mail 2.
    const stale = join(spoolRoot(), 'manual');
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, '1.mail'), readFileSync(files[1]!));
    writeFileSync(join(stale, '1.name'), '/elsewhere/0001-old.patch\n');
    const texts: string[] = [];
    for (const [i, file] of files.entries()) {
      const result = await run(file, { env: { GIT_SENDEMAIL_FILE_COUNTER: String(i + 1), GIT_SENDEMAIL_FILE_TOTAL: String(files.length) } });
      texts.push(result.text);
    }
    expect(texts.join('')).not.toContain('0001-old.patch');
    expect(texts.slice(0, 3).join('')).not.toContain('probe/series');
    expect(texts[3]).toContain('series: patches 1,2,3 of 3, cover yes');
    expect(readdirSync(spoolRoot())).toEqual([]);
  });

  it('a patch without i/n is a series of its own: series rules run at once', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    const [file] = formatPatch(repo, '-1');
    const result = await run(file!);
    expect(result.text).toContain('[probe/tree] patch 1: before /* step 2 */; after /* step 3 */');
    expect(result.text).toContain('series: patches 1 of 1, cover no');
  });

  it('remembers, for the shell hook, when the last patch came before the others (the eager marker)', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    const [one, two, three] = formatPatch(repo, '-3');
    await run(three!);
    const send = join(spoolRoot(), 'manual');
    expect(existsSync(join(send, 'eager'))).toBe(true);
    expect(readFileSync(join(send, '1.pos'), 'utf8')).toBe('3 3\n');
    await run(one!);
    const last = await run(two!);
    expect(last.text).toContain('series: patches 1,2,3 of 3');
    expect(existsSync(send)).toBe(false);
  });

  it('says which mails an abandoned send left unchecked, and removes its spool', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    const [one, two] = formatPatch(repo, '-3');
    const gone = join(spoolRoot(), '999999');
    mkdirSync(gone, { recursive: true });
    writeFileSync(join(gone, '1.mail'), readFileSync(two!));
    writeFileSync(join(gone, '1.name'), `${two}\n`);
    // A cover letter alone has nothing to check: it is not listed.
    writeFileSync(join(gone, '2.mail'), 'Subject: [PATCH 0/3] cover\n\nHello.\n');
    writeFileSync(join(gone, '2.name'), '/tmp/0000-cover-letter.patch\n');
    writeFileSync(join(gone, '2.pos'), '0 3\n');
    const result = await run(one!, { env: { PATCHLINT_HOOK_SEND: '4242' }, isAlive: (pid) => pid === 4242 });
    expect(result.text).toContain('NOTE: an earlier send ended before its last mail, so these were not checked: 0002-migration-step-2.patch');
    expect(existsSync(gone)).toBe(false);
  });

  it('reads a mail the shell spooled by its name; one removed before the last mail is an error, not a crash', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    const [one, two, three] = formatPatch(repo, '-3');
    // What the shell hook leaves for 1/3 and 2/3: names and positions, no copies.
    const send = join(spoolRoot(), 'manual');
    mkdirSync(send, { recursive: true });
    writeFileSync(join(send, '1.pos'), '1 3\n');
    writeFileSync(join(send, '1.name'), `${one}\n`);
    writeFileSync(join(send, '2.pos'), '2 3\n');
    writeFileSync(join(send, '2.name'), `${two}\n`);
    const last = await run(three!);
    expect(last.text).toContain('[probe/tree] patch 1: before }; after /* step 1 */');
    expect(last.text).toContain('series: patches 1,2,3 of 3, cover no');
    expect(existsSync(send)).toBe(false);

    mkdirSync(send, { recursive: true });
    writeFileSync(join(send, '1.name'), `${join(repo.dir, 'out/gone.patch')}\n`);
    // An entry whose writing a crash cut short.
    writeFileSync(join(send, '2.name'), '');
    const again = await run(three!);
    expect(again.text).toContain(`patchlint: ${join(repo.dir, 'out/gone.patch')}: cannot read (ENOENT)\n`);
    expect(again.text).toContain(`patchlint: ${join(send, '2.mail')}: cannot read (ENOENT)\n`);
    expect(again.exitCode).toBe(0);
  });

  it('ignores a mail that is no patch', async () => {
    repo = makeQemuRepo();
    const file = join(repo.dir, 'reply.eml');
    writeFileSync(file, 'From: Jane Doe <jane@example.org>\nSubject: Re: [PATCH] migration: fix\n\nThanks, applied.\n');
    const result = await run(file);
    expect(result).toEqual({ text: '', exitCode: 0, mails: [] });
  });
});

describe('hook mode: the tree', () => {
  it('uses the commit named by the format-patch From line, and its parent as the tree before', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    const [, two] = formatPatch(repo, '-3');
    repo.write('migration/options.c', 'the work tree moved on\n');
    const result = await run(two!);
    expect(result.text).toContain('patch 2: before /* step 1 */; after /* step 2 */');
  });

  /** Mails made in another repository, whose commits this one has never seen. */
  function mailsFromElsewhere(): string[] {
    const elsewhere = makeQemuRepo();
    try {
      threeSteps(elsewhere);
      const files = formatPatch(elsewhere, '-3');
      const out = join(repo.dir, 'incoming');
      mkdirSync(out);
      return files.map((f) => {
        const copy = join(out, f.split('/').pop()!);
        writeFileSync(copy, readFileSync(f));
        return copy;
      });
    } finally {
      elsewhere.remove();
    }
  }

  it('without the commit, applies the series so far to the work tree', async () => {
    repo = makeQemuRepo();
    const files = mailsFromElsewhere();
    await run(files[0]!);
    const result = await run(files[1]!);
    expect(result.text).toContain('patch 2: before /* step 1 */; after /* step 2 */');
  });

  it('stays unknown where the work tree does not match the patch (diff only)', async () => {
    repo = makeQemuRepo();
    const files = mailsFromElsewhere();
    repo.write('migration/options.c', 'something else entirely\n');
    const result = await run(files[0]!);
    expect(result.text).toContain('patch 1: before something else entirely; after ?');
  });
});

describe('hook mode: recipients for the Cc check', () => {
  const ccRules = [ccProbe];

  it('newer git: takes To and Cc from the header file ($2), folded lines included', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    const [file] = formatPatch(repo, '-1');
    const headers = join(repo.dir, 'headers');
    writeFileSync(
      headers,
      'From: Jane Doe <jane@example.org>\nTo: qemu-devel@nongnu.org\nCc: Mia Grant <mia.grant@example.org>,\n\t"Vale, Rui" <rui.vale@example.org>\nSubject: [PATCH] migration: step 3\nDate: Mon, 1 Sep 2025 10:00:00 +0200\nMessage-ID: <20250901080000.1-1-jane@example.org>\nX-Mailer: git-send-email 2.47.3\nMIME-Version: 1.0\n',
    );
    const result = await run(file!, { headers, rules: ccRules, env: { GIT_SENDEMAIL_FILE_COUNTER: '1', GIT_SENDEMAIL_FILE_TOTAL: '1' } });
    expect(result.text).toContain(`[${CC_RULE}] to qemu-devel@nongnu.org; cc mia.grant@example.org,rui.vale@example.org`);
    expect(result.text).not.toContain('NOTE');
  });

  it('git 2.39: the mail\'s To/Cc plus what git send-email adds itself (author, Cc: and *-by: lines)', async () => {
    repo = makeQemuRepo();
    repo.write('migration/options.c', repo.read('migration/options.c') + '/* tuned */\n');
    repo.commit(signed('migration: tune', 'Tune it.\n\nReported-by: Ann Bug <ann@example.net>'));
    const [file] = formatPatch(repo, '-1', '--to=qemu-devel@nongnu.org', '--cc=Quinn Api <quinn.api@example.org>');
    const result = await run(file!, { rules: ccRules });
    expect(result.text).toContain('to qemu-devel@nongnu.org; cc quinn.api@example.org,jane@example.org,jane@example.org,ann@example.net,jane@example.org');
    expect(result.text).toContain('NOTE: git 2.39 shows the hook only the To/Cc written in the mails');
  });

  it('git 2.39: adds the --to/--cc of the git send-email command line when it can read it', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    const [file] = formatPatch(repo, '-1');
    const result = await run(file!, {
      rules: ccRules,
      env: { PATCHLINT_HOOK_SEND: '4242' },
      sendEmailArgs: async (pid) => (pid === 4242 ? ['--dry-run', '--to=qemu-devel@nongnu.org', '--cc', 'Mia Grant <mia.grant@example.org>', 'out/'] : undefined),
    });
    expect(result.text).toContain('to qemu-devel@nongnu.org; cc jane@example.org,jane@example.org,jane@example.org,mia.grant@example.org');
    expect(result.text).not.toContain('NOTE');
  });

  it('git 2.39, no To/Cc anywhere it can see: skips the Cc check and says why', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    const [file] = formatPatch(repo, '-1');
    const result = await run(file!, { rules: ccRules });
    expect(result.text).not.toContain(CC_RULE);
    expect(result.text).toContain('NOTE: Cc check skipped: this git passes the hook no recipients, and the mails carry no To/Cc');
  });

  it('git 2.39: skips the Cc check when sendemail.cccmd adds recipients it cannot see', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    repo.git('config', 'sendemail.cccmd', 'scripts/get_maintainer.pl --nogit-fallback');
    const [file] = formatPatch(repo, '-1', '--to=qemu-devel@nongnu.org');
    const result = await run(file!, { rules: ccRules });
    expect(result.text).not.toContain(CC_RULE);
    expect(result.text).toContain('NOTE: Cc check skipped: sendemail.cccmd adds recipients that git 2.39 does not show the hook');
  });

  it('git 2.39: skips the Cc check when the command line has --cc-cmd', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    const [file] = formatPatch(repo, '-1', '--to=qemu-devel@nongnu.org');
    const result = await run(file!, { rules: ccRules, env: { PATCHLINT_HOOK_SEND: '77' }, sendEmailArgs: async () => ['--cc-cmd=scripts/get_maintainer.pl', 'out/'] });
    expect(result.text).toContain('NOTE: Cc check skipped: git send-email --cc-cmd adds recipients the hook cannot see');
  });
});

describe('hook mode: refusing the send', () => {
  async function unsigned(): Promise<string> {
    repo = makeQemuRepo();
    threeSteps(repo, false);
    return formatPatch(repo, '-3')[1]!;
  }

  it('exits 1 on an error finding, prints it checkpatch-style, and forgets the send', async () => {
    const file = await unsigned();
    const result = await run(file, { rules: [commitSobMissing] });
    expect(result.exitCode).toBe(1);
    expect(result.text).toBe(
      '--- 0002-migration-step-2.patch: [PATCH 2/3] migration: step 2\n' +
        'ERROR: [commit/sob-missing] Missing Signed-off-by: line(s)\n\n' +
        'patchlint: 1 error, 0 warnings, 0 infos in 1 mail: nothing was sent. Fix the patches, or send once without this check: git send-email --no-validate\n',
    );
    expect(readdirSync(spoolRoot())).toEqual([]);
  });

  it('PATCHLINT_HOOK=warn lets the send go on with the errors shown', async () => {
    const file = await unsigned();
    const result = await run(file, { rules: [commitSobMissing], env: { PATCHLINT_HOOK: 'warn' } });
    expect(result.exitCode).toBe(0);
    expect(result.text).toContain('ERROR: [commit/sob-missing]');
    expect(result.text).toContain('errors do not stop the send here (hook errors set to warn)');
  });

  it('.patchlint.yml hook: { errors: warn } does the same, and PATCHLINT_HOOK=block overrides it', async () => {
    const file = await unsigned();
    repo.write('.patchlint.yml', 'hook:\n  errors: warn\n');
    expect((await run(file, { rules: [commitSobMissing] })).exitCode).toBe(0);
    expect((await run(file, { rules: [commitSobMissing], env: { PATCHLINT_HOOK: 'block' } })).exitCode).toBe(1);
  });

  it('a warning alone never refuses', async () => {
    repo = makeQemuRepo();
    threeSteps(repo);
    const [file] = formatPatch(repo, '-1');
    const result = await run(file!, { rules: [treeProbe] });
    expect(result.exitCode).toBe(0);
    expect(result.text).toContain('WARNING: [probe/tree]');
  });
});

// What cannot be checked is said in one line naming the file and line, and
// does not stop the send: only error findings do.
describe('hook mode: bad input', () => {
  it('a file that is not a mail', async () => {
    repo = makeQemuRepo();
    const file = join(repo.dir, 'notes.patch');
    writeFileSync(file, 'Subject: [PATCH] x\nthis is not a header\n\nbody\n');
    const result = await run(file);
    expect(result).toEqual({
      exitCode: 0,
      mails: [],
      text: `patchlint: ${file}:2: not a mail header: "this is not a header"\npatchlint: not checked: the send goes on\n`,
    });
  });

  it('a mail that cannot be read', async () => {
    repo = makeQemuRepo();
    const result = await run(join(repo.dir, 'missing.patch'));
    expect(result.exitCode).toBe(0);
    expect(result.text).toMatch(/^patchlint: .*missing\.patch: cannot read \(ENOENT\)\npatchlint: not checked: the send goes on\n$/);
  });

  it('a broken .patchlint.yml: its file and line, and nothing checked with settings it cannot read', async () => {
    repo = makeQemuRepo();
    threeSteps(repo, false);
    const [, unsigned] = formatPatch(repo, '-3');
    repo.write('.patchlint.yml', 'rules:\n  commit/sob-missing: loud\n');
    const result = await run(unsigned!, { rules: [commitSobMissing] });
    expect(result.exitCode).toBe(0);
    expect(result.text).toBe(
      `patchlint: ${join(repo.dir, '.patchlint.yml')}:2: rule commit/sob-missing: level must be off, info, warning or error, not "loud"\npatchlint: not checked: the send goes on\n`,
    );
  });

  it('outside a repository: a misuse of the command, exit 2', async () => {
    repo = makeQemuRepo();
    const result = await run(join(repo.dir, 'VERSION'), { cwd: '/' });
    expect(result).toEqual({ exitCode: 2, mails: [], text: 'patchlint: /: not in a git repository (git send-email runs the hook inside one)\n' });
  });
});
