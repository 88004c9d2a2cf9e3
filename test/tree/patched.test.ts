import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Patch } from '../../src/patch/model.js';
import { readInputs } from '../../src/sources/inputs.js';
import { PatchedSeries } from '../../src/tree/patched.js';
import { MemoryTree } from '../../src/tree/tree.js';
import { fileDiff, mail, mbox } from '../helpers/mail.js';

async function patches(...mails: string[]): Promise<Patch[]> {
  const out: Patch[] = [];
  for await (const e of readInputs(['-'], Readable.from([Buffer.from(mbox(...mails))]))) if (e.kind === 'patch') out.push(e.patch);
  return out;
}

const base = new MemoryTree({ VERSION: '10.1.50\n', 'a.c': 'one\ntwo\nthree\n', 'b.c': 'x\n' });

describe('PatchedSeries', async () => {
  const series = await patches(
    mail({ subject: '[PATCH 1/3] a: add', messageId: '<1>', diff: fileDiff('a.c', 1, [' one', '+one and a half', ' two']) }),
    mail({ subject: '[PATCH 2/3] a: edit', messageId: '<2>', diff: fileDiff('a.c', 2, [' one and a half', '-two', '+TWO']) }),
    mail({ subject: '[PATCH 3/3] c: touch', messageId: '<3>', diff: fileDiff('c.c', 1, [' gone', '+new']) }),
  );
  const patched = new PatchedSeries(base, series);

  it('shows each patch the tree after itself and its predecessors', async () => {
    expect(await patched.at(0).read('a.c')).toBe('one\ntwo\nthree\n');
    expect(await patched.at(1).read('a.c')).toBe('one\none and a half\ntwo\nthree\n');
    expect(await patched.at(2).read('a.c')).toBe('one\none and a half\nTWO\nthree\n');
    expect(await patched.at(3).read('b.c')).toBe('x\n');
    expect(await patched.at(3).version()).toBe('10.1.50');
  });

  it('treats a file missing from a partial tree as unknown, with a note, not an error', async () => {
    expect(await patched.at(3).read('c.c')).toBeUndefined();
    expect(patched.notes).toContain("c.c is not in the base tree: checked from patch 3's diff only");
  });

  it('falls back to the diff for the rest of the series when a hunk does not apply', async () => {
    const bad = await patches(
      mail({ subject: '[PATCH 1/2] a: edit', messageId: '<b1>', diff: fileDiff('a.c', 2, ['-deux', '+2']) }),
      mail({ subject: '[PATCH 2/2] a: edit', messageId: '<b2>', diff: fileDiff('a.c', 1, [' one', '+1']) }),
    );
    const p = new PatchedSeries(base, bad);
    expect(await p.at(1).read('a.c')).toBeUndefined();
    expect(await p.at(2).read('a.c')).toBeUndefined();
    expect(p.notes).toEqual(['patch 1 does not apply to a.c (a.c: hunk at line 2 does not apply): checked from the diff only from here on']);
  });
});
