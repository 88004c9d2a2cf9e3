// Exactly once under crashes: the bot is killed with SIGKILL at random
// moments over several runs against a real public-inbox archive and SMTP
// relay, then runs cleanly; every series must have exactly one reply.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive, BOT, HAS_PUBLIC_INBOX, NO_PUBLIC_INBOX_MESSAGE, headersOf, mail, patchBody, spawnWatch, startSmtp, watch } from './helpers.js';

if (!HAS_PUBLIC_INBOX) console.warn(NO_PUBLIC_INBOX_MESSAGE);

describe.skipIf(!HAS_PUBLIC_INBOX)('patchlint watch killed with SIGKILL at random moments', () => {
  it('gives every series exactly one reply over several killed runs and a clean one', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'patchlint-watch-kill-'));
    const archive = await Archive.create(tmp);
    const smtp = await startSmtp((text) => archive.deliver(text));
    try {
      const ids = ['k1@example.com', 'k2@example.com', 'k3@example.com'];
      for (const id of ids) await archive.deliver(mail({ subject: `[PATCH] hw/misc: unsigned ${id}`, id, body: patchBody({ signed: false }) }));
      const args = [archive.dir, '--smtp', smtp.url, '--from', BOT, '--state', join(tmp, 'state.db'), '--resend-after', '0', '--interval', '0.2'];
      const delays: number[] = [];
      for (let i = 0; i < 6; i++) {
        const delay = 150 + Math.floor(Math.random() * 1200);
        delays.push(delay);
        const child = spawnWatch(args);
        const exited = new Promise((done) => child.on('exit', done));
        await new Promise((r) => setTimeout(r, delay));
        child.kill('SIGKILL');
        await exited;
        // The list delivers what it accepted before the bot comes back.
        await archive.idle();
      }
      const clean = await watch([...args, '--once']);
      expect(clean.status, `kill delays ${delays.join(', ')} ms: ${clean.stderr}`).toBe(0);
      for (const id of ids) {
        const replies = smtp.received.filter((r) => headersOf(r.text).get('in-reply-to') === `<${id}>`);
        expect(replies.length, `replies to ${id} with kill delays ${delays.join(', ')} ms`).toBe(1);
      }
      await archive.idle();
      expect(await archive.count()).toBe(ids.length + ids.length);
    } finally {
      await smtp.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
