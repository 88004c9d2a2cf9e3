// The list bot with `--tree` a git checkout that moved on since the series
// were written: a series carrying `base-commit:` (git format-patch --base)
// is checked against the files at that commit, on a real public-inbox
// archive; a base the repository lacks falls back to the work tree, and the
// reply says so.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMovedCheckout, sincePatchBody } from '../helpers/base-commit.js';
import { Archive, BOT, HAS_PUBLIC_INBOX, NO_PUBLIC_INBOX_MESSAGE, headersOf, mail, watch } from './helpers.js';

if (!HAS_PUBLIC_INBOX) console.warn(NO_PUBLIC_INBOX_MESSAGE);

describe.skipIf(!HAS_PUBLIC_INBOX)('patchlint watch --tree with base-commit', () => {
  let tmp: string;
  let archive: Archive;
  let checkout: string;
  let base: string;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'patchlint-watch-base-'));
    archive = await Archive.create(join(tmp, 'archive'));
    checkout = join(tmp, 'qemu');
    mkdirSync(checkout);
    ({ base } = makeMovedCheckout(checkout));
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('checks a series at its base-commit, the others at the work tree, and notes a base the repository lacks', async () => {
    const missing = '0123456789abcdef0123456789abcdef01234567';
    await archive.deliver(mail({ subject: '[PATCH] qapi: add GuestTimeInfo', id: 'at-base@example.com', body: sincePatchBody('GuestTimeInfo', base) }));
    await archive.deliver(mail({ subject: '[PATCH] qapi: add GuestClockInfo', id: 'no-base@example.com', body: sincePatchBody('GuestClockInfo') }));
    await archive.deliver(mail({ subject: '[PATCH] qapi: add GuestWallInfo', id: 'lost-base@example.com', body: sincePatchBody('GuestWallInfo', missing) }));
    const outbox = join(tmp, 'outbox.mbox');
    const state = join(tmp, 'state.db');
    const run = await watch([archive.dir, '--once', '--tree', checkout, '--outbox', outbox, '--from', BOT, '--state', state]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const replies = (existsSync(outbox) ? readFileSync(outbox, 'utf8') : '').split(/^From qemu-patchlint .*\n/m).filter(Boolean);
    const replyTo = (id: string) => replies.filter((r) => headersOf(r).get('in-reply-to') === `<${id}>`);
    // At its base-commit VERSION is 10.1.50, so 10.2 is the release in development and "Since: 10.2" is right.
    expect(replyTo('at-base@example.com')).toEqual([]);
    const status = await watch(['--status', '--state', state]);
    expect(status.stdout).toMatch(/\[PATCH\] qapi: add GuestTimeInfo .*\n {4}no finding/);
    // The work tree's VERSION is 10.2.50: 11.0 is in development.
    const [plain] = replyTo('no-base@example.com');
    expect(plain).toContain('[qapi/since-wrong-release]');
    expect(plain).not.toContain('base-commit');
    const [lost] = replyTo('lost-base@example.com');
    expect(lost).toContain('[qapi/since-wrong-release]');
    expect(lost!.replace(/\n/g, ' ')).toContain(`Note: base-commit 0123456789ab is not in the git repository of ${checkout}; the series was applied to its work tree as it is.`);
    expect(replies).toHaveLength(2);
  });
});
