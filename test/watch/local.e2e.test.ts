// The list bot on sources that need no public-inbox: a Maildir, a growing
// mbox, epochs written with git; with an mbox outbox (the dry run), and the
// bad inputs: unreadable mail, a corrupt epoch, a state file from a newer
// version, a second process on the same state.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT, coverBody, mail, patchBody, spawnWatch, watch, writeEpoch } from './helpers.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'patchlint-watch-local-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const replyIds = (outbox: string) => [...(existsSync(outbox) ? readFileSync(outbox, 'utf8') : '').matchAll(/^Message-ID: (.*)$/gm)].map((m) => m[1]);
const mbox = (mails: string[]) => mails.map((m) => `From mboxrd@z Thu Jan  1 00:00:00 1970\n${m}\n`).join('');

function maildir(root: string): string {
  for (const sub of ['new', 'cur', 'tmp']) mkdirSync(join(root, sub), { recursive: true });
  return root;
}

describe('patchlint watch on a Maildir with --outbox', () => {
  it('writes one reply to the outbox, names an unreadable message and goes on, and does not answer again', async () => {
    const dir = maildir(join(tmp, 'Maildir'));
    writeFileSync(join(dir, 'new', '1700000001.1.host'), mail({ subject: '[PATCH] hw/misc: unsigned', id: 'md1@example.com', body: patchBody({ signed: false }) }));
    writeFileSync(join(dir, 'new', '1700000002.2.host'), 'this is not a mail at all\nno headers here\n');
    writeFileSync(join(dir, 'new', '1700000003.3.host'), mail({ subject: '[PATCH] hw/misc: signed', id: 'md2@example.com', body: patchBody() }));
    const outbox = join(tmp, 'outbox.mbox');
    const args = [dir, '--once', '--outbox', outbox, '--from', BOT, '--state', join(tmp, 'state.db')];
    const first = await watch(args);
    expect(first.stderr).toMatch(/^patchlint watch: \S+\/new\/1700000002\.2\.host: cannot read this message \(.+\); skipped\n$/);
    expect(first.status).toBe(0);
    expect(replyIds(outbox)).toHaveLength(1);
    expect(readFileSync(outbox, 'utf8')).toMatch(/^From qemu-patchlint .*\nFrom: qemu-patchlint <bot@patchlint\.example\.org>\nTo: Ann Author <ann@example\.com>\n/);
    expect(readFileSync(outbox, 'utf8')).toContain('In-Reply-To: <md1@example.com>');

    // A MUA moves the mails to cur/ with flags: still the same messages.
    renameSync(join(dir, 'new', '1700000001.1.host'), join(dir, 'cur', '1700000001.1.host:2,S'));
    const second = await watch(args);
    expect(second.status).toBe(0);
    expect(second.stderr).toBe('');
    expect(replyIds(outbox)).toHaveLength(1);
  });

  it('refuses a second process on the same state file while the first runs, and stops on SIGTERM with status 0', async () => {
    const dir = maildir(join(tmp, 'Maildir'));
    writeFileSync(join(dir, 'new', '1.host'), mail({ subject: '[PATCH] hw/misc: signed', id: 'lock@example.com', body: patchBody() }));
    const state = join(tmp, 'state.db');
    const args = [dir, '--outbox', join(tmp, 'out.mbox'), '--state', state, '--interval', '30'];
    const first = spawnWatch(args);
    const exited = new Promise<number | null>((done) => first.on('exit', (code) => done(code)));
    try {
      // Wait until the first has done a step (it holds the lock by then).
      for (let i = 0; i < 100; i++) {
        if ((await watch(['--status', '--state', state])).stdout.includes('checked, no reply needed: 1')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const second = await watch([...args, '--once']);
      expect(second.status).toBe(2);
      expect(second.stderr).toMatch(new RegExp(`^patchlint watch: ${state.replace(/[/.]/g, '\\$&')} is in use by another patchlint watch \\(process ${first.pid} on `));
    } finally {
      first.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // The lock went with it.
    expect((await watch([...args, '--once'])).status).toBe(0);
  });
});

describe('patchlint watch on a growing mbox', () => {
  it('reads only what was appended, holds an incomplete series until it is whole, and notices a rewritten file', async () => {
    const file = join(tmp, 'list.mbox');
    const outbox = join(tmp, 'outbox.mbox');
    const args = [file, '--once', '--outbox', outbox, '--state', join(tmp, 'state.db')];
    writeFileSync(file, mbox([
      mail({ subject: '[PATCH 0/2] hw/misc: two', id: 'g0@example.com', body: coverBody() }),
      mail({ subject: '[PATCH 1/2] hw/misc: one', id: 'g1@example.com', inReplyTo: 'g0@example.com', body: patchBody() }),
    ]));
    // A message still being written (no blank line after it yet) waits too.
    appendFileSync(file, `From mboxrd@z Thu Jan  1 00:00:00 1970\n${mail({ subject: '[PATCH 2/2] hw/misc: two', id: 'g2@example.com', inReplyTo: 'g0@example.com', body: patchBody({ line: '    s->b = 0; // two' }) }).slice(0, 200)}`);
    expect((await watch(args)).status).toBe(0);
    expect(replyIds(outbox)).toHaveLength(0);
    const status = await watch(['--status', '--state', join(tmp, 'state.db')]);
    expect(status.stdout).toMatch(/waiting: 1\n {2}\[PATCH 0\/2\] hw\/misc: two \(ann@example\.com\)\n {4}since \S+: 1 of 2 patches/);

    const whole = mail({ subject: '[PATCH 2/2] hw/misc: two', id: 'g2@example.com', inReplyTo: 'g0@example.com', body: patchBody({ line: '    s->b = 0; // two' }) });
    appendFileSync(file, `${whole.slice(200)}\n`);
    const grown = await watch(args);
    expect(grown.stderr).toBe('');
    expect(replyIds(outbox)).toHaveLength(1);
    expect(readFileSync(outbox, 'utf8')).toContain('In-Reply-To: <g0@example.com>');
    expect(readFileSync(outbox, 'utf8')).not.toContain('incomplete');

    // Rewritten (say expunged and rewritten by a MUA): read again, nothing answered twice.
    writeFileSync(file, readFileSync(file, 'utf8').replace('hw/misc: two', 'hw/misc: 2'));
    const rewritten = await watch(args);
    expect(rewritten.status).toBe(0);
    expect(rewritten.stderr).toMatch(/list\.mbox: the file was rewritten since the last run; reading it again from the start/);
    expect(replyIds(outbox)).toHaveLength(1);
  });
});

describe('patchlint watch on bad input', () => {
  it('names a corrupt epoch, answers what the other epochs hold, and exits 2', async () => {
    const archive = join(tmp, 'inbox');
    writeEpoch(join(archive, 'git/0.git'), [mail({ subject: '[PATCH] hw/misc: unsigned', id: 'e0@example.com', body: patchBody({ signed: false }) })]);
    mkdirSync(join(archive, 'git/1.git'), { recursive: true });
    writeFileSync(join(archive, 'git/1.git/HEAD'), 'garbage\n');
    writeEpoch(join(archive, 'git/2.git'), [mail({ subject: '[PATCH] hw/misc: also unsigned', id: 'e2@example.com', body: patchBody({ signed: false }) })]);
    const outbox = join(tmp, 'outbox.mbox');
    const args = [archive, '--once', '--outbox', outbox, '--state', join(tmp, 'state.db')];
    const run = await watch(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^patchlint watch: \S+\/inbox\/git\/1\.git: cannot read this epoch: .+\n$/);
    expect(replyIds(outbox)).toHaveLength(2);
    // Still broken on the next run; nothing answered again.
    expect((await watch(args)).status).toBe(2);
    expect(replyIds(outbox)).toHaveLength(2);
  });

  it('refuses a state file written by a newer version, naming it', async () => {
    const state = join(tmp, 'state.db');
    const db = new Database(state);
    db.exec("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('schema', '99');");
    db.close();
    const dir = maildir(join(tmp, 'Maildir'));
    const run = await watch([dir, '--once', '--outbox', join(tmp, 'out.mbox'), '--state', state]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`patchlint watch: ${state}: state file of a newer patchlint (journal schema 99; this one reads 1 and older): upgrade patchlint or give another --state\n`);
    expect((await watch(['--status', '--state', state])).status).toBe(2);
  });

  it('answers usage errors with one line and status 2', async () => {
    const dir = maildir(join(tmp, 'Maildir'));
    for (const [args, message] of [
      [[dir, '--once'], /needs --smtp URL .* or --outbox FILE/],
      [[dir, '--smtp', 'smtp://127.0.0.1:1'], /--from ADDR is required with --smtp/],
      [[join(tmp, 'nowhere'), '--outbox', 'x'], /nowhere: no such file or directory/],
      [[dir, '--outbox', 'x', '--reply-at', 'info'], /--reply-at takes error or warning/],
    ] as const) {
      const run = await watch([...args]);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n {4}at /);
    }
  });
});
