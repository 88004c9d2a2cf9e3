// Who the hook thinks a mail goes to: newer git's header file ($2), and for
// git 2.39 the command line and settings of git send-email.
import { describe, expect, it } from 'vitest';
import { recipientsFromHeaders } from '../../src/hook/headers.js';
import { addedFromMail, commandLineRecipients, settingRecipients } from '../../src/hook/recipients.js';
import { parseMail } from '../../src/mail/parse.js';
import { patchFromMail } from '../../src/patch/from-mail.js';
import { mail } from '../helpers/mail.js';

const emails = (people: Array<{ email: string }>) => people.map((p) => p.email);

describe('recipientsFromHeaders ($2 of newer git)', () => {
  it('reads To and Cc as git-send-email gen_header() writes them, folded with a tab', () => {
    const headers =
      'From: Jane Doe <jane@example.org>\n' +
      'To: qemu-devel@nongnu.org,\n\tPeter Xu <peterx@redhat.com>\n' +
      'Cc: "Armbruster, Markus" <armbru@redhat.com>,\n\tFabiano Rosas <farosas@suse.de>\n' +
      'Subject: [PATCH v3 4/9] qapi: add interface for local TAP migration\n' +
      'Date: Tue, 23 Sep 2025 14:00:00 +0300\n' +
      'Message-ID: <20250923110000.1-4-jane@example.org>\n' +
      'X-Mailer: git-send-email 2.47.3\n';
    const { to, cc } = recipientsFromHeaders(headers);
    expect(emails(to)).toEqual(['qemu-devel@nongnu.org', 'peterx@redhat.com']);
    expect(cc).toEqual([
      { name: 'Armbruster, Markus', email: 'armbru@redhat.com' },
      { name: 'Fabiano Rosas', email: 'farosas@suse.de' },
    ]);
  });

  it('is empty for a header file without To or Cc, and ignores case and CRLF', () => {
    expect(recipientsFromHeaders('From: a@b\r\nSubject: x\r\n')).toEqual({ to: [], cc: [] });
    expect(emails(recipientsFromHeaders('cc: a@b.org\r\n').cc)).toEqual(['a@b.org']);
  });
});

describe('commandLineRecipients (git send-email arguments)', () => {
  it('takes --to/--cc/--bcc in both forms, one or two dashes', () => {
    const found = commandLineRecipients(['--dry-run', '--to=qemu-devel@nongnu.org', '--cc', 'Mia Grant <mia@example.org>', '-cc=b@example.org', '--bcc=me@example.org', 'out/']);
    expect(found.unknown).toBeUndefined();
    expect(emails(found.to)).toEqual(['qemu-devel@nongnu.org']);
    expect(emails(found.cc)).toEqual(['mia@example.org', 'b@example.org', 'me@example.org']);
  });

  it('gives up on what it cannot see: --cc-cmd, --to-cmd, --identity, aliases', () => {
    expect(commandLineRecipients(['--cc-cmd=./scripts/get_maintainer.pl']).unknown).toMatch(/--cc-cmd/);
    expect(commandLineRecipients(['--to-cmd', 'x']).unknown).toMatch(/--to-cmd/);
    expect(commandLineRecipients(['--identity=work']).unknown).toMatch(/--identity/);
    expect(commandLineRecipients(['--to=qemu-devel']).unknown).toMatch(/alias/);
  });

  it('leaves other options and file names alone', () => {
    expect(commandLineRecipients(['--annotate', '--subject-prefix=PATCH', 'v3-0001.patch'])).toEqual({ to: [], cc: [] });
  });
});

describe('settingRecipients (sendemail.* settings)', () => {
  it('adds sendemail.to and sendemail.cc; the *cmd settings hide recipients', () => {
    expect(emails(settingRecipients([['sendemail.to', 'qemu-devel@nongnu.org'], ['sendemail.smtpserver', 'x']]).to)).toEqual(['qemu-devel@nongnu.org']);
    expect(settingRecipients([['sendemail.cccmd', 'scripts/get_maintainer.pl --nogit-fallback']]).unknown).toBe('sendemail.cccmd adds recipients that git 2.39 does not show the hook');
    expect(settingRecipients([['sendemail.work.tocmd', 'x']]).unknown).toMatch(/sendemail\.work\.tocmd/);
  });
});

describe('addedFromMail (what git send-email Cc\'s by default)', () => {
  it('the author and every Cc: or *-by: line, below the --- line too', async () => {
    const text = mail({
      from: 'Jane Doe <jane@example.org>',
      body: 'Fix the leak.\n\nReported-by: Ann Bug <ann@example.net>\nCc: qemu-stable@nongnu.org',
      notes: 'Acked-by: Old Acker <acker@example.com>',
    });
    const patch = patchFromMail(await parseMail(Buffer.from(text)), { input: 'test', line: 1 })!;
    expect(emails(addedFromMail(patch))).toEqual(['jane@example.org', 'jane@example.org', 'ann@example.net', 'qemu-stable@nongnu.org', 'jane@example.org', 'acker@example.com']);
  });
});
