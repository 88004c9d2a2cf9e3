import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Patch } from '../../src/patch/model.js';
import { SeriesAssembler, assembleSeries } from '../../src/patch/series.js';
import { readInputs } from '../../src/sources/inputs.js';
import { mail, mbox } from '../helpers/mail.js';

async function patchesOf(...mails: string[]): Promise<Patch[]> {
  const patches: Patch[] = [];
  for await (const e of readInputs(['-'], Readable.from([Buffer.from(mbox(...mails))]))) {
    if (e.kind !== 'patch') throw new Error(e.message);
    patches.push(e.patch);
  }
  return patches;
}

const cover = (v: string, n: number, id: string, extra: Partial<Parameters<typeof mail>[0]> = {}) =>
  mail({ subject: `[PATCH ${v}0/${n}] migration: cleanups`, messageId: `<${id}>`, body: 'Cover text.', signOff: false, diff: '', ...extra });
const nth = (v: string, i: number, n: number, id: string, parent?: string, extra: Partial<Parameters<typeof mail>[0]> = {}) =>
  mail({ subject: `[PATCH ${v}${i}/${n}] migration: step ${i}`, messageId: `<${id}>`, inReplyTo: parent && `<${parent}>`, ...extra });

describe('series grouping', () => {
  it('threads patches under their cover and lists what is missing', async () => {
    const [series, ...rest] = assembleSeries(await patchesOf(cover('v3 ', 4, 'c3'), nth('v3 ', 1, 4, 'p1', 'c3'), nth('v3 ', 3, 4, 'p3', 'c3')));
    expect(rest).toEqual([]);
    expect(series).toMatchObject({ version: 3, total: 4, missing: [2, 4], messageId: '<c3>', subject: 'migration: cleanups' });
    expect(series!.cover?.index).toBe(0);
    expect(series!.patches.map((p) => p.index)).toEqual([1, 3]);
  });

  it('accepts patches that arrive before their cover and out of order', async () => {
    const [series] = assembleSeries(await patchesOf(nth('', 2, 2, 'b', 'c'), nth('', 1, 2, 'a', 'c'), cover('', 2, 'c')));
    expect(series!.cover?.messageId).toBe('<c>');
    expect(series!.patches.map((p) => p.index)).toEqual([1, 2]);
    expect(series!.missing).toEqual([]);
  });

  it('keeps a v2 threaded under the v1 cover apart from v1', async () => {
    const all = await patchesOf(cover('', 1, 'v1c'), nth('', 1, 1, 'v1p', 'v1c'), cover('v2 ', 1, 'v2c', { inReplyTo: '<v1c>' }), nth('v2 ', 1, 1, 'v2p', 'v2c'));
    expect(assembleSeries(all).map((s) => [s.version, s.messageId, s.patches.map((p) => p.messageId)])).toEqual([
      [1, '<v1c>', ['<v1p>']],
      [2, '<v2c>', ['<v2p>']],
    ]);
  });

  it('groups a cover-less series by author, version and length within a day', async () => {
    const series = assembleSeries(
      await patchesOf(
        nth('v2 ', 1, 2, 'x1', undefined, { date: 'Mon, 1 Sep 2025 10:00:00 +0200' }),
        nth('v2 ', 1, 2, 'y1', undefined, { from: 'Other Person <other@example.org>', signOff: 'Other Person <other@example.org>' }),
        nth('v2 ', 2, 2, 'x2', undefined, { date: 'Mon, 1 Sep 2025 10:00:05 +0200' }),
      ),
    );
    expect(series.map((s) => s.patches.map((p) => p.messageId))).toEqual([['<x1>', '<x2>'], ['<y1>']]);
  });

  it('does not join a cover-less patch to a series sent days earlier', async () => {
    const series = assembleSeries(
      await patchesOf(nth('', 1, 2, 'old', undefined, { date: 'Mon, 1 Sep 2025 10:00:00 +0200' }), nth('', 2, 2, 'new', undefined, { date: 'Fri, 5 Sep 2025 10:00:00 +0200' })),
    );
    expect(series).toHaveLength(2);
  });

  it('ignores replies and counts the same mail twice only once', async () => {
    const patch = nth('', 1, 1, 'once');
    const reply = mail({ subject: 'Re: [PATCH] migration: step 1', inReplyTo: '<once>', diff: '', body: 'Looks good.' });
    const series = assembleSeries(await patchesOf(patch, reply, patch));
    expect(series).toHaveLength(1);
    expect(series[0]!.patches).toHaveLength(1);
  });

  it('lets a complete series go before the input ends (streaming)', async () => {
    const assembler = new SeriesAssembler();
    const [c, p1, p2] = await patchesOf(cover('', 2, 'c'), nth('', 1, 2, 'a', 'c'), nth('', 2, 2, 'b', 'c'));
    expect(assembler.add(c!)).toEqual([]);
    expect(assembler.add(p1!)).toEqual([]);
    expect(assembler.add(p2!).map((g) => g.cover?.messageId)).toEqual(['<c>']);
    expect(assembler.flush()).toEqual([]);
  });

  it('gives up on an incomplete series after enough unrelated mail', async () => {
    const assembler = new SeriesAssembler(2);
    const [c, p1] = await patchesOf(cover('', 3, 'c'), nth('', 1, 3, 'a', 'c'));
    const lone = await patchesOf(nth('', 1, 1, 'l1'), nth('', 1, 1, 'l2'), nth('', 1, 1, 'l3'));
    assembler.add(c!);
    assembler.add(p1!);
    const out = lone.flatMap((p) => assembler.add(p));
    expect(out.map((g) => g.cover?.messageId)).toContain('<c>');
  });
});
