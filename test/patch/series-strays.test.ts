// Patches that reply into a series but cannot join it are noted on that
// series (Series.strays), so that the series rules can name them.
import { describe, expect, it } from 'vitest';
import { parseMail } from '../../src/mail/parse.js';
import { patchFromMail } from '../../src/patch/from-mail.js';
import type { Patch } from '../../src/patch/model.js';
import { assembleSeries } from '../../src/patch/series.js';
import { mail } from '../helpers/mail.js';

async function patch(subject: string, messageId: string, inReplyTo?: string): Promise<Patch> {
  const text = mail({ subject, messageId, inReplyTo });
  return patchFromMail(await parseMail(Buffer.from(text)), { input: 't', line: 1 })!;
}

const COVER = '<cover@example.org>';

async function thread(...subjects: string[]): Promise<Patch[]> {
  const cover = await patch(subjects[0]!, COVER);
  const rest = await Promise.all(subjects.slice(1).map((s, i) => patch(s, `<p${i}@example.org>`, COVER)));
  return [cover, ...rest];
}

describe('Series.strays', () => {
  it('notes a second copy of a slot as a duplicate', async () => {
    const series = assembleSeries(await thread('[PATCH v3 0/3] net: x', '[PATCH v3 1/3] net: a', '[PATCH v3 1/3] net: a again', '[PATCH v3 2/3] net: b'));
    const main = series.find((s) => s.cover)!;
    expect(main.strays).toEqual([expect.objectContaining({ kind: 'duplicate', index: 1, total: 3, version: 3, messageId: '<p1@example.org>' })]);
    expect(main.missing).toEqual([3]);
  });

  it('notes a patch that announces another length', async () => {
    const series = assembleSeries(await thread('[PATCH 0/3] net: x', '[PATCH 1/3] net: a', '[PATCH 2/4] net: b'));
    expect(series.find((s) => s.cover)!.strays).toEqual([expect.objectContaining({ kind: 'total', index: 2, total: 4 })]);
  });

  it('notes a patch whose version tag differs from the thread', async () => {
    const series = assembleSeries(await thread('[PATCH v3 0/3] net: x', '[PATCH v3 1/3] net: a', '[PATCH v2 2/3] net: b'));
    const main = series.find((s) => s.cover)!;
    expect(main.strays).toEqual([expect.objectContaining({ kind: 'version', index: 2, version: 2, rawSubject: '[PATCH v2 2/3] net: b' })]);
    expect(series).toHaveLength(2);
  });

  it('does not note a whole new version sent in reply to the old cover', async () => {
    // v1 lacks 2/2, so it is still open when v2 arrives in its thread.
    const old = await thread('[PATCH 0/2] net: x', '[PATCH 1/2] net: a');
    const v2 = await Promise.all([patch('[PATCH v2 1/2] net: a', '<v2-1@example.org>', COVER)]);
    const series = assembleSeries([...old, ...v2]);
    expect(series).toHaveLength(2);
    expect(series.every((s) => !s.strays)).toBe(true);
  });

  it('leaves a clean series without strays', async () => {
    const series = assembleSeries(await thread('[PATCH 0/2] net: x', '[PATCH 1/2] net: a', '[PATCH 2/2] net: b'));
    expect(series).toHaveLength(1);
    expect(series[0]!.strays).toBeUndefined();
  });
});
