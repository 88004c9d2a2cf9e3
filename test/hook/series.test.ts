// How the hook groups the mails of one send into series.
import { describe, expect, it } from 'vitest';
import { parseMail } from '../../src/mail/parse.js';
import { patchFromMail } from '../../src/patch/from-mail.js';
import { type Mailed, groupIntoSeries, isComplete, seriesOf } from '../../src/hook/series.js';
import { mail } from '../helpers/mail.js';

let seq = 0;
async function mailed(subject: string): Promise<Mailed> {
  const patch = patchFromMail(await parseMail(Buffer.from(mail({ subject }))), { input: subject, line: 1 })!;
  seq++;
  return { entry: { seq, mailPath: `/spool/${seq}.mail`, name: subject, done: false }, patch };
}

const shape = (groups: ReturnType<typeof groupIntoSeries>) =>
  groups.map((g) => `${g.cover ? '0,' : ''}${[...g.byIndex.keys()].join(',')}/${g.total}${isComplete(g) ? ' whole' : ''}`);

describe('groupIntoSeries', () => {
  it('puts a cover letter and its patches together, in any order', async () => {
    const groups = groupIntoSeries([await mailed('[PATCH v3 2/2] b'), await mailed('[PATCH v3 0/2] cover'), await mailed('[PATCH v3 1/2] a')]);
    expect(shape(groups)).toEqual(['0,2,1/2 whole']);
    expect(seriesOf(groups[0]!).patches.map((p) => p.index)).toEqual([1, 2]);
  });

  it('keeps patches without i/n apart, each a whole series', async () => {
    expect(shape(groupIntoSeries([await mailed('[PATCH] a'), await mailed('[PATCH] b')]))).toEqual(['1/1 whole', '1/1 whole']);
  });

  it('tells series apart by version, length and prefix words', async () => {
    const groups = groupIntoSeries([
      await mailed('[PATCH v2 1/2] a'),
      await mailed('[PATCH v3 1/2] a'),
      await mailed('[RFC PATCH v2 1/2] a'),
      await mailed('[PATCH v2 1/3] a'),
      await mailed('[PATCH v2 2/2] b'),
    ]);
    expect(shape(groups)).toEqual(['1,2/2 whole', '1/2', '1/2', '1/3']);
  });

  it('starts another series when an i/n is taken', async () => {
    expect(shape(groupIntoSeries([await mailed('[PATCH 1/2] a'), await mailed('[PATCH 1/2] a again'), await mailed('[PATCH 2/2] b')]))).toEqual(['1/2', '1,2/2 whole']);
  });
});
