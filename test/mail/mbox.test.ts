import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isMboxSeparator, splitMbox } from '../../src/mail/mbox.js';

async function split(text: string, chunkSize = 1 << 16) {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out = [];
  for await (const m of splitMbox(Readable.from(chunks))) out.push({ text: m.bytes.toString(), line: m.line, separator: m.separator });
  return out;
}

describe('mbox separators', () => {
  it.each([
    ['From mboxrd@z Thu Jan  1 00:00:00 1970', true],
    ['From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001', true],
    ['From MAILER-DAEMON Fri Jul  8 12:08:34 2011', true],
    ['From jane@example.org Sat, Sep  6 10:00:00 2025', true],
    ['From the original author: this is prose', false],
    ['From: Jane Doe <jane@example.org>', false],
  ])('%s -> %s', (line, expected) => {
    expect(isMboxSeparator(line)).toBe(expected);
  });
});

describe('splitMbox', () => {
  const two = 'From a@b Thu Jan  1 00:00:00 1970\nSubject: one\n\nbody 1\n\nFrom a@b Thu Jan  1 00:00:00 1970\nSubject: two\n\nbody 2\n';

  it('yields each message with the line its separator is on', async () => {
    const messages = await split(two);
    expect(messages.map((m) => [m.line, m.text])).toEqual([
      [1, 'Subject: one\n\nbody 1\n\n'],
      [6, 'Subject: two\n\nbody 2\n'],
    ]);
  });

  it('gives the same result whatever the chunk boundaries are', async () => {
    expect(await split(two, 1)).toEqual(await split(two));
    expect(await split(two, 7)).toEqual(await split(two));
  });

  it('unescapes mboxrd >From lines by one level', async () => {
    const [m] = await split('From a@b Thu Jan  1 00:00:00 1970\nSubject: x\n\n>From here\n>>From there\n> From not escaped\n');
    expect(m!.text).toBe('Subject: x\n\nFrom here\n>From there\n> From not escaped\n');
  });

  it('does not split at a "From " line that is not after a blank line or has no date', async () => {
    const messages = await split('From a@b Thu Jan  1 00:00:00 1970\nSubject: x\n\ntext\nFrom a@b Thu Jan  1 00:00:00 1970\n\nFrom the notes, prose\n');
    expect(messages).toHaveLength(1);
  });

  it('treats a file without separator as one message (a single .eml)', async () => {
    const messages = await split('Subject: x\nFrom: a <a@b>\n\nbody\n');
    expect(messages).toEqual([{ text: 'Subject: x\nFrom: a <a@b>\n\nbody\n', line: 1, separator: undefined }]);
  });

  it('keeps format-patch separators, which carry the commit id', async () => {
    const [m] = await split('From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\nSubject: x\n\nb\n');
    expect(m!.separator).toBe('From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001');
  });
});

describe('streaming', () => {
  it('yields a message before the rest of the mbox has been read', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let readSecond = false;
    async function* source() {
      yield Buffer.from('From a@b Thu Jan  1 00:00:00 1970\nSubject: one\n\nbody\n\n');
      yield Buffer.from('From a@b Thu Jan  1 00:00:00 1970\nSubject: two\n');
      await gate;
      readSecond = true;
      yield Buffer.from('\nbody 2\n');
    }
    const messages = splitMbox(source());
    const first = await messages.next();
    expect(first.value?.bytes.toString()).toBe('Subject: one\n\nbody\n\n');
    expect(readSecond).toBe(false);
    release();
    const second = await messages.next();
    expect(second.value?.bytes.toString()).toBe('Subject: two\n\nbody 2\n');
  });
});

describe('format-patch files joined together', () => {
  it('splits at the magic From <sha> line even without a blank line before it (git mailsplit does)', async () => {
    const sha = (c: string) => c.repeat(40);
    const one = `From ${sha('a')} Mon Sep 17 00:00:00 2001\nSubject: [PATCH 1/2] one\n\nbody\n---\n x | 1 +\n`;
    const two = `From ${sha('b')} Mon Sep 17 00:00:00 2001\nSubject: [PATCH 2/2] two\n\nbody\n`;
    const messages = await split(one + two);
    expect(messages.map((m) => [m.line, m.separator?.slice(5, 6)])).toEqual([
      [1, 'a'],
      [7, 'b'],
    ]);
  });
});
