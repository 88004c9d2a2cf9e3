import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotAMailError, parseMail } from '../../src/mail/parse.js';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/ingest', name));

describe('parseMail', () => {
  it('decodes quoted-printable bodies, soft line breaks and RFC 2047 names', async () => {
    const mail = await parseMail(fixture('quoted-printable.eml'));
    expect(mail.from).toEqual({ name: 'René Müller', email: 'rene@example.org' });
    expect(mail.body).toContain('+        qemu_mutex_destroy(&(*rsp)->src_page_req_mutex); /* leaked on resume */\n');
    expect(mail.body).toContain('Signed-off-by: René Müller <rene@example.org>');
    expect(mail.messageId).toBe('<qp.1@example.org>');
  });

  it('decodes base64 bodies', async () => {
    const mail = await parseMail(fixture('base64.eml'));
    expect(mail.from?.name).toBe('René Müller');
    expect(mail.body).toMatch(/^The request mutex is initialised/);
    expect(mail.body).toContain('@@ -40,6 +40,7 @@');
  });

  it('decodes ISO-8859-15 bodies and encoded words, lowercase cc: included', async () => {
    const mail = await parseMail(fixture('latin9.eml'));
    expect(mail.subject).toBe('[PATCH] migration/ram: destroy the mutex (€ saved)');
    expect(mail.cc).toEqual([{ name: 'François Pérez', email: 'francois@example.org' }]);
    expect(mail.body).toContain('Signed-off-by: René Müller € <rene@example.org>');
  });

  it('keeps a DOS line ending inside an LF mail, and not the transport CRLF of a CRLF mail', async () => {
    const dos = await parseMail(fixture('dos-line.eml'));
    const line = dos.body.split('\n').findIndex((l) => l.includes('src_page_req_mutex);'));
    expect([...(dos.crLines ?? [])]).toEqual([line]);
    const crlf = await parseMail(fixture('crlf-mail.eml'));
    expect(crlf.crLines).toBeUndefined();
    expect(crlf.body).not.toContain('\r');
  });

  it('counts header lines so that body lines map to mail lines', async () => {
    const mail = await parseMail(Buffer.from('Subject: x\nFrom: a <a@b.c>\n folded\n\nfirst body line\n'));
    expect(mail.bodyFirstLine).toBe(5);
  });

  it.each([
    ['prose', 'Things to do:\n- rebase\n', 'not a mail header: "Things to do:"', 1],
    ['headers that never end', 'Subject: x\nFrom: a <a@b.c>', 'headers never end (no blank line): truncated mail?', 2],
    ['a later line that is not a header', 'Subject: x\nthis is not a header\n\nbody\n', 'not a mail header: "this is not a header"', 2],
    ['binary data', '\u0000\u0001\u0002', 'binary data, not a mail', 1],
  ])('rejects %s with the line', async (_name, text, message, line) => {
    const error = await parseMail(Buffer.from(text)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAMailError);
    expect((error as NotAMailError).message).toBe(message);
    expect((error as NotAMailError).line).toBe(line);
  });
});

describe('patches in attachments', () => {
  it('reads a patch attached as application/octet-stream, the attachment being the patch', async () => {
    const mail = await parseMail(fixture('attached-octet-stream.eml'));
    expect(mail.body).toMatch(/^From: Jane Doe <jane@example.org>\nSubject: \[PATCH\] migration\/ram: destroy the page request mutex\n\nThe request mutex/);
    expect(mail.body).toContain('+        qemu_mutex_destroy(&(*rsp)->src_page_req_mutex);\n');
    expect(mail.body).not.toContain('my mailer mangles inline patches');
  });
});
