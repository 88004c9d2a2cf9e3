// The QAPI rules on the whole real corpus: what they find, with and without
// ../shared/qemu-tree, is exactly the reviewed list (test/corpus/qapi.reviewed.ts).
import { expect, it } from 'vitest';
import { corpusFindings, describeShared } from '../helpers/corpus.js';
import { QAPI_DROPPED, QAPI_REVIEWED } from './qapi.reviewed.js';

describeShared('QAPI findings on the real corpus', () => {
  it('every reviewed entry says why it is a real problem, once', () => {
    expect(QAPI_REVIEWED.every((e) => e.why.length > 20)).toBe(true);
    const keys = QAPI_REVIEWED.map((e) => `${e.key} ${e.tree}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['without a tree', false],
    ['with ../shared/qemu-tree', true],
  ])('%s, equal the reviewed list', async (_name, withTree) => {
    // As `patchlint check` runs: the release inferred from the mails' dates.
    const found = await corpusFindings('qapi/', withTree);
    const expected = QAPI_REVIEWED.filter((e) => e.tree === undefined || e.tree === withTree)
      .map((e) => e.key)
      .sort();
    expect(found).toEqual(expected);
    expect(found.filter((k) => QAPI_DROPPED.some((d) => d.key === k))).toEqual([]);
  });
});
