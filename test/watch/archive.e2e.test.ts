// The list bot end to end on a real public-inbox v2 archive, with a real
// SMTP relay that feeds what it receives back into the archive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive, BOT, HAS_PUBLIC_INBOX, LIST, NO_PUBLIC_INBOX_MESSAGE, coverBody, headersOf, mail, patchBody, startSmtp, watch } from './helpers.js';

if (!HAS_PUBLIC_INBOX) console.warn(NO_PUBLIC_INBOX_MESSAGE);

describe.skipIf(!HAS_PUBLIC_INBOX)('patchlint watch on a public-inbox v2 archive', () => {
  let tmp: string;
  let archive: Archive;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let state: string;
  const once = (...extra: string[]) => watch([archive.dir, '--once', '--smtp', smtp.url, '--from', BOT, '--state', state, ...extra]);
  const repliesTo = (id: string) => smtp.received.filter((r) => headersOf(r.text).get('in-reply-to') === `<${id}>`);

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'patchlint-watch-'));
    archive = await Archive.create(tmp);
    smtp = await startSmtp((text) => archive.deliver(text));
    state = join(tmp, 'state.db');
  });
  afterAll(async () => {
    await smtp?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('answers a series with an error once, threaded under its cover, To the author; not a clean series, a PULL, a reply or its own mail', async () => {
    const subject = 'hw/misc: keep the counter';
    await archive.deliver(mail({ subject: `[PATCH 0/2] ${subject}`, id: 's1-0@example.com', body: coverBody() }));
    await archive.deliver(mail({ subject: '[PATCH 1/2] hw/misc: add the field', id: 's1-1@example.com', inReplyTo: 's1-0@example.com', body: patchBody({ file: 'hw/misc/a.c' }) }));
    await archive.deliver(mail({ subject: '[PATCH 2/2] hw/misc: reset it', id: 's1-2@example.com', inReplyTo: 's1-0@example.com', body: patchBody({ file: 'hw/misc/b.c', line: '    s->count = 0; // reset  ' }) }));
    await archive.deliver(mail({ subject: '[PATCH] hw/misc: a clean one', id: 'clean@example.com', body: patchBody() }));
    await archive.deliver(mail({ subject: '[PULL 1/1] hw/misc: unsigned pull', id: 'pull@example.com', body: patchBody({ signed: false }) }));
    await archive.deliver(mail({ subject: `Re: [PATCH 2/2] hw/misc: reset it`, id: 'reply@example.com', inReplyTo: 's1-2@example.com', body: `> ${patchBody({ signed: false }).split('\n').join('\n> ')}\nLooks odd.\n` }));
    await archive.deliver(mail({ subject: '[PATCH] hw/misc: from the bot', id: 'own@example.com', from: BOT, body: patchBody({ signed: false }) }));

    const first = await once();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const [reply] = smtp.received;
    const h = headersOf(reply!.text);
    expect(h.get('to')).toBe('Ann Author <ann@example.com>');
    expect(h.get('cc')).toContain(LIST);
    expect(h.get('cc')).toContain('rev@example.com');
    expect(h.get('subject')).toBe(`Re: [PATCH 0/2] ${subject}`);
    expect(h.get('in-reply-to')).toBe('<s1-0@example.com>');
    expect(h.get('references')).toContain('<s1-0@example.com>');
    expect(h.get('message-id')).toMatch(/^<patchlint-v1-[0-9a-f]{24}@patchlint\.example\.org>$/);
    expect(reply!.envelope.sort()).toEqual(['ann@example.com', 'qemu-devel@lists.example.org', 'rev@example.com']);
    expect(reply!.text).toContain('[style/c99-comments]');
    expect(reply!.text).toContain('[style/trailing-whitespace]');

    // The reply came back through the archive; a second run sends nothing.
    await archive.idle();
    const second = await once();
    expect(second.status).toBe(0);
    expect(smtp.received).toHaveLength(1);

    const status = await watch(['--status', '--state', state]);
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/answered: 1\n {2}\[PATCH 0\/2\] hw\/misc: keep the counter \(ann@example\.com\)\n {4}reply <patchlint-v1-[0-9a-f]+@patchlint\.example\.org>: sent \S+ via SMTP smtp:\/\/127\.0\.0\.1:\d+\n/);
    expect(status.stdout).toMatch(/skipped: 1\n {2}\[PULL 1\/1\] hw\/misc: unsigned pull .*\n {4}pull request/);
    expect(status.stdout).toMatch(/\[PATCH\] hw\/misc: a clean one .*\n {4}no finding/);
    expect(status.stdout).not.toContain('from the bot');
  });

  it('answers v2 once with a "Since v1" section, and a v3 whose findings are all gone not at all', async () => {
    const subject = 'hw/misc: keep the counter';
    await archive.deliver(mail({ subject: `[PATCH v2 0/2] ${subject}`, id: 's2-0@example.com', inReplyTo: 's1-0@example.com', body: coverBody('v2: fixed the spaces.') }));
    await archive.deliver(mail({ subject: '[PATCH v2 1/2] hw/misc: add the field', id: 's2-1@example.com', inReplyTo: 's2-0@example.com', body: patchBody({ file: 'hw/misc/a.c', line: '\ts->count = 1;' }) }));
    await archive.deliver(mail({ subject: '[PATCH v2 2/2] hw/misc: reset it', id: 's2-2@example.com', inReplyTo: 's2-0@example.com', body: patchBody({ file: 'hw/misc/b.c', line: '    s->count = 0; // reset' }) }));
    const run = await once();
    expect(run.stderr).toBe('');
    const replies = repliesTo('s2-0@example.com');
    expect(replies).toHaveLength(1);
    const text = replies[0]!.text.replace(/\r\n/g, '\n').replace(/\n  /g, ' ');
    expect(headersOf(text).get('message-id')).toMatch(/^<patchlint-v2-/);
    const since = text.slice(text.indexOf('Since v1:'));
    expect(since).toMatch(/- fixed: \[style\/trailing-whitespace\][^\n]*patch 2\/2/);
    expect(since).toMatch(/- still there: \[style\/c99-comments\][^\n]*patch 2\/2/);
    expect(since).toMatch(/- new: \[style\/tabs\][^\n]*patch 1\/2/);
    expect(since).toContain('1 fixed, 1 still there, 1 new.');

    await archive.idle();
    const before = smtp.received.length;
    // v3 squashed into one clean patch: everything of v2 is fixed, nothing to say.
    await archive.deliver(mail({ subject: `[PATCH v3] ${subject}`, id: 's3@example.com', inReplyTo: 's2-0@example.com', body: patchBody({ file: 'hw/misc/a.c' }) }));
    expect((await once()).status).toBe(0);
    expect(smtp.received).toHaveLength(before);
    expect((await watch(['--status', '--state', state])).stdout).toMatch(/\[PATCH v3\] hw\/misc: keep the counter .*\n {4}no finding/);
  });

  it('lets an incomplete series wait, then answers it naming the missing patches', async () => {
    await archive.deliver(mail({ subject: '[PATCH 0/3] hw/misc: count resets', id: 'inc-0@example.com', body: coverBody() }));
    await archive.deliver(mail({ subject: '[PATCH 1/3] hw/misc: count', id: 'inc-1@example.com', inReplyTo: 'inc-0@example.com', body: patchBody({ line: '    s->resets++; // count' }) }));
    const early = await once();
    expect(early.status).toBe(0);
    expect(repliesTo('inc-0@example.com')).toHaveLength(0);
    expect((await watch(['--status', '--state', state])).stdout).toMatch(/waiting: 1\n {2}\[PATCH 0\/3\] hw\/misc: count resets \(ann@example\.com\)\n {4}since \S+: 1 of 3 patches/);

    const late = await once('--series-timeout', '0');
    expect(late.status).toBe(0);
    const replies = repliesTo('inc-0@example.com');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text.replace(/\n/g, ' ')).toContain('This series is incomplete: patches 2/3, 3/3 did not arrive');
    await archive.idle();
  });

  it('keeps a reply due while SMTP refuses connections, and sends it once when SMTP is back', async () => {
    const down = await startSmtp();
    await down.close();
    await archive.deliver(mail({ subject: '[PATCH] hw/misc: unsigned', id: 'down@example.com', body: patchBody({ signed: false }) }));
    const refused = await watch([archive.dir, '--once', '--smtp', down.url, '--from', BOT, '--state', state]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^patchlint watch: cannot send the reply to "Re: \[PATCH\] hw\/misc: unsigned" through SMTP smtp:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED.*; it stays due/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(repliesTo('down@example.com')).toHaveLength(0);

    const back = await once();
    expect(back.status).toBe(0);
    expect(repliesTo('down@example.com')).toHaveLength(1);
    await archive.idle();
    await once();
    expect(repliesTo('down@example.com')).toHaveLength(1);
  });
});
